/**
 * Robustness smoke: odd input never throws, and every range stays inside the text.
 */
import { describe, it, expect } from "vitest";
import { createChecker } from "../../server/src/core/checker";
import type { Finding } from "../../server/src/core/finding";
import { bundledReference } from "../../server/src/reference/load";

const checker = createChecker({ reference: bundledReference(), options: { severities: { "vague-attribution": "information" } } });

/** Checks `text`, asserting every range and every fix edit lies inside it. */
function checked(text: string): Finding[] {
  const findings = checker.check(text);
  for (const f of findings) {
    expect(f.offset).toBeGreaterThanOrEqual(0);
    expect(f.length).toBeGreaterThan(0);
    expect(f.offset + f.length).toBeLessThanOrEqual(text.length);
    for (const fix of f.fixes)
      for (const e of fix.edits) {
        expect(e.offset).toBeGreaterThanOrEqual(0);
        expect(e.offset + e.length).toBeLessThanOrEqual(text.length);
      }
  }
  return findings;
}

const spans = (text: string, findings: Finding[]) => findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)]);

describe("robustness", () => {
  it.each([
    ["empty text", ""],
    ["only spaces", "   "],
    ["only blank lines and tabs", "\n\n\t\n\r\n"],
    ["a lone high surrogate", "\uD800"],
    ["a lone low surrogate", "\uDC00"],
    ["only NUL characters", "\u0000\u0000\u0000"],
    ["an unclosed fence", "```\n"],
    ["an unclosed comment", "<!-- claimlint-disable"],
    ["only front matter fences", "---\n---\n"],
  ])("%s: no findings, no throw", (_what, text) => {
    expect(checked(text)).toEqual([]);
  });

  it("a lone surrogate before a figure leaves the range on the figure", () => {
    const text = "Russia lost \uD800 300 drones near Kupiansk.";
    expect(spans(text, checked(text))).toEqual([["unattributed-figure", "300 drones"]]);
  });

  it("a lone surrogate inside the sentence end does not break the fix point", () => {
    const text = "Russia lost 300 drones \uDC00.";
    expect(spans(text, checked(text))).toEqual([["unattributed-figure", "300 drones"]]);
  });

  it("NUL characters around a figure", () => {
    const text = "Russia\u0000 lost 300 drones near Kupiansk.\u0000";
    expect(spans(text, checked(text))).toEqual([["unattributed-figure", "300 drones"]]);
  });

  it("a very long line of repeated sentences: one finding per figure, all inside the text", () => {
    const sentence = "Russia lost 300 drones near Pokrovsk and the line held. ";
    const text = sentence.repeat(2000);
    const findings = checked(text);
    expect(findings).toHaveLength(2000);
    expect(new Set(spans(text, findings).map(([r, s]) => `${r}|${s}`))).toEqual(new Set(["unattributed-figure|300 drones"]));
  });

  it("a very long word followed by a figure", () => {
    const text = "x".repeat(200_000) + " Russia lost 40 tanks.";
    expect(spans(text, checked(text))).toEqual([["unattributed-figure", "40 tanks"]]);
  });

  it("a very long run of digits does not throw", () => {
    const text = "9".repeat(5000);
    expect(() => checked(text)).not.toThrow();
  });

  it("deeply nested emphasis and brackets do not throw", () => {
    const text = "*".repeat(500) + "Russia lost 40 tanks." + "*".repeat(500) + " " + "[".repeat(1000) + "(".repeat(1000);
    expect(() => checked(text)).not.toThrow();
  });

  it("checking is repeatable: the same text gives the same findings", () => {
    const text = "Russia fired 70 missiles. ATACMS can strike targets 500 km (12 miles) away. Officials said 40 drones fell.";
    expect(checked(text)).toEqual(checked(text));
  });
});
