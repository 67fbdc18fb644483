// Registry modules of QR payload texts (docs/rescue-formats.md "QR texts"): an address QR
// (`substrate:` / `ethereum:`) holds a contact; a secret QR (`secret:`) holds a secret, which
// derive and locate take. The parsing lives in ../qr-text.ts.
import { isKeyportError, KeyportError } from '../errors.ts';
import { isQrText, parseQrText, type QrPayload } from '../qr-text.ts';
import type { FormatModule, Miss } from '../registry/types.ts';
import type { SecretInput } from '../secret-input.ts';

/** What detection reports for an address QR. */
export interface QrAddressFacts {
  readonly format: 'qr-address';
  readonly scheme: 'substrate' | 'ethereum';
  readonly address: string;
  readonly genesisHash: string | null;
  readonly name: string | null;
}

/** What detection reports for a secret QR: who wrote it, never the secret. */
export interface QrSecretFacts {
  readonly format: 'qr-secret';
  readonly producer: 'vault' | 'subwallet' | 'suri';
  readonly type: string | null;
  readonly genesisHash: string | null;
}

function read(text: string): QrPayload | Miss | undefined {
  if (!isQrText(text)) return undefined;
  try {
    const payload = parseQrText(text);
    if (payload.kind === 'secret') payload.key?.secretKey.fill(0);
    return payload;
  } catch (e) {
    if (!isKeyportError(e)) throw e;
    return { miss: e.message };
  }
}

/** The text a Found was read from (a QR payload is text). */
function textOf(found: { readonly text?: string; readonly value: unknown }): string {
  if (found.text !== undefined) return found.text;
  if (typeof found.value === 'string') return found.value;
  throw new KeyportError('INVALID_INPUT', 'a QR payload is text');
}

/**
 * The secret inside a QR payload text (the qr-address and qr-secret modules' `secret`).
 *
 * @throws INVALID_INPUT for an address QR (no secret in it), what parseQrText throws.
 * @example await qrSecretInput({ value: 'secret:0x…:0x…' })
 */
export async function qrSecretInput(found: {
  readonly text?: string;
  readonly value: unknown;
}): Promise<SecretInput> {
  const qr = parseQrText(textOf(found));
  if (qr.kind === 'address') {
    throw new KeyportError('INVALID_INPUT', `the QR text is a ${qr.scheme} address, not a secret`, {
      field: 'prefix',
    });
  }
  const warnings = [...qr.warnings];
  if (qr.producer === 'subwallet' && qr.key)
    return { source: 'qr-subwallet', key: qr.key, type: qr.key.type, warnings };
  return {
    source: qr.producer === 'vault' ? 'qr-vault' : 'qr-suri',
    secret: qr.secret!,
    ...(qr.type ? { type: qr.type } : {}),
    warnings,
  };
}

/**
 * An address QR: `substrate:<ss58>:<genesisHash>[:name]` or `ethereum:0x…[@chainId]`.
 *
 * @example qrAddressFormat.describe(facts) // 'a substrate address QR of 5Grw…'
 */
export const qrAddressFormat: FormatModule<QrAddressFacts> = {
  id: 'qr-address',
  label: 'an address QR text',
  holds: 'contacts',
  matchText(text) {
    const r = read(text);
    if (r === undefined || 'miss' in r) return r;
    if (r.kind !== 'address') return undefined;
    return {
      format: 'qr-address',
      scheme: r.scheme,
      address: r.address,
      genesisHash: r.genesisHash,
      name: r.name,
    };
  },
  describe: (d) => `a ${d.scheme} address QR of ${d.address}`,
  report: ({ detected: d }) => ({
    format: 'qr-address',
    accounts: [
      { type: d.scheme === 'ethereum' ? 'ethereum' : null, address: d.address, name: d.name, keyless: true },
    ],
    details: { genesisHash: d.genesisHash },
  }),
  secret: qrSecretInput,
  async open({ detected: d }) {
    return {
      accounts: [],
      contacts: [{ address: d.address, name: d.name ?? d.address, isFavorite: false }],
      skipped: [],
    };
  },
};

/**
 * A secret QR: `secret:<field1>:<field2>[:name]` (Vault, SubWallet or a secret URI).
 *
 * @example qrSecretFormat.describe(facts) // 'a secret QR text (Polkadot Vault; a secret: use derive --secret-file)'
 */
export const qrSecretFormat: FormatModule<QrSecretFacts> = {
  id: 'qr-secret',
  label: 'a secret QR text',
  holds: 'secret',
  matchText(text) {
    const r = read(text);
    if (r === undefined || 'miss' in r) return r;
    if (r.kind !== 'secret') return undefined;
    return { format: 'qr-secret', producer: r.producer, type: r.type, genesisHash: r.genesisHash };
  },
  secret: qrSecretInput,
  describe: (d) =>
    `a secret QR text (${d.producer === 'vault' ? 'Polkadot Vault' : d.producer === 'subwallet' ? 'SubWallet' : 'a secret URI'}; a secret: use derive --secret-file)`,
  report: ({ detected: d }) => ({
    format: 'qr-secret',
    accounts: [],
    details: {
      producer: d.producer,
      type: d.type,
      genesisHash: d.genesisHash,
      note: 'a secret; keyport derive --secret-file restores its account, keyport locate finds its path',
    },
  }),
};
