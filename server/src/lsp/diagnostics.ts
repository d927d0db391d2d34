/**
 * Findings as LSP diagnostics: the rule id as `code` with a link to its documentation, and
 * for a spec checked against the reference, the fact and its source as related information.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
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

export function toDiagnostic(finding: Finding, document: TextDocument): Diagnostic {
  const range = { start: document.positionAt(finding.offset), end: document.positionAt(finding.offset + finding.length) };
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
  };
  // The reference is bundled data, not a file the editor can open, so the related entry
  // sits on the claim itself and names the fact and its article in words.
  if (finding.rule === "spec-conflict" && finding.related?.length)
    diagnostic.relatedInformation = finding.related.map((c): DiagnosticRelatedInformation => ({
      location: { uri: document.uri, range },
      message: describeCitation(c),
    }));
  return diagnostic;
}

/** `Reference: range up to 300 km (186 mi), “…evidence…” (RT, 2023-06: headline)`. */
function describeCitation({ fact, source }: FactCitation): string {
  return `Reference: ${attributeName(fact.attribute)} ${describeFact(fact)}, “${fact.evidence}” (${describeSource(source)}: ${source.headline})`;
}
