/**
 * The built `dist/cli.js` on a real disk, fed what a newsroom's folders really hold: files
 * that cannot be opened, binary and non-UTF-8 files, oversized and endless configuration
 * and reference files. Each is reported on its own, the rest is still checked, and no file
 * is ever written.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "../..");
const cli = path.join(root, "dist", "cli.js");
const isRoot = process.getuid?.() === 0;
/** The unprivileged user and group of Debian and most Linux systems. */
const NOBODY = 65534;
const FIFTY_MB = 50 * 1024 * 1024;

let dir: string;
let socket: Server | undefined;

/** Writes `files` (relative path → content) under the test folder. */
function write(files: Record<string, string | Uint8Array>) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

/** A file of `bytes` zero bytes that takes no disk space: the size is all the CLI may look at. */
function sparse(name: string, bytes: number) {
  writeFileSync(path.join(dir, name), "");
  truncateSync(path.join(dir, name), bytes);
}

const exec = (args: string[], cwd = dir) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8" });

beforeAll(async () => {
  if (!existsSync(cli)) {
    const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: root, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  }
  dir = mkdtempSync(path.join(tmpdir(), "claimlint-inputs-"));
  write({
    "drafts/a.md": "They sent 4,000 troops.\n",
    "drafts/b-latin1.md": new Uint8Array([...Buffer.from("Intro\n\nCaf"), 0xe9, 0x0a]),
    "drafts/c-binary.md": new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00]),
    "drafts/d-utf16.md": new Uint8Array([0xff, 0xfe, 0x34, 0x00, 0x2c, 0x00]),
    "drafts/e.md": "ATACMS can strike targets 500 km away.\n",
  });
  // A socket cannot be opened as a file by anyone, root included: a real unreadable input.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path.join(dir, "socket.md"), resolve));
  socket = server;
});

afterAll(async () => {
  await new Promise((resolve) => socket?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("drafts that cannot be checked", () => {
  it("are each reported with the path and place, and every other draft is checked and printed (exit 2)", () => {
    const r = exec(["--format", "json", "drafts", "socket.md"]);
    expect(r.stderr.split("\n")).toEqual([
      "drafts/b-latin1.md:3:4: not checked: the draft is not valid UTF-8 text (save it as UTF-8)",
      "drafts/c-binary.md:1:4: not checked: the draft contains a NUL byte; it is not a text file",
      "drafts/d-utf16.md:1:1: not checked: the draft is UTF-16 text, not UTF-8 (save it as UTF-8)",
      "socket.md: not checked: cannot be opened for reading (a socket, or a device with nothing behind it)",
      "",
    ]);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: { rule: string }[] }[];
    expect(out.map((f) => [f.file, f.diagnostics.map((d) => d.rule)])).toEqual([
      ["drafts/a.md", ["unattributed-figure"]],
      ["drafts/b-latin1.md", []],
      ["drafts/c-binary.md", []],
      ["drafts/d-utf16.md", []],
      ["drafts/e.md", ["unattributed-spec", "spec-conflict"]],
      ["socket.md", []],
    ]);
    expect(r.status).toBe(2);
  });

  it("a draft with mode 000 is reported as permission denied, and the others are checked", () => {
    write({ "locked/locked.md": "They sent 4,000 troops.\n", "locked/open.md": "They sent 4,000 troops.\n" });
    chmodSync(path.join(dir, "locked/locked.md"), 0o000);
    try {
      // Root reads a file whatever its mode, so as root the CLI runs as nobody, as a writer would.
      const asUser = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
      if (isRoot) chmodSync(dir, 0o755);
      const r = spawnSync(process.execPath, [cli, "locked"], { cwd: dir, encoding: "utf8", ...asUser });
      expect(r.stderr).toBe("locked/locked.md: not checked: permission denied\n");
      expect(r.stdout).toMatch(/^locked\/open\.md:1:11 {2}warning/);
      expect(r.status).toBe(2);
    } finally {
      chmodSync(path.join(dir, "locked/locked.md"), 0o644);
    }
  });
});

describe("drafts over a size", () => {
  it("a draft over its configuration's maxDraftSize is checked up to it, and one Information diagnostic says so", () => {
    write({ "limited/.claimlintrc.json": '{"maxDraftSize": 30}', "limited/draft.md": "They sent 4,000 troops.\n\nThey sent 5,000 more.\n" });
    const r = exec(["--format", "json", "limited/draft.md"]);
    expect(r.stderr).toBe("");
    const [draft] = JSON.parse(r.stdout) as { diagnostics: { rule: string; severity: string; message: string }[] }[];
    expect(draft!.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ["unattributed-figure", "warning"],
      ["size-limit", "information"],
    ]);
    expect(draft!.diagnostics[1]!.message).toMatch(/of the draft's 47 characters are checked \(maxDraftSize is 30\)/);
    expect(r.status).toBe(1);
  });

  it("a 300 MB file is refused by its size without being read, and the other drafts are checked (exit 2)", () => {
    write({ "dump/a.md": "They sent 4,000 troops.\n" });
    sparse("dump/dump.md", 300 * 1024 * 1024);
    const r = exec(["dump"]);
    expect(r.stderr).toBe("dump/dump.md: not checked: the draft is larger than 256 MB; claimlint reads no draft larger than that\n");
    expect(r.stdout).toMatch(/^dump\/a\.md:1:11 {2}warning/);
    expect(r.status).toBe(2);
  });
});

describe("oversized and endless configuration and reference files", () => {
  it("a 50 MB .claimlintrc.json and a 50 MB reference file are refused by size, and the drafts are checked with the defaults (exit 2)", () => {
    write({ "huge/draft.md": "They sent 4,000 troops.\n", "huge/nested/.claimlintrc.json": '{"references": ["../facts.json"]}', "huge/nested/draft.md": "ATACMS can strike targets 500 km away.\n" });
    sparse("huge/.claimlintrc.json", FIFTY_MB);
    sparse("huge/facts.json", FIFTY_MB);
    const r = exec(["huge/draft.md", "huge/nested/draft.md"]);
    expect(r.stderr.split("\n")).toEqual([
      "huge/.claimlintrc.json:1:1: the file is larger than 4 MB, claimlint's limit for configuration and reference files; the defaults are used",
      "huge/facts.json:1:1: the file is larger than 4 MB, claimlint's limit for configuration and reference files; the bundled reference is still used",
      "",
    ]);
    expect(r.stdout.split("\n").slice(0, 3)).toEqual([
      "huge/draft.md:1:11  warning  “4,000 troops”: no source in this sentence. Say who gives the figure (“according to …”) or link it.  unattributed-figure",
      expect.stringMatching(/^huge\/nested\/draft\.md:1:27 {2}warning {2}ATACMS range “500 km” has no source/),
      expect.stringMatching(/^huge\/nested\/draft\.md:1:27 {2}error {2}ATACMS range “500 km” disagrees with the reference/),
    ]);
    expect(r.status).toBe(2);
  });

  it.skipIf(!existsSync("/dev/zero"))("a reference file that never ends (/dev/zero) is read only up to the limit", () => {
    write({ "endless/.claimlintrc.json": '{"references": ["/dev/zero"]}', "endless/draft.md": "They sent 4,000 troops.\n" });
    const r = exec(["endless/draft.md"]);
    expect(r.stderr).toBe("/dev/zero:1:1: the file is larger than 4 MB, claimlint's limit for configuration and reference files; the bundled reference is still used\n");
    expect(r.stdout).toMatch(/^endless\/draft\.md:1:11 {2}warning/);
    expect(r.status).toBe(2);
  });

  it("a folder named .claimlintrc.json is no configuration: the one above applies, in the CLI as in the editor", () => {
    write({ "dirrc/.claimlintrc.json": '{"rules": {"unattributed-figure": "error"}}', "dirrc/news/.claimlintrc.json/x": "", "dirrc/news/draft.md": "They sent 4,000 troops.\n" });
    const r = exec(["dirrc/news/draft.md"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^dirrc\/news\/draft\.md:1:11 {2}error/);
  });

  it("a folder named by --config is reported, and checking goes on with the defaults", () => {
    const r = exec(["--config", "drafts", "drafts/a.md"]);
    expect(r.stderr).toBe("drafts: it is a folder, not a file; the defaults are used\n");
    expect(r.stdout).toMatch(/^drafts\/a\.md:1:11 {2}warning/);
    expect(r.status).toBe(2);
  });
});

describe("the user's files", () => {
  /** Every file under `folder` with its bytes and modification time. */
  function snapshot(folder: string): Record<string, { bytes: string; mtimeMs: number }> {
    const files: Record<string, { bytes: string; mtimeMs: number }> = {};
    for (const name of readdirSync(folder, { recursive: true }) as string[]) {
      const full = path.join(folder, name);
      const stat = statSync(full);
      if (stat.isFile()) files[name] = { bytes: readFileSync(full).toString("base64"), mtimeMs: stat.mtimeMs };
    }
    return files;
  }

  it("are never written: every file's bytes and modification time are the same after checks in every format", () => {
    const newsroom = path.join(dir, "newsroom");
    mkdirSync(newsroom);
    const facts = { systems: [{ id: "atacms", facts: [{ attribute: "speed", value: 3, unit: "Mach", qualifier: "about", source: "rt-2023-06-atacms-letter", evidence: "quoted" }] }] };
    write({
      // Findings of every kind, fixes on offer included (a wrong conversion, an attribution).
      "newsroom/draft.md": "ATACMS can strike 500 km.\n\nThe convoy was 12 miles (12 km) long.\n\nThey sent 4,000 troops.\n",
      "newsroom/crlf.md": "They sent 4,000 troops.\r\nIt flies about 70 kilometers (80 miles).\r\n",
      "newsroom/bom.md": "\uFEFFThey sent 4,000 troops.\n",
      "newsroom/latin1.md": new Uint8Array([0x43, 0x61, 0x66, 0xe9]),
      "newsroom/desk/.claimlintrc.json": '{ "rules": { "unit-mismatch": "loud" }, "references": ["facts.json"], }',
      "newsroom/desk/facts.json": JSON.stringify(facts),
      "newsroom/desk/story.md": "ATACMS flies at about Mach 5, the Pentagon said.\n",
      "newsroom/.claimlintrc.json": JSON.stringify({ references: ["desk/facts.json"], attributionPhrases: ["by our count"] }),
    });
    const before = snapshot(newsroom);
    const statuses = ["text", "json", "sarif"].map((format) => exec(["--format", format, "."], newsroom).status);
    expect(statuses).toEqual([2, 2, 2]);
    expect(snapshot(newsroom)).toEqual(before);
  });
});
