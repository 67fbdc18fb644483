// The secret `locate` searches from: a BIP39 mnemonic (12-24 words, or 25 with a Ledger
// passphrase word), the dev phrase (`//Alice`), a 0x seed, or a raw 64-byte secret key; a path
// after the phrase is tried first. Parsing follows deriveAccount's rules (docs/derivation.md).
import { hexToU8a } from '@polkadot/util';
import { hdValidatePath, keyExtractSuri } from '@polkadot/util-crypto';
import { DEV_PHRASE } from '../derive/derive.ts';
import { assertMnemonic } from '../derive/mnemonic.ts';
import { type RawKeyCandidate, rawSecretCandidates } from '../derive/raw-secret.ts';
import { KeyportError } from '../errors.ts';

/** What {@link readLocateSecret} makes of a secret. Wipe it with {@link wipeLocateSecret}. */
export interface LocateSecret {
  /** The normalised BIP39 mnemonic, when the secret is one. */
  readonly phrase?: string;
  /** A 32-byte 0x seed, when the secret is one (no BIP39 families then). */
  readonly seed?: Uint8Array;
  /** The readings of a raw 64-byte secret key (both sr25519 encodings, ed25519 seed ‖ public). */
  readonly raw?: readonly RawKeyCandidate[];
  /** The BIP39 passphrase given with the phrase: a Ledger 25th word or a `///password`. */
  readonly passphrase: string;
  /** The derivation path written after the phrase ('' when none), tried before the search. */
  readonly path: string;
  readonly warnings: readonly string[];
}

const HEX_SEED = /^0x[0-9a-f]{64}$/i;
const HEX_SECRET = /^0x[0-9a-f]{128}$/i;

/**
 * Reads the secret of a search. Like deriveAccount: `//Alice` is the dev phrase plus a path, a
 * mnemonic is normalised, `///password` becomes the passphrase. A 25th word after a 24-word
 * mnemonic is Ledger's passphrase word.
 *
 * @throws INVALID_MNEMONIC, INVALID_SEED, INVALID_DERIVATION; messages never hold the secret.
 * @example readLocateSecret('bottom drive obey … walk//polkadot').path === '//polkadot'
 */
export function readLocateSecret(text: string): LocateSecret {
  const secret = typeof text === 'string' ? text.trim() : '';
  if (secret === '') throw new KeyportError('INVALID_SEED', 'the secret is empty');
  if (HEX_SECRET.test(secret)) {
    const bytes = hexToU8a(secret);
    try {
      return { raw: rawSecretCandidates(bytes), passphrase: '', path: '', warnings: [] };
    } finally {
      bytes.fill(0);
    }
  }
  const full = secret.startsWith('//') ? `${DEV_PHRASE}${secret}` : secret;
  const cut = full.indexOf('/');
  const head = (cut === -1 ? full : full.slice(0, cut)).trim();
  const rest = cut === -1 ? '' : full.slice(cut);
  const { path, password } = splitPath(rest);
  const warnings: string[] = [];
  if (/^0x/i.test(head)) {
    if (!HEX_SEED.test(head)) {
      throw new KeyportError(
        'INVALID_SEED',
        `a 0x secret is a 32-byte seed (64 hex digits) or a 64-byte secret key (128); this one has ${head.length - 2} characters after 0x`,
        { length: head.length - 2 },
      );
    }
    if (password !== '') warnings.push('///password is ignored for a 0x seed (as polkadot-js does)');
    return { seed: hexToU8a(head), passphrase: '', path, warnings };
  }
  const words = head.split(/\s+/u);
  if (words.length === 25) {
    if (password !== '') {
      throw new KeyportError(
        'INVALID_DERIVATION',
        'a 25-word Ledger phrase already carries its passphrase; leave out the ///password',
      );
    }
    warnings.push('the 25th word is taken as the BIP39 passphrase, as Ledger and Apps do');
    return { phrase: assertMnemonic(words.slice(0, 24).join(' ')), passphrase: words[24]!, path, warnings };
  }
  return { phrase: assertMnemonic(head), passphrase: password, path, warnings };
}

function splitPath(rest: string): { path: string; password: string } {
  if (rest === '') return { path: '', password: '' };
  const pw = rest.indexOf('///');
  const path = pw === -1 ? rest : rest.slice(0, pw);
  const password = pw === -1 ? '' : rest.slice(pw + 3);
  if (path.startsWith('/m/')) {
    if (!hdValidatePath(path.slice(1))) {
      throw new KeyportError('INVALID_DERIVATION', "an ethereum path is BIP44, like /m/44'/60'/0'/0/0");
    }
    return { path, password };
  }
  try {
    keyExtractSuri(`${DEV_PHRASE}${path}`);
  } catch {
    throw new KeyportError(
      'INVALID_DERIVATION',
      "the path after the secret must be //hard and /soft junctions (or /m/44'/60'/… for ethereum)",
    );
  }
  return { path, password };
}

/** Zeroes the secret bytes a LocateSecret holds. */
export function wipeLocateSecret(secret: LocateSecret): void {
  secret.seed?.fill(0);
  for (const r of secret.raw ?? []) r.secretKey.fill(0);
}
