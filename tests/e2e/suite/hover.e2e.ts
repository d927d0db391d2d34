/** Hovering a weapon name shows the reference card through VS Code's hover provider API. */
import * as assert from "node:assert/strict";
import { suite, suiteTeardown, test } from "mocha";
import * as vscode from "vscode";
import { closeEverything, lineOf, openFreshDraft } from "./helpers";

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : c.value))
    .join("\n");
}

suite("hover", () => {
  suiteTeardown(closeEverything);

  test("on ATACMS shows the reference range, 300 km, and its source, RT", async () => {
    const { editor, uri } = await openFreshDraft("hover");
    const line = lineOf(editor.document, "ATACMS can strike");
    const character = editor.document.lineAt(line).text.indexOf("ATACMS");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, new vscode.Position(line, character + 2));
    const text = hoverText(hovers);
    assert.ok(text.includes("300 km"), `the card gives 300 km:\n${text}`);
    assert.ok(text.includes("RT"), `the card names RT:\n${text}`);
    const ours = hovers.find((h) => hoverText([h]).includes("300 km"))!;
    assert.deepEqual(ours.range, new vscode.Range(line, character, line, character + "ATACMS".length), "the hover covers the name");
  });
});
