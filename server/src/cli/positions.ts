/**
 * The one place where the CLI turns the engine's character offsets into LSP positions.
 * Lines break at "\r\n", "\n" and "\r" alike, as LSP does; characters are UTF-16 code
 * units (JavaScript string indices), so an astral character counts two.
 */
import { indexLines } from "../core/lines";

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
  const lines = indexLines(text);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    const line = lines.lineOf(at);
    return { line, character: at - lines.startOf(line) };
  };
}

/** The range covering `length` characters from `offset`. */
export function rangeOf(toPosition: (offset: number) => Position, offset: number, length: number): Range {
  return { start: toPosition(offset), end: toPosition(offset + length) };
}
