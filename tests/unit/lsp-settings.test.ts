import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../server/src/config/config";
import { checkOptionsFor } from "../../server/src/lsp/project";
import { defaultSettings, readSettings } from "../../server/src/lsp/settings";

describe("readSettings", () => {
  it("gives the defaults for a missing section", () => {
    expect(readSettings(undefined)).toEqual({ settings: defaultSettings(), problems: [] });
    expect(readSettings(null).settings).toEqual(defaultSettings());
  });

  it("keeps every valid value", () => {
    const { settings, problems } = readSettings({
      enable: false,
      run: "onSave",
      rules: { "spec-conflict": "warning", "vague-attribution": "information" },
      attributionPhrases: [" per the desk's tally ", ""],
      references: ["facts/extra.json"],
      sources: ["notes/**/*.txt", " wires "],
      maxDraftSize: 5000,
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      enable: false,
      run: "onSave",
      rules: { "spec-conflict": "warning", "vague-attribution": "information" },
      attributionPhrases: ["per the desk's tally"],
      references: ["facts/extra.json"],
      sources: ["notes/**/*.txt", "wires"],
      maxDraftSize: 5000,
    });
  });

  it("takes sources as a list of strings only", () => {
    expect(readSettings({ sources: "notes" })).toEqual({ settings: defaultSettings(), problems: ["claimlint.sources must be a list of strings"] });
    expect(readSettings({ sources: ["notes", 3] }).settings.sources).toEqual([]);
  });

  it("takes a maxDraftSize of null as not set, and reports a wrong one like .claimlintrc.json does", () => {
    expect(readSettings({ maxDraftSize: null })).toEqual({ settings: defaultSettings(), problems: [] });
    for (const wrong of [0, 2.5, "20MB", 100_000_001]) {
      const { settings, problems } = readSettings({ maxDraftSize: wrong });
      expect(settings.maxDraftSize).toBeUndefined();
      expect(problems).toEqual([expect.stringMatching(/^claimlint\.maxDraftSize must be a whole number of characters from 1 to 100,000,000, not /)]);
    }
  });

  it("names the rule a misspelt rule id was meant to be", () => {
    expect(readSettings({ rules: { "unit-missmatch": "off" } }).problems).toEqual(['claimlint.rules: unknown rule "unit-missmatch" (did you mean "unit-mismatch"?)']);
  });

  it("replaces each invalid value by its default and says which", () => {
    const { settings, problems } = readSettings({ enable: "yes", run: "sometimes", rules: { "spec-conflict": "loud", nope: "off", "unit-mismatch": "off" }, references: "x.json" });
    expect(settings).toEqual({ ...defaultSettings(), rules: { "unit-mismatch": "off" } });
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/claimlint\.enable[\s\S]*claimlint\.run[\s\S]*spec-conflict[\s\S]*unknown rule "nope"[\s\S]*claimlint\.references/);
  });

  it("rejects a section that is not an object", () => {
    expect(readSettings([1, 2]).problems).toHaveLength(1);
    expect(readSettings("on").settings).toEqual(defaultSettings());
  });
});

describe("checkOptionsFor: .claimlintrc.json over the editor's settings", () => {
  const settings = { ...defaultSettings(), rules: { "spec-conflict": "hint", "unit-mismatch": "off" }, attributionPhrases: ["by our count"], maxDraftSize: 1000 } as const;

  it("keeps the file's maxDraftSize and rules, and the settings' for what the file does not set", () => {
    const config = { ...defaultConfig(), rules: { "spec-conflict": "error" as const }, attributionPhrases: ["per the desk"], maxDraftSize: 50 };
    expect(checkOptionsFor({ ...settings, attributionPhrases: [...settings.attributionPhrases] }, config)).toEqual({
      severities: { "spec-conflict": "error", "unit-mismatch": "off" },
      attributionPhrases: ["by our count", "per the desk"],
      maxDraftSize: 50,
    });
    expect(checkOptionsFor({ ...settings, attributionPhrases: [] }, defaultConfig()).maxDraftSize).toBe(1000);
  });

  it("leaves maxDraftSize to the engine's default when neither sets one", () => {
    expect(checkOptionsFor(defaultSettings(), defaultConfig()).maxDraftSize).toBeUndefined();
  });
});
