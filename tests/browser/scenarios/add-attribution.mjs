/**
 * The unattributed figure's quick fix `Add attribution…`: the menu offers it, choosing it
 * puts the cursor on the source, typing one attributes the sentence, and the problem goes.
 */
import { assert } from "../lib/context.mjs";
import { DRAFT } from "../lib/workspace.mjs";

const SOURCE = "the General Staff";

export default {
  name: "add-attribution",
  title: "Quick fix: Add attribution…",
  async run(t) {
    const { wb, workspace } = t;
    await t.freshDraft();
    const finding = workspace.check(DRAFT)[0].diagnostics.find((d) => d.rule === "unattributed-figure");
    const line = finding.range.start.line + 1;
    const original = workspace.draftLine(line);
    const figure = original.slice(finding.range.start.character, finding.range.end.character);
    assert(figure === "more than 4,000 troops", `the unattributed figure should be "more than 4,000 troops", is ${JSON.stringify(figure)}`);

    await wb.showProblems();
    const figureRow = (rows) => rows.some((r) => r.file === DRAFT && r.text.includes("claimlint(unattributed-figure)") && r.text.endsWith(`[Ln ${line}, Col ${finding.range.start.character + 1}]`));
    assert(figureRow(await wb.problems()), "the Problems panel should list the unattributed figure before the fix");

    await wb.goTo(line, finding.range.start.character + 11); // inside "more than 4,000 troops"
    await wb.openQuickFixes();
    await t.shot("menu", { doc: "quick-fix.png" });
    await wb.chooseQuickFix("Add attribution…");

    // The fix is a snippet: the source is selected (with the draft's and the reference's
    // sources to choose from), so typing replaces it.
    await t.shot("source-choices");
    await wb.keyboard.type(SOURCE);
    await wb.dismissWidgets(); // the choice list, then snippet mode
    const want = original.replace(/\.$/, `, according to ${SOURCE}.`);
    await wb.waitForLine(line, (text) => text === want, JSON.stringify(want));

    await t.poll(async () => !figureRow(await wb.problems()), "the unattributed-figure problem to leave the Problems panel");
    await t.shot("attributed");

    // Saved, the draft is what the CLI checks: the panel must agree with it to the row.
    await wb.save();
    await wb.waitForProblems(t.expectedRows(DRAFT), "the Problems panel to match the CLI on the fixed draft", { file: DRAFT });
  },
};
