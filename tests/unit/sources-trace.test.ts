/**
 * Tracing a draft's figures to the writer's own sources: the same quantity however it is
 * written, qualifiers respected, the same thing counted; and the rules and the quick fix
 * that come of it, each shown both ways.
 */
import { describe, expect, it } from "vitest";
import { createAnalyser } from "../../server/src/core/analysis";
import { createChecker, type Checker } from "../../server/src/core/checker";
import type { Finding, TextEdit } from "../../server/src/core/finding";
import { readDocumentProse } from "../../server/src/core/markdown/document";
import { buildSourceIndex, type SourceDocument } from "../../server/src/core/sources/source-index";
import { traceClaim } from "../../server/src/core/sources/trace";
import { bundledReference } from "../../server/src/reference/load";
import { bundledChecker } from "./support";
import { drain } from "../../server/src/core/open-draft";

const reference = bundledReference();
const analyser = createAnalyser(reference, []);
const sourcesOf = (...documents: SourceDocument[]) => buildSourceIndex(documents, reference);
const checkerWith = (...documents: SourceDocument[]) => createChecker({ reference, sources: sourcesOf(...documents) });

/** How the first figure of `draft` traces to a source document holding `source`. */
function status(draft: string, source: string): string {
  const [claim] = analyser.claimsIn(readDocumentProse(draft));
  expect(claim, `a figure in ${JSON.stringify(draft)}`).toBeDefined();
  return traceClaim(claim, sourcesOf({ file: "source.txt", text: source })).status;
}

/** Each finding as [rule, the text it covers]. */
function found(checker: Checker, text: string): [string, string][] {
  return checker.check(text).map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)]);
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((out, e) => out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length), text);
}

describe("the same quantity after normalisation", () => {
  const source = "Ukraine lost 4,000 troops in the battle for the town.";

  it.each(["4,000 troops", "four thousand troops", "4k troops", "4 thousand troops", "4000 troops", "4,000 soldiers", "4,000 Ukrainian troops"])("%s traces to 4,000 troops", (figure) => {
    expect(status(`They lost ${figure}.`, source)).toBe("traced");
  });

  it.each(["4,001 troops", "40,000 troops", "four hundred troops", "4,000 tanks", "4,000 civilians"])("%s does not", (figure) => {
    expect(status(`They lost ${figure}.`, source)).toBe("untraced");
  });

  it.each(["186 miles", "190 miles", "300 kilometres", "300,000 meters", "about 300 km"])("%s traces to 300 km, units converted", (distance) => {
    expect(status(`The missile flies ${distance}.`, "The missile flies 300 km.")).toBe("traced");
  });

  it.each(["250 miles", "300 miles", "310 kilometers"])("%s does not trace to 300 km", (distance) => {
    expect(status(`The missile flies ${distance}.`, "The missile flies 300 km.")).toBe("untraced");
  });

  it("matches a value to the source's parenthetical conversion too", () => {
    expect(status("It flies 190 miles.", "It flies 305 kilometers (190 miles).")).toBe("traced");
  });

  it.each(["$61 billion", "61 billion dollars", "$61bn", "US$61 billion"])("%s traces to $61 billion", (money) => {
    expect(status(`Congress approved ${money} in aid.`, "Congress approved $61 billion in aid.")).toBe("traced");
  });

  it("does not trace an amount in another currency", () => {
    expect(status("Congress approved €61 billion in aid.", "Congress approved $61 billion in aid.")).toBe("untraced");
  });

  it("traces a count in words by its words (`dozens of`), not by a value it lacks", () => {
    expect(status("Russia lost dozens of tanks.", "Kyiv says dozens of tanks were hit.")).toBe("traced");
    expect(status("Russia lost hundreds of tanks.", "Kyiv says dozens of tanks were hit.")).toBe("untraced");
  });
});

describe("qualifiers respected", () => {
  const source = "Kyiv's army has lost more than 4,000 troops in failed assaults near Bakhmut this week.";

  it("traces the same bound, however it is worded", () => {
    expect(status("Ukraine lost more than 4,000 troops in failed assaults near Bakhmut.", source)).toBe("traced");
    expect(status("Ukraine lost over four thousand troops in failed assaults near Bakhmut.", source)).toBe("traced");
  });

  it("does not trace a figure that drops the bound, nor call it a conflict: 4,000 is where the source's range starts", () => {
    expect(status("Ukraine lost 4,000 troops in failed assaults near Bakhmut this week.", source)).toBe("untraced");
  });

  it("reads `more than 4,000` as short of 5,000: 4,500 is neither traced nor a conflict, 5,000 and 3,000 conflict", () => {
    expect(status("Ukraine lost 4,500 troops in failed assaults near Bakhmut this week.", source)).toBe("untraced");
    expect(status("Ukraine lost 5,000 troops in failed assaults near Bakhmut this week.", source)).toBe("conflict");
    expect(status("Ukraine lost 3,000 troops in failed assaults near Bakhmut this week.", source)).toBe("conflict");
    expect(status("Ukraine lost more than 5,000 troops in failed assaults near Bakhmut this week.", source)).toBe("conflict");
  });

  it("takes an approximate value as the figure it rounds (`about 4,000` for `4,000`), but not as a bound", () => {
    expect(status("Ukraine lost about 4,000 troops.", "Ukraine lost 4,000 troops.")).toBe("traced");
    expect(status("Ukraine lost about 4,000 troops in failed assaults near Bakhmut this week.", source)).toBe("untraced");
  });

  it("reads a maximum as the spec contract does: `nearly 190 miles` = `as far as 300 km` = a range of 300 km", () => {
    const atacms = "ATACMS reaches targets as far as 300 kilometers away.";
    expect(status("ATACMS has a range of nearly 190 miles.", atacms)).toBe("traced");
    expect(status("ATACMS can strike 300 km away.", atacms)).toBe("traced");
    expect(status("ATACMS can strike targets at least 300 km away.", atacms)).toBe("untraced");
  });

  it("never matches a spec of one system with another's", () => {
    expect(status("Storm Shadow can strike targets up to 300 km away.", "ATACMS can strike targets up to 300 km away.")).toBe("untraced");
  });
});

describe("untraced-figure and figure-conflict", () => {
  const seedLike = {
    file: "sources/moscow.txt",
    text: "Frontline report\n\nKyiv's army has lost more than 4,000 troops and dozens of tanks in failed assaults near Bakhmut this week, according to the Russian Defense Ministry. (RT)\n",
  };
  const checker = checkerWith(seedLike);

  it("traced: no untraced-figure, and the unattributed figure cites the source figure", () => {
    const draft = "Ukraine lost more than 4,000 troops in failed assaults near Bakhmut.";
    expect(found(checker, draft)).toEqual([["unattributed-figure", "more than 4,000 troops"]]);
    const [finding] = checker.check(draft);
    expect(finding.message).toContain("Your source has it: “more than 4,000 troops” (sources/moscow.txt:3, according to the Russian Defense Ministry).");
    expect(finding.traces).toEqual([expect.objectContaining({ file: "sources/moscow.txt", line: 3, text: "more than 4,000 troops" })]);
  });

  it("invented: an unattributed figure no source gives is untraced-figure, at Information", () => {
    const draft = "Russia has massed 12,000 troops near Kharkiv.";
    expect(found(checker, draft)).toEqual([
      ["unattributed-figure", "12,000 troops"],
      ["untraced-figure", "12,000 troops"],
    ]);
    const untraced = checker.check(draft).find((f) => f.rule === "untraced-figure")!;
    expect(untraced.severity).toBe("information");
    expect(untraced.message).toBe("“12,000 troops”: none of your sources gives this figure.");
  });

  it("an attributed figure is not untraced-figure, whatever the sources hold", () => {
    expect(found(checker, "Russia has massed 12,000 troops near Kharkiv, Kyiv said.")).toEqual([]);
  });

  it("untraced, it names the nearest figure of the same thing about the same event", () => {
    const draft = "Kyiv's army has lost 4,500 troops in failed assaults near Bakhmut this week.";
    const untraced = checker.check(draft).find((f) => f.rule === "untraced-figure")!;
    expect(untraced.message).toContain("The nearest: “more than 4,000 troops” (sources/moscow.txt:3");
  });

  it("altered: the same thing counted for the same event with another value is figure-conflict, naming the file and line", () => {
    const draft = "Ukraine lost 5,000 troops in failed assaults near Bakhmut this week, according to the Russian Defense Ministry.";
    expect(found(checker, draft)).toEqual([["figure-conflict", "5,000 troops"]]);
    const [conflict] = checker.check(draft);
    expect(conflict.severity).toBe("warning");
    expect(conflict.message).toBe("“5,000 troops” disagrees with your source: “more than 4,000 troops” (sources/moscow.txt:3, according to the Russian Defense Ministry).");
    expect(conflict.traces).toEqual([expect.objectContaining({ file: "sources/moscow.txt", line: 3 })]);
  });

  it("another event: the same thing counted with another value in an unrelated sentence is no conflict", () => {
    expect(found(checker, "Russia has 5,000 troops stationed in Belarus, Minsk said.")).toEqual([]);
  });

  it("another thing counted: the same event with another value of something else is no conflict", () => {
    const draft = "Ukraine lost 5,000 drones in failed assaults near Bakhmut this week, the ministry said.";
    expect(found(checker, draft)).toEqual([]);
  });

  it("distances and sums in the same story are no conflict: only a spec says what a measurement measures", () => {
    const story = checkerWith({
      file: "kharkiv.txt",
      text: "Russian artillery shelled Kharkiv from 40 kilometers away on Tuesday, the regional governor said, after a $300 million aid package for the city's defences.\n",
    });
    expect(found(story, "Kharkiv, a city 30 kilometers from the border, was shelled on Tuesday, the regional governor said.")).toEqual([]);
    expect(found(story, "The city's defences got a $2 billion aid package after Kharkiv was shelled on Tuesday, the regional governor said.")).toEqual([]);
    // A spec of the same system and attribute does say it.
    const specs = checkerWith({ file: "storm.txt", text: "Storm Shadow missiles strike targets 250 kilometers away from their launch aircraft, the British defence ministry said.\n" });
    expect(found(specs, "Storm Shadow missiles strike targets 400 kilometers away from their launch aircraft, the British defence ministry said.").map(([rule]) => rule)).toContain("figure-conflict");
  });

  it("reads a ton or a gallon in every unit it may be: 1,000 short tons are 907 tonnes", () => {
    const source = "The convoy delivered 907 tonnes of fuel and 4,546 litres of water to Kherson this week, officials said.";
    expect(status("The convoy delivered 1,000 tons of fuel to Kherson this week.", source)).toBe("traced");
    expect(status("The convoy delivered 1,000 gallons of water to Kherson this week.", source)).toBe("traced");
    expect(status("The convoy delivered 2,000 tons of fuel to Kherson this week.", source)).not.toBe("traced");
  });

  it("names at most three of the source figures a value disagrees with", () => {
    const copy = (i: number) => ({ file: `wire-${i}.txt`, text: "Kyiv's army has lost more than 4,000 troops in failed assaults near Bakhmut this week, according to the Russian Defense Ministry.\n" });
    const wire = checkerWith(...[1, 2, 3, 4, 5].map(copy));
    const [conflict] = wire.check("Ukraine lost 5,000 troops in failed assaults near Bakhmut this week, according to the Russian Defense Ministry.");
    expect(conflict.rule).toBe("figure-conflict");
    expect(conflict.message.match(/wire-\d\.txt/g)).toEqual(["wire-1.txt", "wire-2.txt", "wire-3.txt"]);
    expect(conflict.message).toMatch(/; and 2 more\.$/);
  });

  it("a spec that disagrees with the reference is spec-conflict alone, not also figure-conflict", () => {
    const checker = checkerWith({ file: "a.txt", text: "ATACMS reaches targets as far as 300 kilometers away, the Pentagon said." });
    expect(found(checker, "ATACMS reaches targets as far as 500 kilometers away, the Pentagon said.")).toEqual([["spec-conflict", "as far as 500 kilometers"]]);
  });

  it("without sources neither rule fires, on the very drafts that fire them with sources", () => {
    for (const draft of ["Russia has massed 12,000 troops near Kharkiv.", "Ukraine lost 5,000 troops in failed assaults near Bakhmut this week, according to the Russian Defense Ministry."]) {
      const rules = bundledChecker.check(draft).map((f) => f.rule);
      expect(rules).not.toContain("untraced-figure");
      expect(rules).not.toContain("figure-conflict");
      expect(checker.check(draft).some((f) => f.rule === "untraced-figure" || f.rule === "figure-conflict")).toBe(true);
    }
  });

  it("is silenced like any rule: off in the options, or by a directive", () => {
    const off = createChecker({ reference, options: { severities: { "untraced-figure": "off", "figure-conflict": "off" } }, sources: sourcesOf(seedLike) });
    expect(found(off, "Russia has massed 12,000 troops near Kharkiv, Kyiv said. Ukraine lost 5,000 troops in failed assaults near Bakhmut this week, Kyiv said.")).toEqual([]);
    expect(found(checker, "<!-- claimlint-disable untraced-figure -->\nRussia has massed 12,000 troops near Kharkiv.")).toEqual([["unattributed-figure", "12,000 troops"]]);
  });

  it("gives an open draft the same findings after an edit as a fresh check", () => {
    const before = "Intro.\n\nRussia has massed 12,000 troops near Kharkiv.\n";
    const after = before.replace("12,000", "more than 4,000").replace("near Kharkiv", "in failed assaults near Bakhmut this week");
    const draft = checker.open();
    const run = (text: string) => drain(draft.check(text));
    run(before);
    const from = before.indexOf("Russia");
    draft.edited({ from, to: before.length - 1, inserted: after.length - 1 - from });
    expect(run(after)).toEqual(checker.check(after));
    expect(run(after).map((f) => f.rule)).toEqual(["unattributed-figure"]);
  });
});

describe("Attribute as the source does", () => {
  const draft = "Ukraine lost more than 4,000 troops in failed assaults near Bakhmut.";
  const attributeFix = (finding: Finding) => finding.fixes.find((f) => f.kind === "attribute-to-source");

  it("attributes as the source does and names the outlet the document names", () => {
    const checker = checkerWith({ file: "rt.txt", text: "Kyiv's army has lost more than 4,000 troops, according to the Russian Defense Ministry. (RT)\n" });
    const [finding] = checker.check(draft);
    const fix = attributeFix(finding)!;
    expect(fix).toMatchObject({ title: "Attribute as the source does: according to the Russian Defense Ministry, as reported by RT", preferred: true });
    const fixed = applyEdits(draft, fix.edits);
    expect(fixed).toBe("Ukraine lost more than 4,000 troops in failed assaults near Bakhmut, according to the Russian Defense Ministry, as reported by RT.");
    expect(checker.check(fixed)).toEqual([]);
  });

  it("attributes as the source does where the document names no outlet", () => {
    const checker = checkerWith({ file: "notes.txt", text: "Kyiv's army has lost more than 4,000 troops, according to the Russian Defense Ministry.\n" });
    const fix = attributeFix(checker.check(draft)[0])!;
    expect(applyEdits(draft, fix.edits)).toBe("Ukraine lost more than 4,000 troops in failed assaults near Bakhmut, according to the Russian Defense Ministry.");
  });

  it("names the outlet alone where the source attributes the figure to no one", () => {
    const checker = checkerWith({ file: "wire.txt", text: "Outlet: Reuters\n\nKyiv's army has lost more than 4,000 troops.\n" });
    const fix = attributeFix(checker.check(draft)[0])!;
    expect(fix.edits[0].newText).toBe(", according to Reuters");
  });

  it("is not offered when the source names neither a source nor an outlet, nor for a figure no source gives", () => {
    const silent = checkerWith({ file: "notes.txt", text: "Kyiv's army has lost more than 4,000 troops.\n" });
    expect(attributeFix(silent.check(draft)[0])).toBeUndefined();
    const checker = checkerWith({ file: "rt.txt", text: "Kyiv's army has lost more than 4,000 troops, according to the Russian Defense Ministry. (RT)\n" });
    expect(attributeFix(checker.check("Ukraine lost 9,000 troops in failed assaults near Bakhmut.")[0])).toBeUndefined();
  });

  it("is offered on an unattributed spec the sources give, beside the reference's own source", () => {
    const checker = checkerWith({ file: "notes.txt", text: "Source: Reuters\n\nATACMS reaches targets as far as 300 kilometers away, the Pentagon said.\n" });
    const finding = checker.check("ATACMS can hit targets up to 300 km away.").find((f) => f.rule === "unattributed-spec")!;
    expect(finding.fixes.map((f) => f.title)).toEqual(["Attribute to RT", "Attribute as the source does: according to the Pentagon, as reported by Reuters", "Add attribution…"]);
  });
});
