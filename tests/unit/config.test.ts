import { describe, it, expect } from "vitest";
import * as path from "node:path";
import {
  LARGEST_MAX_DRAFT_SIZE,
  defaultConfig,
  findConfigFile,
  formatConfigProblem,
  loadConfig,
  sanitizeConfig,
  toCheckOptions,
} from "../../server/src/config/config";
import { MAX_JSON_FILE_BYTES } from "../../server/src/config/json";
import { DEFAULT_MAX_DRAFT_SIZE } from "../../server/src/core/size-limit";
import schema from "../../schemas/claimlintrc.schema.json";

const CFG = "/proj/.claimlintrc.json";

/** A reader over an in-memory file system; a missing file throws like node does. */
function reader(files: Record<string, string>) {
  return (p: string) => {
    if (p in files) return files[p]!;
    throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
  };
}

describe("sanitizeConfig", () => {
  it("keeps every valid field", () => {
    const raw = {
      $schema: "./schemas/claimlintrc.schema.json",
      rules: { "spec-conflict": "warning", "vague-attribution": "information", "unit-mismatch": "off" },
      attributionPhrases: ["per the desk's tally", " by our count "],
      references: ["facts/extra.json"],
      sources: ["articles"],
    };
    const { config, problems } = sanitizeConfig(raw, CFG);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      rules: { "spec-conflict": "warning", "vague-attribution": "information", "unit-mismatch": "off" },
      attributionPhrases: ["per the desk's tally", "by our count"],
      references: ["facts/extra.json"],
      sources: ["articles"],
    });
  });

  it("gives the defaults for an empty object", () => {
    expect(sanitizeConfig({}, CFG)).toEqual({ config: defaultConfig(), problems: [] });
  });

  it("reports each invalid field and keeps the valid ones", () => {
    const raw = {
      rules: { "spec-conflict": "loud", "no-such-rule": "error", "unit-mismatch": "hint", "unattributed-figure": 2 },
      attributionPhrases: ["ok", 3, ""],
      references: "extra.json",
      colour: "red",
    };
    const { config, problems } = sanitizeConfig(raw, CFG);
    expect(config.rules).toEqual({ "unit-mismatch": "hint" });
    expect(config.attributionPhrases).toEqual(["ok"]);
    expect(config.references).toEqual([]);
    const messages = problems.map((p) => p.message);
    expect(problems.every((p) => p.path === CFG)).toBe(true);
    expect(messages).toHaveLength(7);
    expect(messages.some((m) => m.includes('"loud" is not a severity'))).toBe(true);
    expect(messages.some((m) => m.includes('unknown rule "no-such-rule"'))).toBe(true);
    expect(messages.some((m) => m.includes("number 2 is not a severity"))).toBe(true);
    expect(messages.some((m) => m.includes("attributionPhrases[1]"))).toBe(true);
    expect(messages.some((m) => m.includes("attributionPhrases[2]"))).toBe(true);
    expect(messages.some((m) => m.includes('"references" must be an array'))).toBe(true);
    expect(messages.some((m) => m.includes('unknown setting "colour"'))).toBe(true);
  });

  it("does not throw on anything that is not an object", () => {
    for (const raw of [null, 42, "x", [], undefined]) {
      const { config, problems } = sanitizeConfig(raw, CFG);
      expect(config).toEqual(defaultConfig());
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toMatch(/must be a JSON object/);
    }
  });

  it("rejects a rules value that is not an object", () => {
    const { config, problems } = sanitizeConfig({ rules: ["spec-conflict"] }, CFG);
    expect(config.rules).toEqual({});
    expect(problems[0]!.message).toMatch(/"rules" must be an object/);
  });
});

describe("loadConfig", () => {
  it("reports broken JSON with its line and column", () => {
    const text = '{\n  "rules": {\n    "spec-conflict": "error",\n  }\n}\n';
    const { config, problems } = loadConfig(CFG, reader({ [CFG]: text }));
    expect(config).toEqual(defaultConfig());
    expect(problems).toEqual([{ path: CFG, line: 4, column: 3, message: "invalid JSON: expected a property name in double quotes; the defaults are used" }]);
  });

  it("counts CR-only and CRLF line breaks in the position", () => {
    for (const nl of ["\r", "\r\n"]) {
      const { problems } = loadConfig(CFG, reader({ [CFG]: `{${nl}"rules": x${nl}}` }));
      expect(problems[0]).toMatchObject({ line: 2, column: 10 });
    }
  });

  it("reports a missing file, with no position, and gives the defaults", () => {
    const { config, problems } = loadConfig(CFG, reader({}));
    expect(config).toEqual(defaultConfig());
    expect(problems).toEqual([{ path: CFG, message: "file not found; the defaults are used" }]);
    expect(formatConfigProblem(problems[0]!)).toBe(`${CFG}: file not found; the defaults are used`);
  });

  it("resolves references and sources relative to the configuration's folder", () => {
    const text = JSON.stringify({ references: ["facts/extra.json", "../shared/more.json", "/abs/x.json"], sources: ["src"] });
    const { config, problems } = loadConfig("/proj/news/.claimlintrc.json", reader({ "/proj/news/.claimlintrc.json": text }));
    expect(problems).toEqual([]);
    expect(config.references).toEqual([
      path.resolve("/proj/news/facts/extra.json"),
      path.resolve("/proj/shared/more.json"),
      path.resolve("/abs/x.json"),
    ]);
    expect(config.sources).toEqual([path.resolve("/proj/news/src")]);
  });

  it("accepts a byte order mark, and does not count it in positions", () => {
    const text = '\uFEFF{"rules": {"spec-conflict": "off", "bogus": "error"}}';
    const { config, problems } = loadConfig(CFG, reader({ [CFG]: text }));
    expect(config.rules).toEqual({ "spec-conflict": "off" });
    expect(problems).toMatchObject([{ line: 1, column: 36, message: expect.stringContaining('unknown rule "bogus"') }]);
  });
});

describe("loadConfig: every problem at its place", () => {
  /** The problems of a configuration text, as `line:column message`. */
  const placed = (text: string) => loadConfig(CFG, reader({ [CFG]: text })).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

  it("points at each field of the wrong type, and keeps the valid ones", () => {
    const text = [
      "{",
      '  "rules": { "spec-conflict": ["error"], "unit-mismatch": "off" },',
      '  "attributionPhrases": ["by our count", 7],',
      '  "references": "facts.json",',
      '  "sources": [""],',
      '  "maxDraftSize": "20MB"',
      "}",
    ].join("\n");
    const { config } = loadConfig(CFG, reader({ [CFG]: text }));
    expect(config).toEqual({ ...defaultConfig(), rules: { "unit-mismatch": "off" }, attributionPhrases: ["by our count"] });
    expect(placed(text)).toEqual([
      '2:14 rules["spec-conflict"]: an array is not a severity (use off, hint, information, warning, error)',
      "3:42 attributionPhrases[1]: expected a non-empty string, not number 7",
      '4:3 "references" must be an array of strings, not "facts.json"',
      '5:15 sources[0]: expected a non-empty string, not ""',
      '6:3 "maxDraftSize" must be a whole number of characters from 1 to 100,000,000, not "20MB"',
    ]);
  });

  it("names the setting a misspelt key was meant to be, or lists them all", () => {
    expect(placed('{\n  "rule": {},\n  "attributionPhrase": [],\n  "maxdraftsize": 10,\n  "colour": "red"\n}')).toEqual([
      '2:3 unknown setting "rule" (did you mean "rules"?); it is ignored',
      '3:3 unknown setting "attributionPhrase" (did you mean "attributionPhrases"?); it is ignored',
      '4:3 unknown setting "maxdraftsize" (did you mean "maxDraftSize"?); it is ignored',
      '5:3 unknown setting "colour" (the settings are rules, attributionPhrases, references, sources, maxDraftSize); it is ignored',
    ]);
  });

  it("names the rule a misspelt rule id was meant to be", () => {
    const { config, problems } = loadConfig(CFG, reader({ [CFG]: '{"rules": {"unattributed-figures": "off", "vague": "off", "spec-conflict": "off"}}' }));
    expect(config.rules).toEqual({ "spec-conflict": "off" });
    expect(problems.map((p) => [p.column, p.message])).toEqual([
      [12, 'unknown rule "unattributed-figures" in "rules" (did you mean "unattributed-figure"?)'],
      [
        43,
        'unknown rule "vague" in "rules" (the rules are unattributed-figure, unattributed-spec, spec-conflict, unit-mismatch, vague-attribution, untraced-figure, figure-conflict)',
      ],
    ]);
  });

  it("reports a key given twice at its second place; the later value is the one used, as JSON.parse does", () => {
    const { config, problems } = loadConfig(CFG, reader({ [CFG]: '{\n  "rules": {"unit-mismatch": "off"},\n  "rules": {"spec-conflict": "off"}\n}' }));
    expect(config.rules).toEqual({ "spec-conflict": "off" });
    expect(problems).toMatchObject([{ line: 3, column: 3, message: '"rules" is given twice in the same object; this later one is used' }]);
  });

  it("places a configuration that is not an object at its first character", () => {
    expect(placed('\n  ["rules"]')).toEqual(["2:3 the configuration must be a JSON object, not an array"]);
  });

  it("takes a key named __proto__ as an unknown setting, not as the object's prototype", () => {
    const { config, problems } = loadConfig(CFG, reader({ [CFG]: '{"__proto__": {"rules": {"spec-conflict": "off"}}}' }));
    expect(config.rules).toEqual({});
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('unknown setting "__proto__"')]);
  });

  it.each([
    ["an empty file", ""],
    ["a file of blank lines", "\n  \n"],
    ["a byte order mark alone", "\uFEFF"],
  ])("reports %s at its top and gives the defaults", (_what, text) => {
    const { config, problems } = loadConfig(CFG, reader({ [CFG]: text }));
    expect(config).toEqual(defaultConfig());
    expect(problems).toEqual([{ path: CFG, line: 1, column: 1, message: "the file is empty; it needs a JSON object, such as {}; the defaults are used" }]);
  });

  it("refuses a text over the size limit without parsing it", () => {
    const huge = `{"attributionPhrases": [${'"x",'.repeat(MAX_JSON_FILE_BYTES / 4)}"x"]}`;
    const { config, problems } = loadConfig(CFG, reader({ [CFG]: huge }));
    expect(config).toEqual(defaultConfig());
    expect(problems).toEqual([{ path: CFG, line: 1, column: 1, message: expect.stringMatching(/^the file is larger than 4 MB/) }]);
  });

  it("turns a reader's refusals into one problem each: too large, not UTF-8, a folder, no permission", () => {
    const refusing = (code: string) => () => {
      throw Object.assign(new Error(code), { code });
    };
    const problem = (code: string) => loadConfig(CFG, refusing(code)).problems;
    expect(problem("EFBIG")).toEqual([{ path: CFG, line: 1, column: 1, message: expect.stringMatching(/^the file is larger than 4 MB.*; the defaults are used$/) }]);
    expect(problem("EILSEQ")).toEqual([{ path: CFG, line: 1, column: 1, message: "the file is not UTF-8 text (save it as UTF-8); the defaults are used" }]);
    expect(problem("EISDIR")).toEqual([{ path: CFG, message: "it is a folder, not a file; the defaults are used" }]);
    expect(problem("EACCES")).toEqual([{ path: CFG, message: "cannot read the file: permission denied; the defaults are used" }]);
  });

  it("stops at a nesting no configuration needs, without overflowing the stack", () => {
    const deep = `{"rules": ${"[".repeat(100_000)}`;
    expect(placed(deep)).toEqual(["1:74 invalid JSON: expected at most 64 levels of nesting; the defaults are used"]);
  });
});

describe("the JSON schema", () => {
  it("knows exactly the settings the loader knows, with the same limits", () => {
    const valid = { $schema: "x", rules: {}, attributionPhrases: [], references: [], sources: [], maxDraftSize: 1 };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(valid).sort());
    expect(sanitizeConfig(valid, CFG).problems).toEqual([]);
    expect(schema.properties.maxDraftSize).toMatchObject({ minimum: 1, maximum: LARGEST_MAX_DRAFT_SIZE, default: DEFAULT_MAX_DRAFT_SIZE });
  });
});

describe("maxDraftSize", () => {
  it.each([1, 5000, 20_000_000, 100_000_000])("accepts %d characters", (value) => {
    expect(sanitizeConfig({ maxDraftSize: value }, CFG)).toEqual({ config: { ...defaultConfig(), maxDraftSize: value }, problems: [] });
  });

  it.each([0, -1, 1.5, 100_000_001, Infinity, "20000000", null, true, [5000]])("rejects %j and leaves the default", (value) => {
    const { config, problems } = sanitizeConfig({ maxDraftSize: value }, CFG);
    expect(config.maxDraftSize).toBeUndefined();
    expect(toCheckOptions(config).maxDraftSize).toBeUndefined();
    expect(problems).toEqual([{ path: CFG, pointer: "/maxDraftSize", message: expect.stringMatching(/^"maxDraftSize" must be a whole number of characters from 1 to 100,000,000, not /) }]);
  });
});

describe("findConfigFile", () => {
  it("finds the nearest configuration upward", () => {
    const present = new Set([path.resolve("/proj/.claimlintrc.json"), path.resolve("/proj/a/.claimlintrc.json")]);
    const exists = (p: string) => present.has(p);
    expect(findConfigFile("/proj/a/b/c", exists)).toBe(path.resolve("/proj/a/.claimlintrc.json"));
    expect(findConfigFile("/proj/a", exists)).toBe(path.resolve("/proj/a/.claimlintrc.json"));
    expect(findConfigFile("/proj/z", exists)).toBe(path.resolve("/proj/.claimlintrc.json"));
  });

  it("stops at the root when there is none", () => {
    const asked: string[] = [];
    expect(findConfigFile("/x/y", (p) => (asked.push(p), false))).toBeUndefined();
    expect(asked).toEqual([path.resolve("/x/y/.claimlintrc.json"), path.resolve("/x/.claimlintrc.json"), path.resolve("/.claimlintrc.json")]);
  });
});

describe("toCheckOptions", () => {
  it("passes severities, phrases and the draft size limit to the engine", () => {
    const config = { ...defaultConfig(), rules: { "spec-conflict": "off" as const }, attributionPhrases: ["by our count"], maxDraftSize: 5000 };
    expect(toCheckOptions(config)).toEqual({ severities: { "spec-conflict": "off" }, attributionPhrases: ["by our count"], maxDraftSize: 5000 });
  });

  it("leaves the draft size limit to the engine's default when the file sets none", () => {
    expect(toCheckOptions(defaultConfig()).maxDraftSize).toBeUndefined();
  });
});
