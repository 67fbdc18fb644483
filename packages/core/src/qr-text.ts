// QR payload texts (docs/rescue-formats.md "QR texts"), as a phone's QR scanner shows them:
//   substrate:<ss58>:<genesisHash>[:name]   an address (Apps, Vault); name may contain ':'
//   ethereum:0x<H160>[@chainId]             an address (Apps and SubWallet read the first 42 chars)
//   secret:<field1>:<field2>[:name]         a secret, with three incompatible meanings:
//     - Polkadot Vault: 0x + 32-byte seed of a derived key, then the genesis hash;
//     - SubWallet: its exported secret key (64 bytes for sr25519/ed25519, 32 for ecdsa/ethereum),
//       then the PUBLIC KEY;
//     - Apps' reader: any secret URI, then the genesis hash.
// Which one a text is can only be told by lengths and by checking the key against field 2.
import { hexToU8a, u8aEq } from '@polkadot/util';
import { type RawKeyCandidate, rawSecretCandidates } from './derive/raw-secret.ts';
import { KeyportError } from './errors.ts';
import type { KeyType } from './keystore/types.ts';
import { isSs58Address } from './networks/ss58.ts';

/** A parsed QR payload. `secret` variants hold secrets: wipe `key.secretKey` after use. */
export type QrPayload =
  | {
      readonly kind: 'address';
      readonly scheme: 'substrate' | 'ethereum';
      readonly address: string;
      readonly genesisHash: string | null;
      readonly name: string | null;
    }
  | {
      readonly kind: 'secret';
      /** Who wrote it, as far as lengths and the key check tell. */
      readonly producer: 'vault' | 'subwallet' | 'suri';
      /** For vault and suri: the secret text deriveAccount takes (a 0x seed or a SURI). */
      readonly secret?: string;
      /** For subwallet: the key pair that matches field 2. */
      readonly key?: RawKeyCandidate;
      /** The key type when the payload settles it. */
      readonly type: KeyType | null;
      readonly genesisHash: string | null;
      readonly name: string | null;
      /** Where the meaning is a guess: what was assumed. */
      readonly warnings: readonly string[];
    };

const HEX = /^(?:0x)?(?:[0-9a-f]{2})+$/i;
const bytesOf = (hex: string): Uint8Array => hexToU8a(hex.startsWith('0x') ? hex : `0x${hex}`);

/** True when `text` (trimmed) starts like a QR payload keyport reads. */
export function isQrText(text: string): boolean {
  return /^(substrate|ethereum|secret):/i.test(typeof text === 'string' ? text.trim() : '');
}

function invalid(message: string, field: string): KeyportError {
  return new KeyportError('INVALID_INPUT', `QR text: ${message}`, { field });
}

/**
 * Reads a QR payload text. For a secret payload the key is checked against field 2 when field 2
 * is a public key (SubWallet); an unmatched key is ADDRESS_MISMATCH.
 *
 * @throws INVALID_INPUT (not a QR text, a field missing or malformed), INVALID_ADDRESS,
 * ADDRESS_MISMATCH. Messages never quote the secret field.
 * @example parseQrText('substrate:5Grw…:0xe143…').address
 */
export function parseQrText(text: string): QrPayload {
  const t = typeof text === 'string' ? text.trim() : '';
  if (t.length > 4096) throw invalid('is over 4096 characters', '$');
  const [prefix = '', content = '', field2 = '', ...rest] = t.split(':');
  const name = rest.length > 0 ? rest.join(':') : null;
  const scheme = prefix.toLowerCase();
  if (scheme === 'substrate') {
    if (!isSs58Address(content))
      throw new KeyportError('INVALID_ADDRESS', 'QR text: the address is not SS58', { field: 'address' });
    const genesisHash = field2 === '' ? null : genesis(field2);
    return { kind: 'address', scheme: 'substrate', address: content, genesisHash, name };
  }
  if (scheme === 'ethereum') {
    const address = content.substring(0, 42);
    if (!/^0x[0-9a-f]{40}$/i.test(address)) {
      throw new KeyportError('INVALID_ADDRESS', 'QR text: an ethereum address is 0x + 40 hex digits', {
        field: 'address',
      });
    }
    return { kind: 'address', scheme: 'ethereum', address, genesisHash: null, name: null };
  }
  if (scheme !== 'secret') throw invalid('does not start with substrate:, ethereum: or secret:', 'prefix');
  if (content === '') throw invalid('the secret field is empty', 'secret');
  return readSecret(content, field2, name);
}

function genesis(field: string): string {
  if (!/^(?:0x)?[0-9a-f]{64}$/i.test(field))
    throw invalid('field 2 is not a 32-byte genesis hash', 'genesisHash');
  return field.startsWith('0x') ? field.toLowerCase() : `0x${field.toLowerCase()}`;
}

function readSecret(content: string, field2: string, name: string | null): QrPayload {
  const warnings: string[] = [];
  const f2 = HEX.test(field2) ? bytesOf(field2) : null;
  if (!HEX.test(content) || !content.startsWith('0x') || (content.length !== 66 && content.length !== 130)) {
    // Not a raw key: what Apps' reader takes, a secret URI.
    warnings.push(
      'field 1 is read as a secret URI (what Apps does); its key type is not in the payload: sr25519 assumed',
    );
    return {
      kind: 'secret',
      producer: 'suri',
      secret: content,
      type: null,
      genesisHash: field2 === '' ? null : genesis(field2),
      name,
      warnings,
    };
  }
  const key = bytesOf(content);
  const candidates = rawSecretCandidates(key);
  key.fill(0);
  const matching = f2 === null ? [] : candidates.filter((c) => u8aEq(c.publicKey, f2));
  // ecdsa and ethereum share a public key: SubWallet reads a 32-byte secret back as ethereum.
  const pick = matching.find((c) => c.type === 'ethereum') ?? matching[0];
  for (const c of candidates) if (c !== pick) c.secretKey.fill(0);
  if (pick) {
    const types = [...new Set(matching.map((c) => c.type))];
    if (types.length > 1)
      warnings.push(
        `the key is valid as ${types.join(' and ')} with the same public key: ${pick.type} assumed`,
      );
    return {
      kind: 'secret',
      producer: 'subwallet',
      key: pick,
      type: pick.type,
      genesisHash: null,
      name,
      warnings,
    };
  }
  if (content.length === 130 || (f2 !== null && f2.length === 33)) {
    throw new KeyportError(
      'ADDRESS_MISMATCH',
      'QR text: the secret key does not belong to the public key in field 2',
      {
        field: 'secret',
      },
    );
  }
  // 32 bytes and a 32-byte field 2 that is no public key of it: Vault's seed and genesis hash.
  warnings.push(
    "read as Polkadot Vault's export (a derived key's seed, then the genesis hash): sr25519 assumed, Vault's key type",
  );
  return {
    kind: 'secret',
    producer: 'vault',
    secret: content,
    type: 'sr25519',
    genesisHash: field2 === '' ? null : genesis(field2),
    name,
    warnings,
  };
}
