/**
 * What the engine reports. Findings carry character offsets into the checked text
 * (UTF-16 code units, as JavaScript strings and LSP positions count them); only the
 * server and the CLI turn offsets into lines and columns.
 */
import type { ReferenceFact, SourceArticle } from "../reference/types";
import type { SourceFigure } from "./sources/source-index";

/** The stable rule ids of spec section 5; they are diagnostic codes and config keys. */
export const RULE_IDS = [
  "unattributed-figure",
  "unattributed-spec",
  "spec-conflict",
  "unit-mismatch",
  "vague-attribution",
  "untraced-figure",
  "figure-conflict",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning" | "information" | "hint";
/** A rule's configured severity; `off` silences it. */
export type SeveritySetting = Severity | "off";

/** The severity each rule has when nothing configures it. */
export const DEFAULT_SEVERITIES: Record<RuleId, SeveritySetting> = {
  "unattributed-figure": "warning",
  "unattributed-spec": "warning",
  "spec-conflict": "error",
  "unit-mismatch": "warning",
  "vague-attribution": "off",
  "untraced-figure": "information",
  "figure-conflict": "warning",
};

/** A plain replacement of `length` characters at `offset` by `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export type FixKind = "add-attribution" | "attribute-to-source" | "use-reference-value" | "correct-conversion";

/** A change the finding offers; editors show `title` and apply `edits`. */
export interface Fix {
  kind: FixKind;
  title: string;
  edits: TextEdit[];
  /** Clearly the best of the fixes offered. */
  preferred?: boolean;
  /**
   * Where the inserted text holds a stand-in for the user to replace (the source of an
   * attribution): offset and length inside the first edit's `newText`.
   */
  placeholder?: { offset: number; length: number };
}

/** A reference fact a finding relies on, with the article it was taken from. */
export interface FactCitation {
  system: string;
  fact: ReferenceFact;
  source: SourceArticle;
}

/** Not a rule but a notice about the check itself: a draft over the size limit was checked only in part. */
export const SIZE_LIMIT = "size-limit";
export type FindingCode = RuleId | typeof SIZE_LIMIT;

/** One problem in a draft, or the one notice about how it was checked. */
export interface Finding {
  rule: FindingCode;
  severity: Severity;
  offset: number;
  length: number;
  message: string;
  /** For spec findings: the reference fact the statement was compared with. */
  related?: FactCitation[];
  /** With the writer's own sources: the source figures the claim was traced to, or that it disagrees with. */
  traces?: SourceFigure[];
  fixes: Fix[];
}

/** The same finding for a text where everything it points at moved by `by` characters. */
export function shiftFinding(finding: Finding, by: number): Finding {
  return {
    ...finding,
    offset: finding.offset + by,
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, offset: edit.offset + by })) })),
  };
}
