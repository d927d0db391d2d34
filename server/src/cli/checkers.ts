/**
 * One checker per configuration file: each draft uses the nearest `.claimlintrc.json`
 * (looked up once per folder), or the one `--config` names. Problems in a configuration
 * or its extra reference files are reported once, and the valid parts are still used.
 */
import * as path from "node:path";
import { defaultConfig, findConfigFile, formatConfigProblem, loadConfig, toCheckOptions } from "../config/config";
import type { CheckOptions, Checker } from "../core/checker";
import { bundledReference, loadReferenceFiles } from "../reference/load";
import type { Reference } from "../reference/types";
import type { CliIo } from "./io";

/** Builds the engine for a reference and options; `createChecker` unless a test hands in a fake. */
export type MakeChecker = (deps: { reference: Reference; options: CheckOptions }) => Checker;

/** A configuration's checker, and whether the configuration could be read and parsed at all. */
export interface ConfiguredChecker {
  checker: Checker;
  parsed: boolean;
}

/** Finds and builds checkers for drafts; `problem` receives each configuration or reference problem. */
export function createCheckerCache(io: CliIo, makeChecker: MakeChecker, problem: (message: string) => void) {
  const byConfig = new Map<string, ConfiguredChecker>();
  const configByFolder = new Map<string, string | undefined>();
  const readText = (p: string) => new TextDecoder().decode(io.readFile(p));
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
  function forConfig(configPath: string | undefined): ConfiguredChecker {
    const key = configPath ?? "";
    let entry = byConfig.get(key);
    if (entry) return entry;
    const loaded = configPath ? loadConfig(configPath, readText) : { config: defaultConfig(), problems: [], parsed: true };
    for (const p of loaded.problems) problem(formatConfigProblem(p, shown));
    let reference = bundledReference();
    if (loaded.config.references.length > 0) {
      const extra = loadReferenceFiles(loaded.config.references, readText);
      for (const p of extra.problems) problem(`${shown(p.path)}: ${p.pointer ? `at ${p.pointer}: ` : ""}${p.message}`);
      reference = extra.reference;
    }
    entry = { checker: makeChecker({ reference, options: toCheckOptions(loaded.config) }), parsed: loaded.parsed };
    byConfig.set(key, entry);
    return entry;
  }

  /** The checker for drafts in `folder` (absolute), from the nearest configuration above it. */
  function forFolder(folder: string): Checker {
    if (!configByFolder.has(folder)) configByFolder.set(folder, findConfigFile(folder, exists));
    return forConfig(configByFolder.get(folder)).checker;
  }

  return { forConfig, forFolder };
}
