/**
 * Line numbers of offsets, counted as LSP counts them: a line ends at "\r\n", "\n" or "\r".
 */
export interface LineIndex {
  /** Zero-based line of an offset. */
  lineOf(offset: number): number;
  /** Offset where a zero-based line starts. */
  startOf(line: number): number;
}

export function indexLines(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return {
    lineOf(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
    startOf(line) {
      return starts[Math.max(0, Math.min(line, starts.length - 1))];
    },
  };
}
