/**
 * The writer's own source documents as the editor reads them for one configuration: found as
 * the CLI finds them, read within limits, and indexed a slice at a time so that a large
 * folder of sources never holds up the editor's other messages (hovers, other drafts) for
 * long. Each document's line starts are kept, not its text, to place go-to-definition.
 */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { findSourceFiles, readSourceFile, splitSourcePattern, type SourceFileSystem, type SourceProblem } from "../config/source-files";
import { indexLines, type LineIndex } from "../core/lines";
import { sourceIndexBuilder, type SourceIndex } from "../core/sources/source-index";
import type { Reference } from "../reference/types";

/**
 * The most source documents one configuration reads. Some years of a desk's wire copy; a
 * pattern that names more (`**` over a whole disk) is far more likely a slip, and reading
 * it would keep the editor's memory and the first check waiting.
 */
export const MAX_SOURCE_FILES = 2_000;

/** How long indexing runs before it lets the editor's other messages through: as long as a check's slice. */
const SLICE_MS = 8;

/** A source path or glob (absolute), and the configuration file that names it (none: the editor's settings). */
export interface NamedSource {
  pattern: string;
  configFile?: string;
}

/** Where a source document is, for the editor to open it at a figure. */
export interface SourceDocumentPlace {
  uri: string;
  lines: LineIndex;
}

export interface EditorSources {
  index: SourceIndex;
  /** Each document read, by the name findings give it (relative to the workspace folder). */
  documents: ReadonlyMap<string, SourceDocumentPlace>;
}

export interface SourceReading {
  fs: SourceFileSystem;
  reference: Reference;
  attributionPhrases: readonly string[];
  /** The folder source files are named relative to in findings and hover cards. */
  folder: string;
  /**
   * The path to read a file or folder (absolute) at, or undefined when it may not be read
   * (outside an untrusted workspace): then `admit` has reported it against `named`.
   */
  admit(file: string, named: NamedSource): string | undefined;
  problem(p: SourceProblem): void;
  /** False once the sources are no longer wanted (a file changed meanwhile): reading stops. */
  wanted(): boolean;
}

/**
 * The documents `named` names, each file once in the order named, read and indexed; undefined
 * when reading was given up because they are no longer wanted.
 */
export async function readSources(named: readonly NamedSource[], reading: SourceReading): Promise<EditorSources | undefined> {
  const files = findFiles(named, reading);
  const builder = sourceIndexBuilder(reading.reference, reading.attributionPhrases);
  const documents = new Map<string, SourceDocumentPlace>();
  let slice = performance.now();
  for (const { shown, read, uri } of files) {
    if (performance.now() - slice >= SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!reading.wanted()) return undefined;
      slice = performance.now();
    }
    const text = readSourceFile(read, reading.fs, reading.problem);
    if (text === undefined) continue;
    builder.add({ file: shown, text });
    documents.set(shown, { uri, lines: indexLines(text) });
  }
  return { index: builder.index, documents };
}

/** Every source file named, once, up to MAX_SOURCE_FILES: its name in findings, the path read and its URI. */
function findFiles(named: readonly NamedSource[], reading: SourceReading): { shown: string; read: string; uri: string }[] {
  const files: { shown: string; read: string; uri: string }[] = [];
  const seen = new Set<string>();
  for (const source of named) {
    // A folder outside an untrusted workspace is not even listed.
    if (reading.admit(splitSourcePattern(source.pattern).base, source) === undefined) continue;
    // A walk stops one file past the limit: however many of them were named before, that is
    // enough to go over it, and a folder of a million files is not listed to the end.
    for (const file of findSourceFiles(source.pattern, reading.fs, reading.problem, MAX_SOURCE_FILES)) {
      const read = reading.admit(file, source);
      if (read === undefined || seen.has(read)) continue;
      if (files.length === MAX_SOURCE_FILES) {
        reading.problem({ path: source.pattern, message: `more than ${MAX_SOURCE_FILES.toLocaleString("en-US")} source documents are named; the first ${MAX_SOURCE_FILES.toLocaleString("en-US")} are read and the rest left out` });
        return files;
      }
      seen.add(read);
      files.push({ shown: nameOf(file, reading.folder), read, uri: pathToFileURL(file).href });
    }
  }
  return files;
}

/** A file as findings name it: relative to the workspace folder, or in full when outside it. */
function nameOf(file: string, folder: string): string {
  const relative = path.relative(folder, file);
  const outside = !relative || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return outside ? file : relative.split(path.sep).join("/");
}
