/** Which drafts the command line names, and how their bytes become text. */
import * as path from "node:path";
import type { CliIo } from "./io";
import { positionConverter } from "./positions";

/** One draft to check: `file` is what reports show, `absolutePath` what is read. */
export type DraftInput = { file: "-"; stdin: true } | { file: string; stdin: false; absolutePath: string };

const MARKDOWN = /\.(md|markdown)$/i;

/** Folders a walk never enters: dependencies, and dot-folders such as .git. */
function skipsFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/**
 * The drafts behind the command line's arguments, in argument order; a folder contributes
 * its Markdown files in sorted order (see walkFolder). A draft reached twice is checked once.
 * A missing argument is passed to `problem`, as `path: reason`, and left out.
 */
export function collectDrafts(inputs: readonly string[], io: CliIo, problem: (message: string) => void): DraftInput[] {
  const drafts: DraftInput[] = [];
  const seen = new Set<string>();
  const add = (draft: DraftInput) => {
    const key = draft.stdin ? "-" : draft.absolutePath;
    if (seen.has(key)) return;
    seen.add(key);
    drafts.push(draft);
  };
  const walk = (shown: string, absolute: string) =>
    walkFolder(shown, absolute, io, (folder, message) => problem(`${folder}: ${message}`), (file, absolutePath) => {
      if (MARKDOWN.test(file)) add({ file, stdin: false, absolutePath });
    });
  for (const input of inputs) {
    if (input === "-") {
      add({ file: "-", stdin: true });
      continue;
    }
    const absolute = path.resolve(io.cwd, input);
    let kind;
    try {
      kind = io.kind(absolute);
    } catch (e) {
      problem(`${input}: not checked: ${describeError(e)}`);
      continue;
    }
    if (kind === undefined) problem(`${input}: not checked: no such file or folder`);
    // A file named explicitly is checked whatever its extension: the user asked for it.
    else if (kind === "directory") walk(input, absolute);
    else add({ file: input, stdin: false, absolutePath: absolute });
  }
  return drafts;
}

/**
 * Every file below a folder, in sorted order (by UTF-16 code units, so the order does not
 * depend on the locale), as `visit(shown, absolute)`; dependencies and dot-folders are not
 * entered. A folder that cannot be read is passed to `problem`, as it is shown and why, and
 * left out.
 */
export function walkFolder(
  shown: string,
  absolute: string,
  io: Pick<CliIo, "readdir">,
  problem: (folder: string, message: string) => void,
  visit: (shown: string, absolute: string) => void,
): void {
  let entries;
  try {
    entries = io.readdir(absolute);
  } catch (e) {
    return problem(shown, `cannot read the folder: ${describeError(e)}`);
  }
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const childShown = path.join(shown, entry.name);
    const childAbsolute = path.join(absolute, entry.name);
    if (entry.kind === "directory" && !skipsFolder(entry.name)) walkFolder(childShown, childAbsolute, io, problem, visit);
    else if (entry.kind === "file") visit(childShown, childAbsolute);
  }
}

/**
 * The text of a draft's bytes, or why it is not a Markdown draft and where (1-based line and
 * column of the first offending byte, counted in the text before it). A leading byte order
 * mark is dropped, as editors do, so offsets match the editor's.
 */
export function decodeDraft(bytes: Uint8Array): { text: string } | { error: string; line: number; column: number } {
  // UTF-16 is the one other encoding a text file announces; its ASCII would read as NUL bytes.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { error: "is UTF-16 text, not UTF-8 (save it as UTF-8)", line: 1, column: 1 };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: "contains a NUL byte; it is not a text file", ...positionOfByte(bytes, nul) };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: "is not valid UTF-8 text (save it as UTF-8)", ...positionOfByte(bytes, firstInvalidUtf8(bytes)) };
  }
}

/**
 * Where the first byte that starts no valid UTF-8 sequence is, or -1 when every byte does.
 * The sequences are the ones a strict decoder takes (WHATWG, RFC 3629): no overlong forms,
 * no surrogates, nothing past U+10FFFF.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range is narrower after these leads: that is what rules out overlongs, surrogates and code points too high.
    const second = bytes[i + 1] ?? 0;
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (length > 1 && (second < low || second > high)) return i;
    for (let k = 2; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** The 1-based line and column of a byte, counting the (valid) text before it as an editor would. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder().decode(bytes.subarray(0, offset));
  const { line, character } = positionConverter(before)(before.length);
  return { line: line + 1, column: character + 1 };
}

/** A short reason for a file system error. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  if (code === "ENXIO") return "cannot be opened for reading (a socket, or a device with nothing behind it)";
  return e instanceof Error ? e.message : String(e);
}
