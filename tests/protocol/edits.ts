/** Applying a server's WorkspaceEdit as an editor would, snippets included. */
import type { TextEdit, WorkspaceEdit } from "vscode-languageserver-protocol";

/**
 * The plain edits a WorkspaceEdit makes to `uri`. A snippet edit becomes the text a user gets
 * by accepting it unchanged: each placeholder's default, a choice's first option.
 */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) throw new Error("the action carries no edit");
  if (edit.changes) return edit.changes[uri] ?? [];
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!("textDocument" in change) || change.textDocument.uri !== uri) continue;
    for (const e of change.edits) edits.push("snippet" in e ? { range: e.range, newText: expandSnippet(e.snippet.value) } : e);
  }
  return edits;
}

/** `${1|a,b|}` → `a`, `${1:x}` → `x`, `$0` → ``, escapes undone. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|\}/g, (_, first: string) => first)
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, text: string) => text)
    .replace(/\$\d+/g, "")
    .replace(/\\([\\$},|])/g, "$1");
}
