/**
 * The weapon-name injection grammar (syntaxes/claimlint-weapons.tmLanguage.json) colours
 * exactly what the engine recognises as a weapon system: it is generated from the reference,
 * and its pattern finds the same spans as server/src/core/weapons.ts, both when JavaScript
 * runs it and when VS Code's own engine (vscode-textmate on Oniguruma) does.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, Registry, type IGrammar, type IRawGrammar } from "vscode-textmate";
import { GRAMMAR_FILE, WEAPON_SCOPE, weaponGrammar, weaponGrammarText } from "../../scripts/weapon-grammar.mjs";
import { createWeaponMatcher } from "../../server/src/core/weapons";
import { bundledReference } from "../../server/src/reference/load";

type Span = [start: number, end: number];

const reference = bundledReference();
const matcher = createWeaponMatcher(reference);
const committed = JSON.parse(readFileSync(GRAMMAR_FILE, "utf8"));
const pattern = new RegExp(committed.patterns[0].match, "gu");
const allNames = reference.systems.flatMap((s) => [s.name, ...s.aliases]);

const engineSpans = (text: string): Span[] => matcher.find(text).map((m) => [m.start, m.end]);
const grammarSpans = (text: string): Span[] => [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
const texts = (text: string, spans: Span[]) => spans.map(([s, e]) => text.slice(s, e));

/** Every name and alias in running text, with plurals, possessives and near-misses. */
const SENTENCES = [
  "Kyiv asked for ATACMS, the Army Tactical Missile System (MGM-140), and more Army Tactical Missile Systems.",
  "HIMARS, also the M142 or High Mobility Artillery Rocket System, and two High Mobility Artillery Rocket Systems.",
  "Storm Shadow, sold as SCALP-EG or SCALP, and the Storm Shadows’ range.",
  "The F-16 Fighting Falcon, the F-16s, a Fighting Falcon, a Fighting Falcon's wing and the F-16’s radar.",
  "M1 Abrams tanks: the Abrams, the M1A1 and the M1A2; the Abrams’s gun, the Abrams's crew.",
  "The Patriot air-defense system, MIM-104, the Patriots and the Patriot's radar.",
  "Names at the edges:\tPatriot.\nF-16",
  "Spacing inside names: the High  Mobility\tArtillery Rocket System and the Storm\u00a0Shadow.",
  "Near-misses: patriots rallied, HIMARSX, F-160, XF-16, SCALPEL, M1425, AbramsX, 2ATACMS, éF-16, the abrams.",
];

describe("the committed grammar", () => {
  it("is what the generator makes from the reference (run `npm run build` if not)", () => {
    expect(readFileSync(GRAMMAR_FILE, "utf8")).toBe(weaponGrammarText(reference));
  });

  it("injects weapon names into Markdown prose under one scope", () => {
    expect(committed.scopeName).toBe("claimlint.weapons.injection");
    expect(committed.injectionSelector).toMatch(/^L:text\.html\.markdown /);
    expect(committed.patterns).toEqual([{ match: expect.any(String), name: "entity.name.type.weapon.claimlint" }]);
  });

  it("has no pattern for a reference without systems", () => {
    expect(weaponGrammar({ systems: [] }).patterns).toEqual([]);
  });
});

describe("the pattern, run by JavaScript, finds what the engine finds", () => {
  it.each(SENTENCES)("%s", (text) => {
    expect(grammarSpans(text)).toEqual(engineSpans(text));
  });

  it("the sentences name every system, ending and spacing", () => {
    const found = SENTENCES.flatMap((t) => texts(t, grammarSpans(t)));
    for (const name of allNames) expect(found).toContain(name);
    expect(found).toEqual(expect.arrayContaining(["Storm Shadows", "F-16s", "Abrams’s", "Patriot's", "High  Mobility\tArtillery Rocket System", "Storm\u00a0Shadow"]));
  });

  it("near-misses are no weapons", () => {
    const text = SENTENCES.at(-1)!;
    expect(grammarSpans(text)).toEqual([]);
    expect(engineSpans(text)).toEqual([]);
  });

  it.each(allNames)("matches all of %s", (name) => {
    const text = `Officials said the ${name} arrived.`;
    const start = text.indexOf(name);
    expect(grammarSpans(text)).toEqual([[start, start + name.length]]);
  });
});

/**
 * A few rules under the scope names of VS Code's built-in Markdown grammar, enough to host
 * the injection: the real grammar is not an npm package, and its prose is plain text anyway.
 */
const MARKDOWN_STAND_IN = {
  scopeName: "text.html.markdown",
  patterns: [
    { begin: "^(`{3,})", end: "^\\1\\s*$", name: "markup.fenced_code.block.markdown" },
    { begin: "^( {4}|\\t)", while: "^( {4}|\\t)", name: "markup.raw.block.markdown" },
    { match: "`[^`]+`", name: "markup.inline.raw.string.markdown" },
    { begin: "<!--", end: "-->", name: "comment.block.html" },
  ],
} as unknown as IRawGrammar;

describe("in VS Code's engine (vscode-textmate on Oniguruma)", () => {
  let markdown: IGrammar;

  beforeAll(async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve("vscode-oniguruma/release/onig.wasm"));
    await oniguruma.loadWASM(wasm);
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === "text.html.markdown" ? MARKDOWN_STAND_IN : scopeName === committed.scopeName ? committed : null,
      // What `injectTo` in package.json tells VS Code.
      getInjections: (scopeName) => (scopeName === "text.html.markdown" ? [committed.scopeName] : undefined),
    });
    markdown = (await registry.loadGrammar("text.html.markdown"))!;
  });

  /** The weapon texts on each line of a Markdown document. */
  function weaponsPerLine(document: string): string[][] {
    let state = INITIAL;
    return document.split("\n").map((line) => {
      const { tokens, ruleStack } = markdown.tokenizeLine(line, state);
      state = ruleStack;
      return tokens.filter((t) => t.scopes.includes(WEAPON_SCOPE)).map((t) => line.slice(t.startIndex, t.endIndex));
    });
  }

  it.each(SENTENCES.filter((s) => !s.includes("\n")))("finds what the engine finds: %s", (text) => {
    expect(weaponsPerLine(text)).toEqual([texts(text, engineSpans(text))]);
  });

  it("marks prose but not code or comments", () => {
    const document = [
      "Kyiv wants ATACMS and F-16s.",
      "```text",
      "ATACMS in a fenced block",
      "```",
      "    HIMARS in an indented block",
      "Inline `HIMARS` code, then HIMARS in prose.",
      "<!-- Storm Shadow --> Storm Shadow in prose.",
    ].join("\n");
    expect(weaponsPerLine(document)).toEqual([["ATACMS", "F-16s"], [], [], [], [], ["HIMARS"], ["Storm Shadow"]]);
  });
});
