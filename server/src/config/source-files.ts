/**
 * The writer's own source documents, as `--sources`, the configuration's `sources` and the
 * editor's `claimlint.sources` name them: a file, a folder (its `.txt` and `.md` files, walked
 * as draft folders are) or a glob (`notes/**\/*.txt`). Each is read as UTF-8 text; one that
 * cannot be is reported and left out. The CLI and the language server both find and read
 * sources here, through the file access they hand in, so the editor and CI read the same ones.
 */
import * as path from "node:path";
import { decodeDraft, describeError, walkFolder } from "../cli/files";
import type { CliIo } from "../cli/io";

/** What finding and reading sources needs of the file system. */
export type SourceFileSystem = Pick<CliIo, "kind" | "readdir" | "readFile">;

/** A source that could not be found or read: `path` absolute, `line`/`column` 1-based where known. */
export interface SourceProblem {
  path: string;
  line?: number;
  column?: number;
  message: string;
}

/** What a folder or glob takes: plain text and Markdown. */
export const SOURCE_FILE = /\.(?:txt|md|markdown)$/i;
const GLOB_CHARS = /[*?]/;
/** The most of one source document read: far more than any article, far less than a dump. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/**
 * A path or glob split where its first wildcard is: the folder it starts from (`/desk/notes`
 * of `/desk/notes/**\/*.txt`, or the whole of a plain path), and the rest as a test of paths
 * relative to that folder (none for a plain path: it takes every source document below).
 */
export function splitSourcePattern(pattern: string): { base: string; matches?: (relative: string) => boolean } {
  const segments = pattern.split(path.sep);
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  if (firstGlob < 0) return { base: pattern };
  return { base: segments.slice(0, firstGlob).join(path.sep) || path.sep, matches: globMatcher(segments.slice(firstGlob).join("/")) };
}

/**
 * The files an absolute path or glob names (absolute), in sorted order. A path that names
 * nothing, or a folder or glob with no source documents, goes to `problem`. With `limit`, the
 * walk stops once it has found one file more than that: enough to tell the caller it is over.
 */
export function findSourceFiles(pattern: string, fs: SourceFileSystem, problem: (p: SourceProblem) => void, limit = Infinity): string[] {
  const files: string[] = [];
  const { base, matches = () => true } = splitSourcePattern(pattern);
  let kind;
  try {
    kind = fs.kind(base);
  } catch (e) {
    problem({ path: base, message: `sources not read: ${describeError(e)}` });
    return files;
  }
  if (kind === undefined) {
    problem({ path: base, message: "sources not read: no such file or folder" });
    return files;
  }
  if (kind !== "directory") return [base];
  const enough = {};
  try {
    walkFolder(base, base, fs, (folder, message) => problem({ path: folder, message }), (_, absolute) => {
      const relative = path.relative(base, absolute).split(path.sep).join("/");
      if (SOURCE_FILE.test(absolute) && matches(relative)) files.push(absolute);
      if (files.length > limit) throw enough; // the rest of a huge tree is not walked
    });
  } catch (e) {
    if (e !== enough) throw e;
  }
  if (files.length === 0) problem({ path: pattern, message: "no source documents (.txt, .md) found" });
  return files;
}

/**
 * True when a file (absolute) is one the path or glob would name, were it there: the editor
 * asks it of a file created, changed or deleted, to know which sources to read again.
 */
export function namesSourceFile(pattern: string, file: string): boolean {
  if (file === pattern) return true;
  const { base, matches = () => true } = splitSourcePattern(pattern);
  const relative = path.relative(base, file);
  if (!relative || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) || !SOURCE_FILE.test(file)) return false;
  return matches(relative.split(path.sep).join("/"));
}

/**
 * A glob as a test of `/`-separated relative paths: `**` stands for any run of folders, `*`
 * and `?` for characters within a name. Matched by hand, segment by segment: a pattern built
 * from a user's glob could backtrack without end.
 */
function globMatcher(glob: string): (relative: string) => boolean {
  // Runs of `**` mean no more than one does.
  const pattern = glob.split("/").filter((segment, i, all) => !(segment === "**" && all[i - 1] === "**"));
  return (relative) => matchesSegments(pattern, relative.split("/"));
}

/**
 * Whether the names match the pattern's segments, by the table of which pattern suffixes
 * match which name suffixes: each pair is decided once, so a glob with many `**` costs the
 * product of the two lengths, not a search through every way of splitting the path.
 */
function matchesSegments(pattern: readonly string[], names: readonly string[]): boolean {
  // matches[j] says whether pattern[i..] matches names[j..], for the i being filled in.
  let matches = names.map(() => false).concat(true);
  for (let i = pattern.length - 1; i >= 0; i--) {
    const next = matches;
    matches = new Array<boolean>(names.length + 1);
    for (let j = names.length; j >= 0; j--) {
      matches[j] =
        pattern[i] === "**"
          ? next[j] || (j < names.length && matches[j + 1])
          : j < names.length && matchesName(pattern[i], names[j]) && next[j + 1];
    }
  }
  return matches[0];
}

/** `*` and `?` against one name, going back only to the last `*`: linear in practice, never exponential. */
function matchesName(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

/** A source file's text (absolute path), or undefined after telling `problem` why it cannot be read. */
export function readSourceFile(file: string, fs: SourceFileSystem, problem: (p: SourceProblem) => void): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFile(file, MAX_SOURCE_BYTES);
  } catch (e) {
    const tooLarge = (e as NodeJS.ErrnoException).code === "EFBIG";
    problem({ path: file, message: `not read as a source: ${tooLarge ? `larger than ${MAX_SOURCE_BYTES / (1024 * 1024)} MB` : describeError(e)}` });
    return undefined;
  }
  const decoded = decodeDraft(bytes);
  if ("error" in decoded) {
    problem({ path: file, line: decoded.line, column: decoded.column, message: `not read as a source: the file ${decoded.error}` });
    return undefined;
  }
  return decoded.text;
}
