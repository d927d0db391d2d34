/**
 * The folder VS Code opens: a temp copy of examples/ plus the files the scenarios need, and
 * the oracle the scenarios compare the editor with: the CLI (dist/cli.js, the same engine as
 * the language server) run on the same files, with the same .claimlintrc.json lookup.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const DRAFT = "examples/draft.md";
/** Never opened in the editor: only Check Workspace can report it. */
export const UNOPENED = "notes/unopened.md";

const UNOPENED_TEXT = `# Notes from the front

The brigade lost 120 tanks in the spring offensive.
`;

export class TestWorkspace {
  constructor(root, runDir) {
    this.root = root;
    this.dir = join(runDir, "workspace");
    this.cli = join(root, "dist", "cli.js");
  }

  create() {
    mkdirSync(this.dir, { recursive: true });
    cpSync(join(this.root, "examples"), join(this.dir, "examples"), { recursive: true });
    this.write(UNOPENED, UNOPENED_TEXT);
    this.draftText = this.read(DRAFT);
    return this;
  }

  path(rel) {
    return join(this.dir, rel);
  }

  read(rel) {
    return readFileSync(this.path(rel), "utf8");
  }

  write(rel, text) {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), typeof text === "string" ? text : `${JSON.stringify(text, null, 2)}\n`);
  }

  remove(rel) {
    rmSync(this.path(rel), { recursive: true, force: true });
  }

  /** Puts the draft back as examples/ has it. */
  restoreDraft() {
    this.write(DRAFT, this.draftText);
  }

  /** The draft's original line `line` (1-based). */
  draftLine(line) {
    return this.draftText.split("\n")[line - 1];
  }

  /**
   * What the CLI finds in `targets` (files or folders, relative to the workspace), as its
   * `--format json` array: `[{ file, diagnostics: [{ rule, severity, message, range }] }]`.
   */
  check(...targets) {
    const r = spawnSync(process.execPath, [this.cli, "--format", "json", ...targets], { cwd: this.dir, encoding: "utf8" });
    // Exit 1 only says that something was found.
    if (r.status !== 0 && r.status !== 1) throw new Error(`claimlint CLI failed (${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout);
  }

  /**
   * The fact-check sheet the CLI gives for one file (`--format csv`): a row of cells per
   * claim, as the editor's claims sheet should show them (`#`, Line, Claim, Attribution,
   * Reference, Source), the file's column left out.
   */
  sheet(file) {
    const r = spawnSync(process.execPath, [this.cli, "--format", "csv", file], { cwd: this.dir, encoding: "utf8" });
    if (r.status !== 0 && r.status !== 1) throw new Error(`claimlint CLI failed (${r.status}): ${r.stderr}`);
    return parseCsv(r.stdout).slice(1).map((row) => row.slice(1));
  }
}

/** The rows of RFC 4180 CSV, as the CLI writes it: CRLF after every row, quoted fields with doubled quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      // A quoted field runs to the quote not doubled.
      for (i++; i < text.length && !(text[i] === '"' && text[i + 1] !== '"'); i++) field += text[i] === '"' ? text[++i] : text[i];
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}
