import { describe, expect, it } from "vitest";
import { markdownToPlainText } from "../../server/src/lsp/plain-text";

describe("markdownToPlainText", () => {
  it("drops headings, emphasis and hard-break spaces, and keeps the words", () => {
    const card = "### ATACMS (Army Tactical Missile System)\n\n*Tactical ballistic missile · US*\n\n- **Range:** up to 300 km  \n  “as far as 300 kilometers” — RT · *Headline* · June 2023";
    expect(markdownToPlainText(card)).toBe(
      "ATACMS (Army Tactical Missile System)\n\nTactical ballistic missile · US\n\n- Range: up to 300 km\n  “as far as 300 kilometers” — RT · Headline · June 2023",
    );
  });

  it("writes links out and undoes escapes without touching escaped characters' meaning", () => {
    expect(markdownToPlainText("[rule docs](https://example.org/rules.md#x) and snake\\_case \\*not emphasis\\*")).toBe(
      "rule docs (https://example.org/rules.md#x) and snake_case *not emphasis*",
    );
  });

  it("turns a rule between cards into a line and keeps one blank line at most", () => {
    expect(markdownToPlainText("one\n\n\n---\n\n\ntwo")).toBe("one\n\n────────\n\ntwo");
  });
});
