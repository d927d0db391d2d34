/**
 * The engine's entry point: Markdown text in, findings out. It knows nothing of files,
 * LSP or VS Code; the reference and the options come in as parameters.
 */
import type { Reference, SourceArticle } from "../reference/types";
import { createAnalyser, type Claim } from "./analysis";
import { compilePhrases } from "./attribution";
import { claimEntry, type ClaimEntry } from "./claims";
import { detached } from "./detached";
import { DEFAULT_SEVERITIES, type Finding, type RuleId, type Severity, type SeveritySetting } from "./finding";
import type { SectionProse } from "./markdown/prose";
import { drain, OpenDraft, type SectionReading, type StretchLengths } from "./open-draft";
import { checkedPart, DEFAULT_MAX_DRAFT_SIZE } from "./size-limit";
import { figureConflict } from "./rules/figure-conflict";
import type { Rule, RuleContext } from "./rules/rule";
import { specConflict } from "./rules/spec-conflict";
import { unattributedFigure } from "./rules/unattributed-figure";
import { unattributedSpec } from "./rules/unattributed-spec";
import { untracedFigure } from "./rules/untraced-figure";
import { unitMismatch } from "./rules/unit-mismatch";
import { vagueAttribution } from "./rules/vague-attribution";
import type { SourceIndex } from "./sources/source-index";
import { traceClaim, type Trace } from "./sources/trace";

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
  /**
   * Every claim in the draft, in document order, attributed or not and whatever directives
   * silence (see ClaimEntry): the fact-check sheet. An open draft lists them as of its last check.
   */
  claims(text: string): ClaimEntry[];
  /** For a draft over the size limit, the notice that says where checking stops (see checkedPart). */
  sizeNotice(text: string): Finding | undefined;
  /**
   * A draft to check again and again as it is edited (see OpenDraft). With `listing`, each
   * check also lists its claims for `OpenDraft.claims`; without, a keystroke pays for none.
   */
  open(stretch?: StretchLengths, listing?: boolean): OpenDraft;
}

const RULES: [RuleId, Rule][] = [
  ["unattributed-figure", unattributedFigure],
  ["unattributed-spec", unattributedSpec],
  ["spec-conflict", specConflict],
  ["unit-mismatch", unitMismatch],
  ["vague-attribution", vagueAttribution],
  ["untraced-figure", untracedFigure],
  ["figure-conflict", figureConflict],
];

/** The one empty list every section without findings or claims shares. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * A section's list as an open draft keeps it: most sections have nothing, and a list grown by
 * `push` holds room for seventeen; across a long draft's 60,000 sections that was 8 MB.
 */
function kept<T>(list: T[]): T[] {
  return list.length === 0 ? (NONE as unknown as T[]) : list.slice();
}

/**
 * `sources` is the writer's own source documents, already read (see buildSourceIndex); without
 * it, claims are traced to nothing and the rules on sources stay silent.
 */
export function createChecker(deps: { reference: Reference; options?: Partial<CheckOptions>; sources?: SourceIndex }): Checker {
  const { reference } = deps;
  const severities = { ...DEFAULT_SEVERITIES, ...deps.options?.severities };
  const active = RULES.filter(([id]) => severities[id] !== "off").map(([id, rule]) => ({ id, rule, severity: severities[id] as Severity }));
  const analyser = createAnalyser(reference, compilePhrases(deps.options?.attributionPhrases ?? []));
  const limit = deps.options?.maxDraftSize ?? DEFAULT_MAX_DRAFT_SIZE;
  const sources = new Map<string, SourceArticle>(reference.sources.map((s) => [s.id, s]));
  const context: RuleContext = {
    sourceOf: (id) => sources.get(id),
    quote: (claim: Claim) => `“${claim.block.text.slice(claim.figure.start, claim.figure.end).replace(/\s+/g, " ")}”`,
    trace: tracer(deps.sources),
  };

  /**
   * The findings of one section's prose, in document order, before directives apply, and,
   * when `listing`, its claims with the rules that flag them. A check that lists no claims
   * does not pay for them: they cost about a tenth of a whole draft's reading.
   */
  function readProse(prose: SectionProse, listing: boolean): SectionReading {
    const findings: Finding[] = [];
    const claims: ClaimEntry[] = [];
    for (const claim of analyser.claimsIn(prose.blocks)) {
      const entry = listing ? claimEntry(claim, context.sourceOf) : undefined;
      if (entry && deps.sources) entry.source = sourceStatus(context.trace(claim)!);
      for (const { id, rule, severity } of active) {
        const found = rule(claim, context);
        if (!found) continue;
        findings.push(detachedFinding({ ...found, severity }));
        entry?.flaggedBy.push({ rule: id, severity });
      }
      if (entry) claims.push(entry);
    }
    return { findings: kept(findings.sort((a, b) => a.offset - b.offset)), claims: kept(claims) };
  }
  const findingsOnly = (prose: SectionProse) => readProse(prose, false);
  const withClaims = (prose: SectionProse) => readProse(prose, true);

  return {
    check(text) {
      if (active.length === 0) return [];
      return drain(new OpenDraft(findingsOnly, undefined, limit).check(text));
    },
    sizeNotice: (text) => checkedPart(text, limit).notice,
    claims(text) {
      const draft = new OpenDraft(withClaims, undefined, limit);
      drain(draft.check(text));
      return draft.claims();
    },
    open: (stretch, listing = false) => new OpenDraft(listing ? withClaims : findingsOnly, stretch, limit),
  };
}

/** A claim's standing in the sheet's source column: the first source figure that states it, or disagrees. */
function sourceStatus(trace: Trace): NonNullable<ClaimEntry["source"]> {
  if (trace.status === "untraced") return { status: "not found" };
  const [first] = trace.figures;
  return { status: trace.status === "traced" ? "found" : "conflicts", file: first?.file, line: first?.line, figures: trace.figures };
}

/** A claim's trace to the sources, worked out once however many rules ask for it. */
function tracer(sources: SourceIndex | undefined): RuleContext["trace"] {
  if (!sources) return () => undefined;
  const traces = new WeakMap<Claim, Trace>();
  return (claim) => {
    let trace = traces.get(claim);
    if (!trace) traces.set(claim, (trace = traceClaim(claim, sources)));
    return trace;
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
