/**
 * No regular expression of claimlint backtracks catastrophically: recheck, a ReDoS analyser,
 * finds every one of them safe. A draft is whatever is typed into the editor, and one
 * expression that takes polynomial or exponential time on some line would stall checking.
 *
 * The expressions are found, not listed, by two routes, because neither sees them all:
 * - regular expression literals are read from the parsed source of server/src. They never
 *   go through the RegExp constructor, so running the code could not observe them;
 * - expressions built with `new RegExp(…)` exist in the source only as code that joins
 *   vocabularies, user phrases and weapon names from the reference. They are recorded as
 *   they are built: the modules that build them are loaded afresh with the constructor
 *   wrapped, then a checker is made with extra attribution phrases (some full of pattern
 *   syntax, which must come out escaped) and run on the example draft. Every constructor
 *   call in the source must have been reached, so one added elsewhere cannot go unchecked.
 *
 * recheck decides with its automaton checker where it can, which proves the worst case;
 * expressions with lookaround, or too large for it, go to its fuzzer, which searches for an
 * attack string. Any verdict but "safe" fails, "unknown" included.
 */
import { parse } from "acorn";
import { transformSync } from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { check, type Diagnostics, type Parameters } from "recheck";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formatText } from "../../server/src/cli/format-text";
import { findAttribution } from "../../server/src/core/attribution";
import { citedSources } from "../../server/src/core/cited-sources";
import { findFigures } from "../../server/src/core/figures";
import { formatNumber } from "../../server/src/core/rules/wording";
import { canEndInside } from "../../server/src/core/sentences";
import { found } from "./support";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIR = path.join(ROOT, "server/src");

/** A regular expression and where it is written or built (`server/src/…:line`). */
interface Pattern {
  source: string;
  flags: string;
  where: string;
}

/** Extra attribution phrases, with every character that means something in a pattern. */
const NASTY_PHRASES = ["(a+)+", "a** b??", "x|y{2,}", "[^.]*$", "per the desk's tally"];

/**
 * recheck's defaults, but for two things:
 * - no time limits: a verdict must not depend on how busy the machine is (a slow machine
 *   turns a slow attack into a finding), so the limits in steps decide alone;
 * - the fuzzer's attack strings are a tenth of the default length, 30,000 characters, with a
 *   hundredth of the steps: the same ratio to the square of the length, so quadratic growth
 *   is caught as before. And a seed may take 100,000 steps before it is attacked: a linear
 *   expression that reads each character a few dozen times (`[^()]{0,24}`) would otherwise
 *   be attacked again and again. Without these, the run takes minutes.
 */
const PARAMS: Parameters = {
  timeout: null,
  seedingTimeout: null,
  incubationTimeout: null,
  attackTimeout: null,
  incubationLimit: 100_000,
  maxAttackStringSize: 30_000,
  attackLimit: 15_000_000,
};

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");
const shown = (p: { source: string; flags: string }) => `/${p.source}/${p.flags}`;

/** Every node of an ESTree syntax tree, depth first. */
function* nodes(node: unknown): Generator<Record<string, any>> {
  if (Array.isArray(node)) {
    for (const child of node) yield* nodes(child);
  } else if (node && typeof node === "object" && typeof (node as { type?: unknown }).type === "string") {
    yield node as Record<string, any>;
    for (const value of Object.values(node)) if (value && typeof value === "object") yield* nodes(value);
  }
}

/** A TypeScript file as a JavaScript syntax tree: types stripped, literals as written. */
function syntaxTree(file: string) {
  const { code } = transformSync(readFileSync(file, "utf8"), { loader: "ts", target: "esnext" });
  return parse(code, { ecmaVersion: "latest", sourceType: "module" });
}

const callsRegExp = (node: Record<string, any>) =>
  (node.type === "NewExpression" || node.type === "CallExpression") && node.callee.type === "Identifier" && node.callee.name === "RegExp";

/** `file:line` where `needle` first appears in the file, for messages. */
function lineOf(file: string, needle: string): string {
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(needle);
  return at < 0 ? relative(file) : `${relative(file)}:${text.slice(0, at).split("\n").length}`;
}

/** The literals of server/src, and how many RegExp constructor calls each file makes. */
function readSource(): { literals: Pattern[]; constructorCalls: Record<string, number> } {
  const literals: Pattern[] = [];
  const constructorCalls: Record<string, number> = {};
  const files = readdirSync(SOURCE_DIR, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  for (const file of files.map((f) => path.join(SOURCE_DIR, f))) {
    for (const node of nodes(syntaxTree(file))) {
      if (node.type === "Literal" && node.regex) {
        const { pattern: source, flags } = node.regex;
        literals.push({ source, flags, where: lineOf(file, shown({ source, flags })) });
      } else if (callsRegExp(node)) {
        constructorCalls[relative(file)] = (constructorCalls[relative(file)] ?? 0) + 1;
      }
    }
  }
  return { literals, constructorCalls };
}

/** `server/src/…:line:column` of the code that called the constructor; undefined for a dependency. */
function callSite(stack: string): string | undefined {
  const caller = stack.split("\n").find((line) => line.startsWith("    at ") && !line.includes(__filename));
  const match = caller?.match(/(\/[^\s()]+):(\d+):(\d+)/);
  return match && match[1].startsWith(SOURCE_DIR) ? `${relative(match[1])}:${match[2]}:${match[3]}` : undefined;
}

/** Every expression built while `files` load afresh and a checker with NASTY_PHRASES checks the example draft. */
async function recordBuilt(files: string[]): Promise<Pattern[]> {
  const NativeRegExp = globalThis.RegExp;
  const built: Pattern[] = [];
  const record = (re: RegExp) => {
    const where = callSite(new Error().stack ?? "");
    if (where) built.push({ source: re.source, flags: re.flags, where });
    return re;
  };
  globalThis.RegExp = new Proxy(NativeRegExp, {
    construct: (target, args, newTarget) => record(Reflect.construct(target, args, newTarget)),
    apply: (target, self, args) => record(Reflect.apply(target, self, args)),
  });
  try {
    vi.resetModules();
    for (const file of files) await import(path.join(ROOT, file));
    const { createChecker } = await import("../../server/src/core/checker");
    const { bundledReference } = await import("../../server/src/reference/load");
    const checker = createChecker({ reference: bundledReference(), options: { attributionPhrases: NASTY_PHRASES } });
    checker.check(readFileSync(path.join(ROOT, "examples/draft.md"), "utf8"));
  } finally {
    globalThis.RegExp = NativeRegExp;
  }
  return built;
}

/** One of each source and flags, where it is first found. */
function distinct(patterns: Pattern[]): Pattern[] {
  return [...new Map(patterns.map((p) => [shown(p), p])).values()];
}

/** A verdict other than safe as a failure reads: the place, the pattern, and the attack string or the error. */
function verdict(p: Pattern, d: Exclude<Diagnostics, { status: "safe" }>): string {
  const detail = d.status === "vulnerable" ? `${d.complexity.summary}, attack: ${d.attack.pattern}` : `unknown, ${JSON.stringify(d.error)}`;
  return `${p.where} ${shown(p)}: ${detail}`;
}

describe("every regular expression is safe from catastrophic backtracking", () => {
  const { literals, constructorCalls } = readSource();
  let built: Pattern[] = [];

  beforeAll(async () => {
    built = await recordBuilt(Object.keys(constructorCalls));
  });

  it("finds the literals and the expressions built at run time, from every constructor call", () => {
    expect(literals.length).toBeGreaterThanOrEqual(100);
    expect(distinct(built).length).toBeGreaterThanOrEqual(15);
    const reached: Record<string, number> = {};
    for (const site of new Set(built.map((p) => p.where))) {
      const file = site.replace(/:\d+:\d+$/, "");
      reached[file] = (reached[file] ?? 0) + 1;
    }
    // A constructor call not reached needs a line in recordBuilt that makes it build.
    expect(reached).toEqual(constructorCalls);
    // Each phrase was compiled, and matches as written: its pattern syntax was escaped.
    for (const phrase of NASTY_PHRASES) {
      const matchesAsWritten = built.some((p) => new RegExp(p.source, p.flags).exec(`x ${phrase} y`)?.[0] === phrase);
      expect(matchesAsWritten, phrase).toBe(true);
    }
  });

  it("recheck finds each one safe", { timeout: 180_000 }, async () => {
    const patterns = distinct([...literals, ...built]);
    const failures: string[] = [];
    // One at a time: recheck's native analyser answers one request at a time anyway.
    for (const p of patterns) {
      const d = await check(p.source, p.flags, PARAMS);
      if (d.status !== "safe") failures.push(verdict(p, d));
    }
    expect(failures).toEqual([]);
  });

  it("recheck, so configured, reports expressions that do backtrack (as these did before they were rewritten)", async () => {
    const before = [
      // Automaton checker: a run of sentence terminals not at the end, tried from each one.
      { source: String.raw`[\p{Sentence_Terminal}.\u2024\uFE52\uFF0E]+["”’')\]]*\s*$`, flags: "u" },
      // Fuzzer (lookahead): `limit` and a long tail with a full stop at its end.
      {
        source: String.raw`(?:restrict\w*|limit\w*|only\s+(?:within|at|up\s+to|as\s+far\s+as|to)|no\s+further\s+than|not\s+beyond|capped|allowed\s+to|permitted\s+to|authori[sz]ed\s+to)(?![\p{L}])[^.;]*$`,
        flags: "iu",
      },
    ];
    for (const p of before) {
      const d = await check(p.source, p.flags, PARAMS);
      expect(d.status, shown(p)).toBe("vulnerable");
    }
  });
});

describe("the rewritten expressions match as before", () => {
  it("a message's line breaks, with the white space around them, become one space", () => {
    const result = (message: string) => ({
      file: "d.md",
      checked: true,
      diagnostics: [{ rule: "unattributed-figure" as const, severity: "warning" as const, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
    });
    expect(formatText([result("First line \r\n\t second line\n\nthird   line")])).toContain("  First line second line third   line  ");
  });

  it("numbers lose trailing zeros of their decimals only", () => {
    expect([formatNumber(2.5, 2), formatNumber(1.05, 2), formatNumber(3, 2), formatNumber(0.1, 3), formatNumber(10.001, 3)]).toEqual(["2.5", "1.05", "3", "0.1", "10.001"]);
  });

  it("a text's own ending is not a sentence end inside it", () => {
    expect(canEndInside("Troops advanced.")).toBe(false);
    expect(canEndInside("Troops advanced?!”) ")).toBe(false);
    expect(canEndInside("Troops advanced... ")).toBe(false);
    expect(canEndInside("Dr. Smith said so.")).toBe(true);
    expect(canEndInside("It failed!! Then it flew.")).toBe(true);
  });

  it("a conversion in brackets, with or without a qualifier and spaces", () => {
    const conversion = (text: string) => findFigures(text).map((f) => [text.slice(f.start, f.end), f.conversion?.value]);
    expect(conversion("a range of 300 kilometers (186 miles) or so")).toEqual([["300 kilometers (186 miles)", 186]]);
    expect(conversion("a range of 300 kilometers ( about  186 miles ) or so")).toEqual([["300 kilometers ( about  186 miles )", 186]]);
    expect(conversion("a range of 300 kilometers (more than 186 miles)")).toEqual([["300 kilometers (more than 186 miles)", 186]]);
    expect(conversion("a range of 300 kilometers (about)")).toEqual([["300 kilometers", undefined]]);
  });

  it("a restriction on use before a figure, unless a full stop or semicolon comes between", () => {
    expect(found("HIMARS were supplied with a range limited to 50 miles.")).toEqual([["unattributed-figure", "50 miles"]]);
    expect(found("HIMARS use is capped at 50 miles.")).toEqual([["unattributed-figure", "50 miles"]]);
    expect(found("Use was restricted in May; HIMARS can hit targets 50 miles away.")).toEqual(found("In May HIMARS can hit targets 50 miles away."));
  });

  it("people familiar with up to 40 characters of something, as a vague source", () => {
    const kind = (text: string) => findAttribution(text)?.kind;
    expect(kind("People familiar with the plans said 40 tanks were lost.")).toBe("vague");
    expect(kind("People familiar with the matter have told reporters 40.")).toBe("vague");
    expect(kind("People familiar with the talks between the two capitals and allies said 40.")).toBe("named");
  });

  it("a name is a source only with a verb of saying after it", () => {
    expect(citedSources("The Ministry of Defence said 40. Reuters reported 50. The Institute for the Study of War said 60.")).toEqual([
      "the Ministry of Defence",
      "Reuters",
      "the Institute for the Study of War",
    ]);
    expect(citedSources("BREAKING NEWS FROM THE FRONT. Reuters said 40. Kyiv And Moscow disagree.")).toEqual(["Reuters"]);
    expect(citedSources("On Monday the Pentagon said 40.")).toEqual(["the Pentagon"]);
  });
});
