/**
 * The fact-check sheet from the command line, end to end through the built dist/cli.js:
 * `--format sheet` (Markdown) and `--format csv` (RFC 4180), every claim of every file named.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const cli = path.join(root, "dist", "cli.js");
let dir: string;

const DRAFTS: Record<string, string> = {
  "desk.md": [
    "# Strikes overnight",
    "",
    "Russia launched 120 drones overnight, the air force said. Officials said 40 missiles were fired.",
    "",
    "ATACMS can strike targets 500 km away, according to [Reuters](https://example.org/r).",
    "The army said ATACMS has a range of up to 300 kilometers.",
    "",
    "Ukraine lost more than 4,000 troops.",
    "",
    "Kyiv lost 12 jets. <!-- claimlint-disable-line -->",
    "",
  ].join("\n"),
  // A source's name holding a pipe and a backslash, and a claim broken over two lines.
  "pipes.md": "Russia fired 70 missiles, according to Kyiv|Post.\nThe 40\ntanks, Kyiv\\Post said, were lost.\n",
  "quiet.md": "No figures here.\n",
  // Every claim attributed, and the one unattributed one silenced: nothing at warning or above.
  "settled.md": "Russia fired 70 missiles, the air force said.\n\nKyiv lost 12 jets. <!-- claimlint-disable-line -->\n",
  // File names a spreadsheet would read as formulas, and one with a comma and a line break.
  "=1+2.md": "Russia fired 70 missiles, the air force said.\n",
  "@cmd.md": "Russia fired 70 missiles, the air force said.\n",
  "a,b\nc.md": "Russia fired 70 missiles, the air force said.\n",
  "quoted.md": 'Russia fired 70 missiles, according to the "Kyiv Post".\n',
};

beforeAll(() => {
  if (!existsSync(cli)) {
    const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: root, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  }
  dir = mkdtempSync(path.join(tmpdir(), "claimlint-sheet-"));
  for (const [name, text] of Object.entries(DRAFTS)) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, "utf16.md"), Buffer.from([0xff, 0xfe, 0x34, 0x00]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exec = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8" });

const HEADER = "| # | Line | Claim | Attribution | Reference | Source |\n| --- | --- | --- | --- | --- | --- |\n";
const DESK_TABLE =
  HEADER +
  "| 1 | 3 | 120 drones | attributed: the air force |  |  |\n" +
  "| 2 | 3 | 40 missiles | vague: Officials |  |  |\n" +
  "| 3 | 5 | 500 km | attributed: Reuters | conflicts with ATACMS range up to 300 km (186 mi), RT, 2023-06 |  |\n" +
  "| 4 | 6 | up to 300 kilometers | attributed: The army | matches ATACMS range up to 300 km (186 mi), RT, 2023-06 |  |\n" +
  "| 5 | 8 | more than 4,000 troops | unattributed |  |  |\n" +
  "| 6 | 10 | 12 jets | unattributed (silenced) |  |  |\n";

describe("--format sheet", () => {
  it("writes a heading and a table of every claim per file, and a line for a file with no claims", () => {
    const r = exec(["--format", "sheet", "desk.md", "quiet.md"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`## desk.md\n\n${DESK_TABLE}\n## quiet.md\n\nNo claims.\n`);
  });

  it("escapes pipes and backslashes in cells and keeps every claim on its row", () => {
    const r = exec(["--format", "sheet", "pipes.md"]);
    expect(r.stdout).toBe(
      "## pipes.md\n\n" + HEADER + "| 1 | 1 | 70 missiles | attributed: Kyiv\\|Post |  |  |\n" + "| 2 | 2 | 40 tanks | attributed: Kyiv\\\\Post |  |  |\n",
    );
  });

  it("keeps a file name with a line break on its heading's line", () => {
    const r = exec(["--format", "sheet", "a,b\nc.md"]);
    expect(r.stdout.split("\n")[0]).toBe("## a,b c.md");
  });

  it("lists a draft that could not be checked, and says so", () => {
    const r = exec(["--format", "sheet", "quiet.md", "utf16.md"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("utf16.md:1:1: not checked: the draft is UTF-16 text, not UTF-8 (save it as UTF-8)\n");
    expect(r.stdout).toBe("## quiet.md\n\nNo claims.\n\n## utf16.md\n\nNot checked: see the reason on standard error.\n");
  });
});

describe("--format csv", () => {
  it("writes a header row and one row per claim, the file first, quoting fields with commas, CRLF line ends", () => {
    const r = exec(["--format", "csv", "desk.md", "quiet.md", "pipes.md"]);
    expect(r.stdout).toBe(
      [
        "File,#,Line,Claim,Attribution,Reference,Source",
        "desk.md,1,3,120 drones,attributed: the air force,,",
        "desk.md,2,3,40 missiles,vague: Officials,,",
        'desk.md,3,5,500 km,attributed: Reuters,"conflicts with ATACMS range up to 300 km (186 mi), RT, 2023-06",',
        'desk.md,4,6,up to 300 kilometers,attributed: The army,"matches ATACMS range up to 300 km (186 mi), RT, 2023-06",',
        'desk.md,5,8,"more than 4,000 troops",unattributed,,',
        "desk.md,6,10,12 jets,unattributed (silenced),,",
        "pipes.md,1,1,70 missiles,attributed: Kyiv|Post,,",
        "pipes.md,2,2,40 tanks,attributed: Kyiv\\Post,,",
        "",
      ].join("\r\n"),
    );
  });

  it("writes only the header for files with no claims", () => {
    expect(exec(["--format", "csv", "quiet.md"]).stdout).toBe("File,#,Line,Claim,Attribution,Reference,Source\r\n");
  });

  it("quotes a field with a line break or a quotation mark, and makes a cell a spreadsheet would run as a formula text", () => {
    const r = exec(["--format", "csv", "=1+2.md", "@cmd.md", "a,b\nc.md", "quoted.md"]);
    expect(r.stdout).toBe(
      [
        "File,#,Line,Claim,Attribution,Reference,Source",
        "'=1+2.md,1,1,70 missiles,attributed: the air force,,",
        "'@cmd.md,1,1,70 missiles,attributed: the air force,,",
        '"a,b\nc.md",1,1,70 missiles,attributed: the air force,,',
        'quoted.md,1,1,70 missiles,"attributed: the ""Kyiv Post""",,',
        "",
      ].join("\r\n"),
    );
  });
});

describe("exit status", () => {
  it("is 1 when a claim is flagged at warning or above, as for the other formats", () => {
    for (const format of ["sheet", "csv", "text"]) expect(exec(["--format", format, "desk.md"]).status).toBe(1);
  });

  it("is 0 when nothing is flagged at warning or above, though the sheet lists unattributed claims a directive silences", () => {
    for (const format of ["sheet", "csv", "text"]) expect(exec(["--format", format, "settled.md", "quiet.md"]).status).toBe(0);
    expect(exec(["--format", "sheet", "settled.md"]).stdout).toContain("| 2 | 3 | 12 jets | unattributed (silenced) |  |  |\n");
  });

  it("is 2 for a usage error: an unknown format names the sheet formats", () => {
    const r = exec(["--format", "xlsx", "desk.md"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown format "xlsx" (use text, json, sarif, sheet, csv)');
  });
});

describe("a draft over maxDraftSize", () => {
  it("lists the claims of the part checked and says where checking stops, in the sheet and in the CSV", () => {
    const folder = path.join(dir, "limited");
    mkdirSync(folder);
    writeFileSync(path.join(folder, ".claimlintrc.json"), '{"maxDraftSize": 60}');
    writeFileSync(path.join(folder, "long.md"), "They sent 4,000 troops.\n\nRussia fired 70 missiles.\n\nThey sent 6,000 troops.\n");
    const notice = "Only the first 52 of the draft's 76 characters are checked (maxDraftSize is 60): from here on, nothing is.";
    const sheet = exec(["--format", "sheet", "limited/long.md"]);
    expect(sheet.stdout).toBe(
      `## limited/long.md\n\n${HEADER}| 1 | 1 | 4,000 troops | unattributed |  |  |\n| 2 | 3 | 70 missiles | unattributed |  |  |\n\nLine 5: ${notice}\n`,
    );
    const csv = exec(["--format", "csv", "limited/long.md"]);
    expect(csv.stdout.split("\r\n").at(-2)).toBe(`limited/long.md,,5,"${notice}",,,`); // quoted: the message holds commas
  });
});
