/**
 * Fixes: each finding's offered edits, applied to the draft, give the sentence a careful
 * editor would write; after a fix with a real source the finding is gone on re-check.
 */
import { describe, it, expect } from "vitest";
import { createChecker } from "../../server/src/core/checker";
import type { Finding, Fix, FixKind, TextEdit } from "../../server/src/core/finding";
import { bundledReference } from "../../server/src/reference/load";

const checker = createChecker({ reference: bundledReference() });

/** Applies plain edits (offsets into the original text), last first so offsets hold. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) {
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset + e.length).toBeLessThanOrEqual(text.length);
    out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  }
  return out;
}

/** The one finding of `rule` in `text`. */
function only(text: string, rule: Finding["rule"]): Finding {
  const findings = checker.check(text).filter((f) => f.rule === rule);
  expect(findings).toHaveLength(1);
  return findings[0];
}

function fixOf(finding: Finding, kind: FixKind): Fix {
  const fix = finding.fixes.find((f) => f.kind === kind);
  expect(fix, `${finding.rule} offers a ${kind} fix`).toBeDefined();
  return fix!;
}

/** `…` in the placeholder replaced by a real source, as an editor would. */
function withSource(fix: Fix, source: string): TextEdit[] {
  const [first, ...rest] = fix.edits;
  const p = fix.placeholder!;
  const newText = first.newText.slice(0, p.offset) + source + first.newText.slice(p.offset + p.length);
  return [{ ...first, newText }, ...rest];
}

describe("Add attribution…", () => {
  it.each([
    ["before the full stop", "Russia fired 70 missiles at the grid.", "Russia fired 70 missiles at the grid, according to ….", "70 missiles"],
    ["before a question mark", "Did Russia really lose 30 jets?", "Did Russia really lose 30 jets, according to …?", "30 jets"],
    ["before the full stop and closing curly quotes", "“Russia has 600 tanks in reserve.”", "“Russia has 600 tanks in reserve, according to ….”", "600 tanks"],
    ["before closing straight quotes", '"Russia has 600 tanks in reserve."', '"Russia has 600 tanks in reserve, according to …."', "600 tanks"],
    ["at the end of a sentence with no full stop", "Nearly 800 tanks were lost", "Nearly 800 tanks were lost, according to …", "Nearly 800 tanks"],
    ["in the right sentence of several", "Kyiv was calm. Russia fired 70 missiles at the grid. Repairs began.", "Kyiv was calm. Russia fired 70 missiles at the grid, according to …. Repairs began.", "70 missiles"],
    ["after a sentence-final parenthesis, outside it", "Kyiv lost 30 jets (a third of its fleet).", "Kyiv lost 30 jets (a third of its fleet), according to ….", "30 jets"],
  ])("lands %s", (_where, text, expected, figure) => {
    const finding = checker.check(text).find((f) => text.slice(f.offset, f.offset + f.length) === figure)!;
    expect(finding?.rule).toBe("unattributed-figure");
    const fix = fixOf(finding, "add-attribution");
    expect(applyEdits(text, fix.edits)).toBe(expected);
  });

  it("marks the ellipsis as the placeholder to replace", () => {
    const fix = fixOf(only("Russia fired 70 missiles at the grid.", "unattributed-figure"), "add-attribution");
    const p = fix.placeholder!;
    expect(fix.edits[0].newText.slice(p.offset, p.offset + p.length)).toBe("…");
  });

  it("with a real source filled in, the finding is gone on re-check", () => {
    const text = "Russia fired 70 missiles at the grid overnight.";
    const fix = fixOf(only(text, "unattributed-figure"), "add-attribution");
    const fixed = applyEdits(text, withSource(fix, "Ukraine's air force"));
    expect(fixed).toBe("Russia fired 70 missiles at the grid overnight, according to Ukraine's air force.");
    expect(checker.check(fixed)).toEqual([]);
  });

  it("lands at the right place after a CRLF line and astral characters", () => {
    const text = "🇺🇦 Kyiv was calm.\r\nRussia fired 70 missiles at the grid.\r\n";
    const fix = fixOf(only(text, "unattributed-figure"), "add-attribution");
    expect(applyEdits(text, fix.edits)).toBe("🇺🇦 Kyiv was calm.\r\nRussia fired 70 missiles at the grid, according to ….\r\n");
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("lands inside a table cell, before its pipe (%s)", (_what, eol) => {
    const text = ["| City | Attack |", "| --- | --- |", "| Odesa | 50 drones |", ""].join(eol);
    const fix = fixOf(only(text, "unattributed-figure"), "add-attribution");
    expect(applyEdits(text, fix.edits)).toBe(["| City | Attack |", "| --- | --- |", "| Odesa | 50 drones, according to … |", ""].join(eol));
  });

  it("lands before the full stop when the sentence ends in emphasis", () => {
    const text = "Russia fired *70 missiles*.";
    const fix = fixOf(only(text, "unattributed-figure"), "add-attribution");
    expect(applyEdits(text, fix.edits)).toBe("Russia fired *70 missiles*, according to ….");
  });
});

describe("Attribute to the reference's source", () => {
  it("an agreeing spec offers the reference's source, preferred, and the finding is gone after it", () => {
    const text = "ATACMS can hit targets up to 300 km away.";
    const finding = only(text, "unattributed-spec");
    const fix = fixOf(finding, "attribute-to-source");
    expect(fix.preferred).toBe(true);
    expect(fix.title).toBe("Attribute to RT");
    const fixed = applyEdits(text, fix.edits);
    expect(fixed).toBe("ATACMS can hit targets up to 300 km away, according to RT.");
    expect(checker.check(fixed)).toEqual([]);
  });

  it("a conflicting spec does not offer the reference's source for its wrong value", () => {
    const finding = only("ATACMS can strike targets 500 km away.", "unattributed-spec");
    expect(finding.fixes.map((f) => f.kind)).toEqual(["add-attribution"]);
  });
});

describe("Use the reference value", () => {
  it("turns 500 km into 300 km and clears the conflict", () => {
    const text = "ATACMS can strike targets 500 km away, the Pentagon said.";
    const fix = fixOf(only(text, "spec-conflict"), "use-reference-value");
    expect(fix.title).toBe("Use the reference value (300 km)");
    const fixed = applyEdits(text, fix.edits);
    expect(fixed).toBe("ATACMS can strike targets 300 km away, the Pentagon said.");
    expect(checker.check(fixed)).toEqual([]);
  });

  it("keeps the writer's unit: 500 miles becomes the reference's mile figure", () => {
    const text = "ATACMS can strike targets 500 miles away, the Pentagon said.";
    const fix = fixOf(only(text, "spec-conflict"), "use-reference-value");
    const fixed = applyEdits(text, fix.edits);
    expect(fixed).toBe("ATACMS can strike targets 190 miles away, the Pentagon said.");
    expect(checker.check(fixed)).toEqual([]);
  });

  it("corrects the parenthetical conversion along with the value", () => {
    const text = "ATACMS can reach 500 km (311 miles), the Pentagon said.";
    const fix = fixOf(only(text, "spec-conflict"), "use-reference-value");
    const fixed = applyEdits(text, fix.edits);
    expect(fixed).toBe("ATACMS can reach 300 km (186 miles), the Pentagon said.");
    expect(checker.check(fixed)).toEqual([]);
  });

  it("replaces a number split by emphasis without touching the marks", () => {
    const text = "ATACMS can reach **500** km, the Pentagon said.";
    const fix = fixOf(only(text, "spec-conflict"), "use-reference-value");
    expect(applyEdits(text, fix.edits)).toBe("ATACMS can reach **300** km, the Pentagon said.");
  });
});

describe("Correct the conversion", () => {
  it("fixes the parenthetical and the mismatch is gone", () => {
    const text = "The convoy stretched 12 miles (12 km) along the road, the police said.";
    const fix = fixOf(only(text, "unit-mismatch"), "correct-conversion");
    const fixed = applyEdits(text, fix.edits);
    expect(fixed).toBe("The convoy stretched 12 miles (19 km) along the road, the police said.");
    expect(checker.check(fixed)).toEqual([]);
  });

  it("keeps thousands separators", () => {
    const text = "The drones climbed to 2,000 metres (1,200 feet), the air force said.";
    const fix = fixOf(only(text, "unit-mismatch"), "correct-conversion");
    const fixed = applyEdits(text, fix.edits);
    expect(fixed).toBe("The drones climbed to 2,000 metres (6,562 feet), the air force said.");
    expect(checker.check(fixed)).toEqual([]);
  });

  it("keeps the writer's decimals", () => {
    const text = "The shells are 155mm (4.2 inches) wide, the army said.";
    const fix = fixOf(only(text, "unit-mismatch"), "correct-conversion");
    expect(applyEdits(text, fix.edits)).toBe("The shells are 155mm (6.1 inches) wide, the army said.");
  });
});
