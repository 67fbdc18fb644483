// Polkadot Vault (formerly Parity Signer) default keys: on seed creation Vault adds the root key
// (path "", the same as a Polkadot-JS account with no path) and one key per default network at
// `//<network>`. Source: paritytech/parity-signer rust/defaults/src/lib.rs and
// rust/db_handling/src/identities.rs @ c67e505a5d4f1acd5e0d8b581b0032daca663a58 (docs/derivation.md §6).

/** One Vault default network key. */
export interface VaultPreset {
  /** The derivation path Vault uses for this network's default key. */
  readonly path: string;
  /** SS58 prefix of the network. */
  readonly prefix: number;
  /** Registry name, as resolveNetwork knows it. */
  readonly network: string;
  /** Genesis hash Vault ties the key to. */
  readonly genesisHash: string;
}

/**
 * Vault's default keys per network. Derive one with
 * `deriveAccount({ secret: mnemonic, path: VAULT_PRESETS.polkadot.path, ss58: VAULT_PRESETS.polkadot.prefix })`.
 * Vault's root key is path `''`; a Polkadot-JS account made without a path is that root key,
 * not the `//polkadot` one.
 *
 * @example VAULT_PRESETS.kusama // { path: '//kusama', prefix: 2, network: 'kusama', genesisHash: '0xb0a8…' }
 */
export const VAULT_PRESETS: Readonly<Record<'polkadot' | 'kusama' | 'westend', VaultPreset>> = Object.freeze({
  polkadot: Object.freeze({
    path: '//polkadot',
    prefix: 0,
    network: 'polkadot',
    genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
  }),
  kusama: Object.freeze({
    path: '//kusama',
    prefix: 2,
    network: 'kusama',
    genesisHash: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
  }),
  westend: Object.freeze({
    path: '//westend',
    prefix: 42,
    network: 'westend',
    genesisHash: '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e',
  }),
});
