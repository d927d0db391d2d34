/**
 * The writer's own source documents, as `--sources` and the configuration's `sources` name
 * them: a file, a folder (its `.txt` and `.md` files, walked as draft folders are) or a glob
 * (`notes/**\/*.txt`). Each is read as UTF-8 text; one that cannot be is reported and left out.
 */
import * as path from "node:path";
import type { SourceDocument } from "../core/sources/source-index";
import { decodeDraft, describeError, walkFolder } from "./files";
import type { CliIo } from "./io";

/** What a folder or glob takes: plain text and Markdown. */
const SOURCE_FILE = /\.(?:txt|md|markdown)$/i;
const GLOB_CHARS = /[*?]/;
/** The most of one source document read: far more than any article, far less than a dump. */
const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** A source file found: `shown` names it in findings and problems, `absolute` is read. */
export interface SourceFile {
  shown: string;
  absolute: string;
}

/**
 * The files an absolute path or glob names, in sorted order. `shown` names files relative to
 * the working directory (`../shared/seeds/a.txt`), as a writer passes `--sources`. A path
 * that names nothing, or a folder or glob with no source documents, goes to `problem`.
 */
export function findSourceFiles(pattern: string, io: CliIo, problem: (message: string) => void): SourceFile[] {
  const shown = (absolute: string) => path.relative(io.cwd, absolute) || absolute;
  const files: SourceFile[] = [];
  const segments = pattern.split(path.sep);
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const base = firstGlob < 0 ? pattern : segments.slice(0, firstGlob).join(path.sep) || path.sep;
  let kind;
  try {
    kind = io.kind(base);
  } catch (e) {
    problem(`${shown(base)}: sources not read: ${describeError(e)}`);
    return files;
  }
  if (kind === undefined) {
    problem(`${shown(base)}: sources not read: no such file or folder`);
    return files;
  }
  if (kind !== "directory") return [{ shown: shown(base), absolute: base }];
  const matches = firstGlob < 0 ? () => true : globMatcher(segments.slice(firstGlob).join("/"));
  walkFolder(shown(base), base, io, problem, (_, absolute) => {
    const relative = path.relative(base, absolute).split(path.sep).join("/");
    if (SOURCE_FILE.test(absolute) && matches(relative)) files.push({ shown: shown(absolute), absolute });
  });
  if (files.length === 0) problem(`${shown(pattern)}: no source documents (.txt, .md) found`);
  return files;
}

/**
 * A glob as a test of `/`-separated relative paths: `**` stands for any run of folders, `*`
 * and `?` for characters within a name. Matched by hand, segment by segment: a pattern built
 * from a user's glob could backtrack without end.
 */
function globMatcher(glob: string): (relative: string) => boolean {
  const pattern = glob.split("/");
  return (relative) => matchesSegments(pattern, relative.split("/"));
}

function matchesSegments(pattern: readonly string[], names: readonly string[]): boolean {
  if (pattern.length === 0) return names.length === 0;
  const [first, ...rest] = pattern;
  if (first === "**") {
    for (let skipped = 0; skipped <= names.length; skipped++) if (matchesSegments(rest, names.slice(skipped))) return true;
    return false;
  }
  return names.length > 0 && matchesName(first, names[0]) && matchesSegments(rest, names.slice(1));
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

/** A source file's text, or undefined after telling `problem` why it cannot be read. */
export function readSourceFile(file: SourceFile, io: CliIo, problem: (message: string) => void): SourceDocument | undefined {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file.absolute, MAX_SOURCE_BYTES);
  } catch (e) {
    const tooLarge = (e as NodeJS.ErrnoException).code === "EFBIG";
    problem(`${file.shown}: not read as a source: ${tooLarge ? `larger than ${MAX_SOURCE_BYTES / (1024 * 1024)} MB` : describeError(e)}`);
    return undefined;
  }
  const decoded = decodeDraft(bytes);
  if ("error" in decoded) {
    problem(`${file.shown}:${decoded.line}:${decoded.column}: not read as a source: the file ${decoded.error}`);
    return undefined;
  }
  return { file: file.shown, text: decoded.text };
}
