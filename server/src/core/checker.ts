/**
 * The engine's entry point: Markdown text in, findings out. It knows nothing of files,
 * LSP or VS Code; the reference and the options come in as parameters.
 */
import type { Reference, SourceArticle } from "../reference/types";
import { createAnalyser, type Claim } from "./analysis";
import { compilePhrases } from "./attribution";
import { detached } from "./detached";
import { DEFAULT_SEVERITIES, type Finding, type RuleId, type Severity, type SeveritySetting } from "./finding";
import type { SectionProse } from "./markdown/prose";
import { OpenDraft, type StretchLengths } from "./open-draft";
import { DEFAULT_MAX_DRAFT_SIZE } from "./size-limit";
import type { Rule, RuleContext } from "./rules/rule";
import { specConflict } from "./rules/spec-conflict";
import { unattributedFigure } from "./rules/unattributed-figure";
import { unattributedSpec } from "./rules/unattributed-spec";
import { unitMismatch } from "./rules/unit-mismatch";
import { vagueAttribution } from "./rules/vague-attribution";

export interface CheckOptions {
  /** Severity per rule; rules not named keep DEFAULT_SEVERITIES. */
  severities: Partial<Record<RuleId, SeveritySetting>>;
  /** Extra phrases that attribute a figure (e.g. "per the desk's tally"), matched case-insensitively. */
  attributionPhrases: string[];
  /** The most characters checked; the rest of a longer draft is left unchecked, and said so. */
  maxDraftSize?: number;
}

export interface Checker {
  /** Every finding in the draft, in document order. */
  check(text: string): Finding[];
  /** A draft to check again and again as it is edited (see OpenDraft). */
  open(stretch?: StretchLengths): OpenDraft;
}

const RULES: [RuleId, Rule][] = [
  ["unattributed-figure", unattributedFigure],
  ["unattributed-spec", unattributedSpec],
  ["spec-conflict", specConflict],
  ["unit-mismatch", unitMismatch],
  ["vague-attribution", vagueAttribution],
];

export function createChecker(deps: { reference: Reference; options?: Partial<CheckOptions> }): Checker {
  const { reference } = deps;
  const severities = { ...DEFAULT_SEVERITIES, ...deps.options?.severities };
  const active = RULES.filter(([id]) => severities[id] !== "off").map(([id, rule]) => ({ rule, severity: severities[id] as Severity }));
  const analyser = createAnalyser(reference, compilePhrases(deps.options?.attributionPhrases ?? []));
  const limit = deps.options?.maxDraftSize ?? DEFAULT_MAX_DRAFT_SIZE;
  const sources = new Map<string, SourceArticle>(reference.sources.map((s) => [s.id, s]));
  const context: RuleContext = {
    sourceOf: (id) => sources.get(id),
    quote: (claim: Claim) => `“${claim.block.text.slice(claim.figure.start, claim.figure.end).replace(/\s+/g, " ")}”`,
  };

  /** The findings of one section's prose, in document order, before directives apply. */
  function findingsIn(prose: SectionProse): Finding[] {
    const findings: Finding[] = [];
    for (const claim of analyser.claimsIn(prose.blocks)) {
      for (const { rule, severity } of active) {
        const found = rule(claim, context);
        if (found) findings.push(detachedFinding({ ...found, severity }));
      }
    }
    return findings.sort((a, b) => a.offset - b.offset);
  }

  return {
    check(text) {
      if (active.length === 0) return [];
      const run = new OpenDraft(findingsIn, undefined, limit).check(text);
      for (;;) {
        const step = run.next();
        if (step.done) return step.value;
      }
    },
    open: (stretch) => new OpenDraft(findingsIn, stretch, limit),
  };
}

/** An open draft keeps its findings across edits: their text must not keep the draft's. */
function detachedFinding(finding: Finding): Finding {
  finding.message = detached(finding.message);
  for (const fix of finding.fixes) {
    fix.title = detached(fix.title);
    for (const edit of fix.edits) edit.newText = detached(edit.newText);
  }
  return finding;
}
