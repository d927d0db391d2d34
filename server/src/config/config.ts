/**
 * The one configuration loader: the CLI and the language server both read
 * `.claimlintrc.json` through it, so the editor and CI agree. File access comes in as
 * parameters, so tests need no disk and the server can hand in its workspace reader.
 */
import * as path from "node:path";
import type { CheckOptions } from "../core/checker";
import { RULE_IDS, type RuleId, type SeveritySetting } from "../core/finding";
import { findJsonError } from "../reference/load";

/** The file name searched for, upward from a draft's folder. */
export const CONFIG_FILE_NAME = ".claimlintrc.json";

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ["off", "hint", "information", "warning", "error"];

/** A sanitized `.claimlintrc.json`; every field is present. */
export interface ClaimlintConfig {
  /** Severity per rule id; rules not named keep their default severity. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Extra phrases that attribute a figure, matched case-insensitively by the engine. */
  attributionPhrases: string[];
  /** Extra reference files; after `loadConfig`, absolute paths. */
  references: string[];
  /** The user's own source folders; after `loadConfig`, absolute paths. Read, not used yet. */
  sources: string[];
}

/** One thing wrong with a configuration file. `line` and `column` are 1-based. */
export interface ConfigProblem {
  path: string;
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
 * Keeps every valid field of a parsed configuration and reports each invalid one; an
 * invalid field falls back to its default. Never throws.
 */
export function sanitizeConfig(raw: unknown, path: string): { config: ClaimlintConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  const report = (message: string) => problems.push({ path, message });
  if (!isObject(raw)) {
    report(`the configuration must be a JSON object, not ${describe(raw)}`);
    return { config, problems };
  }
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case "$schema": // editors use it to find the JSON schema; nothing to check
        break;
      case "rules":
        config.rules = sanitizeRules(value, report);
        break;
      case "attributionPhrases":
      case "references":
      case "sources":
        config[key] = sanitizeStrings(key, value, report);
        break;
      default:
        report(`unknown setting "${key}" (known: rules, attributionPhrases, references, sources)`);
    }
  }
  return { config, problems };
}

function sanitizeRules(value: unknown, report: (m: string) => void): ClaimlintConfig["rules"] {
  const rules: ClaimlintConfig["rules"] = {};
  if (!isObject(value)) {
    report(`"rules" must be an object mapping rule ids to severities, not ${describe(value)}`);
    return rules;
  }
  for (const [id, severity] of Object.entries(value)) {
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      report(`unknown rule "${id}" in "rules" (known: ${RULE_IDS.join(", ")})`);
    } else if (typeof severity !== "string" || !SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
      report(`rules["${id}"]: ${describe(severity)} is not a severity (use ${SEVERITY_SETTINGS.join(", ")})`);
    } else {
      rules[id as RuleId] = severity as SeveritySetting;
    }
  }
  return rules;
}

function sanitizeStrings(key: string, value: unknown, report: (m: string) => void): string[] {
  if (!Array.isArray(value)) {
    report(`"${key}" must be an array of strings, not ${describe(value)}`);
    return [];
  }
  const kept: string[] = [];
  value.forEach((item, i) => {
    if (typeof item !== "string" || item.trim() === "") report(`${key}[${i}]: expected a non-empty string, not ${describe(item)}`);
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
 * absolute paths, relative to the file's folder. `parsed` is false when the file could
 * not be read or is not JSON at all, so the defaults are all there is. Pass an absolute
 * `configPath`: a relative one resolves against the process's working directory. Never throws.
 */
export function loadConfig(
  configPath: string,
  readFile: (p: string) => string,
): { config: ClaimlintConfig; problems: ConfigProblem[]; parsed: boolean } {
  let text: string;
  try {
    text = readFile(configPath);
  } catch (e) {
    return { config: defaultConfig(), problems: [{ path: configPath, message: `cannot read the configuration: ${reason(e)}` }], parsed: false };
  }
  const raw = parseJson(text.replace(/^\uFEFF/, ""), configPath);
  if ("problem" in raw) return { config: defaultConfig(), problems: [raw.problem], parsed: false };
  const { config, problems } = sanitizeConfig(raw.value, configPath);
  const base = path.dirname(path.resolve(configPath));
  config.references = config.references.map((p) => path.resolve(base, p));
  config.sources = config.sources.map((p) => path.resolve(base, p));
  return { config, problems, parsed: true };
}

/** The engine's options for a configuration. */
export function toCheckOptions(config: ClaimlintConfig): CheckOptions {
  return { severities: { ...config.rules }, attributionPhrases: [...config.attributionPhrases] };
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "ENOENT") return "no such file";
  if (err?.code === "EACCES") return "permission denied";
  return err instanceof Error ? err.message : String(e);
}

/** JSON.parse, plus where the text stops being JSON (V8's messages do not always say). */
function parseJson(text: string, file: string): { value: unknown } | { problem: ConfigProblem } {
  try {
    return { value: JSON.parse(text) };
  } catch {
    // The reference loader's scanner: one JSON error locator for every file claimlint reads.
    const { offset, expected } = findJsonError(text) ?? { offset: 0, expected: "valid JSON" };
    const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { problem: { path: file, line: lines.length, column: lines[lines.length - 1]!.length + 1, message: `invalid JSON: expected ${expected}` } };
  }
}
