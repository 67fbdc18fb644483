// Ledger ed25519 vectors (hdLedger; m/44'/<slip44>'/<account>'/0'/<address>').
// - SPEC: polkadot-js/common packages/util-crypto/src/hd/ledger/index.spec.ts
//   @ 9281daa14c2c2a41708c3489de8770a064525577 (v14.0.3): the first 32 bytes of the secret.
// - DEVICE: Zondax/ledger-polkadot tests_zemu/tests/standard.test.ts ("get address"),
//   recovery.test.ts (slip44 434 in the DOT app) and migration.test.ts (astar_pk, slip44 810):
//   public keys from the device emulator for Zondax's APP_SEED; the prefix-0 addresses were
//   computed from those keys.

export const ABANDON =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
export const OPEN_JELLY =
  'open jelly jeans corn ketchup supreme brief element armed lens vault weather original scissors rug priority vicious lesson raven spot gossip powder person volcano';
export const APP_SEED = 'equip will roof matter pink blind book anxiety banner elbow sun young';

export interface LedgerSeedVector {
  readonly phrase: string;
  readonly path: string;
  /** First 32 bytes of hdLedger's secretKey (the ed25519 seed). */
  readonly seed: string;
}

export const LEDGER_SPEC_VECTORS: readonly LedgerSeedVector[] = [
  {
    phrase: ABANDON,
    path: "m/44'/354'/0'/0'/0'",
    seed: '0xe8c68348586d53e4e8d1a864b0e4e17c75e4eb06e0c63c1432bef2ba29e69d41',
  },
  {
    phrase: `${OPEN_JELLY} testing`,
    path: "m/44'/354'/0'/0'/0'",
    seed: '0x3890e8db837eba3f8f25215c753e1091062298ce671a51441e7ef89a7adc4f48',
  },
  {
    phrase: ABANDON,
    path: "m/44'/434'/0'/0'/0'",
    seed: '0x98cb4e14e0e08ea876f88d728545ea7572dc07dbbe69f1731c418fb827e69d41',
  },
  {
    phrase: OPEN_JELLY,
    path: "m/44'/434'/0'/0'/0'",
    seed: '0x70e9010e84c81095aaa5f63b1c5a6a66a1dcbec017a23c2f3b7a1b08fe5ea65a',
  },
  {
    phrase: OPEN_JELLY,
    path: "m/44'/434'/5'/0'/7'",
    seed: '0xf06730efb1e6ea59ac752a7c3620fade3909062fb88597856cc3af72045fa65a',
  },
];

export interface LedgerDeviceVector {
  readonly path: string;
  readonly publicKey: string;
  /** SS58 prefix 0. */
  readonly address: string;
}

/** Zondax device-emulator keys for APP_SEED. */
export const LEDGER_DEVICE_VECTORS: readonly LedgerDeviceVector[] = [
  {
    path: "m/44'/354'/0'/0'/0'",
    publicKey: '0xe1b4d72d27b3e91b9b6116555b4ea17138ddc12ca7cdbab30e2e0509bd848419',
    address: '166wVhuQsKFeb7bd1faydHgVvX1bZU2rUuY7FJmWApNz2fQY',
  },
  {
    path: "m/44'/434'/0'/0'/0'",
    publicKey: '0xffbc10f71d63e0da1b9e7ee2eb4037466551dc32b9d4641aafd73a65970fae42',
    address: '16nK5XEGrPHjSwzHAdkKabmwu6L2t1RGW6drYyGgS84UZDRy',
  },
  {
    path: "m/44'/810'/0'/0'/0'",
    publicKey: '0xcf557b2d2bebf3e14f932fec31d2b3ea776b63eede6658e282c9ab3f27d1287b',
    address: '15grJiArrwvoUsGLBZS92smbkZy9Z1Hfd3x7yBVHvw7fsb1k',
  },
];
