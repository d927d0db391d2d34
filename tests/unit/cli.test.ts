import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { CheckOptions, Checker } from "../../server/src/core/checker";
import type { Finding, RuleId, Severity } from "../../server/src/core/finding";
import type { CliIo, EntryKind } from "../../server/src/cli/io";
import { positionConverter } from "../../server/src/cli/positions";
import { runCli } from "../../server/src/cli/run";
import type { Reference } from "../../server/src/reference/types";
import { version } from "../../package.json";

const WS = path.resolve("/ws");

/** Flags every occurrence of these phrases, honouring the configured severities like the engine. */
const PHRASES: Record<string, [RuleId, Severity]> = {
  "4,000 troops": ["unattributed-figure", "warning"],
  "500 kilometers": ["spec-conflict", "error"],
  reportedly: ["vague-attribution", "information"],
};
const made: { reference: Reference; options: CheckOptions }[] = [];
function fakeChecker(deps: { reference: Reference; options: CheckOptions }): Checker {
  made.push(deps);
  return {
    check(text) {
      const findings: Finding[] = [];
      for (const [phrase, [rule, fallback]] of Object.entries(PHRASES)) {
        const severity = deps.options.severities[rule] ?? fallback;
        if (severity === "off") continue;
        for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1))
          findings.push({ rule, severity, offset: at, length: phrase.length, message: `${rule} on "${phrase}"`, fixes: [] });
      }
      return findings.sort((a, b) => a.offset - b.offset);
    },
    open() {
      throw new Error("the CLI checks whole files; it never keeps a draft open");
    },
  };
}

/** An in-memory file system under /ws; folders exist where files are below them. */
function memoryIo(files: Record<string, string | Uint8Array>, options: { cwd?: string; stdin?: string } = {}) {
  const abs = new Map(Object.entries(files).map(([p, c]) => [path.resolve(WS, p), typeof c === "string" ? new TextEncoder().encode(c) : c]));
  const isDir = (p: string) => [...abs.keys()].some((f) => f.startsWith(p.endsWith(path.sep) ? p : p + path.sep));
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    cwd: options.cwd ? path.resolve(WS, options.cwd) : WS,
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ""),
    readFile: (p) => {
      const content = abs.get(p);
      if (content) return content;
      throw Object.assign(new Error(`ENOENT: ${p}`), { code: isDir(p) ? "EISDIR" : "ENOENT" });
    },
    kind: (p): EntryKind | undefined => (abs.has(p) ? "file" : isDir(p) ? "directory" : undefined),
    readdir: (p) => {
      const names = new Map<string, EntryKind>();
      for (const f of abs.keys()) {
        if (!f.startsWith(p + path.sep)) continue;
        const [first, ...rest] = f.slice(p.length + 1).split(path.sep);
        names.set(first!, rest.length > 0 ? "directory" : "file");
      }
      // Deliberately unsorted: the CLI must sort.
      return [...names].reverse().map(([name, kind]) => ({ name, kind }));
    },
  };
  return { io, out };
}

async function run(argv: string[], files: Record<string, string | Uint8Array>, options?: { cwd?: string; stdin?: string }) {
  made.length = 0;
  const { io, out } = memoryIo(files, options);
  const status = await runCli(argv, io, fakeChecker);
  return { status, ...out };
}

describe("claimlint --format json", () => {
  it("prints exactly the documented shape, every file included", async () => {
    const r = await run(["--format", "json", "a.md", "clean.md"], { "a.md": "They sent 4,000 troops.\n", "clean.md": "Nothing.\n" });
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: "a.md",
        diagnostics: [
          {
            rule: "unattributed-figure",
            severity: "warning",
            message: 'unattributed-figure on "4,000 troops"',
            range: { start: { line: 0, character: 10 }, end: { line: 0, character: 22 } },
          },
        ],
      },
      { file: "clean.md", diagnostics: [] },
    ]);
    const first = JSON.parse(r.stdout)[0];
    expect(Object.keys(first)).toEqual(["file", "diagnostics"]);
    expect(Object.keys(first.diagnostics[0])).toEqual(["rule", "severity", "message", "range"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
  });

  it("places findings after CRLF, CR-only breaks and astral characters", async () => {
    const text = "Title\r\n\r\n🚀 They sent 4,000 troops.\rLater 4,000 troops\nand 4,000 troops";
    const r = await run(["-f", "json", "a.md"], { "a.md": text });
    const ranges = JSON.parse(r.stdout)[0].diagnostics.map((d: { range: unknown }) => d.range);
    expect(ranges).toEqual([
      { start: { line: 2, character: 13 }, end: { line: 2, character: 25 } },
      { start: { line: 3, character: 6 }, end: { line: 3, character: 18 } },
      { start: { line: 4, character: 4 }, end: { line: 4, character: 16 } },
    ]);
  });
});

describe("positionConverter", () => {
  it("breaks lines at \\r\\n, \\n and \\r, counting UTF-16 units", () => {
    const at = positionConverter("a\r\nb\rc\nd𝟘x");
    expect([0, 1, 3, 5, 7, 8, 10].map(at)).toEqual([
      { line: 0, character: 0 },
      { line: 0, character: 1 },
      { line: 1, character: 0 },
      { line: 2, character: 0 },
      { line: 3, character: 0 },
      { line: 3, character: 1 },
      { line: 3, character: 3 },
    ]);
    expect(at(99)).toEqual({ line: 3, character: 4 }); // clamped to the end
  });
});

describe("claimlint text output", () => {
  it("prints path:line:col, severity, message, rule and a summary", async () => {
    const r = await run(["docs"], {
      "docs/a.md": "Intro\n\nThey sent 4,000 troops, reportedly.\n",
      "docs/b.md": "It flies 500 kilometers.\n",
      "docs/c.md": "Clean.\n",
    });
    expect(r.stdout.split("\n")).toEqual([
      path.join("docs", "a.md") + ':3:11  warning  unattributed-figure on "4,000 troops"  unattributed-figure',
      path.join("docs", "a.md") + ':3:25  information  vague-attribution on "reportedly"  vague-attribution',
      path.join("docs", "b.md") + ':1:10  error  spec-conflict on "500 kilometers"  spec-conflict',
      "",
      "3 problems (1 error, 1 warning, 1 information) in 2 files",
      "",
    ]);
    expect(r.status).toBe(1);
  });

  it("says when nothing was found", async () => {
    const r = await run(["a.md", "b.md"], { "a.md": "Clean.", "b.md": "" });
    expect(r.stdout).toBe("No problems found in 2 files.\n");
    expect(r.status).toBe(0);
  });
});

describe("claimlint --format sarif", () => {
  it("writes SARIF 2.1.0 with rules, levels and 1-based UTF-16 columns", async () => {
    const r = await run(["--format", "sarif", "docs/sub dir"], {
      "docs/sub dir/a.md": "🚀 x\nThey sent 4,000 troops, reportedly, 500 kilometers.",
    });
    const log = JSON.parse(r.stdout);
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe("2.1.0");
    const run0 = log.runs[0];
    expect(run0.columnKind).toBe("utf16CodeUnits");
    expect(run0.tool.driver).toMatchObject({ name: "claimlint", version, informationUri: expect.stringMatching(/^https:/) });
    const rules = run0.tool.driver.rules;
    expect(rules.map((x: { id: string }) => x.id)).toEqual(["unattributed-figure", "unattributed-spec", "spec-conflict", "unit-mismatch", "vague-attribution"]);
    for (const rule of rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.helpUri).toBe(`https://github.com/claimlint/claimlint/blob/main/docs/rules.md#${rule.id}`);
    }
    expect(run0.results).toHaveLength(3);
    const [figure, vague, conflict] = run0.results;
    expect(figure).toEqual({
      ruleId: "unattributed-figure",
      ruleIndex: 0,
      level: "warning",
      message: { text: 'unattributed-figure on "4,000 troops"' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "docs/sub%20dir/a.md" },
            region: { startLine: 2, startColumn: 11, endLine: 2, endColumn: 23 },
          },
        },
      ],
    });
    expect(vague).toMatchObject({ ruleIndex: 4, level: "note" });
    expect(conflict).toMatchObject({ ruleId: "spec-conflict", ruleIndex: 2, level: "error" });
  });

  it("counts an astral character as two columns", async () => {
    const r = await run(["-f", "sarif", "a.md"], { "a.md": "🚀 4,000 troops" });
    const region = JSON.parse(r.stdout).runs[0].results[0].locations[0].physicalLocation.region;
    expect(region).toEqual({ startLine: 1, startColumn: 4, endLine: 1, endColumn: 16 });
  });
});

describe("exit status", () => {
  it("is 0 for findings below warning, 1 at warning or above", async () => {
    expect((await run(["a.md"], { "a.md": "It was reportedly fine." })).status).toBe(0);
    expect((await run(["a.md"], { "a.md": "4,000 troops" })).status).toBe(1);
  });

  it("is 2 for a missing file, and the other files are still checked", async () => {
    const r = await run(["-f", "json", "missing.md", "a.md"], { "a.md": "4,000 troops" });
    expect(r.status).toBe(2); // an input error wins over the finding
    expect(r.stderr).toMatch(/missing\.md: no such file/);
    expect(JSON.parse(r.stdout).map((x: { file: string }) => x.file)).toEqual(["a.md"]);
  });

  it("is 2 for a file that is not UTF-8 or holds NUL bytes, which is listed unchecked", async () => {
    const r = await run(["-f", "json", "latin1.md", "nul.md", "ok.md"], {
      "latin1.md": new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]),
      "nul.md": new Uint8Array([0x61, 0x00, 0x62]),
      "ok.md": "fine",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/latin1\.md is not valid UTF-8/);
    expect(r.stderr).toMatch(/nul\.md contains NUL bytes/);
    expect(JSON.parse(r.stdout)).toEqual([
      { file: "latin1.md", diagnostics: [] },
      { file: "nul.md", diagnostics: [] },
      { file: "ok.md", diagnostics: [] },
    ]);
  });
});

describe("inputs", () => {
  it("reads standard input as file \"-\"", async () => {
    const r = await run(["--format", "json", "-"], {}, { stdin: "They sent 4,000 troops." });
    expect(JSON.parse(r.stdout)[0].file).toBe("-");
    expect(JSON.parse(r.stdout)[0].diagnostics).toHaveLength(1);
    expect(r.status).toBe(1);
  });

  it("walks folders for Markdown only, sorted, skipping node_modules and dot-folders", async () => {
    const r = await run(["-f", "json", "drafts", "drafts/b.md"], {
      "drafts/b.md": "",
      "drafts/a.MD": "",
      "drafts/notes.txt": "",
      "drafts/z/c.markdown": "",
      "drafts/node_modules/pkg/readme.md": "",
      "drafts/.git/x.md": "",
      "drafts/.obsidian/y.md": "",
    });
    const files = JSON.parse(r.stdout).map((x: { file: string }) => x.file);
    expect(files).toEqual([path.join("drafts", "a.MD"), path.join("drafts", "b.md"), path.join("drafts", "z", "c.markdown")]);
    expect(r.status).toBe(0);
  });
});

describe("configuration", () => {
  it("uses the nearest .claimlintrc.json above each file", async () => {
    const r = await run(["-f", "json", "news/a.md", "other/b.md"], {
      ".claimlintrc.json": '{"rules": {"unattributed-figure": "error"}}',
      "news/.claimlintrc.json": '{"rules": {"unattributed-figure": "off"}, "attributionPhrases": ["by our count"]}',
      "news/a.md": "4,000 troops",
      "other/b.md": "4,000 troops",
    });
    const [a, b] = JSON.parse(r.stdout);
    expect(a.diagnostics).toEqual([]);
    expect(b.diagnostics[0].severity).toBe("error");
    expect(made.map((m) => m.options.attributionPhrases)).toEqual([["by our count"], []]);
    expect(r.status).toBe(1);
  });

  it("reports a broken configuration found upward and goes on with the defaults (exit 2)", async () => {
    const r = await run(["-f", "json", "a.md"], { ".claimlintrc.json": '{\n  "rules": {,\n}', "a.md": "4,000 troops" });
    expect(r.stderr).toMatch(/\.claimlintrc\.json:2:13: invalid JSON/);
    expect(JSON.parse(r.stdout)[0].diagnostics).toHaveLength(1);
    expect(r.status).toBe(2);
  });

  it("reports a missing extra reference file with its path", async () => {
    const r = await run(["a.md"], { ".claimlintrc.json": '{"references": ["facts/none.json"]}', "a.md": "" });
    expect(r.stderr).toMatch(/facts[\\/]none\.json/);
    expect(r.status).toBe(2);
  });

  it("uses --config for every file and looks nothing up", async () => {
    const r = await run(["-f", "json", "--config", "cfg/strict.json", "news/a.md", "-"], {
      "cfg/strict.json": '{"rules": {"unattributed-figure": "hint"}}',
      "news/.claimlintrc.json": '{"rules": {"unattributed-figure": "off"}}',
      "news/a.md": "4,000 troops",
    }, { stdin: "4,000 troops" });
    const out = JSON.parse(r.stdout);
    expect(out.map((x: { diagnostics: { severity: string }[] }) => x.diagnostics[0]!.severity)).toEqual(["hint", "hint"]);
    expect(made).toHaveLength(1);
    expect(r.status).toBe(0);
  });

  it("stops with exit 2 when --config is missing or not JSON", async () => {
    const missing = await run(["--config", "none.json", "a.md"], { "a.md": "" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/none\.json: cannot read the configuration: no such file/);
    expect(missing.stdout).toBe("");
    const broken = await run(["--config", "bad.json", "a.md"], { "bad.json": "{ rules }", "a.md": "" });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/bad\.json:1:3: invalid JSON/);
  });

  it("reports invalid fields of --config, but still checks (exit 2)", async () => {
    const r = await run(["-f", "json", "--config", "c.json", "a.md"], { "c.json": '{"rules": {"nope": "error"}}', "a.md": "" });
    expect(r.stderr).toMatch(/unknown rule "nope"/);
    expect(JSON.parse(r.stdout)).toEqual([{ file: "a.md", diagnostics: [] }]);
    expect(r.status).toBe(2);
  });
});

describe("command line", () => {
  it("rejects an unknown option with exit 2", async () => {
    const r = await run(["--frobnicate", "a.md"], { "a.md": "" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--frobnicate'/);
    expect(r.stdout).toBe("");
  });

  it("rejects an unknown format and a missing file argument", async () => {
    expect((await run(["--format", "xml", "a.md"], {})).stderr).toMatch(/unknown format "xml"/);
    const none = await run([], {});
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no drafts named/);
  });

  it("prints help and version", async () => {
    const help = await run(["--help"], {});
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: claimlint \[--format text\|json\|sarif\] \[--config FILE\] FILE\|DIR\|- \.\.\./);
    expect(help.stdout).toMatch(/input error wins over findings/);
    const v = await run(["--version"], {});
    expect(v.stdout).toBe(`${version}\n`);
    expect(v.status).toBe(0);
  });
});

describe("the built dist/cli.js", () => {
  const root = path.resolve(__dirname, "../..");
  const cli = path.join(root, "dist", "cli.js");
  let dir: string;
  beforeAll(() => {
    if (!existsSync(cli)) {
      const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: root, encoding: "utf8" });
      if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    }
    dir = mkdtempSync(path.join(tmpdir(), "claimlint-cli-"));
    mkdirSync(path.join(dir, "drafts"));
    writeFileSync(path.join(dir, "drafts", "empty.md"), "");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const exec = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, input, encoding: "utf8" });

  it("exits 2 with the reason for a missing file", () => {
    const r = exec(["nowhere.md"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nowhere\.md: no such file/);
  });

  it("prints every file with --format json", () => {
    const r = exec(["--format", "json", "drafts/empty.md"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ file: "drafts/empty.md", diagnostics: [] }]);
  });

  it("reads standard input", () => {
    const r = exec(["--format", "json", "-"], "Nothing to see here.\n");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ file: "-", diagnostics: [] }]);
  });
});
