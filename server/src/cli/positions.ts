/**
 * The one place where the CLI turns the engine's character offsets into LSP positions.
 * Lines break at "\r\n", "\n" and "\r" alike, as LSP does; characters are UTF-16 code
 * units (JavaScript string indices), so an astral character counts two.
 */

/** An LSP position: zero-based line, zero-based UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}

/** An LSP range; `end` is exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/**
 * A converter from offsets in `text` to positions. Line starts are computed once, so a
 * draft with many findings costs one pass plus a binary search per offset.
 */
export function positionConverter(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) i++; // "\r\n" is one break
    if (c === 13 || c === 10) lineStarts.push(i + 1);
  }
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: at - lineStarts[low]! };
  };
}

/** The range covering `length` characters from `offset`. */
export function rangeOf(toPosition: (offset: number) => Position, offset: number, length: number): Range {
  return { start: toPosition(offset), end: toPosition(offset + length) };
}
