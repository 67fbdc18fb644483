// Plain Node ESM against the installed tarballs: every exported subpath loads, and each does real
// work. Usage: node run.mjs <keystore.json> <password>; prints one JSON line of facts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32c, Findings, findProfiles, firefoxLocalStorage } from '@keyport/browser-profile';
import { nodeProfileFs } from '@keyport/browser-profile/node';
import { COMPAT_SCRYPT, createKeystore, describeKeystore, isKeyportError, openKeystore } from '@keyport/core';
import { createNodeScryptPool } from '@keyport/core/node-pool';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { createWebScryptPool } from '@keyport/core/web-pool';
import {
  applyPlan,
  decodeBundle,
  dumpStorage,
  encodeBundle,
  MemoryStorage,
  planImport,
  readImportInput,
} from '@keyport/storage-migrate';
import { classifyKey } from '@keyport/storage-migrate/light';
import { verifyWithUiKeyring } from '@keyport/storage-migrate/verify';

const [file, password] = process.argv.slice(2);
const json = readFileSync(file, 'utf8');
const now = () => Date.UTC(2026, 0, 1);

const info = describeKeystore(json);
const pool = createNodeScryptPool({ size: 1 });
const pooled = await openKeystore(json, password, { scrypt: pool });
await pool.close();
const native = await openKeystore(json, password, { scrypt: nodeScrypt });
let wrong = 'accepted';
try {
  await openKeystore(json, `${password}!`, { scrypt: nodeScrypt });
} catch (e) {
  wrong = isKeyportError(e) ? e.code : String(e);
}
const rewritten = await createKeystore(native, password, { params: COMPAT_SCRYPT, scrypt: nodeScrypt });

const key = `account:0x${Buffer.from(native.publicKey).toString('hex')}`;
const source = new MemoryStorage({ [key]: JSON.stringify(rewritten), settings: '{"prefix":2}' });
const text = await encodeBundle(dumpStorage(source, { origin: 'https://example.org', now }), {
  passphrase: 'bundle pass',
  params: COMPAT_SCRYPT,
  scrypt: nodeScrypt,
});
const read = await readImportInput(text, { passphrase: 'bundle pass', scrypt: nodeScrypt, now });
const target = new MemoryStorage();
const plan = planImport(read, target, { policy: 'keep' });
const applied = applyPlan(plan, target, { now });
const shown = await verifyWithUiKeyring(target, { passwords: { [key]: password } });
let locked = 'opened';
try {
  await decodeBundle(text);
} catch (e) {
  locked = isKeyportError(e) ? e.code : String(e);
}

// browser-profile: Firefox's localStorage file format read through the installed sql.js (its
// wasm loads from the installed package), CRC-32C's check value, a scan of an empty folder.
const SQL = await (await import('sql.js')).default();
const db = new SQL.Database();
db.run('CREATE TABLE database (origin TEXT)');
db.run('INSERT INTO database VALUES (?)', ['https://example.org']);
db.run(
  'CREATE TABLE data (key TEXT, utf16_length INT, conversion_type INT, compression_type INT, value BLOB)',
);
db.run('INSERT INTO data VALUES (?, ?, 1, 0, ?)', [key, 2, new TextEncoder().encode('{}')]);
const firefox = await firefoxLocalStorage(
  db.export(),
  'data.sqlite',
  'https://fallback',
  new Findings(false),
);
db.close();
const profiles = await findProfiles(nodeProfileFs, mkdtempSync(join(tmpdir(), 'keyport-no-profiles-')));

console.log(
  JSON.stringify({
    version: info.version,
    address: pooled.address,
    sameAsNative: pooled.address === native.address,
    wrong,
    written: applied.written,
    locked,
    shown: shown.accounts.map((a) => ({ key: a.key, unlocked: a.unlocked })),
    webPool: typeof createWebScryptPool,
    kind: classifyKey(key),
    firefox: { origin: firefox.name, entries: firefox.entries },
    crc32c: crc32c(new TextEncoder().encode('123456789')).toString(16),
    profiles: profiles.length,
  }),
);
