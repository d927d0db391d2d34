/**
 * Quick fixes, each built from a fix the finding already carries, plus `Ignore on this line`.
 * `Add attribution…` becomes a snippet where the client takes snippet edits, so the cursor
 * lands on the source with the document's and the reference's sources to choose from.
 */
import { CodeActionKind, type CodeAction, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { SIZE_LIMIT, type Finding, type Fix, type TextEdit as FindingEdit } from "../core/finding";
import { toDiagnostic } from "./diagnostics";

/** The kind under which `Correct the conversion` runs for a whole draft (on save, say). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.claimlint`;

export interface ActionContext {
  document: TextDocument;
  /** The client applies LSP 3.18 snippet edits inside `documentChanges`. */
  snippetEdits: boolean;
  /** Sources to offer when adding an attribution, most likely first; read only when needed. */
  sourceChoices: () => string[];
}

/** Every quick fix for the findings under the cursor or selection. */
export function quickFixes(findings: readonly Finding[], context: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const ignored = new Set<string>();
  for (const finding of findings) {
    // A directive cannot silence the size-limit notice, so none is offered.
    if (finding.rule === SIZE_LIMIT) continue;
    const diagnostics = [toDiagnostic(finding, context.document)];
    // A finding's only fix is the one to offer, unless another finding on the same words has
    // a fix better by nature: on a contradicted spec, the reference value beats adding a source.
    const outranked = findings.some((other) => other !== finding && overlaps(other, finding) && other.fixes.some((fix) => fix.preferred));
    for (const fix of finding.fixes) {
      const isPreferred = !!fix.preferred || (!outranked && finding.fixes.length === 1);
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred, edit: editFor(fix, context) });
    }
    const ignore = ignoreOnLine(finding, context.document);
    if (!ignored.has(ignore.key)) {
      ignored.add(ignore.key);
      actions.push({ title: `Ignore on this line (${finding.rule})`, kind: CodeActionKind.QuickFix, diagnostics, edit: plainEdit(context.document, [ignore.edit]) });
    }
  }
  // Preferred fixes first: editors offer the first one on the quick-fix key.
  return actions.sort((a, b) => Number(!!b.isPreferred) - Number(!!a.isPreferred));
}

/** `Correct the conversion` for every unit mismatch of the draft, as one edit. */
export function fixAll(findings: readonly Finding[], document: TextDocument): CodeAction | undefined {
  const edits: FindingEdit[] = [];
  for (const finding of findings)
    for (const fix of finding.fixes)
      if (fix.kind === "correct-conversion") edits.push(...fix.edits.filter((e) => !edits.some((o) => overlaps(o, e))));
  if (edits.length === 0) return undefined;
  return { title: "Correct every conversion", kind: FIX_ALL_KIND, edit: plainEdit(document, edits) };
}

function editFor(fix: Fix, context: ActionContext): WorkspaceEdit {
  const { document } = context;
  if (!fix.placeholder || !context.snippetEdits) return plainEdit(document, fix.edits);
  const [first, ...rest] = fix.edits;
  const { offset, length } = fix.placeholder;
  const snippet = escapeSnippet(first.newText.slice(0, offset)) + sourceSnippet(context.sourceChoices()) + escapeSnippet(first.newText.slice(offset + length));
  return {
    documentChanges: [
      {
        textDocument: { uri: document.uri, version: document.version },
        edits: [{ range: rangeOf(document, first), snippet: { kind: "snippet", value: snippet } }, ...rest.map((e) => textEdit(document, e))],
      },
    ],
  };
}

/** `${1|RT,the Pentagon|}` with choices, `${1:source}` without. */
function sourceSnippet(choices: string[]): string {
  if (choices.length === 0) return "${1:source}";
  return `\${1|${choices.map((c) => c.replace(/[\\|,$}]/g, (ch) => `\\${ch}`)).join(",")}|}`;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

/** `<!-- claimlint-disable-line rule -->` at the end of the finding's line (an inline comment, so the paragraph stays whole). */
function ignoreOnLine(finding: Finding, document: TextDocument): { key: string; edit: FindingEdit } {
  const text = document.getText();
  let end = finding.offset;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  const line = document.positionAt(finding.offset).line;
  return { key: `${line}:${finding.rule}`, edit: { offset: end, length: 0, newText: ` <!-- claimlint-disable-line ${finding.rule} -->` } };
}

function plainEdit(document: TextDocument, edits: readonly FindingEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: edits.map((e) => textEdit(document, e)) } };
}

function textEdit(document: TextDocument, edit: FindingEdit): TextEdit {
  return { range: rangeOf(document, edit), newText: edit.newText };
}

function rangeOf(document: TextDocument, edit: FindingEdit) {
  return { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) };
}

/** Two spans share a character, or start at the same place (two insertions there would clash). */
function overlaps(a: { offset: number; length: number }, b: { offset: number; length: number }): boolean {
  return (a.offset < b.offset + b.length && b.offset < a.offset + a.length) || a.offset === b.offset;
}
