/**
 * Opening the draft: its claims are underlined, and the Problems panel lists each one with
 * its rule and position, exactly as the CLI (the same engine) reports them.
 */
import { assert } from "../lib/context.mjs";
import { DRAFT } from "../lib/workspace.mjs";

export default {
  name: "problems",
  title: "Squiggles and the Problems panel",
  async run(t) {
    const { wb, workspace } = t;
    await wb.openFile(DRAFT);
    const findings = workspace.check(DRAFT)[0].diagnostics;
    const linesOf = (severity) => [...new Set(findings.filter((d) => d.severity === severity).map((d) => d.range.start.line + 1))].sort((a, b) => a - b);

    // Squiggles: a warning under each warning's line, an error under the spec conflict's.
    await t.page.locator(".monaco-editor .view-overlays .squiggly-error").first().waitFor();
    await t.page.locator(".monaco-editor .view-overlays .squiggly-warning").first().waitFor();
    await t.poll(async () => JSON.stringify(await wb.squiggleLines("warning")) === JSON.stringify(linesOf("warning")), `warning squiggles on lines ${linesOf("warning")}`);
    const errorLines = await wb.squiggleLines("error");
    assert(JSON.stringify(errorLines) === JSON.stringify(linesOf("error")), `error squiggles should be on lines ${linesOf("error")}, are on ${errorLines}`);
    await t.shot("squiggles");

    await wb.showProblems();
    await wb.waitForProblems(t.expectedRows(DRAFT));
    // Focus back in the editor, as after a look at the panel: no focus ring on a row.
    await wb.keyboard.press("Control+1");
    await t.shot("panel", { doc: "problems.png" });
  },
};
