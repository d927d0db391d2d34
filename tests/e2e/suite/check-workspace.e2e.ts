/** The commands that check on request: Check Workspace reaches drafts no editor has opened. */
import * as assert from "node:assert/strict";
import { suite, suiteTeardown, test } from "mocha";
import * as vscode from "vscode";
import { claimlintDiagnostics, cliFindings, closeEverything, neverOpenedUri, openFreshDraft, waitForFindings } from "./helpers";

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

suite("commands", () => {
  suiteTeardown(closeEverything);

  test("Check This Draft (claimlint.checkDocument) counts the active draft's findings", async () => {
    const { diagnostics } = await openFreshDraft("check-document");
    const result = await vscode.commands.executeCommand<{ findings: number } | undefined>("claimlint.checkDocument");
    assert.deepEqual(result, { findings: diagnostics.length });
  });

  test("Check Workspace (claimlint.checkWorkspace) puts diagnostics on a draft that was never opened", async () => {
    const uri = neverOpenedUri();
    assert.equal(isOpen(uri), false, "no document is open for it");
    assert.deepEqual(claimlintDiagnostics(uri), [], "no diagnostics before the command");

    const result = await vscode.commands.executeCommand<{ files: number; findings: number } | undefined>("claimlint.checkWorkspace");
    assert.ok(result, "the command resolves to the server's summary");
    assert.ok(result.files >= 2, `it read the workspace's drafts: ${JSON.stringify(result)}`);

    const diagnostics = await waitForFindings(uri, cliFindings(uri), "the CLI's findings");
    assert.ok(diagnostics.length > 0);
    assert.equal(isOpen(uri), false, "the command did not open it");
  });
});
