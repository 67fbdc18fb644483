// Row: `keyport locate`'s default search, worst case (the address is not there, so every one of
// the ~1 635 candidate keys of an SS58 target is computed). keyport: core's locate with its
// cached intermediate keys; baseline: the naive loop a script would write, one
// Keyring.createFromUri (or hdLedger / SLIP-10 from the phrase) per candidate, over the same list.
// Goal (issue 13): the default search answers in under 1 s on 2 cores. Also reported: a cold
// `keyport locate` process end to end, as the built CLI (apps/cli/dist, what npm installs: Node
// start, the command's chunks, wasm init, search) and through tsx from the sources (`pnpm keyport`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveSlip10Account, locate, parseTarget, readLocateSecret } from '@keyport/core';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, hdLedger } from '@polkadot/util-crypto';
import { figure, type Row, round } from './stats.ts';

const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
/** //Alice of DEV: a real address that no default candidate gives. */
const MISSING = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'apps', 'cli');

/** The default candidates of an SS58 target, as (type, path) pairs the naive loop derives. */
function candidates(): [string, string][] {
  const networks = [...new Set(['polkadot', 'kusama', 'westend', ...netNames()])];
  const subs = ['', ...networks.map((n) => `//${n}`)];
  const list: [string, string][] = [
    ['sr25519', ''],
    ['ed25519', ''],
    ['ecdsa', ''],
  ];
  for (const p of subs.slice(1)) list.push(['sr25519', p]);
  for (const n of ['polkadot', 'kusama', 'westend'])
    for (let i = 0; i < 20; i++) list.push(['sr25519', `//${n}//${i}`]);
  for (let i = 0; i < 100; i++) list.push(['sr25519', `//${i}`]);
  for (let i = 0; i < 20; i++) list.push(['sr25519', `/${i}`]);
  for (const s of [354, 434])
    for (let a = 0; a < 20; a++)
      for (let i = 0; i < 20; i++) list.push(['ledger', `m/44'/${s}'/${a}'/0'/${i}'`]);
  for (const s of [354, 434]) list.push(['slip10', `m/44'/${s}'/0'/0'/0'`]);
  for (const t of ['ed25519', 'ecdsa'])
    for (const p of [...subs.slice(1), ...Array.from({ length: 100 }, (_, i) => `//${i}`)]) list.push([t, p]);
  return list;
}

let names: string[] | undefined;
function netNames(): string[] {
  return names ?? [];
}

async function naive(list: readonly [string, string][], target: string): Promise<boolean> {
  const keyrings = {
    sr25519: new Keyring({ type: 'sr25519' }),
    ed25519: new Keyring({ type: 'ed25519' }),
    ecdsa: new Keyring({ type: 'ecdsa' }),
  } as const;
  for (const [type, path] of list) {
    let address: string;
    if (type === 'ledger') address = keyrings.ed25519.encodeAddress(hdLedger(DEV, path).publicKey);
    else if (type === 'slip10') address = (await deriveSlip10Account({ secret: DEV, path })).address;
    else address = keyrings[type as keyof typeof keyrings].createFromUri(`${DEV}${path}`).address;
    if (address === target) return true;
  }
  return false;
}

/** Runs keyport `runs` times and the naive loop min(runs, 2) times (it takes seconds), interleaved. */
export async function benchLocate(runs: number): Promise<Row> {
  await cryptoWaitReady();
  names = (await import('@polkadot/networks')).allNetworks
    .map((n) => n.network)
    .filter((n) => /^[\w-]+$/.test(n));
  const list = candidates();
  const keyport: number[] = [];
  const baseline: number[] = [];
  let searched = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = await locate(readLocateSecret(DEV), parseTarget(MISSING));
    keyport.push(performance.now() - t0);
    if (result.found) throw new Error('locate found a key for an address outside the default search');
    searched = result.searched;
    if (i < Math.min(runs, 2)) {
      const t1 = performance.now();
      if (await naive(list, MISSING)) throw new Error('the naive loop found the missing address');
      baseline.push(performance.now() - t1);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'keyport-locate-'));
  const built = join(cli, 'dist', 'keyport.js');
  const cold: number[] = [];
  const tsx: number[] = [];
  try {
    const secret = join(dir, 'phrase.txt');
    writeFileSync(secret, DEV, { mode: 0o600 });
    const args = ['locate', '--secret-file', secret, '--address', MISSING];
    const whole = (entry: readonly string[], into: number[]) => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [...entry, ...args], { cwd: cli, encoding: 'utf8' });
      into.push(performance.now() - t0);
      if (r.status !== 1) throw new Error(`keyport locate exited ${r.status}: ${r.stderr.slice(0, 200)}`);
    };
    // The built CLI when there is one (turbo builds it before the bench), A and B in turn.
    for (let i = 0; i < Math.min(runs, 5); i++) {
      if (existsSync(built)) whole([built], cold);
      if (i < 3) whole(['--import', 'tsx', 'src/bin.ts'], tsx);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const k = figure(keyport);
  const b = figure(baseline);
  return {
    id: 'locate',
    title: `locate, default search, not found (${searched} keys), Node`,
    status: 'measured',
    keyport: k,
    keyportLabel: 'cached keys',
    baseline: b,
    baselineLabel: `createFromUri per key, ${list.length} keys`,
    ratio: round(b.median / k.median),
    ratioMeaning: 'faster',
    goal: '< 1 s',
    met: k.median < 1000,
    extra: {
      ...(cold.length > 0 ? { coldProcessMs: figure(cold).median } : {}),
      coldTsxProcessMs: figure(tsx).median,
      naiveKeys: list.length,
    },
  };
}
