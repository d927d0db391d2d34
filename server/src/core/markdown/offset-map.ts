/**
 * Maps offsets in extracted prose back to offsets in the Markdown source. Prose is built
 * from pieces: runs copied one-to-one from the source, and single characters that stand for
 * a longer stretch of source (an entity, an escape, inline code replaced by a placeholder).
 */
export class OffsetMap {
  /**
   * Each piece as three numbers: its prose start, its source start, and its source length, or
   * -1 for a one-to-one run. One list, not three: a draft has a map for every block, and a
   * list holds room for seventeen numbers as soon as one is pushed.
   */
  private readonly pieces: number[] = [];
  private proseLength = 0;

  /** Appends a run copied verbatim from `sourceStart`, `length` characters long. */
  addRun(sourceStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.pieces.length - 3;
    // Extend the previous run when the source continues it, so the map stays small.
    if (last >= 0 && this.pieces[last + 2] === -1 && this.pieces[last + 1] + (this.proseLength - this.pieces[last]) === sourceStart) {
      this.proseLength += length;
      return;
    }
    this.pieces.push(this.proseLength, sourceStart, -1);
    this.proseLength += length;
  }

  /** Appends one prose character standing for `sourceLength` characters of source. */
  addAtom(sourceStart: number, sourceLength: number): void {
    this.pieces.push(this.proseLength, sourceStart, sourceLength);
    this.proseLength += 1;
  }

  /** Source offset of the prose character at `p`. */
  toSource(p: number): number {
    const i = this.pieceAt(p);
    if (i < 0) return 0;
    const pieces = this.pieces;
    return pieces[i + 2] === -1 ? pieces[i + 1] + (p - pieces[i]) : pieces[i + 1];
  }

  /** Source offset just past the prose character before `p` (for range ends). */
  toSourceEnd(p: number): number {
    if (p <= 0) return this.toSource(0);
    const i = this.pieceAt(p - 1);
    if (i < 0) return 0;
    const pieces = this.pieces;
    const length = pieces[i + 2];
    return length === -1 ? pieces[i + 1] + (p - pieces[i]) : pieces[i + 1] + length;
  }

  /** Where in `pieces` the piece holding prose offset `p` starts; -1 when there is none. */
  private pieceAt(p: number): number {
    const pieces = this.pieces;
    let lo = 0;
    let hi = pieces.length / 3 - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid * 3] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo * 3;
  }
}
