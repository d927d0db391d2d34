/**
 * `Claimlint: Check Workspace` reports the drafts nobody opened: its progress shows and goes,
 * a notification says what it found, and the Problems panel then lists every draft's
 * claims, each once, as the CLI finds them in the folder.
 */
import { assert } from "../lib/context.mjs";
import { rowsFromCli } from "../lib/workbench.mjs";
import { UNOPENED } from "../lib/workspace.mjs";

export default {
  name: "check-workspace",
  title: "Check Workspace finds an unopened draft",
  async run(t) {
    const { wb, workspace, page } = t;
    await t.freshDraft();
    await wb.showProblems();
    assert(t.expectedRows(UNOPENED).length > 0, `${UNOPENED} should have a claim for the CLI`);
    assert(!(await wb.problems()).some((r) => r.file === UNOPENED), `${UNOPENED} should not be in the Problems panel before the check`);
    await t.shot("before");

    const everything = workspace.check(".");
    const findings = everything.reduce((n, f) => n + f.diagnostics.length, 0);

    await wb.runCommand("Claimlint: Check Workspace");
    const summary = `claimlint checked ${everything.length} drafts: ${findings} claims to look at.`;
    await page.locator(".notification-toast", { hasText: summary }).waitFor();
    // The progress notification ("checking the workspace's drafts…") closes once done.
    await page.locator(".notification-toast", { hasText: "checking the workspace" }).waitFor({ state: "detached" });
    await wb.waitForProblems(rowsFromCli(everything), "every draft's claims in the Problems panel, once each");
    await t.shot("found");
    await wb.notificationsClear();
  },
};
