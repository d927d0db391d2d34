/**
 * Workspace trust and workspace data, through the real server: in a workspace the editor
 * says is untrusted, reference files outside its folders are ignored and reported; files
 * inside, and every file in a trusted workspace, apply. Nothing in a workspace is ever run.
 */
import { existsSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { session, workspace } from "./fixtures";

/** A reference file adding one system whose range is up to 280 km, so 900 km conflicts with it. */
function referenceFor(id: string, name: string): string {
  return JSON.stringify({
    sources: [{ id: `${id}-desk`, file: `${id}.txt`, headline: `${name} enters service`, outlet: "Desk", date: "2024-03" }],
    systems: [
      {
        id,
        name,
        aliases: [],
        kind: "cruise missile",
        origin: "Ukraine",
        facts: [{ attribute: "range", value: 280, unit: "km", qualifier: "up to", source: `${id}-desk`, evidence: "a range of up to 280 km" }],
        events: [],
      },
    ],
  });
}

/**
 * <top>/newsroom is the workspace folder. Each system's facts come from one file: Grom-2's
 * from inside the workspace, Vilkha-M's from outside (named by an absolute path in the
 * settings), Hrim-2's through a link inside pointing outside, Sapsan's from outside through
 * `..` in `.claimlintrc.json`.
 */
function newsroom() {
  const top = workspace({
    "newsroom/facts/grom.json": referenceFor("grom", "Grom-2"),
    "elsewhere/vilkha.json": referenceFor("vilkha", "Vilkha-M"),
    "elsewhere/hrim.json": referenceFor("hrim", "Hrim-2"),
    "elsewhere/sapsan.json": referenceFor("sapsan", "Sapsan"),
    "newsroom/.claimlintrc.json": JSON.stringify({ references: ["../elsewhere/sapsan.json"] }),
  });
  symlinkSync(path.join(top, "elsewhere", "hrim.json"), path.join(top, "newsroom", "facts", "hrim.json"));
  return {
    root: path.join(top, "newsroom"),
    settings: { references: ["facts/grom.json", path.join(top, "elsewhere", "vilkha.json"), "facts/hrim.json"] },
    outside: { vilkha: path.join(top, "elsewhere", "vilkha.json"), hrim: path.join(top, "newsroom", "facts", "hrim.json"), sapsan: path.join(top, "elsewhere", "sapsan.json") },
  };
}

const DRAFT = ["Grom-2", "Vilkha-M", "Hrim-2", "Sapsan"].map((name) => `${name} can strike targets 900 km away.\n`).join("\n");

/** The systems whose range conflicts in the draft: those whose reference file was read. */
const conflicting = (p: PublishDiagnosticsParams) =>
  p.diagnostics.filter((d) => d.code === "spec-conflict").map((d) => (typeof d.message === "string" ? d.message : d.message.value).split(" ")[0]);

const IGNORED = /outside the workspace, ignored while the workspace is not trusted/;

describe("an untrusted workspace", () => {
  it("applies reference files inside its folders, and ignores and reports those outside", async () => {
    const { root, settings, outside } = newsroom();
    const s = await session({ root, settings, initializationOptions: { workspaceTrusted: false } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect(conflicting(await s.diagnostics(uri))).toEqual(["Grom-2"]);

    // Each ignored file is marked where it was named: the configuration, or (for settings) the file itself.
    const onConfig = await s.diagnostics(s.uri(".claimlintrc.json"), (p) => p.diagnostics.length > 0, "the configuration's diagnostics");
    expect(onConfig.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(IGNORED)]);
    expect(onConfig.diagnostics[0]!.message).toContain(outside.sapsan);
    for (const file of [outside.vilkha, outside.hrim]) {
      const onFile = await s.diagnostics(pathToFileURL(file).href, (p) => p.diagnostics.length > 0, `the diagnostics of ${file}`);
      expect(onFile.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(IGNORED)]);
    }

    // And said once: a second draft under the same configuration brings no second notification.
    const second = s.uri("second.md");
    await s.open(second, DRAFT);
    expect(conflicting(await s.diagnostics(second))).toEqual(["Grom-2"]);
    const notices = s.messages.filter((m) => IGNORED.test(m.message));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain(outside.vilkha);
  });
});

describe.each([
  ["a trusted workspace", { workspaceTrusted: true }],
  ["an editor that says nothing of trust (Neovim, Emacs)", undefined],
])("%s", (_name, initializationOptions) => {
  it("applies every reference file named, inside or outside", async () => {
    const { root, settings } = newsroom();
    const s = await session({ root, settings, initializationOptions });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect(conflicting(await s.diagnostics(uri)).sort()).toEqual(["Grom-2", "Hrim-2", "Sapsan", "Vilkha-M"]);
    expect(s.messages.filter((m) => IGNORED.test(m.message))).toEqual([]);
  });
});

describe("workspace files are data", () => {
  /** What each script would do if it were ever run. */
  const script = (marker: string) => `require("node:fs").writeFileSync(require("node:path").join(__dirname, ${JSON.stringify(marker)}), "ran");\nmodule.exports = {};\n`;

  it("a .claimlintrc.js and a reference .js are never run: the .js reference is reported as not JSON", async () => {
    const s = await session({
      files: {
        ".claimlintrc.js": script("config-ran.txt"),
        ".claimlintrc.json": JSON.stringify({ references: ["facts/extra.js"] }),
        "facts/extra.js": script("reference-ran.txt"),
      },
    });
    const uri = s.uri("draft.md");
    await s.open(uri, "ATACMS can strike targets 500 km away.\n");
    // The draft is still checked against the bundled reference.
    expect(conflicting(await s.diagnostics(uri))).toEqual(["ATACMS"]);
    const onScript = await s.diagnostics(s.uri("facts/extra.js"), (p) => p.diagnostics.length > 0, "the script's diagnostics");
    expect(onScript.diagnostics[0]!.message).toMatch(/JSON/);
    expect(existsSync(path.join(s.options.root, "config-ran.txt"))).toBe(false);
    expect(existsSync(path.join(s.options.root, "facts", "reference-ran.txt"))).toBe(false);
  });
});
