/**
 * The one configuration loader: the CLI and the language server both read
 * `.claimlintrc.json` through it, so the editor and CI agree. File access comes in as
 * parameters, so tests need no disk and the server can hand in its workspace reader.
 */
import * as path from "node:path";
import type { CheckOptions } from "../core/checker";
import { RULE_IDS, type RuleId, type SeveritySetting } from "../core/finding";
import { didYouMean } from "./did-you-mean";
import { childPointer, duplicateKeyMessage, readJsonFile, whyUnreadable } from "./json";

/** The file name searched for, upward from a draft's folder. */
export const CONFIG_FILE_NAME = ".claimlintrc.json";

/**
 * The largest `maxDraftSize` accepted: five times the engine's default of 20 million
 * characters. Any real draft fits many times over; a larger limit would only let a data
 * dump saved as `.md` hold a check up.
 */
export const LARGEST_MAX_DRAFT_SIZE = 100_000_000;

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ["off", "hint", "information", "warning", "error"];

const KEYS = ["$schema", "rules", "attributionPhrases", "references", "sources", "maxDraftSize"];

/** A sanitized `.claimlintrc.json`; every field but `maxDraftSize` is present. */
export interface ClaimlintConfig {
  /** Severity per rule id; rules not named keep their default severity. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Extra phrases that attribute a figure, matched case-insensitively by the engine. */
  attributionPhrases: string[];
  /** Extra reference files; after `loadConfig`, absolute paths. */
  references: string[];
  /** The user's own source documents (files, folders, globs); after `loadConfig`, absolute paths. The CLI and the editor trace figures to them. */
  sources: string[];
  /** The most characters of a draft checked; absent when the file does not say, so the editor's setting or the default applies. */
  maxDraftSize?: number;
}

/**
 * One thing wrong with a configuration or reference file. `pointer` is the JSON pointer
 * of the part at fault; `line` and `column` (1-based) where it is in the file, absent
 * when the file could not be read at all.
 */
export interface ConfigProblem {
  path: string;
  pointer?: string;
  line?: number;
  column?: number;
  message: string;
}

/** `path:line:column: message`, the position given where the problem has one; `shown` shortens the path. */
export function formatConfigProblem(p: ConfigProblem, shown: (path: string) => string = (path) => path): string {
  const where = p.line !== undefined ? `${shown(p.path)}:${p.line}:${p.column ?? 1}` : shown(p.path);
  return `${where}: ${p.message}`;
}

/** The defaults: what an empty or missing configuration means. A fresh object each call. */
export function defaultConfig(): ClaimlintConfig {
  return { rules: {}, attributionPhrases: [], references: [], sources: [] };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Keeps every valid field of a parsed configuration and reports each invalid one, with
 * the pointer to it; an invalid field falls back to its default. Never throws.
 */
export function sanitizeConfig(raw: unknown, path: string): { config: ClaimlintConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  const report = (pointer: string, message: string) => problems.push({ path, pointer, message });
  if (!isObject(raw)) {
    report("", `the configuration must be a JSON object, not ${describe(raw)}`);
    return { config, problems };
  }
  for (const [key, value] of Object.entries(raw)) {
    const at = childPointer("", key);
    switch (key) {
      case "$schema": // editors use it to find the JSON schema; nothing to check
        break;
      case "rules":
        config.rules = sanitizeRules(value, at, report);
        break;
      case "attributionPhrases":
      case "references":
      case "sources":
        config[key] = sanitizeStrings(key, value, report);
        break;
      case "maxDraftSize": {
        const wrong = maxDraftSizeProblem(value);
        if (wrong) report(at, `"maxDraftSize" ${wrong}`);
        else config.maxDraftSize = value as number;
        break;
      }
      default: {
        const hint = didYouMean(key, KEYS.slice(1));
        report(at, `unknown setting "${key}"${hint || ` (the settings are ${KEYS.slice(1).join(", ")})`}; it is ignored`);
      }
    }
  }
  return { config, problems };
}

/**
 * What is wrong with a `maxDraftSize` value, or undefined when it is a valid one. Shared
 * with the editor's `claimlint.maxDraftSize`, so both accept the same values.
 */
export function maxDraftSizeProblem(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= LARGEST_MAX_DRAFT_SIZE) return undefined;
  return `must be a whole number of characters from 1 to ${LARGEST_MAX_DRAFT_SIZE.toLocaleString("en-US")}, not ${describe(value)}`;
}

function sanitizeRules(value: unknown, at: string, report: (pointer: string, message: string) => void): ClaimlintConfig["rules"] {
  const rules: ClaimlintConfig["rules"] = {};
  if (!isObject(value)) {
    report(at, `"rules" must be an object mapping rule ids to severities, not ${describe(value)}`);
    return rules;
  }
  for (const [id, severity] of Object.entries(value)) {
    const ruleAt = childPointer(at, id);
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      report(ruleAt, `unknown rule "${id}" in "rules"${didYouMean(id, RULE_IDS) || ` (the rules are ${RULE_IDS.join(", ")})`}`);
    } else if (typeof severity !== "string" || !SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
      report(ruleAt, `rules["${id}"]: ${describe(severity)} is not a severity (use ${SEVERITY_SETTINGS.join(", ")})`);
    } else {
      rules[id as RuleId] = severity as SeveritySetting;
    }
  }
  return rules;
}

function sanitizeStrings(key: string, value: unknown, report: (pointer: string, message: string) => void): string[] {
  const at = childPointer("", key);
  if (!Array.isArray(value)) {
    report(at, `"${key}" must be an array of strings, not ${describe(value)}`);
    return [];
  }
  const kept: string[] = [];
  value.forEach((item, i) => {
    if (typeof item !== "string" || item.trim() === "") report(childPointer(at, i), `${key}[${i}]: expected a non-empty string, not ${describe(item)}`);
    else if (!kept.includes(item.trim())) kept.push(item.trim());
  });
  return kept;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v);
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}

/**
 * The nearest `.claimlintrc.json` at or above `startDir` (the checked file's folder), or
 * undefined. The search goes up to the file system root, like most linters' rc files.
 */
export function findConfigFile(startDir: string, exists: (p: string) => boolean): string | undefined {
  for (let dir = path.resolve(startDir); ; ) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Reads, parses and sanitizes a configuration file; `references` and `sources` become
 * absolute paths, relative to the file's folder. Every problem carries its line and column
 * where the file could be read; a file that cannot be read or is not JSON at all leaves
 * the defaults. Pass an absolute `configPath`: a relative one resolves against the
 * process's working directory. Never throws.
 */
export function loadConfig(configPath: string, readFile: (p: string) => string): { config: ClaimlintConfig; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFile(configPath);
  } catch (e) {
    const { message, inFile } = whyUnreadable(e);
    const at = inFile ? { line: 1, column: 1 } : {};
    return { config: defaultConfig(), problems: [{ path: configPath, ...at, message: `${message}; the defaults are used` }] };
  }
  const reading = readJsonFile(text);
  if ("error" in reading) {
    const { line, column, message } = reading.error;
    return { config: defaultConfig(), problems: [{ path: configPath, line, column, message: `${message}; the defaults are used` }] };
  }
  const { document } = reading;
  const { config, problems } = sanitizeConfig(document.value, configPath);
  for (const { pointer, key } of document.duplicateKeys) problems.push({ path: configPath, pointer, message: duplicateKeyMessage(key) });
  const placed = problems.map((p) => ({ ...p, ...document.positionOf(p.pointer ?? "") }));
  const base = path.dirname(path.resolve(configPath));
  config.references = config.references.map((p) => path.resolve(base, p));
  config.sources = config.sources.map((p) => path.resolve(base, p));
  return { config, problems: placed.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** The engine's options for a configuration; an unset `maxDraftSize` leaves the engine's default. */
export function toCheckOptions(config: ClaimlintConfig): CheckOptions {
  return { severities: { ...config.rules }, attributionPhrases: [...config.attributionPhrases], maxDraftSize: config.maxDraftSize };
}
