// `subkey inspect` output (docs/rescue-formats.md "subkey"), as text:
//   Secret phrase:       <uri>            (or: Secret Key URI `<uri>` is account:)
//     Network ID:        substrate        (newer versions)
//     Secret seed:       0x…
//     Public key (hex):  0x…
//     Account ID:        0x…
//     Public key (SS58): …
//     SS58 Address:      …
// or with --output-type json: {"secretPhrase","networkId"?,"secretSeed","publicKey",
// "ss58PublicKey","accountId","ss58Address"}. The key type is not printed (subkey's --scheme):
// keyport derives the phrase as sr25519, ed25519 and ecdsa and keeps the one whose public key
// matches, so a wrong or edited file is caught.
import { hexToU8a, u8aEq } from '@polkadot/util';
import { isKeyportError, KeyportError } from './errors.ts';
import { isJsonObject, readJsonInput } from './keystore/json-input.ts';
import type { KeyType } from './keystore/types.ts';

/** The fields of a subkey inspect output that keyport uses. */
export interface SubkeyOutput {
  /** The secret URI (phrase, seed or dev URI, with its path): a secret. */
  readonly secret: string;
  /** The public key printed, 0x hex. */
  readonly publicKey: string;
  readonly address: string | null;
}

const TEXT_FIELDS: Record<string, keyof SubkeyOutput | 'seed'> = {
  'secret phrase': 'secret',
  'secret seed': 'seed',
  'public key (hex)': 'publicKey',
  'ss58 address': 'address',
};

/** True when `text` looks like subkey inspect output (text or JSON). */
export function isSubkeyOutput(text: string): boolean {
  const t = typeof text === 'string' ? text.trim() : '';
  return /^Secret (phrase|Key URI)\b/m.test(t) && /Public key \(hex\):/.test(t);
}

/**
 * Reads subkey inspect output, text or JSON (a string or a parsed value).
 *
 * @throws INVALID_INPUT naming a missing field.
 * @example parseSubkeyOutput(text).publicKey // '0x46eb…'
 */
export function parseSubkeyOutput(input: unknown): SubkeyOutput {
  if (typeof input === 'string' && !input.trim().startsWith('{')) return parseText(input);
  const o = readJsonInput(input, { maxLength: 64 * 1024, what: 'subkey output' });
  if (!isJsonObject(o))
    throw new KeyportError('INVALID_INPUT', 'subkey output: not a JSON object', { field: '$' });
  const secret =
    typeof o.secretPhrase === 'string'
      ? o.secretPhrase
      : typeof o.secretSeed === 'string'
        ? o.secretSeed
        : undefined;
  if (secret === undefined) throw missing('secretPhrase');
  if (typeof o.publicKey !== 'string') throw missing('publicKey');
  return {
    secret,
    publicKey: o.publicKey,
    address: typeof o.ss58Address === 'string' ? o.ss58Address : null,
  };
}

function missing(field: string): KeyportError {
  return new KeyportError('INVALID_INPUT', `subkey output: ${field} is missing`, { field });
}

function parseText(text: string): SubkeyOutput {
  const found: Partial<Record<keyof SubkeyOutput | 'seed', string>> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const uri = /^Secret (?:phrase|Key URI) `(.*)` is account:$/.exec(line);
    if (uri) {
      found.secret = uri[1]!;
      continue;
    }
    const m = /^([A-Za-z0-9 ()]+?):\s+(.+)$/.exec(line);
    const key = m ? TEXT_FIELDS[m[1]!.toLowerCase()] : undefined;
    if (m && key) found[key] ??= m[2]!.trim();
  }
  const secret = found.secret ?? found.seed;
  if (secret === undefined) throw missing('Secret phrase');
  if (found.publicKey === undefined) throw missing('Public key (hex)');
  return { secret, publicKey: found.publicKey, address: found.address ?? null };
}

/**
 * The key type of a subkey output: the one of sr25519, ed25519 and ecdsa whose key from the
 * secret is the printed public key.
 *
 * @throws ADDRESS_MISMATCH when none is; what deriveAccount throws for a bad secret.
 * @example await subkeyKeyType(parseSubkeyOutput(text)) // 'sr25519'
 */
export async function subkeyKeyType(output: SubkeyOutput): Promise<KeyType> {
  if (!/^0x(?:[0-9a-f]{64}|[0-9a-f]{66})$/i.test(output.publicKey)) {
    throw new KeyportError('INVALID_INPUT', 'subkey output: the public key is not 32 or 33 bytes of hex', {
      field: 'publicKey',
    });
  }
  const expected = hexToU8a(output.publicKey);
  // The derivation (and its keyring) loads here, not when subkey output is merely detected.
  const { deriveAccount } = await import('./derive/derive.ts');
  for (const type of ['sr25519', 'ed25519', 'ecdsa'] as const) {
    try {
      const account = await deriveAccount({ secret: output.secret, type });
      account.secretKey.fill(0);
      if (u8aEq(account.publicKey, expected)) return type;
    } catch (e) {
      // A soft junction is no ed25519/ecdsa path: that type is simply not it.
      if (!isKeyportError(e, 'INVALID_DERIVATION')) throw e;
    }
  }
  throw new KeyportError(
    'ADDRESS_MISMATCH',
    'subkey output: no key type gives the printed public key from the secret',
    {
      field: 'publicKey',
    },
  );
}
