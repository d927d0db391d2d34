/**
 * One checker per configuration file: each draft uses the nearest `.claimlintrc.json`
 * (looked up once per folder), or the one `--config` names. Problems in a configuration
 * or its extra reference files are reported once, and the valid parts are still used.
 */
import * as path from "node:path";
import { defaultConfig, findConfigFile, formatConfigProblem, loadConfig, toCheckOptions } from "../config/config";
import { MAX_JSON_FILE_BYTES, settingsText } from "../config/json";
import type { CheckOptions, Checker } from "../core/checker";
import { asConfigProblem, bundledReference, loadReferenceFiles } from "../reference/load";
import type { Reference } from "../reference/types";
import type { CliIo } from "./io";

/** Builds the engine for a reference and options; `createChecker` unless a test hands in a fake. */
export type MakeChecker = (deps: { reference: Reference; options: CheckOptions }) => Checker;

/** Finds and builds checkers for drafts; `problem` receives each configuration or reference problem. */
export function createCheckerCache(io: CliIo, makeChecker: MakeChecker, problem: (message: string) => void) {
  const byConfig = new Map<string, Checker>();
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
    checker = makeChecker({ reference, options: toCheckOptions(loaded.config) });
    byConfig.set(key, checker);
    return checker;
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
