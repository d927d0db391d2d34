/**
 * `claimlint/claims` through the protocol: the fact-check sheet of an open draft as an editor's
 * view asks for it, for the draft's current text, with ranges an editor can select.
 */
import { describe, expect, it } from "vitest";
import { HoverRequest, type Range } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { createChecker } from "../../server/src/core/checker";
import { bundledReference } from "../../server/src/reference/load";
import type { ClaimsResult } from "../../server/src/lsp/claims-request";
import { DRAFT, session } from "./fixtures";
import type { Session } from "./session";

const claimsOf = (s: Session, uri: string) => s.connection.sendRequest<ClaimsResult>("claimlint/claims", { uri });

const lines = DRAFT.split("\n");
/** The range of `words` on line `line` of DRAFT. */
const rangeOf = (line: number, words: string): Range => {
  const character = lines[line]!.indexOf(words);
  if (character < 0) throw new Error(`${JSON.stringify(words)} is not on line ${line}`);
  return { start: { line, character }, end: { line, character: character + words.length } };
};

/** The text a range covers, white space folded as the sheet folds a claim's. */
const textAt = (text: string, range: Range) => {
  const document = TextDocument.create("file:///x.md", "markdown", 1, text);
  return document.getText(range).replace(/\s+/g, " ");
};

describe("claimlint/claims", () => {
  it("lists every claim of the draft with its range, attribution, reference check and flags", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT, 4);
    const result = await claimsOf(s, uri);
    expect(result.version).toBe(4);
    expect(result.claims).toEqual([
      {
        kind: "figure",
        text: "more than 4,000 troops",
        range: rangeOf(2, "more than 4,000 troops"),
        attribution: { status: "unattributed" },
        flaggedBy: [{ rule: "unattributed-figure", severity: "warning" }],
        silenced: [],
      },
      {
        kind: "spec",
        text: "500 km",
        range: rangeOf(4, "500 km"),
        attribution: { status: "unattributed" },
        reference: { status: "conflicts", system: "ATACMS", attribute: "range", fact: "up to 300 km (186 mi)", article: "RT, 2023-06" },
        flaggedBy: [
          { rule: "unattributed-spec", severity: "warning" },
          { rule: "spec-conflict", severity: "error" },
        ],
        silenced: [],
      },
      {
        kind: "spec",
        text: "about 70 kilometers (80 miles)",
        range: rangeOf(6, "about 70 kilometers (80 miles)"),
        attribution: { status: "attributed", by: "the Army" },
        reference: { status: "not in the reference", system: "HIMARS", attribute: "range" },
        flaggedBy: [{ rule: "unit-mismatch", severity: "warning" }],
        silenced: [],
      },
      {
        kind: "spec",
        text: "up to 300 kilometers",
        range: rangeOf(8, "up to 300 kilometers"),
        attribution: { status: "unattributed" },
        reference: { status: "matches", system: "ATACMS", attribute: "range", fact: "up to 300 km (186 mi)", article: "RT, 2023-06" },
        flaggedBy: [{ rule: "unattributed-spec", severity: "warning" }],
        silenced: [],
      },
    ]);
  });

  it("lists a claim a directive silences with its status, naming the silenced rules", async () => {
    const s = await session({ settings: { rules: { "vague-attribution": "information" } } });
    const uri = s.uri("draft.md");
    await s.open(uri, "Officials said 40 missiles were fired.\n\nKyiv lost 12 jets. <!-- claimlint-disable-line -->\n");
    const { claims } = await claimsOf(s, uri);
    expect(claims.map((c) => [c.text, c.attribution, c.flaggedBy, c.silenced])).toEqual([
      ["40 missiles", { status: "vague", by: "Officials" }, [{ rule: "vague-attribution", severity: "information" }], []],
      ["12 jets", { status: "unattributed" }, [], ["unattributed-figure"]],
    ]);
  });

  it("answers for the newest text, also when no keystroke checks the draft", async () => {
    // In the onSave mode nothing checks the draft as it is typed: the request does.
    const s = await session({ settings: { run: "onSave" } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    await s.edit(uri, [{ range: rangeOf(2, "more than 4,000 troops"), newText: "some 40 tanks" }]);
    await s.edit(uri, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, newText: "\n\nRussia fired 70 missiles overnight, the air force said." }]);
    const result = await claimsOf(s, uri);
    expect(result.version).toBe(3);
    expect(result.claims.map((c) => [c.text, c.attribution.status, c.range.start.line])).toEqual([
      ["70 missiles", "attributed", 2],
      ["some 40 tanks", "unattributed", 4],
      ["500 km", "unattributed", 6],
      ["about 70 kilometers (80 miles)", "attributed", 8],
      ["up to 300 kilometers", "unattributed", 10],
    ]);
  });

  it("after every edit, lists what a fresh reading of the text lists, each range covering its claim", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const fresh = createChecker({ reference: bundledReference() });
    const edits: [Range, string][] = [
      [rangeOf(4, "500 km"), "450 km"],
      [{ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, "- 120 drones\n- 40 missiles, the air force said\n"],
      [rangeOf(2, "in a week."), "in a week, the Pentagon said."],
      [{ start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, ""],
    ];
    for (const [range, newText] of edits) {
      const text = await s.edit(uri, [{ range, newText }]);
      const result = await claimsOf(s, uri);
      expect(result.version).toBe(s.document(uri).version);
      const expected = fresh.claims(text).map(({ offset, length, ...standing }) => ({ ...standing, covers: text.slice(offset, offset + length).replace(/\s+/g, " ") }));
      expect(result.claims.map(({ range: r, ...standing }) => ({ ...standing, covers: textAt(text, r) }))).toEqual(expected);
    }
  });

  it("gives an empty list and no version for a draft that is not open, closed, or not checked", async () => {
    const s = await session({ settings: {} });
    const uri = s.uri("draft.md");
    expect(await claimsOf(s, s.uri("never-opened.md"))).toEqual({ version: null, claims: [], total: 0 });
    await s.open(uri, DRAFT);
    expect((await claimsOf(s, uri)).claims).toHaveLength(4);
    await s.close(uri);
    expect(await claimsOf(s, uri)).toEqual({ version: null, claims: [], total: 0 });

    s.settings = { enable: false };
    const off = s.uri("off.md");
    await s.open(off, DRAFT);
    expect(await claimsOf(s, off)).toEqual({ version: null, claims: [], total: 0 });
  });

  it("survives malformed requests and goes on answering", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    for (const params of [{}, null, { uri: 42 }, { uri: "not a uri" }]) expect(await s.connection.sendRequest<ClaimsResult>("claimlint/claims", params)).toEqual({ version: null, claims: [], total: 0 });
    expect((await claimsOf(s, uri)).claims).toHaveLength(4);
    expect(await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: rangeOf(4, "ATACMS").start })).not.toBeNull();
    expect(s.process.exitCode).toBeNull();
  });
});
