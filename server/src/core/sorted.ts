/**
 * Binary searches over offsets and ranges kept in document order, so that looking up the
 * sentence, quotation or citation of a figure costs log n, not a scan of the block.
 */

/** Index of the last item whose `key` is at most `at`, or -1. */
export function lastAtOrBefore<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** True when some offset in the sorted list lies in [from, to]. */
export function anyBetween(offsets: readonly number[], from: number, to: number): boolean {
  const i = lastAtOrBefore(offsets, to, (o) => o);
  return i >= 0 && offsets[i] >= from;
}
