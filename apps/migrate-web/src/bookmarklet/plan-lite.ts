/**
 * The bookmarklet's import: compare a plain bundle with this tab's storage, write with rollback,
 * and an undo bundle in storage-migrate's format (made BEFORE anything is written).
 */
import {
  bundleText,
  byKey,
  type LiteBundle,
  type LiteEntry,
  LiteError,
  readEntries,
  summarize,
} from './bundle-lite.ts';

/** What to do with a key that exists with different content. */
export type LitePolicy = 'keep' | 'replace';

/** The comparison of a bundle with the storage. */
export interface LitePlan {
  readonly fresh: readonly LiteEntry[];
  readonly identical: readonly LiteEntry[];
  readonly conflicts: readonly LiteEntry[];
  /** Conflicts kept even with `replace`: the bundle's copy has no key, the stored one does. */
  readonly guarded: readonly LiteEntry[];
  /** What Import writes. */
  readonly writes: readonly LiteEntry[];
}

/** True when a stored value is an account JSON holding an encrypted key. */
export function holdsKey(value: string): boolean {
  try {
    const json = JSON.parse(value) as { encoded?: unknown; encoding?: { type?: unknown } };
    const type = json?.encoding?.type;
    const types = Array.isArray(type) ? type : [type];
    return typeof json?.encoded === 'string' && types.includes('xsalsa20-poly1305');
  } catch {
    return false; // not JSON: holds no key
  }
}

/** Compares `bundle` with `storage` under `policy`. */
export function planLite(bundle: LiteBundle, storage: Storage, policy: LitePolicy): LitePlan {
  const fresh: LiteEntry[] = [];
  const identical: LiteEntry[] = [];
  const conflicts: LiteEntry[] = [];
  const guarded: LiteEntry[] = [];
  for (const e of bundle.entries) {
    const current = storage.getItem(e.key);
    if (current === null) fresh.push(e);
    else if (current === e.value) identical.push(e);
    else {
      conflicts.push(e);
      if (e.key.startsWith('account:') && holdsKey(current) && !holdsKey(e.value)) guarded.push(e);
    }
  }
  const writes =
    policy === 'replace' ? [...fresh, ...conflicts.filter((c) => !guarded.includes(c))] : [...fresh];
  return { fresh, identical, conflicts, guarded, writes };
}

/** An import ready to run: its undo bundle text and the previous values it restores. */
export interface PreparedImport {
  readonly undoText: string;
  readonly previous: ReadonlyMap<string, string | null>;
  readonly writes: readonly LiteEntry[];
}

/**
 * Builds the version 2 undo bundle for `plan`: the previous values of the keys it writes, and in
 * undo.after what each holds after the import (keys that did not exist are those of undo.after
 * missing from its entries).
 */
export async function prepareImport(
  plan: LitePlan,
  storage: Storage,
  subtle: SubtleCrypto,
  at: { origin: string; createdAt: string },
): Promise<PreparedImport> {
  const previous = new Map<string, string | null>();
  for (const w of plan.writes) previous.set(w.key, storage.getItem(w.key));
  const entries: LiteEntry[] = [];
  for (const [key, value] of previous) if (value !== null) entries.push({ key, value });
  entries.sort(byKey);
  const after = [...plan.writes].sort(byKey).map((w) => ({ key: w.key, value: w.value }));
  const undoText = await bundleText(
    {
      origin: at.origin,
      createdAt: at.createdAt,
      summary: summarize(entries),
      entries,
      undo: { after },
    },
    subtle,
  );
  return { undoText, previous, writes: plan.writes };
}

/** Puts back every previous value (removing keys that did not exist). */
export function revert(prepared: PreparedImport, storage: Storage): void {
  for (const [key, value] of prepared.previous) {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  }
}

/**
 * Writes the prepared entries and reads each back; on any failure puts everything back and
 * throws WRITE_FAILED. Returns how many entries were written.
 */
export function writeAll(prepared: PreparedImport, storage: Storage): number {
  try {
    for (const w of prepared.writes) {
      storage.setItem(w.key, w.value);
      if (storage.getItem(w.key) !== w.value) throw new Error(`${w.key} did not read back`);
    }
  } catch (e) {
    revert(prepared, storage);
    throw new LiteError(
      'WRITE_FAILED',
      `writing failed and was rolled back (${e instanceof Error ? e.name : 'error'})`,
    );
  }
  return prepared.writes.length;
}

/** Current entries, for the overlay's counts. */
export { readEntries };
