import { describe, expect, it } from "vitest";
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
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      enable: false,
      run: "onSave",
      rules: { "spec-conflict": "warning", "vague-attribution": "information" },
      attributionPhrases: ["per the desk's tally"],
      references: ["facts/extra.json"],
    });
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
