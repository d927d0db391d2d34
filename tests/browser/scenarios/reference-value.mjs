/** The spec conflict's quick fix `Use the reference value (300 km)` corrects the figure and clears the conflict. */
import { assert } from "../lib/context.mjs";
import { DRAFT } from "../lib/workspace.mjs";

export default {
  name: "reference-value",
  title: "Quick fix: Use the reference value",
  async run(t) {
    const { wb, workspace } = t;
    await t.freshDraft();
    const finding = workspace.check(DRAFT)[0].diagnostics.find((d) => d.rule === "spec-conflict");
    const line = finding.range.start.line + 1;
    const original = workspace.draftLine(line);
    assert(original.slice(finding.range.start.character, finding.range.end.character) === "500 km", "the spec conflict should be on “500 km”");

    await wb.showProblems();
    const conflictRow = (rows) => rows.some((r) => r.file === DRAFT && r.severity === "error" && r.text.includes("claimlint(spec-conflict)"));
    assert(conflictRow(await wb.problems()), "the Problems panel should list the spec conflict before the fix");

    await wb.goTo(line, finding.range.start.character + 2); // inside "500 km"
    await wb.openQuickFixes();
    await t.shot("menu");
    await wb.chooseQuickFix("Use the reference value (300 km)");

    const want = original.replace("500 km", "300 km");
    await wb.waitForLine(line, (text) => text === want, JSON.stringify(want));
    await t.poll(async () => !conflictRow(await wb.problems()), "the spec-conflict problem to leave the Problems panel");
    await t.page.locator(".monaco-editor .view-overlays .squiggly-error").first().waitFor({ state: "detached" });
    await t.shot("corrected");

    await wb.save();
    await wb.waitForProblems(t.expectedRows(DRAFT), "the Problems panel to match the CLI on the corrected draft", { file: DRAFT });
  },
};
