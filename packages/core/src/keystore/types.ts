// The single-account keystore as polkadot-js writes and reads it (`KeyringPair$Json`,
// polkadot-js/common packages/keyring/src/types.ts). See docs/keystore-format.md.

/** The four key types polkadot-js stores in a keystore. */
export type KeyType = 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';

/** Every KeyType, in polkadot-js's order. */
export const KEY_TYPES: readonly KeyType[] = Object.freeze(['sr25519', 'ed25519', 'ecdsa', 'ethereum']);

/** The keystore versions polkadot-js has written: '0' (2018) to '3' (2020, scrypt). */
export type KeystoreVersion = '0' | '1' | '2' | '3';

/** One entry of `encoding.type`. */
export type EncryptionKind = 'none' | 'scrypt' | 'xsalsa20-poly1305';

/** Free-form account metadata (`KeyringPair$Meta`): name, genesisHash, tags, whenCreated, … */
export type KeystoreMeta = { [key: string]: unknown };

/** The `encoding` descriptor. v0/v1 files carry strings where v2/v3 carry arrays. */
export interface KeystoreEncoding {
  content: string | string[];
  type: EncryptionKind | EncryptionKind[];
  version: KeystoreVersion;
}

/**
 * A keystore file (`KeyringPair$Json`): `encoded` is base64 (v3) or 0x-hex (v0–v2) of the
 * (optionally encrypted) PKCS8 body; `address` is SS58 for sr25519/ed25519 and the 33-byte
 * compressed public key in hex for ecdsa/ethereum.
 */
export interface KeystoreJson {
  encoded: string;
  encoding: KeystoreEncoding;
  address: string;
  meta: KeystoreMeta;
}

/** What keyport writes: a version 3 keystore (the shape polkadot-js's pair.toJson returns). */
export type KeystoreV3Json = KeystoreJson & {
  encoding: { content: ['pkcs8', KeyType]; type: EncryptionKind[]; version: '3' };
};
