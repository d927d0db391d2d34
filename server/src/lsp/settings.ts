/**
 * The editor's `claimlint.*` settings, as a client sends them (VS Code's settings.json, or
 * the `settings` table of a Neovim or Emacs configuration). Values arrive untyped from any
 * client, so each is checked; a wrong one keeps its default and is reported, never thrown.
 */
import { maxDraftSizeProblem } from "../config/config";
import { didYouMean } from "../config/did-you-mean";
import { RULE_IDS, type RuleId, type SeveritySetting } from "../core/finding";

export interface EditorSettings {
  /** false: claimlint checks nothing and clears its diagnostics. */
  enable: boolean;
  /** Check as the user types, or only when the draft is opened and saved. */
  run: "onType" | "onSave";
  /** Severity per rule; `.claimlintrc.json` wins for the rules it names. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Extra attribution phrases, added to the configuration file's. */
  attributionPhrases: string[];
  /** Extra reference files; relative paths resolve against the workspace folder. */
  references: string[];
  /** The writer's own source documents (files, folders, globs), added to the configuration file's; relative to the workspace folder. */
  sources: string[];
  /** The most characters of a draft checked; `.claimlintrc.json` wins when it sets one. Absent: the default. */
  maxDraftSize?: number;
}

export function defaultSettings(): EditorSettings {
  return { enable: true, run: "onType", rules: {}, attributionPhrases: [], references: [], sources: [] };
}

const SEVERITIES: readonly string[] = ["off", "hint", "information", "warning", "error"];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The settings in `raw` (the `claimlint` section), each invalid value replaced by its default. */
export function readSettings(raw: unknown): { settings: EditorSettings; problems: string[] } {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isObject(raw)) return { settings, problems: [`the "claimlint" settings must be an object`] };

  if (raw.enable !== undefined) {
    if (typeof raw.enable === "boolean") settings.enable = raw.enable;
    else problems.push(`claimlint.enable must be true or false`);
  }
  if (raw.run !== undefined) {
    if (raw.run === "onType" || raw.run === "onSave") settings.run = raw.run;
    else problems.push(`claimlint.run must be "onType" or "onSave"`);
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) problems.push(`claimlint.rules must map rule ids to severities`);
    else
      for (const [id, severity] of Object.entries(raw.rules)) {
        if (!(RULE_IDS as readonly string[]).includes(id)) problems.push(`claimlint.rules: unknown rule "${id}"${didYouMean(id, RULE_IDS)}`);
        else if (typeof severity !== "string" || !SEVERITIES.includes(severity)) problems.push(`claimlint.rules["${id}"] must be one of ${SEVERITIES.join(", ")}`);
        else settings.rules[id as RuleId] = severity as SeveritySetting;
      }
  }
  for (const key of ["attributionPhrases", "references", "sources"] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) settings[key] = value.map((v) => v.trim()).filter(Boolean);
    else problems.push(`claimlint.${key} must be a list of strings`);
  }
  if (raw.maxDraftSize !== undefined && raw.maxDraftSize !== null) {
    const wrong = maxDraftSizeProblem(raw.maxDraftSize);
    if (wrong) problems.push(`claimlint.maxDraftSize ${wrong}`);
    else settings.maxDraftSize = raw.maxDraftSize as number;
  }
  return { settings, problems };
}
