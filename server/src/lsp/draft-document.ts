/**
 * An open draft's text as the server keeps it: the editor's TextDocument (positions, offsets,
 * lines, versions, as the LSP counts them), stored in chunks.
 *
 * The textdocument library keeps one string and builds a new one for every keystroke, which
 * the engine then reads as a whole: on a 10 MB draft that is a 20 MB copy per keystroke
 * (about 9 ms, and as much garbage). Here an edit rebuilds only the chunk it falls in, and
 * the checker reads a snapshot of the chunks, which later edits leave alone, so a check that
 * spans several turns of the event loop always reads the version it started on.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import { detached } from "../core/detached";
import type { DraftText } from "../core/draft-text";

/** Chunks are cut to about this length; one that grows past twice as long is cut again. */
const CHUNK = 16 * 1024;
const LF = 10;
const CR = 13;

/** An immutable view of the chunks of one version. */
class ChunkedText implements DraftText {
  readonly length: number;

  constructor(
    readonly chunks: readonly string[],
    /** Where each chunk starts. */
    readonly starts: readonly number[],
  ) {
    const last = chunks.length - 1;
    this.length = last < 0 ? 0 : starts[last] + chunks[last].length;
  }

  slice(from: number, to: number = this.length): string {
    from = Math.max(0, Math.min(from, this.length));
    to = Math.max(from, Math.min(to, this.length));
    if (from === to) return "";
    const first = this.chunkAt(from);
    const last = this.chunkAt(to - 1);
    if (first === last) return this.chunks[first].slice(from - this.starts[first], to - this.starts[first]);
    let text = this.chunks[first].slice(from - this.starts[first]);
    for (let i = first + 1; i < last; i++) text += this.chunks[i];
    return text + this.chunks[last].slice(0, to - this.starts[last]);
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.chunkAt(offset);
    return this.chunks[i].charCodeAt(offset - this.starts[i]);
  }

  /** Index of the chunk holding `offset` (0 <= offset < length). */
  chunkAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text with `[from, to)` replaced by `insert`, rebuilding only the chunks it touches. */
  replaced(from: number, to: number, insert: string): ChunkedText {
    if (this.chunks.length === 0) return chunked(insert);
    const first = this.chunkAt(Math.min(from, this.length - 1));
    const last = to > from ? this.chunkAt(Math.min(to - 1, this.length - 1)) : first;
    const middle = this.chunks[first].slice(0, from - this.starts[first]) + insert + this.chunks[last].slice(to - this.starts[last]);
    const pieces = cut(middle);
    const chunks = [...this.chunks.slice(0, first), ...pieces, ...this.chunks.slice(last + 1)];
    const starts = this.starts.slice(0, first);
    let at = this.starts[first];
    for (const piece of pieces) {
      starts.push(at);
      at += piece.length;
    }
    const shift = insert.length - (to - from);
    for (let i = last + 1; i < this.chunks.length; i++) starts.push(this.starts[i] + shift);
    return new ChunkedText(chunks, starts);
  }
}

function chunked(text: string): ChunkedText {
  const chunks = cut(text);
  const starts: number[] = [];
  let at = 0;
  for (const chunk of chunks) {
    starts.push(at);
    at += chunk.length;
  }
  return new ChunkedText(chunks, starts);
}

/** A text cut into chunks, each a string of its own (not a view of the text it was cut from). */
function cut(text: string): string[] {
  if (text.length <= 2 * CHUNK) return text.length ? [detached(text)] : [];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += CHUNK) pieces.push(detached(text.slice(at, at + CHUNK)));
  return pieces;
}

/** Counts the texts of every draft: each open and each edit makes a new one. */
let texts = 0;

export class DraftDocument implements TextDocument {
  private text: ChunkedText;
  /** Where each line starts; undefined until asked for after an edit that made it unsure. */
  private lineOffsets?: number[];
  private currentRevision = ++texts;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.text = chunked(content);
  }

  /** Throws, opening nothing, unless the URI and the text are strings and the version a whole number. */
  static create(uri: string, languageId: string, version: number, content: string): DraftDocument {
    if (typeof uri !== "string" || typeof content !== "string" || !Number.isInteger(version))
      throw new TypeError(`a draft is opened with a URI, a whole version number and its text; refused ${JSON.stringify({ uri, version, text: typeof content })}`);
    return new DraftDocument(uri, languageId, version, content);
  }

  get version(): number {
    return this.currentVersion;
  }

  /**
   * Names this text among all the texts of all drafts. The editor's version number cannot: a
   * client may send a version twice, or an older one after a newer.
   */
  get revision(): number {
    return this.currentRevision;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  /** The text of this version, which later edits leave unchanged. */
  snapshot(): DraftText {
    return this.text;
  }

  /** The text, joined anew on each call: keeping it would hold a second copy of a long draft. */
  getText(range?: Range): string {
    if (range) return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    return this.text.slice(0, this.text.length);
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = lines[position.line];
    if (position.character <= 0) return lineStart;
    const nextLineStart = position.line + 1 < lines.length ? lines[position.line + 1] : this.text.length;
    return this.beforeLineEnd(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const lines = this.lines();
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid] > offset) hi = mid;
      else lo = mid + 1;
    }
    const line = lo - 1;
    return { line, character: this.beforeLineEnd(offset, lines[line]) - lines[line] };
  }

  getLineRange(line: number): Range {
    const lines = this.lines();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - lines[last] } };
    }
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineEnd(this.nextLineStart(line), lines[line]) - lines[line] } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lines();
    if (line < 0 || line >= lines.length) return "";
    const next = this.nextLineStart(line);
    return this.text.slice(this.beforeLineEnd(next, lines[line]), next);
  }

  /**
   * Applies changes in order, each in the text the one before it left, as the LSP sends them.
   * Throws, changing nothing, when any of them is malformed (see `assertChanges`).
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    assertChanges(changes, version);
    this.currentRevision = ++texts;
    for (const change of changes) {
      if (!("range" in change)) {
        this.text = chunked(change.text);
        this.lineOffsets = undefined;
        continue;
      }
      const range = ordered(change.range);
      const from = this.offsetAt(range.start);
      const to = this.offsetAt(range.end);
      // The lines of the offsets, not of the range: a range may point past the last line.
      const startLine = this.positionAt(from).line;
      const endLine = this.positionAt(to).line;
      this.text = this.text.replaced(from, to, change.text);
      const insertedEnd = from + change.text.length;
      // A CR and an LF brought together or split apart change the line count at the edges.
      if (this.isCrLfAt(from) || this.isCrLfAt(insertedEnd) || !this.lineOffsets) {
        this.lineOffsets = undefined;
        continue;
      }
      const lines = this.lineOffsets;
      const added = lineStarts(change.text, from);
      if (added.length < 10_000) lines.splice(startLine + 1, endLine - startLine, ...added);
      else this.lineOffsets = [...lines.slice(0, startLine + 1), ...added, ...lines.slice(endLine + 1)];
      const shift = change.text.length - (to - from);
      const after = this.lineOffsets;
      if (shift !== 0) for (let i = startLine + 1 + added.length; i < after.length; i++) after[i] += shift;
    }
    this.currentVersion = version;
  }

  private nextLineStart(line: number): number {
    const lines = this.lines();
    return line + 1 < lines.length ? lines[line + 1] : this.text.length;
  }

  private isCrLfAt(offset: number): boolean {
    return this.text.charCodeAt(offset - 1) === CR && this.text.charCodeAt(offset) === LF;
  }

  private lines(): number[] {
    // Counted afresh only after a whole replacement or an edit that joins or splits a CRLF.
    this.lineOffsets ??= [0, ...lineStarts(this.getText(), 0)];
    return this.lineOffsets;
  }

  /** An offset inside a line break moves back to the line's end. */
  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const c = this.text.charCodeAt(offset - 1);
      if (c !== LF && c !== CR) break;
      offset--;
    }
    return offset;
  }
}

/** Where lines start within inserted text, as offsets in the document. */
function lineStarts(text: string, offset: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      starts.push(offset + i + 1);
    } else if (c === LF) starts.push(offset + i + 1);
  }
  return starts;
}

/**
 * Throws unless every change is one the LSP could send: a text, and if a range, one whose
 * positions are whole numbers; and the version a whole number. Numbers out of range are
 * well formed (they are clamped, as the textdocument library clamps them); a change that is
 * not one has no meaning to clamp to, and applying the changes before it would leave a text
 * the client never had.
 */
export function assertChanges(changes: readonly unknown[], version: unknown): asserts changes is TextDocumentContentChangeEvent[] {
  if (!Number.isInteger(version)) throw new TypeError(`a change needs a whole version number, not ${JSON.stringify(version)}; refused`);
  const malformed = changes.find((change) => !isChange(change));
  if (malformed !== undefined) throw new TypeError(`not a text change: ${JSON.stringify(malformed)?.slice(0, 200)}; refused with the changes sent with it`);
}

function isChange(change: unknown): boolean {
  if (typeof change !== "object" || change === null || typeof (change as { text?: unknown }).text !== "string") return false;
  if (!("range" in change)) return true;
  const range = change.range as { start?: unknown; end?: unknown } | null;
  return typeof range === "object" && range !== null && isPosition(range.start) && isPosition(range.end);
}

function isPosition(position: unknown): boolean {
  const { line, character } = (position ?? {}) as { line?: unknown; character?: unknown };
  return Number.isInteger(line) && Number.isInteger(character);
}

function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
