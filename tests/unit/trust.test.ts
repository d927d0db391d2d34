/**
 * Workspace trust: in a workspace the user has not trusted, reference files are read only
 * from inside its folders. Real folders and links on disk, since links are the point.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeProjectIo } from "../../server/src/lsp/node-io";
import { createProjects, realPathInside, type FileProblem } from "../../server/src/lsp/project";
import { defaultSettings } from "../../server/src/lsp/settings";

/**
 * <top>/newsroom is the workspace folder; <top>/elsewhere and <top>/newsroom-archive lie
 * outside it (the second shares its name's start, which a plain prefix test would let in).
 */
const top = realpathSync(mkdtempSync(path.join(tmpdir(), "claimlint-trust-")));
afterAll(() => rmSync(top, { recursive: true, force: true }));
const newsroom = path.join(top, "newsroom");
const elsewhere = path.join(top, "elsewhere");
const archive = path.join(top, "newsroom-archive");

/** A reference file adding one system, so a test can see whether the file was read. */
function referenceFile(file: string, id: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const source = { id: `${id}-source`, file: `${id}.txt`, headline: `${id} headline`, date: "2024-03" };
  const system = { id, name: id.toUpperCase(), aliases: [], kind: "missile", origin: "US", facts: [], events: [] };
  writeFileSync(file, JSON.stringify({ sources: [source], systems: [system] }));
  return file;
}

const inside = referenceFile(path.join(newsroom, "facts", "inside.json"), "inside");
const outside = referenceFile(path.join(elsewhere, "outside.json"), "outside");
const archived = referenceFile(path.join(archive, "archived.json"), "archived");
const escaping = path.join(newsroom, "facts", "escaping.json");
symlinkSync(outside, escaping);
const staying = path.join(newsroom, "facts", "staying.json");
symlinkSync(inside, staying);
const linkedFolder = path.join(newsroom, "linked-folder");
symlinkSync(elsewhere, linkedFolder);
const loop = path.join(newsroom, "loop.json");
symlinkSync(loop, loop);
const openedThroughLink = path.join(top, "newsroom-link");
symlinkSync(newsroom, openedThroughLink);

describe("realPathInside", () => {
  it("a file inside the workspace folder is inside, at its real path", () => {
    expect(realPathInside(inside, [newsroom])).toBe(inside);
  });

  it("a file outside is outside, also in a folder whose name starts like the workspace's", () => {
    expect(realPathInside(outside, [newsroom])).toBeUndefined();
    expect(realPathInside(archived, [newsroom])).toBeUndefined();
  });

  it("a link inside pointing outside is outside; one pointing inside is read at its target", () => {
    expect(realPathInside(escaping, [newsroom])).toBeUndefined();
    expect(realPathInside(path.join(linkedFolder, "outside.json"), [newsroom])).toBeUndefined();
    expect(realPathInside(staying, [newsroom])).toBe(inside);
  });

  it("`..` that climbs out of the workspace is outside; `..` that stays in is inside", () => {
    expect(realPathInside(path.join(newsroom, "facts", "..", "..", "elsewhere", "outside.json"), [newsroom])).toBeUndefined();
    expect(realPathInside(`${newsroom}/facts/../facts/inside.json`, [newsroom])).toBe(inside);
  });

  it("a workspace opened through a link still holds its files", () => {
    expect(realPathInside(path.join(openedThroughLink, "facts", "inside.json"), [openedThroughLink])).toBe(inside);
    expect(realPathInside(outside, [openedThroughLink])).toBeUndefined();
  });

  it("a missing file is placed by the folder it would be in", () => {
    expect(realPathInside(path.join(newsroom, "facts", "not-yet", "new.json"), [newsroom])).toBe(path.join(newsroom, "facts", "not-yet", "new.json"));
    expect(realPathInside(path.join(linkedFolder, "not-yet.json"), [newsroom])).toBeUndefined();
    expect(realPathInside(path.join(elsewhere, "not-yet.json"), [newsroom])).toBeUndefined();
  });

  it("any of several folders will do; with no folder, nothing is inside", () => {
    expect(realPathInside(outside, [newsroom, elsewhere])).toBe(outside);
    expect(realPathInside(inside, [])).toBeUndefined();
  });

  it("a link that cannot be resolved (a loop) counts as outside", () => {
    expect(realPathInside(loop, [newsroom])).toBeUndefined();
  });

  it.runIf(path.sep === "/")("Windows-style paths are plain file names on Linux and stay in the folder", () => {
    // Resolved against the workspace folder, as relative settings are: `..\` climbs nowhere here.
    expect(realPathInside(path.resolve(newsroom, "..\\elsewhere\\outside.json"), [newsroom])).toBe(path.join(newsroom, "..\\elsewhere\\outside.json"));
    expect(realPathInside(path.resolve(newsroom, "C:\\elsewhere\\outside.json"), [newsroom])).toBe(path.join(newsroom, "C:\\elsewhere\\outside.json"));
  });
});

describe("reference files in an untrusted workspace", () => {
  const io = { exists: (p: string) => p === path.join(newsroom, ".claimlintrc.json"), readText: (p: string) => readFileSync(p, "utf8"), sources: nodeProjectIo.sources };
  writeFileSync(path.join(newsroom, ".claimlintrc.json"), JSON.stringify({ references: ["facts/inside.json", "../newsroom-archive/archived.json"] }));
  const draft = path.join(newsroom, "draft.md");
  const settings = { ...defaultSettings(), references: [outside, "facts/escaping.json"] };

  async function build(trusted: boolean) {
    const reported: FileProblem[] = [];
    const projects = createProjects(io, (_key, problems) => reported.push(...problems), { trusted: () => trusted, folders: () => [newsroom] });
    const systems = (await projects.projectFor(draft, newsroom, settings)).reference.systems.map((s) => s.id);
    return { systems, reported };
  }

  it("reads only the files inside, and reports each one ignored where it was named", async () => {
    const { systems, reported } = await build(false);
    expect(systems).toContain("inside");
    expect(systems).not.toContain("outside");
    expect(systems).not.toContain("archived");
    expect(reported.map((p) => [p.path, p.message.includes("outside the workspace, ignored while the workspace is not trusted")])).toEqual([
      [outside, true],
      [escaping, true],
      [path.join(newsroom, ".claimlintrc.json"), true],
    ]);
    expect(reported[2]!.message).toContain(archived);
  });

  it("reads every named file in a trusted workspace", async () => {
    const { systems, reported } = await build(true);
    expect(systems).toEqual(expect.arrayContaining(["inside", "outside", "archived"]));
    expect(reported).toEqual([]);
  });
});
