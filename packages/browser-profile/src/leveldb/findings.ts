// What a reader found wrong, and the one rule for it: without salvage, the first damage is a
// CORRUPT_DATA error naming the file; with salvage, it is recorded and reading goes on with
// what passes its checksums.
import { corrupt } from '../bytes.ts';

/** One piece of damage: which file, where, what, and what was lost with it. */
export interface Damage {
  /** The file, relative to the profile folder (e.g. `Local Storage/leveldb/000003.log`). */
  readonly file: string;
  readonly offset?: number;
  readonly what: string;
  /** What was skipped: one record, the rest of a block, one table block, a whole file. */
  readonly lost: 'record' | 'block' | 'file' | 'value';
}

/** Collects damage (salvage) or throws on the first (strict). */
export class Findings {
  readonly damaged: Damage[] = [];
  readonly notes: string[] = [];

  constructor(readonly salvage: boolean) {}

  /** Records `d`; throws CORRUPT_DATA for it unless salvaging. */
  damage(d: Damage): void {
    if (!this.salvage) throw corrupt(d.file, `${d.what} (salvage reads what passes its checksums)`, d.offset);
    this.damaged.push(d);
  }

  /** Something the user should know that is not damage (a fallback taken, a running browser). */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }
}
