/**
 * The server keeps open drafts in chunks; editors address them by lines and characters as the
 * textdocument library does. After any run of edits, text, lines and positions must be what the
 * library gives for each change applied to a document made afresh from the text before it.
 * (The library's own edited document can miscount lines after a change whose range points past
 * the last line, and then place later changes wrongly.) Each text gets a revision of its own,
 * whatever versions the client sends, and a change or an open that is malformed is refused,
 * changing nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextDocument, type TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import { DraftDocument } from "../../server/src/lsp/draft-document";

const LINE = ["Russia fired 40 drones.", "", "  - item", "| a | b |", "x".repeat(300)];
const ENDS = ["\n", "\r\n", "\r"];
/** Large enough to span several chunks, with every kind of line end. */
function base(seed: number): string {
  let text = "";
  for (let i = 0; text.length < 70_000; i++) text += LINE[(i * 7 + seed) % LINE.length] + ENDS[(i * 3 + seed) % ENDS.length];
  return text;
}

const TYPED = ["x", "\n", "\r", "\r\n", "\n\n", "é", "🙂", "| c |\r\n", "a".repeat(40_000), ""];
const position = fc.record({ line: fc.integer({ min: -2, max: 2_500 }), character: fc.integer({ min: -2, max: 400 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: fc.constantFrom(...TYPED) }) },
  { weight: 1, arbitrary: fc.constantFrom(...TYPED).map((text) => ({ text })) },
);

describe("a chunked draft document", () => {
  it("answers as the textdocument library does after any edits", () => {
    fc.assert(
      fc.property(fc.nat(4), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), (seed, batches, probes) => {
        const content = base(seed);
        const actual = DraftDocument.create("file:///d.md", "markdown", 1, content);
        let text = content;
        let version = 1;
        for (const batch of batches) {
          version++;
          // Each change applied to a document made afresh from the text before it.
          for (const change of batch) {
            const before = TextDocument.create("file:///d.md", "markdown", version, text);
            text = TextDocument.update(before, [change], version).getText();
          }
          actual.update(batch, version);
          expect(actual.getText()).toBe(text);
          expect(actual.version).toBe(version);
          const fresh = TextDocument.create("file:///d.md", "markdown", version, text);
          expect(actual.lineCount).toBe(fresh.lineCount);
          for (const probe of probes) {
            const offset = probe % (text.length + 2);
            expect(actual.positionAt(offset)).toEqual(fresh.positionAt(offset));
            const at = { line: probe % (fresh.lineCount + 1), character: probe % 50 };
            expect(actual.offsetAt(at)).toBe(fresh.offsetAt(at));
            expect(actual.getLineRange(at.line)).toEqual(fresh.getLineRange(at.line));
            expect(actual.getEOLCharacters(at.line)).toBe(fresh.getEOLCharacters(at.line));
            const from = probe % (text.length + 1);
            expect(actual.snapshot().slice(from, from + (probe % 40_000))).toBe(text.slice(from, from + (probe % 40_000)));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("names each text apart, whatever version numbers the client sends", () => {
    const document = DraftDocument.create("file:///d.md", "markdown", 5, "Kyiv lost 12 jets.");
    const other = DraftDocument.create("file:///e.md", "markdown", 5, "Kyiv lost 12 jets.");
    const seen = new Set([document.revision, other.revision]);
    for (const [version, text] of [[5, "x"], [3, "y"], [3, "z"]] as const) {
      document.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }], version);
      expect(document.version).toBe(version);
      seen.add(document.revision);
    }
    expect(seen.size).toBe(5);
  });

  it("refuses a notification with a change that is not one, changing nothing", () => {
    const document = DraftDocument.create("file:///d.md", "markdown", 1, base(0));
    const { revision } = document;
    const good = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "x" };
    const malformed = [
      { range: null, text: "x" },
      { text: 5 },
      {},
      null,
      { range: { start: { line: "1", character: 0 }, end: { line: 1, character: 0 } }, text: "x" },
      { range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } }, text: "x" },
      { range: { start: { line: 1, character: 0 } }, text: "x" },
    ];
    for (const change of malformed) expect(() => document.update([good, change as TextDocumentContentChangeEvent], 2), JSON.stringify(change)).toThrow(/refused/);
    expect(() => document.update([good], "2" as unknown as number)).toThrow(/refused/);
    expect(document.getText()).toBe(base(0));
    expect(document.version).toBe(1);
    expect(document.revision).toBe(revision);
    // Out of range is not malformed: clamped, as the textdocument library clamps.
    document.update([{ range: { start: { line: -4, character: -1 }, end: { line: 0, character: 0 } }, text: "y" }], 2);
    expect(document.getText()).toBe(`y${base(0)}`);
  });

  it("refuses to open without a string URI and text and a whole version", () => {
    const bad: [unknown, unknown, unknown][] = [
      [5, 1, "text"],
      ["file:///d.md", 1, undefined],
      ["file:///d.md", 1, 5],
      ["file:///d.md", "1", "text"],
      ["file:///d.md", 1.5, "text"],
    ];
    for (const [uri, version, text] of bad) expect(() => DraftDocument.create(uri as string, "markdown", version as number, text as string)).toThrow(/refused/);
  });

  it("hands a check the text of its version, whatever edits follow", () => {
    const document = DraftDocument.create("file:///d.md", "markdown", 1, base(0));
    const before = document.snapshot();
    const text = document.getText();
    document.update([{ range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, text: "changed\n" }], 2);
    expect(before.slice(0, before.length)).toBe(text);
    expect(document.getText()).not.toBe(text);
  });
});
