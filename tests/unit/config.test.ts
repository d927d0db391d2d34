import { describe, it, expect } from "vitest";
import * as path from "node:path";
import { defaultConfig, findConfigFile, loadConfig, sanitizeConfig, toCheckOptions } from "../../server/src/config/config";

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
    const { config, problems, parsed } = loadConfig(CFG, reader({ [CFG]: text }));
    expect(parsed).toBe(false);
    expect(config).toEqual(defaultConfig());
    expect(problems).toEqual([{ path: CFG, line: 4, column: 3, message: expect.stringMatching(/^invalid JSON/) }]);
  });

  it("counts CR-only and CRLF line breaks in the position", () => {
    for (const nl of ["\r", "\r\n"]) {
      const { problems } = loadConfig(CFG, reader({ [CFG]: `{${nl}"rules": x${nl}}` }));
      expect(problems[0]).toMatchObject({ line: 2, column: 10 });
    }
  });

  it("reports a missing file without throwing", () => {
    const { problems, parsed } = loadConfig(CFG, reader({}));
    expect(parsed).toBe(false);
    expect(problems[0]!.message).toMatch(/cannot read.*no such file/);
  });

  it("resolves references and sources relative to the configuration's folder", () => {
    const text = JSON.stringify({ references: ["facts/extra.json", "../shared/more.json", "/abs/x.json"], sources: ["src"] });
    const { config, problems, parsed } = loadConfig("/proj/news/.claimlintrc.json", reader({ "/proj/news/.claimlintrc.json": text }));
    expect(parsed).toBe(true);
    expect(problems).toEqual([]);
    expect(config.references).toEqual([
      path.resolve("/proj/news/facts/extra.json"),
      path.resolve("/proj/shared/more.json"),
      path.resolve("/abs/x.json"),
    ]);
    expect(config.sources).toEqual([path.resolve("/proj/news/src")]);
  });

  it("accepts a byte order mark and still reports field problems", () => {
    const text = '\uFEFF{"rules": {"spec-conflict": "off", "bogus": "error"}}';
    const { config, problems, parsed } = loadConfig(CFG, reader({ [CFG]: text }));
    expect(parsed).toBe(true);
    expect(config.rules).toEqual({ "spec-conflict": "off" });
    expect(problems).toHaveLength(1);
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
  it("passes severities and phrases to the engine", () => {
    const config = { ...defaultConfig(), rules: { "spec-conflict": "off" as const }, attributionPhrases: ["by our count"] };
    expect(toCheckOptions(config)).toEqual({ severities: { "spec-conflict": "off" }, attributionPhrases: ["by our count"] });
  });
});
