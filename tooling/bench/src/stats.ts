// Medians, ratios and the printed table. A figure is always the median of several runs; a ratio
// is baseline ÷ keyport for times (higher is better for keyport) and keyport ÷ baseline where
// the goal is "within N×".

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Rounds to `digits` decimals for the results file. */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A measured quantity: its median and every run behind it. */
export interface Figure {
  readonly median: number;
  readonly runs: readonly number[];
  readonly unit: 'ms' | 'KB';
}

/** Builds a Figure from raw runs. */
export function figure(runs: readonly number[], unit: Figure['unit'] = 'ms'): Figure {
  return { median: round(median(runs)), runs: runs.map((r) => round(r)), unit };
}

/** One line of the table and one entry of results.json. */
export interface Row {
  readonly id: string;
  readonly title: string;
  readonly status: 'measured' | 'pending' | 'failed';
  readonly keyport?: Figure;
  readonly keyportLabel?: string;
  readonly baseline?: Figure;
  readonly baselineLabel?: string;
  /** e.g. 3.4 for "3.4× faster", or 1.8 for "1.8× the baseline's time". */
  readonly ratio?: number;
  readonly ratioMeaning?: string;
  readonly goal: string;
  readonly met?: boolean;
  readonly extra?: Readonly<Record<string, number | string>>;
  readonly note?: string;
}

function cell(f: Figure | undefined): string {
  return f ? `${f.median} ${f.unit}` : '-';
}

/** The Markdown table printed at the end (and pasted into the README). */
export function table(rows: readonly Row[]): string {
  const head = ['measure', 'keyport', 'baseline', 'ratio', 'goal', 'met'];
  const lines = rows.map((r) => [
    r.title,
    r.status === 'measured' ? `${cell(r.keyport)}${r.keyportLabel ? ` (${r.keyportLabel})` : ''}` : r.status,
    r.baseline ? `${cell(r.baseline)}${r.baselineLabel ? ` (${r.baselineLabel})` : ''}` : '-',
    r.ratio === undefined ? '-' : `${r.ratio}×${r.ratioMeaning ? ` ${r.ratioMeaning}` : ''}`,
    r.goal,
    r.met === undefined ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const all = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...all.map((l) => l[i]!.length)));
  const fmt = (l: string[]): string => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
