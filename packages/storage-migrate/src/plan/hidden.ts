// What Polkadot-JS Apps would not show after an import, and what to do about it
// (docs/batch-and-arrays.md §2, docs/apps-storage.md §2, §3 and §6; ui-keyring Keyring.loadAll / loadAccount / loadAddress).
import { isPlainObject } from '@keyport/core';
import { availableNetworks } from '@polkadot/networks';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { classifyKey, type EntryKind } from '../classify.ts';
import { readRecord, type StoredRecord } from './records.ts';

/** Why Apps would not show an entry. */
export type HiddenReason =
  | 'legacy-key' // account:<ss58>: ui-keyring's regex wants 0x
  | 'uppercase-key' // loaded, then saved again under the lowercase key (two copies)
  | 'unreadable' // not JSON of an object with a meta object: loadAll logs and skips it
  | 'no-key-record' // an account without `encoded`: loadAccount skips it
  | 'testing' // meta.isTesting: loadAccount skips stored dev accounts
  | 'genesis' // meta.genesisHash (a contract: meta.contract.genesisHash): only shown on that chain
  | 'contract-no-abi' // a contract without meta.contract: getContracts never lists it
  | 'contract-no-genesis' // meta.contract.genesisHash null or absent: listed on no chain
  | 'recent-expired' // an isRecent address older than ui-keyring's expiry: deleted on load
  | 'storage-off'; // settings.storage is not 'on'

/** One thing Apps would hide, with the fix. */
export interface HiddenNotice {
  readonly key: string;
  readonly kind: EntryKind;
  readonly reason: HiddenReason;
  readonly detail: string;
  readonly fix: string;
}

// ui-keyring compares Date.now() - whenCreated (ms) with 24*60*60: about 86 seconds.
const RECENT_EXPIRY_MS = 24 * 60 * 60;
const UPPER_HEX = /[A-F]/;

function networkName(genesisHash: string): string {
  const n = availableNetworks.find((net) => net.genesisHash.includes(genesisHash as `0x${string}`));
  return n ? n.displayName : `the chain with genesis ${genesisHash.slice(0, 10)}…`;
}

const READD_CONTRACT =
  'add the contract again in Apps (Contracts → add an existing contract, with its ABI) while connected to its chain';

/**
 * ui-keyring's rules for a stored contract (Keyring.loadContract, allowGenesis, getContracts):
 * loadContract re-encodes `address` (a bad one is skipped), and getContracts lists a contract
 * only when `meta.contract` is set and `meta.contract.genesisHash` equals the connected chain's
 * genesis hash. `meta.genesisHash` alone never lists it; null or absent matches no chain (absent
 * only a keyring loaded without one, which Apps never does).
 */
function contractNotice(
  json: Record<string, unknown>,
  meta: Record<string, unknown>,
): [HiddenReason, string, string] {
  if (!encodes(json.address)) {
    return [
      'unreadable',
      'the address field is not an address ui-keyring can encode; Apps skips it ("Keyring: Unable to load")',
      READD_CONTRACT,
    ];
  }
  if (!meta.contract) {
    return [
      'contract-no-abi',
      "no meta.contract (ABI and chain): Apps' contract list never shows it",
      READD_CONTRACT,
    ];
  }
  const genesis = isPlainObject(meta.contract) ? meta.contract.genesisHash : undefined;
  if (typeof genesis !== 'string' || genesis === '') {
    return [
      'contract-no-genesis',
      `meta.contract.genesisHash is ${genesis === null ? 'null' : 'missing'}: Apps lists a contract only on the chain it names, so on none`,
      READD_CONTRACT,
    ];
  }
  return [
    'genesis',
    `tied to ${networkName(genesis)}: Apps shows it only when connected to that chain`,
    `connect Apps to ${networkName(genesis)}`,
  ];
}

/** Whether ui-keyring's `encodeAddress(decodeAddress(address))` (checksum checked) succeeds. */
function encodes(address: unknown): boolean {
  if (typeof address !== 'string') return false;
  try {
    encodeAddress(decodeAddress(address));
    return true;
  } catch (e) {
    if (e instanceof Error) return false; // util-crypto's answer: not an address it can encode
    throw e;
  }
}

/** A notice about `key`. */
function notice(
  key: string,
  kind: EntryKind,
  reason: HiddenReason,
  detail: string,
  fix: string,
): HiddenNotice {
  return { key, kind, reason, detail, fix };
}

/** Whether `key` (of a keyring kind) continues with `0x` after its `kind:` prefix, as ui-keyring's pattern wants. */
function hasHexPrefix(key: string, kind: EntryKind): boolean {
  return key.startsWith('0x', kind.length + 1);
}

/**
 * Why Apps would hide the entry `key` holding `value`, if it would (`kind`: classifyKey(key),
 * and `record`: readRecord(value), when the caller has them).
 *
 * @example hiddenNotices('account:0x…', '{"encoded":…,"meta":{"genesisHash":"0x91b1…"}}', {})[0].reason // 'genesis'
 */
export function hiddenNotices(
  key: string,
  value: string,
  at: { now?: () => number },
  kind: EntryKind = classifyKey(key),
  record?: StoredRecord,
): HiddenNotice[] {
  if (kind !== 'account' && kind !== 'address' && kind !== 'contract') return [];
  if (!hasHexPrefix(key, kind)) {
    return [
      notice(
        key,
        kind,
        'legacy-key',
        'the key is not 0x-hex (an old Apps layout); Apps ignores it',
        'restore this account from its JSON file or secret, or keep it only as a backup',
      ),
    ];
  }
  const out: HiddenNotice[] = [];
  // The prefix (`account:0x` …) has no uppercase letter, so the whole key can be searched.
  if (UPPER_HEX.test(key)) {
    out.push(
      notice(
        key,
        kind,
        'uppercase-key',
        'the hex in the key is uppercase; Apps saves a second, lowercase copy on load',
        'none needed; remove the uppercase key afterwards if you like',
      ),
    );
  }
  const { json, meta } = record ?? readRecord(value);
  if (json === undefined || meta === undefined) {
    out.push(
      notice(
        key,
        kind,
        'unreadable',
        'the value is not a JSON object with meta; Apps skips it ("Keyring: Unable to load")',
        'import this entry from a correct export (its JSON file) instead',
      ),
    );
    return out;
  }
  if (kind === 'account' && meta.isTesting === true) {
    out.push(
      notice(
        key,
        kind,
        'testing',
        'marked isTesting: Apps never loads stored test accounts',
        'restore it from its JSON file after removing isTesting, or from its secret',
      ),
    );
  } else if (kind === 'account' && !json.encoded) {
    out.push(
      notice(
        key,
        kind,
        'no-key-record',
        'an account record without encoded: Apps skips it',
        're-add the account as external (QR/Ledger/multisig) or restore it from its JSON file',
      ),
    );
  }
  if (kind === 'contract') {
    out.push(notice(key, kind, ...contractNotice(json, meta)));
    return out;
  }
  const bound =
    typeof meta.genesisHash === 'string' && meta.genesisHash !== '' ? meta.genesisHash : undefined;
  if (bound !== undefined) {
    out.push(
      notice(
        key,
        kind,
        'genesis',
        `tied to ${networkName(bound)}: Apps shows it only when connected to that chain`,
        kind === 'account'
          ? `connect Apps to ${networkName(bound)}, or allow the account on any network`
          : `connect Apps to ${networkName(bound)}`,
      ),
    );
  }
  if (kind === 'address' && meta.isRecent && at.now !== undefined) {
    const created = typeof meta.whenCreated === 'number' ? meta.whenCreated : 0;
    if (at.now() - created > RECENT_EXPIRY_MS) {
      out.push(
        notice(
          key,
          kind,
          'recent-expired',
          'a "recent" address: Apps deletes it on the next load',
          'save it to the address book in Apps',
        ),
      );
    }
  }
  return out;
}

/**
 * The settings notice: Apps only offers in-browser accounts when `settings.storage` is 'on'
 * (the default has been 'off' since ui-settings 2.10.1).
 *
 * @example storageNotice(undefined) // { reason: 'storage-off', … }
 */
export function storageNotice(settings: string | null): HiddenNotice | undefined {
  const { json } = settings === null ? {} : readRecord(settings);
  if (json?.storage === 'on') return undefined;
  return {
    key: 'settings',
    kind: 'settings',
    reason: 'storage-off',
    detail:
      settings === null
        ? 'no settings: Apps starts with in-browser account storage off'
        : 'settings.storage is not "on": in-browser account storage is off',
    fix: 'in Apps open Settings → General, set "in-browser account creation" to allowed, and save',
  };
}
