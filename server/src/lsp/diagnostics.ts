/**
 * Findings as LSP diagnostics: the rule id as `code` with a link to its documentation, and
 * for a spec checked against the reference, the fact and its source as related information.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { FactCitation, Finding, Severity } from "../core/finding";
import { ruleDocsUrl } from "../core/rules/catalog";
import { attributeName, describeFact, describeSource } from "../core/rules/wording";

export const DIAGNOSTIC_SOURCE = "claimlint";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the editor said it can show, beyond the plain diagnostic. */
export interface DiagnosticSupport {
  codeDescription: boolean;
  relatedInformation: boolean;
}

export const FULL_SUPPORT: DiagnosticSupport = { codeDescription: true, relatedInformation: true };

/** One link object per rule: every diagnostic of the rule shares it. */
const RULE_LINKS = new Map<string, { href: string }>();

export function toDiagnostic(finding: Finding, document: TextDocument, support: DiagnosticSupport = FULL_SUPPORT): Diagnostic {
  const range = { start: document.positionAt(finding.offset), end: document.positionAt(finding.offset + finding.length) };
  return diagnosticAt(finding, range, document.uri, support);
}

/** The diagnostic of a finding already placed at `range` in the draft at `uri`. */
export function diagnosticAt(finding: Finding, range: Range, uri: string, support: DiagnosticSupport): Diagnostic {
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    message: finding.message,
  };
  if (support.codeDescription) diagnostic.codeDescription = linkTo(finding.rule);
  // The reference is bundled data, not a file the editor can open, so the related entry
  // sits on the claim itself and names the fact and its article in words.
  if (hasRelatedInformation(finding, support))
    diagnostic.relatedInformation = finding.related!.map((c): DiagnosticRelatedInformation => ({
      location: { uri, range },
      message: describeCitation(c),
    }));
  return diagnostic;
}

/** Whether the finding's diagnostic carries related information, which names its place. */
export function hasRelatedInformation(finding: Finding, support: DiagnosticSupport): boolean {
  return support.relatedInformation && finding.rule === "spec-conflict" && !!finding.related?.length;
}

function linkTo(rule: Finding["rule"]): { href: string } {
  let link = RULE_LINKS.get(rule);
  if (!link) RULE_LINKS.set(rule, (link = { href: ruleDocsUrl(rule) }));
  return link;
}

/** `Reference: range up to 300 km (186 mi), “…evidence…” (RT, 2023-06: headline)`. */
function describeCitation({ fact, source }: FactCitation): string {
  return `Reference: ${attributeName(fact.attribute)} ${describeFact(fact)}, “${fact.evidence}” (${describeSource(source)}: ${source.headline})`;
}
