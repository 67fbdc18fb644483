// The same inputs for both sides: 8 keystores written by @polkadot/keyring's own toJson at its
// default scrypt (N = 2^17, p = 1, r = 8), the files Apps and the extension export today.
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** One keystore with its password and the address it must unlock to. */
export interface KeystoreCase {
  readonly json: KeyringPair$Json;
  readonly password: string;
  readonly address: string;
}

const TYPES = ['sr25519', 'ed25519', 'sr25519', 'ecdsa', 'sr25519', 'ed25519', 'sr25519', 'ed25519'] as const;

/**
 * Writes `count` keystores (dev-phrase derivations //bench//i, mixed key types) with toJson,
 * each under its own password, or all under `password` when given.
 */
export async function makeKeystores(count = 8, password?: string): Promise<KeystoreCase[]> {
  await cryptoWaitReady();
  const keyring = new Keyring({ ss58Format: 42 });
  return Array.from({ length: count }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    const pair = keyring.addFromUri(`//bench//${i}`, { name: `bench ${i}` }, type);
    const own = password ?? `bench password ${i}`;
    return { json: pair.toJson(own), password: own, address: pair.address };
  });
}

/** polkadot-js's way to unlock: addFromJson + decodePkcs8, one after another. Returns addresses. */
export function unlockWithKeyring(cases: readonly KeystoreCase[]): string[] {
  const keyring = new Keyring({ ss58Format: 42 });
  return cases.map((c) => {
    const pair = keyring.addFromJson(c.json);
    pair.decodePkcs8(c.password);
    if (pair.isLocked) throw new Error(`keyring left ${c.address} locked`);
    const address = pair.address;
    pair.lock();
    return address;
  });
}
