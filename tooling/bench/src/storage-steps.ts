// The two storage moves row 3 times, shared by Node (src/storage-move.ts) and the Chromium page
// (page/storage.ts): keyport's dump → bundle text → read (validate, checksum) → plan → apply
// (undo bundle first, write, read back) → undo bundle text, and the console recipe's
// JSON.stringify of every entry, then JSON.parse and a setItem loop. `handover` runs untimed
// between the old computer's part and the new one's (the page empties its localStorage there).
import type { StorageLike } from '@keyport/storage-migrate';

export type { StorageLike };

/** The part of @keyport/storage-migrate this row drives (docs/architecture.md). */
export type StorageMigrate = Pick<
  typeof import('@keyport/storage-migrate'),
  'dumpStorage' | 'encodeBundle' | 'readImportInput' | 'planImport' | 'applyPlan'
>;

export const NEEDED: (keyof StorageMigrate)[] = [
  'dumpStorage',
  'encodeBundle',
  'readImportInput',
  'planImport',
  'applyPlan',
];

/** keyport's steps, in order; keyportMove returns one time per step. */
export const STEPS = ['dump', 'encode', 'read', 'plan', 'apply', 'undo'] as const;

type Handover = () => Promise<void> | void;

/** A stopwatch whose laps leave out the handover. */
function stopwatch(): { lap: () => void; restart: () => void; laps: number[] } {
  const laps: number[] = [];
  let t = performance.now();
  return {
    laps,
    lap: () => {
      const now = performance.now();
      laps.push(now - t);
      t = now;
    },
    restart: () => {
      t = performance.now();
    },
  };
}

/** Moves `source` into `target` the keyport way; returns the milliseconds of each step. */
export async function keyportMove(
  sm: StorageMigrate,
  source: StorageLike,
  target: StorageLike,
  handover: Handover = () => {},
): Promise<number[]> {
  const at = { origin: 'https://polkadot.js.org', now: () => 1_795_259_606_034 };
  const w = stopwatch();
  // Old computer: dump and write the bundle file (checksummed).
  const bundle = sm.dumpStorage(source, at);
  w.lap();
  const text = await sm.encodeBundle(bundle);
  w.lap();
  await handover();
  w.restart();
  // New computer: read and validate it, plan, apply (undo bundle first, read-back), save the undo.
  const input = await sm.readImportInput(text);
  w.lap();
  const plan = sm.planImport(input, target, { policy: 'keep', now: at.now });
  w.lap();
  const { undo } = sm.applyPlan(plan, target, at);
  w.lap();
  await sm.encodeBundle(undo);
  w.lap();
  return w.laps;
}

/** The console recipe; returns its milliseconds. */
export async function consoleMove(
  source: StorageLike,
  target: StorageLike,
  handover: Handover = () => {},
): Promise<number> {
  const w = stopwatch();
  // What a user pastes into DevTools: copy(JSON.stringify(localStorage)) on the old computer...
  const dump: Record<string, string> = {};
  for (let i = 0; i < source.length; i++) {
    const k = source.key(i)!;
    dump[k] = source.getItem(k)!;
  }
  const text = JSON.stringify(dump);
  w.lap();
  await handover();
  w.restart();
  // ...and Object.entries(JSON.parse(text)).forEach(([k, v]) => localStorage.setItem(k, v)) on the new one.
  for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, string>)) target.setItem(k, v);
  w.lap();
  return w.laps[0]! + w.laps[1]!;
}

/** Whether `storage` holds exactly `data`. */
export function holdsExactly(storage: StorageLike, data: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(data);
  return storage.length === keys.length && keys.every((k) => storage.getItem(k) === data[k]);
}
