// Registry modules of QR payload texts (docs/rescue-formats.md "QR texts"): an address QR
// (`substrate:` / `ethereum:`) holds a contact; a secret QR (`secret:`) holds a secret, which
// derive and locate take. The parsing lives in ../qr-text.ts.
import { isKeyportError } from '../errors.ts';
import { isQrText, parseQrText, type QrPayload } from '../qr-text.ts';
import type { FormatModule, Miss } from '../registry/types.ts';

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
