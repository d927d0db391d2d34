import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { CheckOptions, Checker } from "../../server/src/core/checker";
import type { Finding, RuleId, Severity } from "../../server/src/core/finding";
import type { CliIo, EntryKind } from "../../server/src/cli/io";
import fc from "fast-check";
import { firstInvalidUtf8 } from "../../server/src/cli/files";
import { positionConverter } from "../../server/src/cli/positions";
import { MAX_DRAFT_BYTES, runCli } from "../../server/src/cli/run";
import { MAX_JSON_FILE_BYTES } from "../../server/src/config/json";
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
    // The fact-check sheet runs end to end on the real engine (cli-sheet.test.ts).
    claims: () => [],
    sizeNotice: () => undefined,
    open() {
      throw new Error("the CLI checks whole files; it never keeps a draft open");
    },
  };
}

/** A file that refuses to be read, with this node error code. */
class Unreadable {
  constructor(readonly code: string) {}
}

/** The limits the CLI asked reads for, by absolute path ("-" for standard input). */
const limits = new Map<string, number>();

/** `bytes`, unless there are more than `limit` of them: then the real reader's refusal. */
function within(bytes: Uint8Array, limit: number): Uint8Array {
  if (bytes.length > limit) throw Object.assign(new Error("too large"), { code: "EFBIG" });
  return bytes;
}

/** An in-memory file system under /ws; folders exist where files are below them. */
function memoryIo(files: Record<string, string | Uint8Array | Unreadable>, options: { cwd?: string; stdin?: string | Uint8Array } = {}) {
  const abs = new Map(Object.entries(files).map(([p, c]) => [path.resolve(WS, p), typeof c === "string" ? new TextEncoder().encode(c) : c]));
  const isDir = (p: string) => [...abs.keys()].some((f) => f.startsWith(p.endsWith(path.sep) ? p : p + path.sep));
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    cwd: options.cwd ? path.resolve(WS, options.cwd) : WS,
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readStdin: async (limit) => {
      limits.set("-", limit);
      const stdin = options.stdin ?? "";
      return within(typeof stdin === "string" ? new TextEncoder().encode(stdin) : stdin, limit);
    },
    readFile: (p, limit) => {
      limits.set(p, limit);
      const content = abs.get(p);
      if (content instanceof Unreadable) throw Object.assign(new Error(`${content.code}: ${p}`), { code: content.code });
      if (content) return within(content, limit);
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

async function run(argv: string[], files: Record<string, string | Uint8Array | Unreadable>, options?: { cwd?: string; stdin?: string | Uint8Array }) {
  made.length = 0;
  limits.clear();
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
    expect(rules.map((x: { id: string }) => x.id)).toEqual(["unattributed-figure", "unattributed-spec", "spec-conflict", "unit-mismatch", "vague-attribution", "untraced-figure", "figure-conflict", "size-limit"]);
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
    expect(r.stderr).toBe("missing.md: not checked: no such file or folder\n");
    expect(JSON.parse(r.stdout).map((x: { file: string }) => x.file)).toEqual(["a.md"]);
  });
});

describe("drafts that cannot be checked", () => {
  /** One draft of each kind that cannot be read as UTF-8 text, between two that can. */
  const FILES = {
    "a.md": "They sent 4,000 troops.",
    "b-locked.md": new Unreadable("EACCES"),
    "c-latin1.md": new Uint8Array([...new TextEncoder().encode("Intro\n\nCaf"), 0xe9, 0x0a]),
    "d-binary.md": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    "e-utf16.md": new Uint8Array([0xff, 0xfe, 0x34, 0x00, 0x2c, 0x00]),
    "f-socket.md": new Unreadable("ENXIO"),
    "g.md": "It flies 500 kilometers.",
  };
  const STDERR = [
    "b-locked.md: not checked: permission denied",
    "c-latin1.md:3:4: not checked: the draft is not valid UTF-8 text (save it as UTF-8)",
    "d-binary.md:3:1: not checked: the draft contains a NUL byte; it is not a text file",
    "e-utf16.md:1:1: not checked: the draft is UTF-16 text, not UTF-8 (save it as UTF-8)",
    "f-socket.md: not checked: cannot be opened for reading (a socket, or a device with nothing behind it)",
    "",
  ].join("\n");

  it("are each reported on standard error with the path and place; the others are checked (exit 2)", async () => {
    const r = await run(["."], FILES);
    expect(r.stderr).toBe(STDERR);
    expect(r.stdout).toBe(
      [
        'a.md:1:11  warning  unattributed-figure on "4,000 troops"  unattributed-figure',
        'g.md:1:10  error  spec-conflict on "500 kilometers"  spec-conflict',
        "",
        "2 problems (1 error, 1 warning) in 2 files; 5 files could not be checked",
        "",
      ].join("\n"),
    );
    expect(r.status).toBe(2);
  });

  it("appear in the JSON array with no diagnostics, since every file named appears", async () => {
    const r = await run(["--format", "json", "."], FILES);
    expect(r.stderr).toBe(STDERR);
    expect(JSON.parse(r.stdout).map((x: { file: string; diagnostics: unknown[] }) => [x.file, x.diagnostics.length])).toEqual([
      ["a.md", 1],
      ["b-locked.md", 0],
      ["c-latin1.md", 0],
      ["d-binary.md", 0],
      ["e-utf16.md", 0],
      ["f-socket.md", 0],
      ["g.md", 1],
    ]);
    expect(r.status).toBe(2);
  });

  it("are not counted as clean in the summary", async () => {
    const r = await run(["a.md", "b.md"], { "a.md": "Clean.", "b.md": new Uint8Array([0xc3]) });
    expect(r.stdout).toBe("No problems found in 1 file; 1 file could not be checked.\n");
    expect(r.stderr).toBe("b.md:1:1: not checked: the draft is not valid UTF-8 text (save it as UTF-8)\n");
    expect(r.status).toBe(2);
  });

  it("include standard input, named as such", async () => {
    const r = await run(["-f", "json", "-"], {}, { stdin: new Uint8Array([0x61, 0x0a, 0x62, 0xff]) });
    expect(r.stderr).toBe("standard input:2:2: not checked: the draft is not valid UTF-8 text (save it as UTF-8)\n");
    expect(JSON.parse(r.stdout)).toEqual([{ file: "-", diagnostics: [] }]);
    expect(r.status).toBe(2);
  });

  it("do not include a byte order mark, which is dropped as editors drop it", async () => {
    const r = await run(["-f", "json", "a.md"], { "a.md": new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("4,000 troops")]) });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)[0].diagnostics[0].range.start).toEqual({ line: 0, character: 0 });
  });
});

describe("reading a draft's bytes", () => {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const decodes = (bytes: Uint8Array) => {
    try {
      strict.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  /** Bytes where UTF-8's rules change: the edges of lead and continuation byte ranges. */
  const edges = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
  /** Random bytes, sequences of edge bytes, and real UTF-8 with one byte changed: the mistakes files really hold. */
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    fc.array(fc.constantFrom(...edges), { maxLength: 12 }).map((b) => new Uint8Array(b)),
    fc.tuple(fc.string({ unit: "binary", maxLength: 20 }), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([text, at, byte]) => {
      const encoded = new TextEncoder().encode(text);
      if (encoded.length > 0) encoded[at % encoded.length] = byte;
      return encoded;
    }),
  );

  it("places the first invalid UTF-8 byte exactly where a strict decoder first fails", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at === -1).toBe(decodes(b));
        if (at >= 0) {
          expect(decodes(b.subarray(0, at))).toBe(true);
          expect(decodes(b.subarray(0, at + 1))).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the size of a draft", () => {
  it("is no matter for the CLI: the whole draft goes to the engine, with the maxDraftSize of its configuration", async () => {
    const draft = `4,000 troops ${"x".repeat(200)}`;
    let checked = "";
    made.length = 0;
    const { io } = memoryIo({ ".claimlintrc.json": '{"maxDraftSize": 10}', "a.md": draft });
    const status = await runCli(["a.md"], io, (deps) => {
      const checker = fakeChecker(deps);
      return { ...checker, check: (text) => ((checked = text), checker.check(text)) };
    });
    expect(made.map((m) => m.options.maxDraftSize)).toEqual([10]);
    expect(checked).toBe(draft);
    expect(status).toBe(1);
  });

  it("leaves the engine's default when no configuration sets one", async () => {
    await run(["a.md"], { "a.md": "" });
    expect(made.map((m) => m.options.maxDraftSize)).toEqual([undefined]);
  });

  it("is bounded when reading: a file past the most the CLI reads is reported, and the rest checked", async () => {
    const r = await run(["-f", "json", "dump.md", "a.md", "-"], { "dump.md": new Uint8Array(MAX_DRAFT_BYTES + 1), "a.md": "4,000 troops" }, { stdin: "fine" });
    expect(limits.get(path.resolve(WS, "dump.md"))).toBe(MAX_DRAFT_BYTES);
    expect(limits.get("-")).toBe(MAX_DRAFT_BYTES);
    expect(r.stderr).toBe("dump.md: not checked: the draft is larger than 256 MB; claimlint reads no draft larger than that\n");
    expect(JSON.parse(r.stdout).map((x: { file: string; diagnostics: unknown[] }) => [x.file, x.diagnostics.length])).toEqual([
      ["dump.md", 0],
      ["a.md", 1],
      ["-", 0],
    ]);
    expect(r.status).toBe(2);
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
    expect(r.stderr).toBe(".claimlintrc.json:2:13: invalid JSON: expected a property name in double quotes; the defaults are used\n");
    expect(JSON.parse(r.stdout)[0].diagnostics).toHaveLength(1);
    expect(r.status).toBe(2);
  });

  it("reports each wrong, unknown or misspelt setting at its place and keeps every valid one (exit 2)", async () => {
    const rc = [
      "{",
      '  "rules": { "spec-conflict": "loud", "unit-mismatch": "off", "unattributed-figures": "off" },',
      '  "attributionPhrases": ["by our count", 7],',
      '  "maxDraftSize": -1,',
      '  "colour": "red"',
      "}",
    ].join("\n");
    const r = await run(["-f", "json", "news/a.md"], { "news/.claimlintrc.json": rc, "news/a.md": "They sent 4,000 troops. It flies 500 kilometers." });
    const shown = path.join("news", ".claimlintrc.json");
    expect(r.stderr.split("\n")).toEqual([
      `${shown}:2:14: rules["spec-conflict"]: "loud" is not a severity (use off, hint, information, warning, error)`,
      `${shown}:2:63: unknown rule "unattributed-figures" in "rules" (did you mean "unattributed-figure"?)`,
      `${shown}:3:42: attributionPhrases[1]: expected a non-empty string, not number 7`,
      `${shown}:4:3: "maxDraftSize" must be a whole number of characters from 1 to 100,000,000, not number -1`,
      `${shown}:5:3: unknown setting "colour" (the settings are rules, attributionPhrases, references, sources, maxDraftSize); it is ignored`,
      "",
    ]);
    expect(made.map((m) => m.options)).toEqual([
      { severities: { "unit-mismatch": "off" }, attributionPhrases: ["by our count"] },
    ]);
    // The broken parts keep their defaults: the figure warns, the conflict is an error.
    expect(JSON.parse(r.stdout)[0].diagnostics.map((d: { severity: string }) => d.severity)).toEqual(["warning", "error"]);
    expect(r.status).toBe(2);
  });

  it.each([
    ["an empty file", "", ".claimlintrc.json:1:1: the file is empty; it needs a JSON object, such as {}; the defaults are used"],
    ["a file that is not UTF-8", new Uint8Array([0x7b, 0xe9, 0x7d]), ".claimlintrc.json:1:1: the file is not UTF-8 text (save it as UTF-8); the defaults are used"],
    ["a file that is not an object", "[]", ".claimlintrc.json:1:1: the configuration must be a JSON object, not an array"],
  ])("reports %s as a configuration and checks with the defaults (exit 2)", async (_what, rc, stderr) => {
    const r = await run(["-f", "json", "a.md"], { ".claimlintrc.json": rc, "a.md": "4,000 troops" });
    expect(r.stderr).toBe(`${stderr}\n`);
    expect(JSON.parse(r.stdout)[0].diagnostics).toHaveLength(1);
    expect(r.status).toBe(2);
  });

  it("takes a configuration with a byte order mark, and does not count the mark in positions", async () => {
    const r = await run(["a.md"], { ".claimlintrc.json": '\uFEFF{"rules": {"unattributed-figure": "of"}}', "a.md": "4,000 troops" });
    expect(r.stderr).toBe('.claimlintrc.json:1:12: rules["unattributed-figure"]: "of" is not a severity (use off, hint, information, warning, error)\n');
  });

  it("refuses a configuration over the size limit, reading no more than the limit of it", async () => {
    const huge = `{"attributionPhrases": ["${"x".repeat(MAX_JSON_FILE_BYTES)}"]}`;
    const r = await run(["-f", "json", "a.md"], { ".claimlintrc.json": huge, "a.md": "4,000 troops" });
    expect(limits.get(path.resolve(WS, ".claimlintrc.json"))).toBe(MAX_JSON_FILE_BYTES);
    expect(r.stderr).toBe(
      ".claimlintrc.json:1:1: the file is larger than 4 MB, claimlint's limit for configuration and reference files; the defaults are used\n",
    );
    expect(JSON.parse(r.stdout)[0].diagnostics).toHaveLength(1);
    expect(r.status).toBe(2);
  });

  it("reports each extra reference file that cannot be used, and goes on with the bundled reference (exit 2)", async () => {
    const speed = (value: number) => ({ attribute: "speed", value, unit: "Mach", qualifier: "about", source: "rt-2023-06-atacms-letter", evidence: "quoted" });
    const r = await run(["-f", "json", "a.md"], {
      ".claimlintrc.json": JSON.stringify({ references: ["facts/none.json", "facts", "facts/broken.json", "facts/huge.json", "facts/one.json", "facts/two.json"] }),
      "facts/broken.json": '{\n  "systems": [\n    { "id": "x" }\n    { "id": "y" }\n  ]\n}',
      "facts/huge.json": " ".repeat(MAX_JSON_FILE_BYTES + 1),
      "facts/one.json": JSON.stringify({ systems: [{ id: "atacms", facts: [speed(3), speed(3)] }] }, null, 2),
      "facts/two.json": JSON.stringify({ systems: [{ id: "atacms", facts: [speed(5)] }] }, null, 2),
      "a.md": "They sent 4,000 troops.",
    });
    const facts = (name: string) => path.join("facts", name);
    expect(r.stderr.split("\n")).toEqual([
      `${facts("none.json")}: file not found; the bundled reference is still used`,
      "facts: it is a folder, not a file; the bundled reference is still used",
      `${facts("broken.json")}:4:5: invalid JSON: expected ',' or ']'; the file is skipped and the bundled reference is still used`,
      `${facts("huge.json")}:1:1: the file is larger than 4 MB, claimlint's limit for configuration and reference files; the bundled reference is still used`,
      `${facts("one.json")}:14:9: at /systems/0/facts/1: the same fact is already listed at /systems/0/facts/0; this one is left out`,
      `${facts("two.json")}:6:9: at /systems/0/facts/0: ATACMS speed "about 5 Mach" conflicts with "about 3 Mach" (source "rt-2023-06-atacms-letter"), already in the reference; the first one read is kept and this one is left out`,
      "",
    ]);
    const atacms = made[0]!.reference.systems.find((s) => s.id === "atacms")!;
    expect(atacms.facts.map((f) => `${f.attribute} ${f.value} ${f.unit}`)).toEqual(["range 300 km", "range 190 mi", "speed 3 Mach"]);
    expect(JSON.parse(r.stdout)[0].diagnostics).toHaveLength(1);
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

  it("goes on with the defaults when --config is missing, a folder or not JSON (exit 2)", async () => {
    const files = { "cfg/x.json": "{}", "bad.json": "{ rules }", "a.md": "4,000 troops" };
    const cases: [string, string][] = [
      ["none.json", "none.json: file not found; the defaults are used\n"],
      ["cfg", "cfg: it is a folder, not a file; the defaults are used\n"],
      ["bad.json", "bad.json:1:3: invalid JSON: expected a property name in double quotes; the defaults are used\n"],
    ];
    for (const [config, stderr] of cases) {
      const r = await run(["-f", "json", "--config", config, "a.md"], files);
      expect(r.stderr).toBe(stderr);
      expect(JSON.parse(r.stdout)[0].diagnostics.map((d: { rule: string }) => d.rule)).toEqual(["unattributed-figure"]);
      expect(made.map((m) => m.options)).toEqual([{ severities: {}, attributionPhrases: [] }]);
      expect(r.status).toBe(2);
    }
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
    expect(help.stdout).toMatch(/^Usage: claimlint \[--format text\|json\|sarif\|sheet\|csv\] \[--config FILE\] \[--sources PATH\] FILE\|DIR\|- \.\.\./);
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
    expect(r.stderr).toBe("nowhere.md: not checked: no such file or folder\n");
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
