// Registry module of Banana Split shards (docs/rescue-formats.md "Banana Split"): the text of one
// QR code, or a file of several, one per line, as `keyport combine` reads it (the one line rule
// is scanBananaShards in ../banana-shard.ts). The combination lives in ../banana-split.ts. A
// shard holds part of a secret: nothing of it is reported but the titles, counts, ids, lines and
// versions, and what the file lacks to combine.
import {
  type BananaSetLines,
  type BananaShardLine,
  bananaSets,
  isBananaShard,
  parseBananaShard,
  readBananaShardLines,
  scanBananaShards,
} from '../banana-shard.ts';
import { isKeyportError } from '../errors.ts';
import type { FormatModule, FormatReport, Found } from '../registry/types.ts';

/** What detection reports for shards: the first shard's set, and counts over the whole input. */
export interface BananaShardFacts {
  readonly format: 'banana-split-shard';
  /** The first shard's version, title, required count and id. */
  readonly version: 0 | 1;
  readonly title: string;
  readonly required: number;
  readonly id: number;
  /** How many shards the input holds (one per line; a repeated one counts again). */
  readonly shards: number;
  /** Of how many sets (title, nonce, version and required count tell a set). */
  readonly sets: number;
  /** True when the input alone combines: one set, no shard twice, at least `required` of it. */
  readonly enough: boolean;
}

/** Only text with a shard's `d` and `n` keys somewhere in it is read line by line. */
const hasShardKeys = (text: string): boolean => /"d"\s*:/.test(text) && /"n"\s*:/.test(text);

const combines = (sets: readonly BananaSetLines[]): boolean =>
  sets.length === 1 && sets[0]!.repeated.length === 0 && sets[0]!.ids.length >= sets[0]!.required;

function facts(lines: readonly BananaShardLine[]): BananaShardFacts {
  const first = lines[0]!.shard;
  const sets = bananaSets(lines);
  return {
    format: 'banana-split-shard',
    version: first.version,
    title: first.title,
    required: first.required,
    id: first.id,
    shards: lines.length,
    sets: sets.length,
    enough: combines(sets),
  };
}

/** The shards of a Found: its parsed JSON value (one shard), else its text read line by line. */
function shardLines(found: Pick<Found, 'value' | 'text'>): BananaShardLine[] {
  const { value } = found;
  if (typeof value === 'object' && value !== null) return [{ line: 1, shard: parseBananaShard(value) }];
  return readBananaShardLines((found.text ?? value) as string);
}

const list = (xs: readonly number[]) => xs.join(', ');
const onLines = (xs: readonly number[], one = 'line', many = 'lines') =>
  `${xs.length === 1 ? one : many} ${list(xs)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const COMBINE = '--passphrase-file <f> --out <file>';

/** What a set lacks to combine: '' when nothing, else a sentence part. */
function lack(s: BananaSetLines): string {
  const more = s.required - s.ids.length;
  const parts = [
    ...(s.repeated.length > 0 ? [`delete ${onLines(s.repeated)} (a shard given twice)`] : []),
    ...(more > 0 ? [`add ${plural(more, 'more shard')} of the set`] : []),
  ];
  return parts.join(' and ');
}

/** One line for a set among several: its title, version, threshold, lines and what it lacks. */
function setLine(s: BananaSetLines): string {
  const have = s.ids.length;
  return `${JSON.stringify(s.title)} (version ${s.version}, ${s.required} needed): ${plural(have, 'shard')}, ${onLines(s.lines)} (${onLines(s.ids, 'id', 'ids')}); ${lack(s) || 'enough'}`;
}

/** The next command for a file of one set. */
function nextStep(s: BananaSetLines): string {
  const todo = lack(s);
  if (todo === '') return `the file alone holds enough shards: keyport combine <this file> ${COMBINE}`;
  const more = s.ids.length < s.required ? ' <file(s) with the other shards>' : '';
  return `${todo}, then: keyport combine <this file>${more} ${COMBINE}`;
}

function report(lines: readonly BananaShardLine[]): FormatReport {
  const sets = bananaSets(lines);
  const enough = combines(sets);
  const versions = [...new Set(sets.map((s) => s.version))];
  const details: NonNullable<FormatReport['details']> = { shards: lines.length };
  const only = sets.length === 1 ? sets[0]! : undefined;
  if (only === undefined) {
    details.sets = sets.length;
    sets.forEach((s, i) => {
      details[`set ${i + 1}`] = setLine(s);
    });
    details.enough = false;
    details.note = `combine takes one set: put the lines of each set in a file of its own, then keyport combine <that file> ${COMBINE}`;
  } else {
    details.title = only.title;
    details.required = only.required;
    if (lines.length === 1) details.id = only.ids[0]!;
    else details.ids = list(only.ids);
    if (only.repeated.length > 0) details.repeated = onLines(only.repeated);
    details.enough = enough;
    details.note = nextStep(only);
  }
  return {
    format: 'banana-split-shard',
    version: versions.join(', '),
    encrypted: true,
    accounts: [],
    details,
  };
}

/**
 * Banana Split shards: one `{"v":1,"t":…,"r":…,"d":…,"n":…}` (no `v`: version 0), or several,
 * one per line (blank lines, CRLF and BOMs allowed), of one set or several.
 *
 * @example bananaShardFormat.describe(facts) // '3 Banana Split shards of "my seed" (2 needed: enough; use combine)'
 */
export const bananaShardFormat: FormatModule<BananaShardFacts> = {
  id: 'banana-split-shard',
  label: 'Banana Split shards (one per line)',
  holds: 'secret',
  readsLines: true,
  matchValue(value) {
    if (!isBananaShard(value)) return undefined;
    try {
      return facts([{ line: 1, shard: parseBananaShard(value) }]);
    } catch (e) {
      if (!isKeyportError(e)) throw e;
      return { miss: e.message };
    }
  },
  matchText(text) {
    if (!hasShardKeys(text)) return undefined;
    const scan = scanBananaShards(text);
    if (scan.error !== undefined)
      return scan.shards.length > 0 || scan.shaped ? { miss: scan.error.message } : undefined;
    return scan.shards.length > 0 ? facts(scan.shards) : undefined;
  },
  describe(d) {
    const title = JSON.stringify(d.title.slice(0, 60));
    if (d.shards === 1) return `a Banana Split shard of ${title} (${d.required} needed; use combine)`;
    if (d.sets > 1) return `${d.shards} Banana Split shards of ${d.sets} sets (combine takes one set)`;
    return `${d.shards} Banana Split shards of ${title} (${d.required} needed${d.enough ? ': enough' : ''}; use combine)`;
  },
  report: (found) => report(shardLines(found)),
};
