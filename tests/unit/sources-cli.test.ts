/**
 * `claimlint --sources` and the configuration's `sources`, in-process on a real disk: the
 * seed articles (read from ../shared/seeds) as sources for a draft that reuses, alters and
 * invents their figures; source folders, files and globs; sources that cannot be read.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeIo } from "../../server/src/cli/io";
import { runCli } from "../../server/src/cli/run";

const root = path.resolve(__dirname, "../..");
let dir: string;

/** Runs the CLI with `cwd` as its working directory; `reads` lists every file it opened. */
async function run(args: string[], cwd = root) {
  const out = { stdout: "", stderr: "", reads: [] as string[] };
  const io = nodeIo();
  const status = await runCli(args, {
    ...io,
    cwd,
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: (p, limit) => {
      out.reads.push(path.relative(cwd, p));
      return io.readFile(p, limit);
    },
  });
  return { status, ...out };
}

/** Each diagnostic of the one file as `line rule “text”`, from `--format json`. */
function diagnostics(stdout: string, draft: string): string[] {
  const [result] = JSON.parse(stdout) as { diagnostics: { rule: string; range: { start: { line: number; character: number }; end: { character: number } } }[] }[];
  const lines = draft.split("\n");
  return result.diagnostics.map((d) => `${d.range.start.line + 1} ${d.rule} ${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`);
}

function write(files: Record<string, string | Uint8Array>) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "claimlint-sources-"));
  write({
    "draft.md": "Ukraine lost more than 4,000 troops in failed assaults near Bakhmut.\n\nRussia fired 70 missiles at Lviv overnight.\n",
    "notes/moscow.txt": "Source: Reuters\n\nKyiv's army has lost more than 4,000 troops in failed assaults near Bakhmut, according to the Russian Defense Ministry.\n",
    "notes/deeper/kyiv.md": "Russia fired 70 missiles at Lviv overnight, the air force said.\n",
    "notes/latin1.txt": new Uint8Array([...Buffer.from("Caf"), 0xe9, 0x0a]),
    "notes/photo.jpg": new Uint8Array([0xff, 0xd8, 0xff]),
    "empty/readme": "not a source\n",
    "configured/.claimlintrc.json": JSON.stringify({ sources: ["../notes/moscow.txt"] }),
    "configured/draft.md": "Ukraine lost more than 4,000 troops in failed assaults near Bakhmut.\n",
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("claimlint --sources on the seed articles", () => {
  const draftPath = "tests/fixtures/sources/draft.md";
  const draft = () => readFileSync(path.join(root, draftPath), "utf8");

  it("traces reused figures, flags the altered one as figure-conflict and the invented ones as untraced-figure", async () => {
    const r = await run(["--format", "json", "--sources", "../shared/seeds", draftPath]);
    expect(r.stderr).toBe("");
    expect(diagnostics(r.stdout, draft())).toEqual([
      "3 unattributed-figure more than 4k troops",
      "5 figure-conflict 5,000 troops",
      "7 unattributed-figure 5,000 drones",
      "7 untraced-figure 5,000 drones",
      "9 unattributed-figure 12,000 troops",
      "9 untraced-figure 12,000 troops",
      "11 unattributed-spec up to 300 km",
    ]);
    const messages = JSON.parse(r.stdout)[0].diagnostics.map((d: { message: string }) => d.message);
    expect(messages[0]).toContain("Your source has it: “more than 4,000 troops” (../shared/seeds/000_e1e76ea45fbc90c6.txt:23, according to the Russian Defense Ministry).");
    expect(messages[1]).toBe("“5,000 troops” disagrees with your source: “more than 4,000 troops” (../shared/seeds/000_e1e76ea45fbc90c6.txt:23, according to the Russian Defense Ministry).");
    expect(r.status).toBe(1);
  });

  it("the fact-check sheet says which source holds each figure, which disagrees, and which none has", async () => {
    const r = await run(["--format", "sheet", "--sources", "../shared/seeds", draftPath]);
    const sourceColumn = r.stdout
      .split("\n")
      .filter((line) => /^\| \d/.test(line))
      .map((line) => line.split(" | ").at(-1)!.replace(/ \|$/, ""));
    const seed = "../shared/seeds/000_e1e76ea45fbc90c6.txt";
    expect(sourceColumn).toEqual([`found: ${seed}:23`, `conflicts: ${seed}:23`, "not found", "not found", `found: ${seed}:9`]);
    const without = await run(["--format", "sheet", draftPath]);
    expect(without.stdout).not.toMatch(/found|conflicts/);
  });

  it("without sources, traces nothing: neither untraced-figure nor figure-conflict", async () => {
    const r = await run(["--format", "json", draftPath]);
    expect(diagnostics(r.stdout, draft()).filter((d) => /untraced-figure|figure-conflict/.test(d))).toEqual([]);
  });

  it("takes a glob, and repeated --sources add up", async () => {
    const r = await run(["--format", "json", "--sources", "../shared/seeds/000_*.txt", "--sources", "../shared/seeds/004_*.txt", draftPath]);
    expect(r.stderr).toBe("");
    expect(diagnostics(r.stdout, draft())).toContain("5 figure-conflict 5,000 troops");
    expect(r.reads.filter((p) => p.includes("seeds"))).toHaveLength(2);
  });
});

describe("source folders, files and globs", () => {
  it("walks a folder for .txt and .md files, reports one that cannot be read, and uses the rest (exit 2)", async () => {
    const r = await run(["--format", "json", "--sources", "notes", "draft.md"], dir);
    expect(r.stderr).toBe("notes/latin1.txt:1:4: not read as a source: the file is not valid UTF-8 text (save it as UTF-8)\n");
    expect(r.reads).not.toContain("notes/photo.jpg");
    expect(diagnostics(r.stdout, "Ukraine lost more than 4,000 troops in failed assaults near Bakhmut.\n\nRussia fired 70 missiles at Lviv overnight.\n")).toEqual([
      "1 unattributed-figure more than 4,000 troops",
      "3 unattributed-figure 70 missiles",
    ]);
    const traced = JSON.parse(r.stdout)[0].diagnostics[1].message;
    expect(traced).toContain("(notes/deeper/kyiv.md:1, according to the air force)");
    expect(r.status).toBe(2);
  });

  it("takes only what a glob matches", async () => {
    const r = await run(["--format", "json", "--sources", "notes/**/*.md", "draft.md"], dir);
    expect(r.stderr).toBe("");
    expect(r.reads.filter((p) => p.startsWith("notes"))).toEqual(["notes/deeper/kyiv.md"]);
  });

  it("reports a source path that names nothing, or a folder with no source documents, and still checks (exit 2)", async () => {
    const r = await run(["--sources", "missing", "--sources", "empty", "draft.md"], dir);
    expect(r.stderr).toBe("missing: sources not read: no such file or folder\nempty: no source documents (.txt, .md) found\n");
    expect(r.stdout).toContain("draft.md:1:14");
    expect(r.status).toBe(2);
  });

  it("reads the configuration's sources relative to the configuration file", async () => {
    const r = await run(["--format", "json", "configured/draft.md"], dir);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)[0].diagnostics[0].message).toContain("Your source has it: “more than 4,000 troops” (notes/moscow.txt:3");
  });

  it("reads a file named both by --sources and by the configuration once", async () => {
    const r = await run(["--format", "json", "--sources", "notes/m*.txt", "configured/draft.md"], dir);
    expect(r.stderr).toBe("");
    expect(r.reads.filter((p) => p === "notes/moscow.txt")).toHaveLength(1);
  });

  it("refuses an empty --sources", async () => {
    const r = await run(["--sources", "", "draft.md"], dir);
    expect(r.stderr).toContain("--sources needs a file, folder or glob");
    expect(r.status).toBe(2);
  });
});
