// Row: scanning a browser profile on disk. Debian's Chromium writes 10,000 localStorage entries
// (Apps-shaped keys, ~300-character values) into a fresh profile over two sessions, so the profile
// holds both a table and a log; keyport's readProfile (find the files, read them, verify every
// checksum, inflate, replay the MANIFEST, decode every string, collect older values) is timed
// against only reading the same files' bytes, side by side in one run.
import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumSession, startOriginServer, writeLocalStorage } from '@keyport/browser-fixtures';
import { findProfiles, readProfile } from '@keyport/browser-profile';
import { nodeProfileFs } from '@keyport/browser-profile/node';
import { figure, type Row, round } from './stats.ts';

const ENTRIES = 10_000;

/** One Chromium session writing `items` on `origin`, then waiting until they are on disk. */
async function session(dir: string, origin: string, items: Record<string, string>): Promise<void> {
  await chromiumSession(dir, {}, async (ctx) => {
    await writeLocalStorage(ctx, origin, items);
    // Chromium commits localStorage on a timer (longer for large writes): wait past it.
    await new Promise((r) => setTimeout(r, 7000));
  });
}

function entries(n: number, salt: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const hex = (i * 2654435761 + salt.length).toString(16).padStart(64, '0').slice(-64);
    out[`account:0x${hex}`] = JSON.stringify({
      address: `5${hex.slice(0, 47)}`,
      encoded: `${salt}${hex}`,
      encoding: { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
      meta: { name: `account ${i} "é"`, whenCreated: 1_700_000_000_000 + i },
    });
  }
  return out;
}

async function readBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    if (e.isFile() && e.name !== 'LOCK' && e.name !== 'LOG')
      total += (await fs.readFile(join(dir, e.name))).length;
  }
  return total;
}

/** The profile-scan row (median of `runs`, keyport and baseline alternating). */
export async function benchProfileScan(runs: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'keyport-bench-profile-'));
  const server = await startOriginServer();
  try {
    await session(dir, server.origin, entries(ENTRIES, 'a'));
    await session(dir, server.origin, entries(100, 'b'));
    const [profile] = await findProfiles(nodeProfileFs, dir);
    const ldb = join(profile!.path, 'Local Storage', 'leveldb');
    const keyport: number[] = [];
    const baseline: number[] = [];
    let found = 0;
    let size = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      size = await readBytes(ldb);
      const t1 = performance.now();
      const data = await readProfile(nodeProfileFs, profile!);
      const t2 = performance.now();
      found = data.localStorage.reduce((n, s) => n + s.entries.length, 0);
      if (i === 0) continue; // warm-up: file cache and JIT
      baseline.push(t1 - t0);
      keyport.push(t2 - t1);
    }
    if (found !== ENTRIES) throw new Error(`read ${found} entries, expected ${ENTRIES}`);
    const k = figure(keyport);
    const b = figure(baseline);
    return {
      id: 'profile-scan',
      title: `scan a Chromium profile with ${ENTRIES.toLocaleString('en')} localStorage entries`,
      status: 'measured',
      keyport: k,
      keyportLabel: 'readProfile: checksums, snappy, MANIFEST, decode, older values',
      baseline: b,
      baselineLabel: `reading the LevelDB files' ${round(size / 2 ** 20)} MiB`,
      ratio: round(k.median / b.median),
      ratioMeaning: "the bytes' read time",
      goal: 'for reference',
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
