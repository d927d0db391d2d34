/**
 * No draft breaks the engine. Three sources of drafts, each checked for the same promises:
 * - drafts built from a grammar of the Markdown constructs and the claim vocabulary (figures,
 *   attributions, weapon systems and their specs, quotations, directives, nesting, markup);
 * - the example draft and labelled drafts, mutated by cutting, copying and splicing in odd text;
 * - random Unicode: astral characters, lone surrogates, NUL, BOM, CR-only line ends.
 * The promises: the check never throws; every finding lies inside the text, starts and ends on
 * what it claims (the figure its message quotes) and never splits a surrogate pair; the same
 * text gives the same findings, from the same checker and a fresh one; an open draft edited
 * into the text finds what a full check finds; and a draft over the size limit is checked up
 * to the limit, with one notice there.
 *
 * `npm test` runs a fixed number of cases on a fixed seed; `npm run fuzz` runs as many as
 * asked on any seed.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createChecker } from "../../server/src/core/checker";
import { SIZE_LIMIT, type Finding } from "../../server/src/core/finding";
import { bundledReference } from "../../server/src/reference/load";
import { runs } from "./property-seed";
import { drain } from "../../server/src/core/open-draft";

const reference = bundledReference();
const options = { severities: { "vague-attribution": "information" as const } };
const checker = createChecker({ reference, options });

// ---------------------------------------------------------------------------------------------
// The grammar

const number = fc.oneof(
  fc.integer({ min: 0, max: 9_999_999 }).map(String),
  fc.integer({ min: 1000, max: 999_999 }).map((n) => n.toLocaleString("en-US")),
  fc.constantFrom("four thousand", "a dozen", "hundreds of", "4k", "1.5 million", "3.2", "half", "dozens of", "two-thirds of"),
);
const qualifier = fc.constantFrom("", "more than ", "about ", "up to ", "at least ", "nearly ", "as far as ", "some ", "roughly ");
const counted = fc.constantFrom("troops", "drones", "tanks", "civilians", "missiles", "shells", "people", "km", "kilometers", "miles", "%", "percent", "kg", "rounds");
const figure = fc.tuple(qualifier, number, fc.constantFrom(" ", "-", "\u00a0"), counted).map(([q, n, sep, c]) => `${q}${n}${c === "%" ? "" : sep}${c}`);
const conversion = fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 })).map(([a, b]) => `${a} km (${b} miles)`);
const system = fc.constantFrom("ATACMS", "HIMARS", "Storm Shadow", "Patriot", "Leopard 2", "Abrams", "the Army Tactical Missile System", "Taurus", "Kinzhal");
const spec = fc.tuple(system, fc.constantFrom(" can strike targets ", " has a range of ", " flies ", " weighs ", " carries a warhead of "), qualifier, fc.oneof(figure, conversion)).map((p) => p.join(""));
const subject = fc.constantFrom("Russia", "Ukraine's army", "The ministry", "Kyiv", "They", "It", "The Pentagon", "Officials", "NATO");
const verb = fc.constantFrom(" lost ", " fired ", " sent ", " reported ", " pledged ", " will deliver ", " said it had ");
const attribution = fc.constantFrom(
  "",
  "",
  ", according to the Ukrainian General Staff",
  ", the defence ministry said",
  ", officials said",
  ", per Reuters",
  " (citing the ISW)",
  ", said goodbye",
  ", sources told the paper",
);
const plainSentence = fc.tuple(subject, verb, figure, attribution, fc.constantFrom(".", "!", "?", "…", ".\u201d", "")).map((p) => p.join(""));
const sentence = fc.oneof(
  { weight: 4, arbitrary: plainSentence },
  { weight: 2, arbitrary: fc.tuple(spec, attribution).map(([s, a]) => `${s}${a}.`) },
  { weight: 1, arbitrary: fc.tuple(plainSentence, fc.constantFrom("the commander said", "he added")).map(([s, a]) => `\u201c${s}\u201d ${a}.`) },
  { weight: 1, arbitrary: fc.constantFrom("The line held.", "Fighting went on", "It was 2023.", "On 12 May 2024, it rained.", "Dr. Smith et al. wrote in Vol. 3.") },
);
/** Markup around a piece of a sentence, closed or not. */
const marked = fc.tuple(sentence, fc.constantFrom("", "*", "**", "_", "`", "~~", "[", "[^1]", "<b>", "$", "&amp;", "\\")).map(([s, mark]) => {
  if (mark === "" || mark === "\\") return `${mark}${s}`;
  if (mark === "[") return `[${s}](https://example.com/${s.length})`;
  if (mark === "[^1]") return `${s}[^1]`;
  if (mark === "<b>") return `<b>${s}</b>`;
  if (mark === "&amp;") return `${s} &amp; &#51;00 &nbsp;`;
  const half = s.indexOf(" ", s.length >> 1);
  return half < 0 ? `${mark}${s}` : `${s.slice(0, half)} ${mark}${s.slice(half + 1)}${mark}`;
});
const paragraph = fc.array(marked, { minLength: 1, maxLength: 4 }).map((s) => s.join(" "));
const item = fc.tuple(fc.constantFrom("- ", "* ", "+ ", "1. ", "2) ", "- [ ] "), paragraph).map(([m, p]) => m + p);
const list = fc.tuple(fc.constantFrom("", "The ministry said:\n\n", "They said:\n"), fc.array(item, { minLength: 1, maxLength: 4 })).map(([lead, items]) => lead + items.join("\n"));
const table = fc
  .tuple(fc.constantFrom("", "Losses, according to the ministry:\n\n"), fc.array(fc.tuple(fc.constantFrom("Kharkiv", "Odesa", "**Kyiv**"), figure), { minLength: 1, maxLength: 4 }))
  .map(([lead, rows]) => `${lead}| Region | Count |\n| --- | ---: |\n${rows.map(([r, f]) => `| ${r} | ${f} |`).join("\n")}`);
const heading = fc.tuple(fc.constantFrom("# ", "## ", "### ", "#### 1. ", ""), sentence).map(([h, s]) => (h ? h + s : `${s}\n===`));
const fence = fc.tuple(fc.constantFrom("```", "~~~", "    "), paragraph, fc.boolean()).map(([f, p, closed]) => (f === "    " ? `    ${p}` : `${f}\n${p}\n${closed ? f : ""}`));
const directive = fc.constantFrom(
  "<!-- claimlint-disable -->",
  "<!-- claimlint-enable -->",
  "<!-- claimlint-disable unattributed-figure -->",
  "<!-- claimlint-disable-next-line -->",
  "<!-- claimlint-disable-line spec-conflict -->",
  "<!-- claimlint-disable nonsense-rule",
  "<!-- a comment -->",
);
const html = fc.constantFrom("<div>\nRussia lost 40 tanks.\n</div>", "<details><summary>300 drones</summary>", "<br>");
const footnote = paragraph.map((p) => `[^1]: ${p}`);
const math = fc.constantFrom("$$\n300 km\n$$", "$x = 40$ tanks");
const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 6, arbitrary: paragraph },
    { weight: 2, arbitrary: list },
    { weight: 1, arbitrary: table },
    { weight: 1, arbitrary: heading },
    { weight: 1, arbitrary: fence },
    { weight: 1, arbitrary: directive },
    { weight: 1, arbitrary: html },
    { weight: 1, arbitrary: footnote },
    { weight: 1, arbitrary: math },
    { weight: 1, arbitrary: tie("block").map((b) => b.replace(/^/gm, "> ")) },
    { weight: 1, arbitrary: tie("block").map((b) => `- ${b.replace(/\n/g, "\n  ")}`) },
  ),
})).block;
const frontMatter = fc.constantFrom("", "---\ntitle: 300 drones\n---\n", "+++\ndate = 2024\n+++\n", "---\nunclosed: 4,000 troops\n");
const lineEnd = fc.constantFrom("\n", "\n", "\r\n", "\r");
const grammarDraft = fc
  .tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom("\n\n", "\n", "\n\n\n"), { minLength: 12, maxLength: 12 }), lineEnd)
  .map(([front, blocks, gaps, end]) => (front + blocks.map((b, i) => b + gaps[i]).join("")).replace(/\n/g, end));

// ---------------------------------------------------------------------------------------------
// Mutated drafts

const EXAMPLES = [
  readFileSync("examples/draft.md", "utf8"),
  ...readFileSync("tests/fixtures/heldout.jsonl", "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { doc: string }).doc),
];
/** Odd characters and Markdown that matters, spliced into drafts. */
const ODD = ["\u0000", "\uFEFF", "\r", "\n", "\r\n", "\uD800", "\uDFFF", "\u{1F4A5}", "\u2028", "\u00a0", "\u200b", "#", "> ", "- ", "*", "`", "```", "|", "[", "](", "<!--", "-->", "&#", "\\", "\u201c", ".", " 4,000 ", "km", "ATACMS"];
const oddText = fc.array(fc.constantFrom(...ODD), { minLength: 1, maxLength: 6 }).map((a) => a.join(""));

/** A change to a draft, in fractions of its length so it fits any draft. */
const mutation = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.constantFrom("delete", "insert", "copy", "replace"), oddText);

interface Edit {
  from: number;
  to: number;
  text: string;
}

/** The edits the mutations make, each on the text the ones before it left. */
function editsFor(base: string, mutations: [number, number, string, string][]): { text: string; edits: Edit[] } {
  let text = base;
  const edits: Edit[] = [];
  for (const [at, span, kind, odd] of mutations) {
    const from = Math.floor(at * text.length);
    const to = Math.min(text.length, from + Math.floor(span * text.length));
    const inserted = kind === "delete" ? "" : kind === "insert" ? odd : kind === "copy" ? text.slice(from, to) + text.slice(from, to) : odd;
    const edit = { from, to: kind === "insert" ? from : to, text: inserted };
    text = text.slice(0, edit.from) + edit.text + text.slice(edit.to);
    edits.push(edit);
  }
  return { text, edits };
}
const mutatedDraft = fc.tuple(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([base, mutations]) => ({ base, ...editsFor(base, mutations) }));

// ---------------------------------------------------------------------------------------------
// Random Unicode

const codeUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD, "\t", "  ", "300", " drones", " according to ") },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
);
const unicodeDraft = fc.array(codeUnit, { maxLength: 400, size: "max" }).map((a) => a.join(""));

// ---------------------------------------------------------------------------------------------
// The promises

/** Letters, digits and punctuation of `s`, without white space or placeholders: what a quote and its source share. */
const bare = (s: string) => s.replace(/[\s\uFFFC]/g, "");

function isSubsequence(part: string, whole: string): boolean {
  let i = 0;
  for (let j = 0; i < part.length && j < whole.length; j++) if (part[i] === whole[j]) i++;
  return i === part.length;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Every promise about one finding in `text`; returns what is wrong, or "". */
function wrongWith(f: Finding, text: string): string {
  const end = f.offset + f.length;
  if (!(f.offset >= 0 && f.length > 0 && end <= text.length)) return `range ${f.offset}+${f.length} outside 0..${text.length}`;
  if (isLow(text.charCodeAt(f.offset)) && isHigh(text.charCodeAt(f.offset - 1))) return "starts inside a surrogate pair";
  if (isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) return "ends inside a surrogate pair";
  for (const fix of f.fixes)
    for (const e of fix.edits) if (!(e.offset >= 0 && e.length >= 0 && e.offset + e.length <= text.length)) return `fix edit ${e.offset}+${e.length} outside the text`;
  if (f.rule === SIZE_LIMIT) return "";
  const covered = text.slice(f.offset, end);
  if (/^\s|\s$/.test(covered)) return `range starts or ends with white space: ${JSON.stringify(covered)}`;
  // The message quotes the figure as the reader sees it (markup gone, white space folded); the
  // range must hold it. Entities and escapes are decoded in the quote, so they are left out.
  const quote = /\u201c([^\u201d]*)\u201d/.exec(f.message)?.[1];
  if (quote === undefined) return `message quotes no figure: ${f.message}`;
  if (!/[&\\]/.test(covered) && !isSubsequence(bare(quote), bare(covered))) return `range ${JSON.stringify(covered)} does not hold the quoted ${JSON.stringify(quote)}`;
  return "";
}

/** Checks `text` and asserts every promise; returns the findings. */
function checkedSoundly(text: string): Finding[] {
  const findings = checker.check(text);
  const problems = findings.map((f) => wrongWith(f, text)).filter(Boolean);
  expect(problems, JSON.stringify(text.slice(0, 2000))).toEqual([]);
  for (let i = 1; i < findings.length; i++) expect(findings[i].offset).toBeGreaterThanOrEqual(findings[i - 1].offset);
  return findings;
}

const fresh = () => createChecker({ reference, options });


describe("fuzzing the engine", () => {
  it("grammar drafts: sound findings, the same each time", () => {
    fc.assert(
      fc.property(grammarDraft, (text) => {
        const findings = checkedSoundly(text);
        expect(checker.check(text)).toEqual(findings);
        expect(fresh().check(text)).toEqual(findings);
      }),
      { numRuns: runs(300) },
    );
  });

  it("grammar drafts produce findings of every rule (the grammar reaches the rules)", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(grammarDraft, (text) => {
        for (const f of checker.check(text)) seen.add(f.rule);
      }),
      { numRuns: 200 },
    );
    expect([...seen].sort()).toEqual(["spec-conflict", "unattributed-figure", "unattributed-spec", "unit-mismatch", "vague-attribution"]);
  });

  it("mutated drafts: sound findings, and an open draft edited into them finds the same", () => {
    fc.assert(
      fc.property(mutatedDraft, ({ base, text, edits }) => {
        const findings = checkedSoundly(text);
        const draft = checker.open({ whole: 512, afterEdit: 64 });
        drain(draft.check(base));
        for (const e of edits) draft.edited({ from: e.from, to: e.to, inserted: e.text.length });
        expect(drain(draft.check(text))).toEqual(findings);
      }),
      { numRuns: runs(200) },
    );
  });

  it("random Unicode: sound findings, the same each time", () => {
    fc.assert(
      fc.property(unicodeDraft, (text) => {
        const findings = checkedSoundly(text);
        expect(fresh().check(text)).toEqual(findings);
      }),
      { numRuns: runs(500) },
    );
  });

  it("a draft over the size limit: the part before the cut is checked as a draft of its own, and one notice marks the cut", () => {
    fc.assert(
      fc.property(grammarDraft, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (text, share) => {
        const limit = Math.max(1, Math.floor(text.length * share));
        const findings = createChecker({ reference, options: { ...options, maxDraftSize: limit } }).check(text);
        const notices = findings.filter((f) => f.rule === SIZE_LIMIT);
        expect(notices).toHaveLength(1);
        const cut = notices[0].offset;
        expect(cut).toBeLessThanOrEqual(limit);
        expect(notices[0].severity).toBe("information");
        expect(findings.filter((f) => f.rule !== SIZE_LIMIT)).toEqual(checker.check(text.slice(0, cut)));
        expect(wrongWith(notices[0], text)).toBe("");
      }),
      { numRuns: runs(150) },
    );
  });
});
