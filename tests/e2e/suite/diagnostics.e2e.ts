/** Opening examples/draft.md (copied into the workspace) shows the CLI's findings, as claimlint diagnostics. */
import * as assert from "node:assert/strict";
import { suiteTeardown, suite, test } from "mocha";
import * as vscode from "vscode";
import { claimlintDiagnostics, cliFindings, closeEverything, draftUri, ruleOf, sortFindings, toFinding, waitForFindings } from "./helpers";

/** examples/draft.md's claims (0-based line, rule): a fixed list, so that the CLI and the editor cannot agree on nothing. */
const EXPECTED = [
  "7 unattributed-figure",
  "10 spec-conflict",
  "10 unattributed-spec",
  "12 unattributed-spec",
  "13 unattributed-spec",
  "13 unit-mismatch",
];

suite("diagnostics", () => {
  suiteTeardown(closeEverything);

  test("opening the draft shows the CLI's findings, each with its rule, line and severity", async () => {
    const uri = draftUri();
    assert.deepEqual(claimlintDiagnostics(uri), [], "nothing before the draft is opened");
    const cli = cliFindings(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitForFindings(uri, cli, "the CLI's findings");

    assert.deepEqual(sortFindings(diagnostics.map(toFinding)).map((f) => `${f.range[0]} ${f.rule}`), EXPECTED);
    assert.deepEqual(sortFindings(cli).map((f) => `${f.range[0]} ${f.rule}`), EXPECTED, "the CLI agrees with the fixed list");
    for (const d of diagnostics) {
      assert.equal(d.source, "claimlint");
      const code = d.code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), new RegExp(`docs/rules\\.md#${code.value}$`), "the rule links to its documentation");
    }
    const conflict = diagnostics.find((d) => ruleOf(d) === "spec-conflict")!;
    assert.equal(conflict.severity, vscode.DiagnosticSeverity.Error);
    assert.match(conflict.relatedInformation?.[0]?.message ?? "", /300 km.*RT/, "the reference fact and its source as related information");
    assert.equal(toFinding(diagnostics.find((d) => ruleOf(d) === "unattributed-figure")!).severity, "warning");
  });
});
