/**
 * What a draft is checked with: the nearest `.claimlintrc.json` (as the CLI finds it) laid
 * over the editor's settings, and the reference with every extra file merged in. Built once
 * per configuration and cached, so a keystroke costs a map lookup, not a file read.
 *
 * Precedence: a rule named in `.claimlintrc.json` keeps the file's severity whatever the
 * editor says, because the file is what CI checks with and the team shares; the editor's
 * settings decide every other rule. Attribution phrases and reference files add up.
 */
import * as path from "node:path";
import { findConfigFile, loadConfig, defaultConfig, toCheckOptions, type ConfigProblem } from "../config/config";
import { createChecker, type Checker } from "../core/checker";
import { createWeaponMatcher, type WeaponMatcher } from "../core/weapons";
import { bundledReference, loadReferenceFiles } from "../reference/load";
import type { Reference } from "../reference/types";
import type { EditorSettings } from "./settings";

/** The checker of one configuration, with the reference hover cards read from. */
export interface Project {
  checker: Checker;
  reference: Reference;
  weapons: WeaponMatcher;
  /** The configuration file in force, if any. */
  configFile?: string;
}

/** A problem in a configuration or reference file; `line`/`column` 1-based where known. */
export type FileProblem = ConfigProblem;

export interface ProjectIo {
  exists(absolutePath: string): boolean;
  readText(absolutePath: string): string;
}

export interface Projects {
  /**
   * The project for a draft at `draftPath` (absolute; undefined for an unsaved draft), in
   * workspace folder `folder`, under `settings`.
   */
  projectFor(draftPath: string | undefined, folder: string | undefined, settings: EditorSettings): Project;
  /** Forgets every cached file and lookup: configuration or reference files changed. */
  invalidate(): void;
}

/** `report` receives the problems of each configuration as it is built (an empty list when it is sound). */
export function createProjects(io: ProjectIo, report: (configKey: string, problems: FileProblem[]) => void): Projects {
  const configByFolder = new Map<string, string | undefined>();
  const built = new Map<string, Project>();

  function configFor(draftPath: string | undefined, folder: string | undefined): string | undefined {
    const start = draftPath ? path.dirname(draftPath) : folder;
    if (!start) return undefined;
    if (!configByFolder.has(start)) configByFolder.set(start, findConfigFile(start, io.exists));
    return configByFolder.get(start);
  }

  function build(configFile: string | undefined, folder: string | undefined, settings: EditorSettings, key: string): Project {
    const loaded = configFile ? loadConfig(configFile, io.readText) : { config: defaultConfig(), problems: [] };
    const problems: FileProblem[] = [...loaded.problems];
    const config = loaded.config;
    const options = toCheckOptions(config);
    options.severities = { ...settings.rules, ...config.rules };
    options.attributionPhrases = [...new Set([...settings.attributionPhrases, ...config.attributionPhrases])];

    const base = folder ?? (configFile ? path.dirname(configFile) : process.cwd());
    const files = [...new Set([...settings.references.map((p) => path.resolve(base, p)), ...config.references])];
    let reference = bundledReference();
    if (files.length > 0) {
      const extra = loadReferenceFiles(files, io.readText);
      reference = extra.reference;
      for (const p of extra.problems)
        problems.push({ path: p.path, line: p.line, column: p.column, message: p.pointer ? `at ${p.pointer}: ${p.message}` : p.message });
    }
    report(key, problems);
    return { checker: createChecker({ reference, options }), reference, weapons: createWeaponMatcher(reference), configFile };
  }

  return {
    projectFor(draftPath, folder, settings) {
      const configFile = configFor(draftPath, folder);
      const key = JSON.stringify([configFile ?? "", folder ?? "", settings.rules, settings.attributionPhrases, settings.references]);
      let project = built.get(key);
      if (!project) {
        project = build(configFile, folder, settings, key);
        built.set(key, project);
      }
      return project;
    },
    invalidate() {
      configByFolder.clear();
      built.clear();
    },
  };
}
