// The Chromium side of row 3: both storage moves (src/storage-steps.ts) on this page's real
// localStorage. The old computer and the new one are the same storage, emptied in between.
import * as sm from '@keyport/storage-migrate';
import { consoleMove, holdsExactly, keyportMove } from '../src/storage-steps.ts';

export interface StorageRun {
  readonly side: 'keyport' | 'console';
  /** keyport: one time per step; console: the total. */
  readonly laps: number[];
  /** Whether localStorage held exactly the data afterwards. */
  readonly exact: boolean;
}

/** Lets the page settle (pending tasks, a garbage collection) outside the timed parts. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 50));

/** Fills localStorage with `data`, moves it out and back in the `side` way, and checks it. */
export async function storageMove(
  side: 'keyport' | 'console',
  data: Readonly<Record<string, string>>,
): Promise<StorageRun> {
  localStorage.clear();
  for (const [k, v] of Object.entries(data)) localStorage.setItem(k, v);
  await settle();
  const handover = async (): Promise<void> => {
    localStorage.clear();
    await settle();
  };
  const laps =
    side === 'keyport'
      ? await keyportMove(sm, localStorage, localStorage, handover)
      : [await consoleMove(localStorage, localStorage, handover)];
  const exact = holdsExactly(localStorage, data);
  localStorage.clear();
  return { side, laps, exact };
}
