/** The status bar counts the active draft's claims, and counts again after a fix. */
import { assert } from "../lib/context.mjs";
import { DRAFT } from "../lib/workspace.mjs";

export default {
  name: "status-bar",
  title: "Status-bar count follows a fix",
  async run(t) {
    const { wb, workspace } = t;
    await t.freshDraft();
    const before = workspace.check(DRAFT)[0].diagnostics;
    await t.waitForStatusCount(before.length);
    await t.shot("count");

    // Fix the conversion ("70 kilometers (80 miles)"): one claim fewer.
    const mismatch = before.find((d) => d.rule === "unit-mismatch");
    await wb.goTo(mismatch.range.start.line + 1, mismatch.range.start.character + 2);
    await wb.openQuickFixes();
    const fix = (await wb.quickFixTitles()).find((title) => title.startsWith("Correct the conversion"));
    assert(fix, "the unit mismatch should offer `Correct the conversion`");
    await wb.chooseQuickFix(fix);
    await wb.save();
    const after = workspace.check(DRAFT)[0].diagnostics;
    assert(after.length === before.length - 1, `the CLI should find one claim fewer after the fix (${before.length} → ${after.length})`);
    await t.waitForStatusCount(after.length);
    await t.shot("count-after-fix");
  },
};
