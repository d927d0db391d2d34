/**
 * Turning rules off: `claimlint.rules` in the workspace settings, then a `.claimlintrc.json`
 * in the folder (the extension's file watcher tells the server). The panel follows each
 * change, and comes back when both are gone.
 */
import { DRAFT } from "../lib/workspace.mjs";

const SETTINGS = ".vscode/settings.json";
const RC = ".claimlintrc.json";

export default {
  name: "rules-off",
  title: "Rules off in settings and .claimlintrc.json",
  async run(t) {
    const { wb, workspace } = t;
    await t.freshDraft();
    await wb.showProblems();
    const all = t.expectedRows(DRAFT);
    await wb.waitForProblems(all, "the draft's problems before any change", { file: DRAFT });

    try {
      workspace.write(SETTINGS, { "claimlint.rules": { "unattributed-figure": "off" } });
      const withoutFigures = all.filter((r) => !r.text.includes("claimlint(unattributed-figure)"));
      await wb.waitForProblems(withoutFigures, "unattributed-figure to leave the panel after the settings change", { file: DRAFT });
      await t.shot("setting-off");

      // The CLI reads the same .claimlintrc.json; the editor setting still applies on top.
      workspace.write(RC, { rules: { "unit-mismatch": "off" } });
      const withRc = t.expectedRows(DRAFT).filter((r) => !r.text.includes("claimlint(unattributed-figure)"));
      await wb.waitForProblems(withRc, "unit-mismatch to leave the panel after .claimlintrc.json appears", { file: DRAFT });
      await t.shot("claimlintrc-off");
    } finally {
      workspace.remove(RC);
      workspace.remove(".vscode");
    }
    await wb.waitForProblems(all, "every rule back once the setting and .claimlintrc.json are gone", { file: DRAFT });
    await t.shot("restored");
  },
};
