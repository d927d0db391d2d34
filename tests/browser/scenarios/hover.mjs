/** Hovering a weapon name shows the system's card from the reference: the range and its source. */
import { assert, assertIncludes } from "../lib/context.mjs";
import { DRAFT } from "../lib/workspace.mjs";

export default {
  name: "hover",
  title: "Hover card on ATACMS",
  async run(t) {
    const { wb } = t;
    await wb.openFile(DRAFT);
    // The card is tall: give it the editor's whole height.
    await wb.hidePanel();
    try {
      const hover = await wb.hoverWord("ATACMS");
      await hover.getByText("300 km").first().waitFor();
      const text = await hover.innerText();
      assertIncludes(text, "ATACMS", "the hover card");
      assertIncludes(text, "300 km", "the hover card");
      // The source outlet, as a word (not the "rt" of "Army" or "support").
      assert(/\bRT\b/.test(text), `the hover card should name the source RT; it reads:\n${text}`);
      await t.shot("card", { doc: "hover.png" });
    } finally {
      await wb.dismissWidgets();
      await wb.showProblems();
    }
  },
};
