/**
 * The text the Markdown parser reads, presented without copying the draft. Every
 * character keeps its offset, so tree positions are positions in the text given (a whole
 * draft or a stretch of it):
 * - front matter reads as blank lines (the parser skips it, and it can never swallow
 *   the text after it);
 * - a CR reads as a space before an LF and as an LF on its own: the parser fully
 *   understands only LF line ends (a CR left before the LF breaks table rows, HTML block
 *   ends and blank lines). A line that ends in a pipe reads with the pipe one place later
 *   instead (` |` for `|\r`): the parser takes a table's delimiter row only when nothing
 *   follows its last pipe;
 * - in a run of spaces, those past LONGEST_SPACE_RUN read as tabs: the parser's hard-break
 *   scan is quadratic in a run of spaces, and a tab is still white space wherever the run
 *   was (indentation, a blank line, between words).
 */
import type { Input } from "@lezer/common";

const LONGEST_SPACE_RUN = 256;
const LONG_RUN = " ".repeat(LONGEST_SPACE_RUN + 1);
const LONG_RUNS = new RegExp(` {${LONGEST_SPACE_RUN + 1},}`, "g");
const LINE_ENDS = /(?<!\\)\|\r\n|\r\n|\r/g;
const LINE_END_READS: Record<string, string> = { "|\r\n": " |\n", "\r\n": " \n", "\r": "\n" };
const LF = 10;
const CR = 13;
const SPACE = 32;

export class DraftInput implements Input {
  /** Chunks are lines: the parser reads line by line, and a line is cheap to check and rewrite. */
  readonly lineChunks = true;
  readonly length: number;

  constructor(
    private readonly text: string,
    /** Where front matter ends (0 for none). */
    private readonly frontMatterEnd: number,
  ) {
    this.length = text.length;
  }

  /** The line from `from` to its end, or "\n" at a line break. */
  chunk(from: number): string {
    const text = this.text;
    const c = text.charCodeAt(from);
    if (c === LF || (c === CR && text.charCodeAt(from + 1) !== LF)) return "\n";
    let end = text.indexOf("\n", from);
    if (end < 0) end = text.length;
    // A CR right before the LF is part of the line; any other CR ends it.
    const cr = text.slice(from, end).indexOf("\r") + from;
    if (cr >= from && !(cr === end - 1 && end < text.length)) end = cr;
    return this.read(from, end);
  }

  read(from: number, to: number): string {
    const text = this.text;
    const frontMatter = this.frontMatterEnd;
    if (from < frontMatter) {
      const blank = text
        .slice(from, Math.min(to, frontMatter) + 1)
        .replace(/[^\r\n]/g, " ")
        .replace(/\r(?!\n)/g, "\n")
        .replace(/\r/g, " ")
        .slice(0, Math.min(to, frontMatter) - from);
      return to > frontMatter ? blank + this.read(frontMatter, to) : blank;
    }
    // Look back far enough to see where a run of spaces that reaches `from` began (and whether
    // a pipe is escaped), and ahead far enough to see whether a CR is followed by an LF.
    const lead = Math.min(from, text.charCodeAt(from - 1) === SPACE ? LONGEST_SPACE_RUN : 2);
    const window = text.slice(from - lead, to + 2);
    if (!window.includes("\r") && !window.includes(LONG_RUN)) return text.slice(from, to);
    return window
      .replace(LINE_ENDS, (end: string) => LINE_END_READS[end])
      .replace(LONG_RUNS, (run: string) => run.slice(0, LONGEST_SPACE_RUN) + "\t".repeat(run.length - LONGEST_SPACE_RUN))
      .slice(lead, lead + to - from);
  }
}
