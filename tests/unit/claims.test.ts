/**
 * The fact-check sheet's engine API: every claim of a draft, attributed or not, with whom it
 * is attributed to, how it compares with the reference, and the rules that flag it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createChecker } from "../../server/src/core/checker";
import type { ClaimEntry } from "../../server/src/core/claims";
import { bundledReference } from "../../server/src/reference/load";
import { runs } from "./property-seed";
import { bundledChecker } from "./support";
import { drain } from "../../server/src/core/open-draft";

/** Each claim as [its text, its attribution]. */
function attributions(text: string): [string, ClaimEntry["attribution"]][] {
  return bundledChecker.claims(text).map((c) => [c.text, c.attribution]);
}

describe("attribution", () => {
  it("names the source a phrase gives: before the verb, after the lead, or after an inverted verb", () => {
    const text = [
      "Ukraine lost 4,000 troops, the Pentagon said.",
      "",
      "The defence ministry has also said 300 tanks were sent.",
      "",
      "According to the Institute for the Study of War on Monday, 1,000 troops died.",
      "",
      "Per the UN, 9 million people fled.",
      "",
      "The camp holds 2,000 people, said aid worker Olena Kovalenko.",
      "",
      "Pentagon data show 40% of the shells were fired.",
      "",
      "The UN put the toll at 10,000 people.",
      "",
      "Russia fired 70 missiles, according to the “Kyiv Independent”.",
      "",
      "“Kyiv lost 12 jets,” according to Reuters.”",
    ].join("\n");
    expect(attributions(text)).toEqual([
      ["4,000 troops", { status: "attributed", by: "the Pentagon" }],
      ["300 tanks", { status: "attributed", by: "The defence ministry" }],
      ["1,000 troops", { status: "attributed", by: "the Institute for the Study of War" }],
      ["9 million people", { status: "attributed", by: "the UN" }],
      ["2,000 people", { status: "attributed", by: "aid worker Olena Kovalenko" }],
      ["40%", { status: "attributed", by: "Pentagon data" }],
      ["10,000 people", { status: "attributed", by: "The UN" }],
      ["70 missiles", { status: "attributed", by: "the “Kyiv Independent”" }],
      ["12 jets", { status: "attributed", by: "Reuters" }],
    ]);
  });

  it("says how a claim is attributed when no words of its sentence name the source", () => {
    const text = [
      "Russia lost [120 tanks](https://example.org/tanks) in March.",
      "",
      "Kyiv lost 12 jets.[^1]",
      "",
      "The energy ministry said:",
      "",
      "- 12 substations were hit",
      "",
      "“We lost 40 tanks. We need more,” the general told reporters.",
      "",
      "[^1]: The ministry's report.",
    ].join("\n");
    expect(attributions(text)).toEqual([
      ["120 tanks", { status: "attributed", by: "a link or footnote" }],
      ["12 jets", { status: "attributed", by: "a link or footnote" }],
      ["12 substations", { status: "attributed", by: "the lead-in" }],
      ["40 tanks", { status: "attributed", by: "the quoted speaker" }],
    ]);
  });

  it("tells vague sources and unattributed claims apart, whether or not vague-attribution is on", () => {
    const text = "Officials said 20 jets arrived. Russia reportedly lost 50 tanks. Ukraine is believed to have 30 jets. Russia fired 70 missiles.";
    const expected = [
      ["20 jets", { status: "vague", by: "Officials" }],
      ["50 tanks", { status: "vague", by: "reportedly" }],
      ["30 jets", { status: "vague", by: "is believed" }],
      ["70 missiles", { status: "unattributed" }],
    ];
    expect(attributions(text)).toEqual(expected);
    const strict = createChecker({ reference: bundledReference(), options: { severities: { "vague-attribution": "information" } } });
    expect(strict.claims(text).map((c) => [c.text, c.attribution])).toEqual(expected);
  });

  it("names a phrase of the user's own by the phrase", () => {
    const checker = createChecker({ reference: bundledReference(), options: { attributionPhrases: ["by the desk's count"] } });
    expect(checker.claims("Russia fired 70 missiles by the desk's count.")[0].attribution).toEqual({ status: "attributed", by: "by the desk's count" });
  });
});

describe("specifications", () => {
  it("say whether they match the reference, conflict with it, or are not in it, with the fact and its article", () => {
    const text = "ATACMS can strike targets as far as 300 kilometers away. ATACMS can strike targets 500 km away. HIMARS rockets reach about 70 kilometers.";
    expect(bundledChecker.claims(text).map((c) => [c.kind, c.text, c.reference])).toEqual([
      ["spec", "as far as 300 kilometers", { status: "matches", system: "ATACMS", attribute: "range", fact: "up to 300 km (186 mi)", article: "RT, 2023-06" }],
      ["spec", "500 km", { status: "conflicts", system: "ATACMS", attribute: "range", fact: "up to 300 km (186 mi)", article: "RT, 2023-06" }],
      ["spec", "about 70 kilometers", { status: "not in the reference", system: "HIMARS", attribute: "range" }],
    ]);
  });

  it("an attributed spec is listed with its source and its comparison; a plain figure has no comparison", () => {
    const [spec, figure] = bundledChecker.claims("ATACMS can strike targets 500 km away, the Pentagon said. Russia fired 70 missiles.");
    expect(spec).toMatchObject({ kind: "spec", attribution: { status: "attributed", by: "the Pentagon" }, reference: { status: "conflicts" } });
    expect(figure.kind).toBe("figure");
    expect(figure).not.toHaveProperty("reference");
  });
});

describe("the list", () => {
  it("holds every claim, attributed or not, in document order, across headings, lists and tables", () => {
    const text = [
      "# 40,000 troops at the border",
      "",
      "Russia fired 70 missiles, the air force said. It also fired 50 drones.",
      "",
      "| System | Delivered |",
      "| --- | --- |",
      "| HIMARS | 20 launchers |",
      "",
      "- 12 substations were hit",
    ].join("\n");
    const claims = bundledChecker.claims(text);
    expect(claims.map((c) => c.text)).toEqual(["40,000 troops", "70 missiles", "50 drones", "20 launchers", "12 substations"]);
    expect(claims.map((c) => c.offset)).toEqual([...claims.map((c) => c.offset)].sort((a, b) => a - b));
  });

  it("covers the claim's characters in the draft, markup included; the text is as the reader sees it", () => {
    const text = "Ukraine lost **4,000**\ntroops and [more than 12 tanks](https://example.org).";
    const claims = bundledChecker.claims(text);
    expect(claims.map((c) => [c.text, text.slice(c.offset, c.offset + c.length)])).toEqual([
      ["4,000 troops", "4,000**\ntroops"],
      ["more than 12 tanks", "more than 12 tanks"],
    ]);
  });

  it("lists no claims in a draft without figures, or only in code and comments", () => {
    expect(bundledChecker.claims("The talks went on.\n\n```\n4,000 troops\n```\n\n<!-- 50 tanks -->\n")).toEqual([]);
  });

  it("carries the rules that flag each claim, at their configured severity; rules that are off flag nothing", () => {
    const text = "ATACMS can strike targets 500 km away. Russia fired 70 missiles, officials said.";
    expect(bundledChecker.claims(text).map((c) => c.flaggedBy)).toEqual([
      [
        { rule: "unattributed-spec", severity: "warning" },
        { rule: "spec-conflict", severity: "error" },
      ],
      [],
    ]);
    const configured = createChecker({ reference: bundledReference(), options: { severities: { "spec-conflict": "off", "vague-attribution": "hint" } } });
    expect(configured.claims(text).map((c) => c.flaggedBy)).toEqual([[{ rule: "unattributed-spec", severity: "warning" }], [{ rule: "vague-attribution", severity: "hint" }]]);
  });
});

describe("directives", () => {
  it("do not hide a claim: it is listed with the rules they silence on it, and those rules no longer flag it", () => {
    const text = [
      "<!-- claimlint-disable unattributed-spec -->",
      "ATACMS can strike targets 500 km away.",
      "<!-- claimlint-enable unattributed-spec -->",
      "",
      "Russia fired 40 missiles overnight. <!-- claimlint-disable-line -->",
      "",
      "Russia fired 70 missiles.",
    ].join("\n");
    expect(bundledChecker.claims(text).map((c) => [c.text, c.attribution.status, c.flaggedBy.map((f) => f.rule), c.silenced])).toEqual([
      ["500 km", "unattributed", ["spec-conflict"], ["unattributed-spec"]],
      ["40 missiles", "unattributed", [], ["unattributed-figure"]],
      ["70 missiles", "unattributed", ["unattributed-figure"], []],
    ]);
  });
});

describe("an open draft", () => {
  const BASE = [
    "# Overnight",
    "",
    "Russia launched 120 drones at Kharkiv overnight, the air force said. It fired 40 missiles too.",
    "",
    "ATACMS can strike targets 300 km away. It can also hit targets 500 km away.",
    "",
    "The energy ministry said:",
    "",
    "- 12 substations were hit",
    "- 3,000 households lost power",
    "",
    "<!-- claimlint-disable-next-line -->",
    "Kyiv lost 12 jets.",
    "",
  ].join("\n");
  const TYPED = ["4", "0", " ", "km", "said", "\n", "\n\n", "-", ":", "<!--", "-->", "“", "”", "ATACMS"];

  it("lists nothing before its first check", () => {
    expect(bundledChecker.open(undefined, true).claims()).toEqual([]);
  });

  it("an open draft not asked to list claims lists none: its checks read findings only", () => {
    const draft = bundledChecker.open();
    drain(draft.check(BASE));
    expect(bundledChecker.claims(BASE).length).toBeGreaterThan(0);
    expect(draft.claims()).toEqual([]);
  });

  it("lists after every edit exactly what a fresh reading lists", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), remove: fc.nat(12), insert: fc.constantFrom(...TYPED) }), { minLength: 1, maxLength: 8 }), (edits) => {
        const draft = bundledChecker.open(undefined, true);
        let text = BASE;
        drain(draft.check(text));
        for (const e of edits) {
          const from = e.at % (text.length + 1);
          const to = Math.min(text.length, from + e.remove);
          draft.edited({ from, to, inserted: e.insert.length });
          text = text.slice(0, from) + e.insert + text.slice(to);
          drain(draft.check(text));
          expect(draft.claims()).toEqual(bundledChecker.claims(text));
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("lists the first claims only when asked for so many, and counts them all", () => {
    const draft = bundledChecker.open(undefined, true);
    drain(draft.check(BASE));
    const all = bundledChecker.claims(BASE);
    expect(all.length).toBeGreaterThan(2);
    expect(draft.claims(2)).toEqual(all.slice(0, 2));
    expect(draft.claimCount()).toBe(all.length);
  });

  it("moves the claims after an edit by what the edit added", () => {
    const draft = bundledChecker.open(undefined, true);
    drain(draft.check(BASE));
    const before = draft.claims();
    draft.edited({ from: 0, to: 0, inserted: 3 });
    drain(draft.check("Hi " + BASE));
    expect(draft.claims().map((c) => c.offset)).toEqual(before.map((c) => c.offset + 3));
  });
});

