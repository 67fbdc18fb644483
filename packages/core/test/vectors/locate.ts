// locate vectors: an address and the key type and path that give it.
// - DEV rows: polkadot-js/common packages/keyring/src/defaults.ts (DEV_PHRASE) with the paths
//   Talisman (`//n`), Brave before brave-core#36377 (`//polkadot//0`, `//westend//0`, the old value
//   of that test) and Polkadot Vault use; `//westend//0` is also Vault's derivation-import test
//   (novasamatech/parity-signer rust/transaction_parsing/src/tests.rs import_unique_derivation
//   @ 3c46e7dd6bd1bbbf768a6d5304e8a4711dd34760). Vault root keys: parity-signer
//   rust/navigator/src/tests.rs @ c67e505a5d4f1acd5e0d8b581b0032daca663a58.
// - TRUST rows: trustwallet/wallet-core#1277 and polkadot-js/common#1920 (user reports of a
//   Trust Wallet address for a mnemonic; SLIP-10 ed25519 m/44'/354'/0'/0'/0').
// - HOTEL: paritytech subkey README, quoted in brave-core#36377.
// - SOCK: polkadot-js/common hd/ethereum and keyring fixtures: the 2020 ethereum key of
//   `seed sock milk …` (its BIP39 seed's first half), address from the ethereum keystore fixture.
// - Ledger rows: test/vectors/ledger.ts (Zondax device emulator).
import { APP_SEED, LEDGER_DEVICE_VECTORS } from './ledger.ts';

export const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

export interface LocateVector {
  readonly secret: string;
  readonly address: string;
  readonly type: string;
  readonly path: string;
  readonly source: string;
  /** Only a --deep search finds it (a slip44 other than 354/434 behind a prefix-0 address). */
  readonly deep?: boolean;
}

export const LOCATE_VECTORS: readonly LocateVector[] = [
  {
    secret: DEV,
    address: '5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV',
    type: 'sr25519',
    path: '',
    source: 'DEV root',
  },
  {
    secret: DEV,
    address: '1yMmfLti1k3huRQM2c47WugwonQMqTvQ2GUFxnU7Pcs7xPo',
    type: 'sr25519',
    path: '//0',
    source: 'Talisman second account, prefix 0',
  },
  {
    secret: DEV,
    address: '5GBNeWRhZc2jXu7D55rBimKYDk8PGk8itRYFTPfC8RJLKG5o',
    type: 'sr25519',
    path: '//1',
    source: 'Talisman',
  },
  {
    secret: DEV,
    address: '14YLzDFZTwnkcJkFij4Km7g5LdkLqKHy47xYGPN6HsLJpfnb',
    type: 'sr25519',
    path: '//polkadot//0',
    source: 'old Brave / Vault N+1',
  },
  {
    secret: DEV,
    address: '5HGiBcFgEBMgT6GEuo9SA98sBnGgwHtPKDXiUukT6aqCrKEx',
    type: 'sr25519',
    path: '//westend//0',
    source: 'Vault derivation import',
  },
  {
    secret: DEV,
    address: '15x3B9dCvFoEf7SSsVAb7W6UbxSMA2eJLmJCp1n2QTMC2aAm',
    type: 'sr25519',
    path: '//kusama//0',
    source: 'Vault N+1',
  },
  {
    secret: DEV,
    address: '16Zaf6BT6xc6WeYCX6YNAf67RumWaEiumwawt7cTdKMU7HqW',
    type: 'sr25519',
    path: '//polkadot',
    source: 'Vault',
  },
  {
    secret: DEV,
    address: 'ErGkNDDPmnaRZKxwe4VBLonyBJVmucqURFMatEJTwktsuTv',
    type: 'sr25519',
    path: '//kusama',
    source: 'Vault',
  },
  {
    secret: DEV,
    address: '5DVJWniDyUja5xnG4t5i3Rrd2Gguf1fzxPYfgZBbKcvFqk4N',
    type: 'sr25519',
    path: '//westend',
    source: 'Vault',
  },
  {
    secret: DEV,
    address: '0x798d4Ba9baf0064Ec19eB4F0a1a45785ae9D6DFc',
    type: 'ethereum',
    path: "m/44'/60'/0'/0/2",
    source: 'ethereum third account',
  },
  ...LEDGER_DEVICE_VECTORS.map((v) => ({
    secret: APP_SEED,
    address: v.address,
    type: 'ed25519-ledger',
    path: v.path,
    source: 'Zondax device emulator',
    ...(v.path.includes("810'") ? { deep: true } : {}),
  })),
  {
    secret: 'napkin protect market echo rent lawn purpose brief decline device season shell',
    address: '13E7KDY5TA8RTUwEwpSDFbgMdfb4n2jLHegjdgRNWU42SDdk',
    type: 'ed25519',
    path: "m/44'/354'/0'/0'/0'",
    source: 'Trust Wallet, wallet-core#1277',
  },
  {
    secret: 'enhance chef explain another extend parade heart total brave escape together hobby',
    address: '16aWaS7en2Ly2CrqFGJaixLXnwUfDThAPAeaoCh4bqAewMnK',
    type: 'ed25519',
    path: "m/44'/354'/0'/0'/0'",
    source: 'Trust Wallet, common#1920',
  },
  {
    secret: 'hotel forest jar hover kite book view eight stuff angle legend defense',
    address: '5Hpm9fq3W3dQgwWpAwDS2ZHKAdnk86QRCu7iX4GnmDxycrte',
    type: 'sr25519',
    path: '',
    source: 'subkey README',
  },
  {
    secret: 'seed sock milk update focus rotate barely fade car face mechanic mercy',
    address: '0x4119b2e6c3Cb618F4f0B93ac77f9BeeC7FF02887',
    type: 'ethereum',
    path: '',
    source: 'polkadot-js 2020 ethereum key',
  },
];

/** The same DEV mini-secret's sr25519 secret key in both 64-byte encodings, and its public key. */
export const SR25519_ENCODINGS = {
  // polkadot-js / @scure/sr25519 ("ed25519 bytes": scalar·8 ‖ nonce)
  pjs: '0x28b0ae221c6bb06856b287f60d7ea0d98552ea5a16db16956849aa371db3eb51fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34',
  // schnorrkel to_bytes (scalar ‖ nonce), as py-substrate-interface and Bittensor store it
  schnorrkel:
    '0x05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0afd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34',
  publicKey: '0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a',
};
