/**
 * "Did you mean …?" for a misspelt key or rule id: `attributionPhrase`, `unattributed-figures`,
 * `maxDraftsize`. Cheap enough to run on every unknown name a file holds.
 */

/** ` (did you mean "x"?)` for the known name nearest `name`, or "" when none is near. */
export function didYouMean(name: string, known: readonly string[]): string {
  const nearest = nearestName(name, known);
  return nearest === undefined ? "" : ` (did you mean "${nearest}"?)`;
}

/**
 * The known name within a few edits of `name`, ignoring case: one edit for short names,
 * about one per four letters for longer ones, so "refs" suggests nothing but
 * "attributionPhrase" suggests "attributionPhrases".
 */
function nearestName(name: string, known: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const allowed = Math.max(1, Math.floor(candidate.length / 4));
    // Lengths further apart than that cannot be near; skipping them keeps a pasted paragraph cheap.
    if (Math.abs(wanted.length - candidate.length) > allowed) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}
