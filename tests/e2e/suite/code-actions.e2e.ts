/**
 * Quick fixes through VS Code's code action API, applied with `workspace.applyEdit` as the
 * lightbulb applies them; after each, the editor's findings are the CLI's on the fixed draft.
 */
import * as assert from "node:assert/strict";
import { suite, suiteTeardown, test } from "mocha";
import * as vscode from "vscode";
import { activatedClient, cliFindings, closeEverything, findingOn, lineOf, openFreshDraft, quickFixes, ruleOf, titles, waitForFindings } from "./helpers";

/** The LSP code action as the server sent it to VS Code's client (before the client converted it). */
interface ProtocolAction {
  title: string;
  edit?: { documentChanges?: { edits: { newText?: string; snippet?: { value: string } }[] }[] };
}

/** Saves the draft, then waits until the editor's findings are what the CLI finds in the saved text. */
async function findingsAfterFix(document: vscode.TextDocument, what: string): Promise<vscode.Diagnostic[]> {
  assert.ok(await document.save(), "the draft saves");
  return waitForFindings(document.uri, cliFindings(document.uri), what);
}

suite("quick fixes", () => {
  suiteTeardown(closeEverything);

  test("“Add attribution…” on the unattributed figure inserts the attribution as a snippet, and the warning goes", async () => {
    const { editor, uri, diagnostics } = await openFreshDraft("attribution");
    const document = editor.document;
    const line = lineOf(document, "4,000 troops");
    const original = document.lineAt(line).text;
    const figure = findingOn(diagnostics, "unattributed-figure", line);

    const actions = await quickFixes(uri, figure);
    const action = actions.find((a) => a.title === "Add attribution…");
    assert.ok(action, `“Add attribution…” among ${titles(actions)}`);
    assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(action.edit, "the action carries its edit");

    // VS Code's client announces snippet edits (LSP 3.18), so the server sends the attribution
    // as a snippet whose source is a choice; the client turns it into a vscode.SnippetTextEdit.
    const client = await activatedClient();
    const sent = await client.sendRequest<ProtocolAction[]>("textDocument/codeAction", {
      textDocument: { uri: uri.toString() },
      range: client.code2ProtocolConverter.asRange(figure.range),
      context: { diagnostics: [], only: ["quickfix"] },
    });
    const snippet = sent.find((a) => a.title === "Add attribution…")?.edit?.documentChanges?.[0]?.edits[0]?.snippet?.value;
    assert.ok(snippet, `the server sent a snippet edit: ${JSON.stringify(sent)}`);
    const choices = /^, according to \$\{1\|(.+)\|\}$/.exec(snippet)?.[1]?.split(",");
    assert.ok(choices && choices.length > 0, `a choice of sources: ${snippet}`);
    const source = choices[0]!;

    // Through workspace.applyEdit a SnippetTextEdit on the active editor's document is
    // inserted as a snippet: the first choice is written, and selected for the writer to change.
    assert.equal(await vscode.workspace.applyEdit(action.edit), true, "applyEdit succeeds");
    const expected = original.replace(/\.$/, `, according to ${source}.`);
    assert.equal(document.lineAt(line).text, expected, "the attributed sentence");
    assert.equal(document.getText(editor.selection), source, "the source is selected, ready to be replaced");

    // The writer names the source: the selection is replaced, the warning goes.
    await editor.edit((b) => b.replace(editor.selection, "the Pentagon"));
    assert.equal(document.lineAt(line).text, original.replace(/\.$/, ", according to the Pentagon."));
    const after = await findingsAfterFix(document, "the CLI's findings on the attributed draft");
    assert.deepEqual(after.filter((d) => d.range.start.line === line).map(ruleOf), [], "no finding left on the attributed line");
    assert.equal(after.length, diagnostics.length - 1, "only that finding went");
  });

  test("“Use the reference value (300 km)” on the spec conflict replaces the value, and the conflict goes", async () => {
    const { editor, uri, diagnostics } = await openFreshDraft("reference-value");
    const document = editor.document;
    const line = lineOf(document, "ATACMS can strike");
    const original = document.lineAt(line).text;
    const conflict = findingOn(diagnostics, "spec-conflict", line);

    const actions = await quickFixes(uri, conflict);
    const action = actions.find((a) => a.title === "Use the reference value (300 km)");
    assert.ok(action?.edit, `“Use the reference value (300 km)” among ${titles(actions)}`);
    assert.equal(await vscode.workspace.applyEdit(action.edit), true, "applyEdit succeeds");
    assert.equal(document.lineAt(line).text, original.replace("500 km", "300 km"));

    const after = await findingsAfterFix(document, "the CLI's findings on the corrected draft");
    assert.deepEqual(after.filter((d) => d.range.start.line === line).map(ruleOf), ["unattributed-spec"], "the conflict went; the missing source stays");
  });
});
