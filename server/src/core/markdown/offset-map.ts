/**
 * Maps offsets in extracted prose back to offsets in the Markdown source. Prose is built
 * from pieces: runs copied one-to-one from the source, and single characters that stand for
 * a longer stretch of source (an entity, an escape, inline code replaced by a placeholder).
 */
export class OffsetMap {
  private readonly proseStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  /** Source length of each piece; -1 marks a one-to-one run. */
  private readonly sourceLengths: number[] = [];
  private proseLength = 0;

  /** Appends a run copied verbatim from `sourceStart`, `length` characters long. */
  addRun(sourceStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.proseStarts.length - 1;
    // Extend the previous run when the source continues it, so the map stays small.
    if (
      last >= 0 &&
      this.sourceLengths[last] === -1 &&
      this.sourceStarts[last] + (this.proseLength - this.proseStarts[last]) === sourceStart
    ) {
      this.proseLength += length;
      return;
    }
    this.push(sourceStart, -1);
    this.proseLength += length;
  }

  /** Appends one prose character standing for `sourceLength` characters of source. */
  addAtom(sourceStart: number, sourceLength: number): void {
    this.push(sourceStart, sourceLength);
    this.proseLength += 1;
  }

  private push(sourceStart: number, sourceLength: number): void {
    this.proseStarts.push(this.proseLength);
    this.sourceStarts.push(sourceStart);
    this.sourceLengths.push(sourceLength);
  }

  /** Source offset of the prose character at `p`. */
  toSource(p: number): number {
    const i = this.pieceAt(p);
    if (i < 0) return 0;
    return this.sourceLengths[i] === -1 ? this.sourceStarts[i] + (p - this.proseStarts[i]) : this.sourceStarts[i];
  }

  /** Source offset just past the prose character before `p` (for range ends). */
  toSourceEnd(p: number): number {
    if (p <= 0) return this.toSource(0);
    const i = this.pieceAt(p - 1);
    if (i < 0) return 0;
    const len = this.sourceLengths[i];
    return len === -1 ? this.sourceStarts[i] + (p - this.proseStarts[i]) : this.sourceStarts[i] + len;
  }

  private pieceAt(p: number): number {
    let lo = 0;
    let hi = this.proseStarts.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.proseStarts[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
