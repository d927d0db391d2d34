/**
 * `Claimlint: Show Claims Sheet` opens the draft's sheet beside it: every claim with its
 * line, attribution, reference check and flags, as the CLI's `--format csv` words them. A
 * click on a row selects the claim in the draft, and a figure typed into the draft joins the
 * sheet.
 */
import { assert, assertIncludes } from "../lib/context.mjs";
import { DRAFT } from "../lib/workspace.mjs";

const TITLE = "Claims: draft.md";
/** Typed at the end of the line with "500 km": a figure attributed to nobody in particular. */
const TYPED = " Officials said 300 drones were shot down.";

export default {
  name: "claims-sheet",
  title: "Claims sheet: every claim, a click selects it, an edit updates it",
  async run(t) {
    const { wb, workspace, page } = t;
    await t.freshDraft();
    // No sources of the writer's own are configured: the CLI's Source column is empty, and the
    // editor's sheet leaves it out.
    const cli = workspace.sheet(DRAFT);
    assert(cli.length === 10, `the CLI should list the example draft's 10 claims, lists ${cli.length}`);
    assert(cli.every((cells) => cells[5] === ""), "the CLI's Source column should be empty");
    const expected = cli.map((cells) => cells.slice(0, 5));
    // The draft and its sheet side by side, with the whole height.
    await wb.hidePanel();
    const sheet = wb.webview();
    try {
      await wb.runCommand("Claimlint: Show Claims Sheet");
      await page.locator(".tabs-container .tab", { hasText: TITLE }).waitFor();
      // The draft keeps the focus: the sheet opens beside it.
      await draftFocused(t);

      const rows = () => sheet.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
      let shown = [];
      const same = (want) => async () => JSON.stringify((shown = (await rows()).map((cells) => cells.slice(0, 5)))) === JSON.stringify(want);
      await t.poll(same(expected), () => `the sheet to list the CLI's claims\nwant ${JSON.stringify(expected)}\nsaw  ${JSON.stringify(shown)}`);
      const headings = await sheet.locator("thead th").allTextContents();
      assert(headings.join("|") === "#|Line|Claim|Attribution|Reference|Flagged by", `the sheet's columns read ${headings.join(" | ")}`);
      const conflict = (await rows()).find((cells) => cells[2] === "500 km");
      assert(conflict, "the sheet should list “500 km”");
      assertIncludes(conflict[5], "spec-conflict (error)", "the “500 km” row's Flagged by cell");
      assertIncludes(await sheet.locator("p").first().innerText(), "10 claims: 5 unattributed, 1 in conflict with the reference", "the sheet's summary");
      await t.shot("sheet", { doc: "claims-sheet.png" });

      // A click on the row selects "500 km" in the draft (the status bar counts its 6 characters).
      await wb.goTo(1, 1);
      const line = Number(conflict[1]);
      const start = workspace.draftLine(line).indexOf("500 km");
      await sheet.locator("tbody tr", { hasText: "500 km" }).click();
      await page.locator(".statusbar-item", { hasText: new RegExp(`^Ln ${line}, Col ${start + 7} \\(6 selected\\)`) }).waitFor();
      await draftFocused(t);
      await t.shot("claim-selected");

      // A figure typed into the draft joins the sheet, at its place, without a save.
      await wb.keyboard.press("End");
      await wb.keyboard.type(TYPED);
      await wb.waitForLine(line, (text) => text.endsWith(TYPED), JSON.stringify(TYPED));
      const typed = [String(expected.findIndex((cells) => cells[2] === "500 km") + 2), String(line), "300 drones", "vague: Officials", ""];
      const after = [...expected.slice(0, Number(typed[0]) - 1), typed, ...expected.slice(Number(typed[0]) - 1).map(([n, ...rest]) => [String(Number(n) + 1), ...rest])];
      await t.poll(same(after), () => `the sheet to list the typed figure\nwant ${JSON.stringify(after)}\nsaw  ${JSON.stringify(shown)}`);
      await t.shot("figure-typed");
    } finally {
      if (await page.locator(".tabs-container .tab", { hasText: TITLE }).count()) await wb.closeTab(TITLE);
      await wb.openFile(DRAFT);
      if (await page.locator(".tabs-container .tab.active.dirty").count()) await wb.runCommand("File: Revert File");
      await wb.showProblems();
    }
  },
};

/** Waits until the focused editor is the draft's (its tab reads `draft.md`, not `Claims: draft.md`). */
async function draftFocused(t) {
  const tab = t.page.locator(".editor-group-container.active .tabs-container .tab.active");
  let last = "";
  await t.poll(async () => (last = (await tab.innerText()).trim()).startsWith("draft.md"), () => `the draft's editor to have the focus (the focused tab reads ${JSON.stringify(last)})`);
}
