// Edit distance and "did you mean" lookups, for mnemonic words and network names.

/** Levenshtein distance between `a` and `b` (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The `limit` candidates closest to `word` by edit distance, closest first; ties keep the order
 * of `candidates`. Candidates further than `maxDistance` are left out.
 */
export function nearest(
  word: string,
  candidates: readonly string[],
  limit = 1,
  maxDistance = Number.POSITIVE_INFINITY,
): string[] {
  return candidates
    .map((candidate, order) => ({ candidate, order, distance: editDistance(word, candidate) }))
    .filter((c) => c.distance <= maxDistance)
    .sort((x, y) => x.distance - y.distance || x.order - y.order)
    .slice(0, limit)
    .map((c) => c.candidate);
}
