/**
 * What a draft is checked with: the nearest `.claimlintrc.json` (as the CLI finds it) laid
 * over the editor's settings, the reference with every extra file merged in, and the index of
 * the writer's own sources. Built once per configuration and cached, so a keystroke costs a
 * map lookup, not a file read.
 *
 * Precedence: a rule named in `.claimlintrc.json` keeps the file's severity whatever the
 * editor says, because the file is what CI checks with and the team shares; the editor's
 * settings decide every other rule. Attribution phrases, reference files and sources add up.
 *
 * In a workspace the user has not trusted, reference files and sources are read only from
 * inside its folders: a settings value or a `.claimlintrc.json` from the workspace could
 * otherwise make the server read any file on the machine and show parts of it in hover cards.
 * Files are only ever parsed as JSON or read as text, never run.
 */
import { realpathSync } from "node:fs";
import * as path from "node:path";
import { defaultConfig, findConfigFile, loadConfig, type ClaimlintConfig, type ConfigProblem } from "../config/config";
import { createChecker, type CheckOptions, type Checker } from "../core/checker";
import { createWeaponMatcher, type WeaponMatcher } from "../core/weapons";
import { asConfigProblem, bundledReference, loadReferenceFiles } from "../reference/load";
import type { Reference } from "../reference/types";
import { namesSourceFile, type SourceFileSystem } from "../config/source-files";
import type { EditorSettings } from "./settings";
import { readSources, type EditorSources, type NamedSource } from "./sources";

/** The checker of one configuration, with the reference hover cards read from. */
export interface Project {
  checker: Checker;
  reference: Reference;
  weapons: WeaponMatcher;
  /** The configuration file in force, if any. */
  configFile?: string;
  /** The writer's own sources, when the configuration or the settings name any. */
  sources?: EditorSources;
}

/** A problem in a configuration or reference file; `line`/`column` 1-based where known. */
export type FileProblem = ConfigProblem;

export interface ProjectIo {
  exists(absolutePath: string): boolean;
  readText(absolutePath: string): string;
  /** Finding and reading source documents. */
  sources: SourceFileSystem;
}

/** What the server knows of the workspace when it decides which reference files to read. */
export interface WorkspaceTrust {
  /**
   * False when the user has not trusted the workspace: reference files outside its folders
   * are then ignored and reported, and the bundled reference and files inside still apply.
   */
  trusted(): boolean;
  /** The workspace folders, absolute. */
  folders(): readonly string[];
}

export interface Projects {
  /**
   * The project for a draft at `draftPath` (absolute; undefined for an unsaved draft), in
   * workspace folder `folder`, under `settings`. Settled at once unless it is being built:
   * only reading sources takes more than one turn.
   */
  projectFor(draftPath: string | undefined, folder: string | undefined, settings: EditorSettings): Promise<Project>;
  /** Forgets every cached file and lookup: configuration or reference files changed. */
  invalidate(): void;
  /**
   * Forgets the projects whose sources name any of `files` (absolute; created, changed or
   * deleted), so their sources are read again; true when there was one.
   */
  sourcesChanged(files: readonly string[]): boolean;
}

/** `report` receives the problems of each configuration as it is built (an empty list when it is sound). */
export function createProjects(io: ProjectIo, report: (configKey: string, problems: FileProblem[]) => void, workspace: WorkspaceTrust): Projects {
  const configByFolder = new Map<string, string | undefined>();
  /**
   * Each project by its configuration key, with the sources it names (absolute paths and
   * globs); `forgotten.dropped` once forgotten, so a build still reading its sources gives up.
   */
  const built = new Map<string, { project: Promise<Project>; sources: readonly string[]; forgotten: { dropped: boolean } }>();
  function drop(key: string): void {
    built.get(key)!.forgotten.dropped = true;
    built.delete(key);
  }

  function configFor(draftPath: string | undefined, folder: string | undefined): string | undefined {
    const start = draftPath ? path.dirname(draftPath) : folder;
    if (!start) return undefined;
    if (!configByFolder.has(start)) configByFolder.set(start, findConfigFile(start, io.exists));
    return configByFolder.get(start);
  }

  /**
   * The configuration's own sources, with the editor's added; relative paths in the settings
   * resolve against the workspace folder.
   */
  function sourcesNamed(config: ClaimlintConfig, configFile: string | undefined, base: string, settings: EditorSettings): NamedSource[] {
    const named = new Map<string, NamedSource>();
    for (const pattern of config.sources) named.set(pattern, { pattern, configFile });
    for (const pattern of settings.sources.map((p) => path.resolve(base, p))) if (!named.has(pattern)) named.set(pattern, { pattern });
    return [...named.values()];
  }

  /**
   * The project, its problems reported once it is built; undefined when `wanted` says it was
   * forgotten while its sources were being read (a source changed meanwhile).
   */
  async function build(
    configFile: string | undefined,
    config: ClaimlintConfig,
    problems: FileProblem[],
    namedSources: readonly NamedSource[],
    base: string,
    settings: EditorSettings,
    key: string,
    wanted: () => boolean,
  ): Promise<Project | undefined> {
    const options = checkOptionsFor(settings, config);
    const named = [...new Set([...settings.references.map((p) => path.resolve(base, p)), ...config.references])];
    const files = workspace.trusted()
      ? named
      : named.flatMap((file) => {
          const real = realPathInside(file, workspace.folders());
          if (real !== undefined) return [real]; // read where it was found to be, not through a link that may change
          problems.push(outsideWorkspace("references", file, config.references.includes(file) ? configFile : undefined));
          return [];
        });
    let reference = bundledReference();
    if (files.length > 0) {
      const extra = loadReferenceFiles(files, io.readText);
      reference = extra.reference;
      problems.push(...extra.problems.map(asConfigProblem));
    }

    let sources: EditorSources | undefined;
    if (namedSources.length > 0) {
      sources = await readSources(namedSources, {
        fs: io.sources,
        reference,
        attributionPhrases: options.attributionPhrases,
        folder: base,
        admit: (file, { configFile: namedBy }) => {
          if (workspace.trusted()) return file;
          const real = realPathInside(file, workspace.folders());
          if (real === undefined) problems.push(outsideWorkspace("sources", file, namedBy));
          return real;
        },
        problem: (p) => problems.push(p),
        wanted,
      });
      if (!sources) return undefined;
    }
    report(key, problems);
    return {
      checker: createChecker({ reference, options, ...(sources && { sources: sources.index }) }),
      reference,
      weapons: createWeaponMatcher(reference),
      configFile,
      ...(sources && { sources }),
    };
  }

  const projects: Projects = {
    projectFor(draftPath, folder, settings) {
      const configFile = configFor(draftPath, folder);
      const key = JSON.stringify([configFile ?? "", folder ?? "", settings.rules, settings.attributionPhrases, settings.references, settings.sources, settings.maxDraftSize]);
      const known = built.get(key);
      if (known) return known.project;
      const loaded = configFile ? loadConfig(configFile, io.readText) : { config: defaultConfig(), problems: [] };
      const base = folder ?? (configFile ? path.dirname(configFile) : process.cwd());
      const sources = sourcesNamed(loaded.config, configFile, base, settings);
      const forgotten = { dropped: false };
      // A build given up hands over to the one that replaces it.
      const project = build(configFile, loaded.config, [...loaded.problems], sources, base, settings, key, () => !forgotten.dropped).then(
        (done) => done ?? projects.projectFor(draftPath, folder, settings),
      );
      built.set(key, { project, sources: sources.map((s) => s.pattern), forgotten });
      return project;
    },
    invalidate() {
      configByFolder.clear();
      for (const key of [...built.keys()]) drop(key);
    },
    sourcesChanged(files) {
      const concerned = [...built].filter(([, entry]) => entry.sources.some((pattern) => files.some((file) => namesSourceFile(pattern, file))));
      for (const [key] of concerned) drop(key);
      return concerned.length > 0;
    },
  };
  return projects;
}

/**
 * Where `file` really is, when that is inside one of `folders`; else undefined. Both are
 * resolved through their symlinks first, so a link in the workspace pointing elsewhere counts
 * as outside, and a workspace opened through a link still holds its own files. A file that
 * does not exist is placed by its nearest existing folder (reading it then reports it
 * missing); a path that cannot be resolved otherwise (a loop of links) counts as outside.
 */
export function realPathInside(file: string, folders: readonly string[]): string | undefined {
  const real = realPath(path.resolve(file));
  if (real === undefined) return undefined;
  const inside = folders.some((folder) => {
    const relative = path.relative(realPath(path.resolve(folder)) ?? path.resolve(folder), real);
    return relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  });
  return inside ? real : undefined;
}

/** The path with every symlink resolved; for a missing file, its nearest existing folder's real path joined with the rest. */
function realPath(absolute: string): string | undefined {
  const missing: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync.native(at), ...missing);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || path.dirname(at) === at) return undefined;
      missing.unshift(path.basename(at));
    }
  }
}

/** An ignored reference file or source, reported on the `.claimlintrc.json` that names it, else (named in the settings) on the file itself. */
function outsideWorkspace(setting: "references" | "sources", file: string, configFile: string | undefined): FileProblem {
  const why = "outside the workspace, ignored while the workspace is not trusted";
  return configFile ? { path: configFile, message: `"${setting}": ${file} is ${why}` } : { path: file, message: `claimlint.${setting} names this file, ${why}` };
}

/** The engine's options for a draft: `.claimlintrc.json` over the editor's settings, as the header says. */
export function checkOptionsFor(settings: EditorSettings, config: ClaimlintConfig): CheckOptions {
  return {
    severities: { ...settings.rules, ...config.rules },
    attributionPhrases: [...new Set([...settings.attributionPhrases, ...config.attributionPhrases])],
    maxDraftSize: config.maxDraftSize ?? settings.maxDraftSize,
  };
}
