/**
 * One checker per configuration file: each draft uses the nearest `.claimlintrc.json`
 * (looked up once per folder), or the one `--config` names. Problems in a configuration
 * or its extra reference files are reported once, and the valid parts are still used.
 * The writer's own sources are those of `--sources` and the configuration's `sources`
 * together; each file is read once, however many configurations name it.
 */
import * as path from "node:path";
import { defaultConfig, findConfigFile, formatConfigProblem, loadConfig, toCheckOptions } from "../config/config";
import { MAX_JSON_FILE_BYTES, settingsText } from "../config/json";
import type { CheckOptions, Checker } from "../core/checker";
import { buildSourceIndex, type SourceDocument, type SourceIndex } from "../core/sources/source-index";
import { asConfigProblem, bundledReference, loadReferenceFiles } from "../reference/load";
import type { Reference } from "../reference/types";
import type { CliIo } from "./io";
import { findSourceFiles, readSourceFile, type SourceProblem } from "../config/source-files";

/** Builds the engine for a reference and options; `createChecker` unless a test hands in a fake. */
export type MakeChecker = (deps: { reference: Reference; options: CheckOptions; sources?: SourceIndex }) => Checker;

/** Finds and builds checkers for drafts; `problem` receives each configuration or reference problem. */
export function createCheckerCache(io: CliIo, makeChecker: MakeChecker, problem: (message: string) => void, sourcesGiven: readonly string[] = []) {
  const byConfig = new Map<string, Checker>();
  /** Source documents by the path or glob naming them, and by absolute file path: read once. */
  const sourcesNamed = new Map<string, SourceDocument[]>();
  const sourceFiles = new Map<string, SourceDocument | undefined>();
  const cliSources = sourcesGiven.map((p) => path.resolve(io.cwd, p));
  const configByFolder = new Map<string, string | undefined>();
  const exists = (p: string) => {
    try {
      return io.kind(p) === "file";
    } catch {
      return false; // an unreachable folder holds no configuration we could read
    }
  };
  const shown = (p: string) => {
    const relative = path.relative(io.cwd, p);
    const outside = relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
    return relative && !outside ? relative : p;
  };

  /** The checker for a configuration file (absolute path), or for none. */
  function forConfig(configPath: string | undefined): Checker {
    const key = configPath ?? "";
    let checker = byConfig.get(key);
    if (checker) return checker;
    const loaded = configPath ? loadConfig(configPath, readSettingsText) : { config: defaultConfig(), problems: [] };
    for (const p of loaded.problems) problem(formatConfigProblem(p, shown));
    let reference = bundledReference();
    if (loaded.config.references.length > 0) {
      const extra = loadReferenceFiles(loaded.config.references, readSettingsText);
      for (const p of extra.problems) problem(formatConfigProblem(asConfigProblem(p), shown));
      reference = extra.reference;
    }
    const options = toCheckOptions(loaded.config);
    const named = [...cliSources, ...loaded.config.sources];
    const sources = named.length > 0 ? buildSourceIndex(sourceDocuments(named), reference, options.attributionPhrases) : undefined;
    checker = makeChecker({ reference, options, ...(sources && { sources }) });
    byConfig.set(key, checker);
    return checker;
  }

  /**
   * The documents of source paths and globs (absolute), each file once, in the order named.
   * Source files are named relative to the working directory, as a writer passes `--sources`
   * (`../shared/seeds/a.txt`), in findings and in problems alike.
   */
  function sourceDocuments(named: readonly string[]): SourceDocument[] {
    const relative = (absolute: string) => path.relative(io.cwd, absolute) || absolute;
    const sourceProblem = (p: SourceProblem) => problem(formatConfigProblem(p, relative));
    const documents = new Set<SourceDocument>();
    for (const pattern of named) {
      let found = sourcesNamed.get(pattern);
      if (!found) {
        found = [];
        for (const file of findSourceFiles(pattern, io, sourceProblem)) {
          if (!sourceFiles.has(file)) {
            const text = readSourceFile(file, io, sourceProblem);
            sourceFiles.set(file, text === undefined ? undefined : { file: relative(file), text });
          }
          const document = sourceFiles.get(file);
          if (document) found.push(document);
        }
        sourcesNamed.set(pattern, found);
      }
      for (const document of found) documents.add(document);
    }
    return [...documents];
  }

  /** A configuration or reference file's text; the reader refuses a file over the size limit before reading it (EFBIG). */
  function readSettingsText(absolutePath: string): string {
    return settingsText(io.readFile(absolutePath, MAX_JSON_FILE_BYTES));
  }

  /** The checker for drafts in `folder` (absolute), from the nearest configuration above it. */
  function forFolder(folder: string): Checker {
    if (!configByFolder.has(folder)) configByFolder.set(folder, findConfigFile(folder, exists));
    return forConfig(configByFolder.get(folder));
  }

  return { forConfig, forFolder };
}
