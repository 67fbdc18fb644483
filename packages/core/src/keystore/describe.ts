// What a keystore says about itself before any password: version, key type, scrypt cost,
// address and public key.
import { u8aToHex } from '@polkadot/util';
import { readScryptHeader } from '../envelope.ts';
import type { ScryptParams } from '../scrypt/params.ts';
import { decodeAddressField, decodeEncoded } from './fields.ts';
import { parseKeystore, protectionOf, recordedKeyType } from './parse.ts';
import { isKeylessPkcs8 } from './pkcs8.ts';
import type { KeystoreVersion, KeyType } from './types.ts';

/** The public facts of a keystore (no secret, no password needed). */
export interface KeystoreInfo {
  readonly version: KeystoreVersion;
  /** The recorded key type; undefined for v0/v1-style files, which record none. */
  readonly keyType: KeyType | undefined;
  readonly encrypted: boolean;
  /** scrypt parameters from the header (even ones keyport would refuse); absent without scrypt. */
  readonly scrypt?: ScryptParams;
  /** False for an unencrypted keyless record (external, QR, hardware, multisig account). */
  readonly hasSecret: boolean;
  readonly address: string;
  /** The SS58 prefix of `address`, when it is SS58. */
  readonly ss58?: number;
  /** 0x-hex public key, when the address holds it (sr25519/ed25519; ecdsa/ethereum 33-byte forms). */
  readonly publicKey?: string;
  readonly name?: string;
  readonly genesisHash?: string | null;
}

/**
 * Describes a keystore without decrypting it.
 *
 * @throws whatever parseKeystore throws for input that is not a keystore.
 * @example describeKeystore(json) // { version: '3', keyType: 'sr25519', encrypted: true, scrypt: { N: 32768, p: 1, r: 8 }, … }
 */
export function describeKeystore(input: unknown): KeystoreInfo {
  const json = parseKeystore(input);
  const { encrypted, kdf } = protectionOf(json.encoding);
  const bytes = decodeEncoded(json.encoded);
  const keyType = recordedKeyType(json);
  const { bytes: key, ss58 } = decodeAddressField(json.address);
  const holdsKey = keyType === 'ecdsa' || keyType === 'ethereum' ? key.length === 33 : key.length === 32;
  const { name, genesisHash } = json.meta;
  return {
    version: json.encoding.version,
    keyType,
    encrypted,
    ...(kdf === 'scrypt' ? { scrypt: readScryptHeader(bytes).params } : {}),
    hasSecret: encrypted || !isKeylessPkcs8(bytes),
    address: json.address,
    ...(ss58 === undefined ? {} : { ss58 }),
    ...(holdsKey ? { publicKey: u8aToHex(key) } : {}),
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof genesisHash === 'string' || genesisHash === null ? { genesisHash } : {}),
  };
}
