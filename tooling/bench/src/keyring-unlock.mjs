// The baseline process of the `cli-unlock` row: what a script built on polkadot-js does to check
// an Apps "export all" array, one account after another (addFromJson + decodePkcs8).
// Usage: node src/keyring-unlock.mjs <accounts.json> <password-file>; exit 0 when all unlock.
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

await cryptoWaitReady();
const [file, passwordFile] = process.argv.slice(2);
const password = readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '');
const keyring = new Keyring({ ss58Format: 42 });
for (const json of JSON.parse(readFileSync(file, 'utf8'))) {
  const pair = keyring.addFromJson(json);
  pair.decodePkcs8(password);
  if (pair.isLocked) process.exit(1);
}
