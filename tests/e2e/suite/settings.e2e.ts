/** `claimlint.rules` changed through the configuration API reaches the server and the Problems panel. */
import * as assert from "node:assert/strict";
import { suite, suiteTeardown, test } from "mocha";
import * as vscode from "vscode";
import { closeEverything, describe, openFreshDraft, ruleOf, waitForDiagnostics } from "./helpers";

const RULE = "unattributed-figure";
const rules = () => vscode.workspace.getConfiguration("claimlint");

suite("settings", () => {
  suiteTeardown(async () => {
    await rules().update("rules", undefined, vscode.ConfigurationTarget.Workspace);
    await closeEverything();
  });

  test(`"claimlint.rules": {"${RULE}": "off"} in the workspace settings removes that rule's diagnostics, and only those`, async () => {
    const { uri, diagnostics } = await openFreshDraft("settings");
    const others = diagnostics.filter((d) => ruleOf(d) !== RULE).length;
    assert.ok(diagnostics.some((d) => ruleOf(d) === RULE), `${RULE} before: ${describe(diagnostics)}`);

    await rules().update("rules", { [RULE]: "off" }, vscode.ConfigurationTarget.Workspace);
    const off = await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === RULE), `no ${RULE}`);
    assert.equal(off.length, others, `the other rules stay: ${describe(off)}`);

    await rules().update("rules", undefined, vscode.ConfigurationTarget.Workspace);
    const back = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === RULE), `${RULE} back`);
    assert.equal(back.length, diagnostics.length, `removing the setting brings it back: ${describe(back)}`);
  });
});
