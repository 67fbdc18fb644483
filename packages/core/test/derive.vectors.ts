// SURI → key vectors (their sources are listed in docs/vectors.md §2):
// - polkadot-js/common packages/keyring/src/suri.spec.ts ("Secret URI test vectors") and
//   packages/keyring/src/index.spec.ts @ 9281daa14c2c2a41708c3489de8770a064525577 (release 14.0.3);
// - paritytech/parity-signer rust/navigator/src/tests.rs and rust/db_handling/tests/tests.rs
//   @ c67e505a5d4f1acd5e0d8b581b0032daca663a58 (Vault keys; SS58 strings computed from the keys).
// - novasamatech/parity-signer (Vault's current home) rust/constants/src/test_values.rs
//   @ 540c20ae93c283c8e67ad0956ce05b20e7889a18: test "identicons" that are the public keys of DEV
//   at the paths in their doc comments. NOTE: a listing of these vectors paired
//   `//secret//path` with e83f1549…;
//   that key is `//secret//path///multipass` (test_values.rs; the navigator test shows it with
//   "has_pwd": true and base58 16FWrEaDSDRwfDmNKacTBRNmYPH8Yg6s9o618vX2iHQLuWfb at Polkadot).
// Rows marked "verified" were re-computed with an independent implementation when collected.

export const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const MORAL = 'moral movie very draw assault whisper awful rebuild speed purity repeat card';
const SEED_SOCK = 'seed sock milk update focus rotate barely fade car face mechanic mercy';

export interface SuriVector {
  type: 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';
  suri: string;
  ss58: number;
  publicKey?: string;
  address?: string;
}

export const SURI_VECTORS: SuriVector[] = [
  // sr25519, suri.spec.ts
  {
    type: 'sr25519',
    suri: DEV,
    ss58: 42,
    publicKey: '0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a',
    address: '5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV',
  },
  {
    type: 'sr25519',
    suri: `${DEV}///password`,
    ss58: 42,
    publicKey: '0xb69355deefa7a8f33e9297f5af22e680f03597a99d4f4b1c44be47e7a2275802',
    address: '5GC6LfpV352HtJPySfAecb5JdePtf4R9Vq49NUU8RhzgBqgq',
  },
  {
    type: 'sr25519',
    suri: `${DEV}/foo`,
    ss58: 42,
    publicKey: '0x40b9675df90efa6069ff623b0fdfcf706cd47ca7452a5056c7ad58194d23440a',
    address: '5DXZzrDxHbkQov4QBAY4TjpwnHCMrKXkomTnKSw8UArBEY5v',
  },
  {
    type: 'sr25519',
    suri: `${DEV}//foo`,
    ss58: 42,
    publicKey: '0x547d4a55642ec7ebadc0bd29b6e570b8c926059b3c0655d4948075e9a7e6f31e',
    address: '5DyV6fZuvPemWrUqBgWwTSgoV86w6xms3KhkFU6cQcWxU8eP',
  },
  {
    type: 'sr25519',
    suri: `${DEV}//foo/bar`,
    ss58: 42,
    publicKey: '0x3841947ffcde6f5fef26fb68b59bb8665637e30e32ec2051f99cf6b9c674fe09',
    address: '5DLU27is5iViNopQb2KxsTyPx6j4vCu8X3sk3j3NNLkPCqKM',
  },
  {
    type: 'sr25519',
    suri: `${DEV}/foo//bar`,
    ss58: 42,
    publicKey: '0xdc142f7476a7b0aa262aeccf207f1d18daa90762db393006741e8a31f39dbc53',
    address: '5H3GPTqDSpjkfDwbHy12PD6BWm8jvGSX4xYC8UMprHpTPcRg',
  },
  {
    type: 'sr25519',
    suri: `${DEV}//foo/bar//42/69`,
    ss58: 42,
    publicKey: '0xa2e56b06407a6d1e819d2fc33fa0ec604b29c2e868b70b3696bb049b8725934b',
    address: '5FkHmNgbg64MwStgCyDi2Uw3ufFu11mqQgmWT9uwK4Lghvpv',
  },
  {
    type: 'sr25519',
    suri: `${DEV}//foo/bar//42/69///password`,
    ss58: 42,
    publicKey: '0x0e0d24e3e1ff2c07f269c99e2e0df8681fda1851ac42fc846ca2daaa90cd8f14',
    address: '5CP8S23JBNXYNpJsL7ESPJBNnUZE6itcfM4EnDxEhaVEU6dT',
  },
  {
    type: 'sr25519',
    suri: `${DEV}//Alice`,
    ss58: 42,
    publicKey: '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
    address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  },
  { type: 'sr25519', suri: '//Alice', ss58: 0, address: '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5' },
  {
    type: 'sr25519',
    suri: '//Alice',
    ss58: 252,
    address: 'xw8P6urbSAronL3zZFB7dg8p7LLSgKCUFDUgjohnf1iP434ic',
  },
  {
    type: 'sr25519',
    suri: '//9007199254740991',
    ss58: 42,
    address: '5CDsyNZyqxLpHnTvknr68anUcYoBFjZbFKiEJJf4prB75Uog',
  },
  {
    type: 'sr25519',
    suri: '//900719925474099999',
    ss58: 42,
    address: '5GHj2D7RG2m2DXYwGSDpXwuuxn53G987i7p2EQVDqP4NYu4q',
  },
  // index.spec.ts
  { type: 'sr25519', suri: MORAL, ss58: 2, address: 'FSjXNRT2K1R5caeHLPD6WMrqYUpfGZB7ua8W89JFctZ1YqV' },
  {
    type: 'sr25519',
    suri: '0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    ss58: 42,
    publicKey: '0x44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f',
  },
  // ed25519
  {
    type: 'ed25519',
    suri: `${DEV}//Alice`,
    ss58: 42,
    address: '5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu',
  },
  { type: 'ed25519', suri: SEED_SOCK, ss58: 42, address: '5DkQP32jP4DVJLWWBRBoZF2tpWjqFrcrTBo6H5NcSk7MxKCC' },
  { type: 'ed25519', suri: MORAL, ss58: 2, address: 'HSLu2eci2GCfWkRimjjdTXKoFSDL3rBv5Ey2JWCBj68cVZj' },
  { type: 'ed25519', suri: MORAL, ss58: 20, address: '35cDYtPsdG1HUa2n2MaARgJyRz1WKMBZK1DL6c5cX7nugQh1' },
  { type: 'ed25519', suri: MORAL, ss58: 42, address: '5GvjEiJk5fFGurvyx4vgjWAKef9yXP31ThQDdeEEhvsdsWx1' },
  {
    type: 'ed25519',
    suri: '0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    ss58: 42,
    publicKey: '0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  },
  {
    type: 'ed25519',
    suri: '12345678901234567890123456789012',
    ss58: 42,
    publicKey: '0x2f8c6129d816cf51c374bc7f08c3e63ed156cf78aefb4a6550d97b87997977ee',
  },
  // ecdsa
  {
    type: 'ecdsa',
    suri: `${DEV}//Alice`,
    ss58: 42,
    publicKey: '0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1',
    address: '5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X',
  },
  {
    type: 'ecdsa',
    suri: 'potato act energy ahead stone taxi receive fame gossip equip chest round',
    ss58: 42,
    publicKey: '0x02c6b6c664db5ef505477bba1cf2f1789c98796b9bb5fa21abd0ac4589bed980e7',
  },
  { type: 'ecdsa', suri: MORAL, ss58: 2, address: 'DrRE1KAcs4pCicX8yJPh7YxkLPQ2vXnCFSVRPQfx38KjEFe' },
  {
    type: 'ecdsa',
    suri: '0x3c74be003bd9a876be439949ccf2b292bd966c94959a689173b295b326cd6da7',
    ss58: 42,
    publicKey: '0x021da683b913fb28c979ba3e5f1881415cef4b1f58a5d05ed3610a2995e7b4943c',
  },
  // ethereum
  {
    type: 'ethereum',
    suri: `${SEED_SOCK}/m/44'/60'/0'/0/0`,
    ss58: 42,
    publicKey: '0x0381351b1b46d2602b0992bb5d5531f9c1696b0812feb2534b6884adc47e2e1d8b',
    address: '0x31ea8795EE32D782C8ff41a5C68Dcbf0F5B27f6d',
  },
  {
    type: 'ethereum',
    suri: `${DEV}/m/44'/60'/0'/0/0`,
    ss58: 42,
    publicKey: '0x02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f',
    address: '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac',
  },
  {
    type: 'ethereum',
    suri: `${DEV}/m/44'/60'/0'/0/1`,
    ss58: 42,
    publicKey: '0x033bc19e36ff1673910575b6727a974a9abd80c9a875d41ab3e2648dbfb9e4b518',
    address: '0x3Cd0A705a2DC65e5b1E1205896BaA2be8A07c6e0',
  },
];

/** ecdsa `potato …`: AccountId = blake2_256(pubkey) (docs/vectors.md §2, verified). */
export const ECDSA_POTATO_ACCOUNT_ID = '0x0cfd0dd2c59a9987b9848919163931b6a42283ffd3d91e92c98b522525a7038f';

/** ethereum `seed sock …/m/44'/60'/0'/0/0` private key (docs/vectors.md §2, verified). */
export const ETH_SEED_SOCK_SECRET = '0x070dc3117300011918e26b02176945cc15c3d548cf49fd8418d97f93af699e46';

/** hdEthereum without a path: the BIP32 master secret (util-crypto hd/ethereum/index.spec.ts). */
export const ETH_SEED_SOCK_MASTER_SECRET =
  '0xa6a2cb1102ce6eb01266e6905a9e19e82bb4b031bd950347f3e4df687d843ae4';

export interface VaultVector {
  path: string;
  publicKey: string;
  ss58_42?: string;
  network?: { prefix: number; address: string };
}

/** Polkadot Vault keys of DEV (sr25519). */
export const VAULT_VECTORS: VaultVector[] = [
  {
    path: '',
    publicKey: '0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a',
    ss58_42: '5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV',
    network: { prefix: 0, address: '12bzRJfh7arnnfPPUZHeJUaE62QLEwhK48QnH9LXeK2m1iZU' },
  },
  {
    path: '//polkadot',
    publicKey: '0xf606519cb8726753885cd4d0f518804a69a5e0badf36fee70feadd8044081730',
    ss58_42: '5HdHWkvPFBLd57XgZTVN2WFxaHmrswAmhSrTipd75EKww1af',
    network: { prefix: 0, address: '16Zaf6BT6xc6WeYCX6YNAf67RumWaEiumwawt7cTdKMU7HqW' },
  },
  {
    path: '//kusama',
    publicKey: '0x64a31235d4bf9b37cfed3afa8aa60754675f9c4915430454d365c05112784d05',
    ss58_42: '5ELf63sLmQmefuWXAwFSHPSnpb2FyEof23QcCDxLz9YQ8dCv',
    network: { prefix: 2, address: 'ErGkNDDPmnaRZKxwe4VBLonyBJVmucqURFMatEJTwktsuTv' },
  },
  {
    path: '//westend',
    publicKey: '0x3efeca331d646d8a2986374bb3bb8d6e9e3cfcdd7c45c2b69104fab5d61d3f34',
    ss58_42: '5DVJWniDyUja5xnG4t5i3Rrd2Gguf1fzxPYfgZBbKcvFqk4N',
    network: { prefix: 42, address: '5DVJWniDyUja5xnG4t5i3Rrd2Gguf1fzxPYfgZBbKcvFqk4N' },
  },
  {
    path: '//secret//path///multipass',
    publicKey: '0xe83f1549880f33524079201c5c7aed839f56c73adb2f61d9b271ae2d692dfe2c',
    ss58_42: '5HKDhuK9aSAUDgkrMwZT3GYcgmHUrNYj5JMWydXgACNpj7wM',
    network: { prefix: 0, address: '16FWrEaDSDRwfDmNKacTBRNmYPH8Yg6s9o618vX2iHQLuWfb' },
  },
  // test_values.rs only (public keys):
  { path: '//0', publicKey: '0x2afba9278e30ccf6a6ceb3a8b6e336b70068f045c666f2e7f4f9cc5f47db8972' },
  { path: '//1', publicKey: '0xb606fc73f57f03cdb4c932d475ab426043e429cecc2ffff0d2672b0df8398c48' },
  { path: '//westend//0', publicKey: '0xe655361d12f3ccca5f128187cf3f5eea052be722746e392c8b498d0d18723470' },
  {
    path: '//secret///abracadabra',
    publicKey: '0x76b68c7ad0e084b37d6a0c8c92d792f6041da5e7ff0c6c3d4a2d6b97772ad46e',
  },
  {
    path: '//Alice/secret//secret',
    publicKey: '0x8266a693d6872d2b6437215c198ee25cabf2e4256df9ad00e979e84b00b5235e',
  },
  {
    path: '//Alice/westend',
    publicKey: '0x9cd20feb68e0535a6c1cdeead4601b652cf6af6d76baf370df26ee25adde0805',
  },
  { path: '//Bob', publicKey: '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48' },
  {
    path: '//Alice',
    publicKey: '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
    ss58_42: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  },
];
