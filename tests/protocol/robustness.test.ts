/**
 * No input takes the server down. After each kind of bad traffic the same process is still
 * running, has logged no uncaught error and written nothing to stderr, and goes on serving:
 * a draft opened next gets the diagnostics a full check of its text gives, and a hover on
 * it gets its card. The traffic:
 * - malformed JSON-RPC, written as raw bytes: bodies that are not JSON or not messages cost
 *   only themselves; broken headers and lying lengths are skipped up to the next message,
 *   which is read at once; input that ends inside a message ends the server cleanly;
 * - unknown methods: requests are answered MethodNotFound, notifications ignored;
 * - positions out of range (negative, past the end, reversed), taken as clamped and ordered;
 * - changes and opens that are malformed, refused whole;
 * - drafts at addresses that are not file paths; notifications and requests for drafts
 *   never opened; a draft closed twice, or opened twice;
 * - versions out of order: changes apply in the order they arrive, whatever their version,
 *   and the findings sent are always those of the text the client holds;
 * - 10,000 edits in a burst, and random streams of edits: the diagnostics last sent equal a
 *   full check of the final text;
 * - a client that stops reading: the server keeps only each draft's newest diagnostics for it;
 * - 100 large drafts opened and closed: memory returns near where one left it.
 * Tests wait on messages, and once on the server going idle; they never time anything.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ErrorCodes,
  HoverRequest,
  type Diagnostic,
  type Hover,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { generateDraft } from "../../bench/generate";
import { Random } from "../../bench/random";
import { createChecker } from "../../server/src/core/checker";
import { toDiagnostic } from "../../server/src/lsp/diagnostics";
import { bundledReference } from "../../server/src/reference/load";
import { DRAFT, session } from "./fixtures";
import type { Session } from "./session";

const checker = createChecker({ reference: bundledReference() });

/** What a full check of `text` gives, as the server sends it to an editor that shows everything. */
function fullCheck(uri: string, text: string): Diagnostic[] {
  const document = TextDocument.create(uri, "markdown", 0, text);
  return checker.check(text).map((f) => toDiagnostic(f, document));
}

const hover = (s: Session, uri: string, position: Position) => s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
const cardOf = (h: Hover | null) => (h?.contents as { value?: string } | undefined)?.value;
/** DRAFT's ATACMS, whose card gives the reference range. */
const ATACMS = { line: 4, character: 2 };

/** The process runs, nothing uncaught was logged and nothing written to stderr. */
function expectAlive(s: Session): void {
  expect(s.process.exitCode).toBeNull();
  expect(s.process.signalCode).toBeNull();
  expect(s.logs.filter((l) => /unexpected error/.test(l.message))).toEqual([]);
  expect(s.stderr).toBe("");
}

/** `uri`, just opened with DRAFT, gets the diagnostics of a full check and its hover card; the server is alive. */
async function expectServing(s: Session, uri: string): Promise<void> {
  await s.diagnostics(uri);
  expect((await settled(s, uri)).diagnostics).toEqual(fullCheck(uri, DRAFT));
  expect(cardOf(await hover(s, uri, ATACMS))).toContain("300 km");
  expectAlive(s);
}

/**
 * The diagnostics last sent for `uri` once the server is done with its current text: a
 * hover waits for that text's check, which sends its diagnostics before the hover's answer.
 */
async function settled(s: Session, uri: string): Promise<PublishDiagnosticsParams> {
  await hover(s, uri, { line: 0, character: 0 });
  return s.publishedFor(uri).at(-1)!;
}

/** The diagnostics of the next notification for `uri`, after those received so far. */
function nextDiagnostics(s: Session, uri: string, what: string): Promise<PublishDiagnosticsParams> {
  const seen = s.publishedFor(uri).length;
  return s.diagnostics(uri, (p) => s.publishedFor(uri).indexOf(p) >= seen, what);
}

/** The server's resident memory in MB, from Linux's /proc. */
function residentMb(s: Session): number {
  const status = readFileSync(`/proc/${s.process.pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)![1]) / 1024;
}

const frame = (body: string | Buffer) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`, "ascii"), Buffer.from(body)]);
const didOpen = (uri: string, text: string) =>
  JSON.stringify({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "markdown", version: 1, text } } });

describe("malformed JSON-RPC", () => {
  // Each is written with the next message (a draft opened) in the same write: the server must
  // read that message at once, not only when more bytes arrive.
  // `skipped`: the bytes the server reports it skipped to find the next message.
  const cases: { name: string; bytes: Buffer; skipped?: number; logged?: RegExp }[] = [
    { name: "a body that is not JSON is dropped", bytes: frame('{"jsonrpc":"2.0","method":') },
    { name: "a body that is not UTF-8 is dropped", bytes: frame(Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80])) },
    { name: "JSON that is not a message is logged and dropped", bytes: frame("[]"), logged: /neither a response nor a notification/ },
    { name: "a message with no method, id or result is logged and dropped", bytes: frame('{"jsonrpc":"2.0"}'), logged: /neither a response nor a notification/ },
    { name: "a request id without a method is logged and dropped", bytes: frame('{"jsonrpc":"2.0","id":41}'), logged: /neither a response nor a notification/ },
    { name: "a response to a request never sent is dropped", bytes: frame('{"jsonrpc":"2.0","id":"nope","result":null}') },
    { name: "a header without Content-Length is skipped", bytes: Buffer.from("Content-Type: application/vscode-jsonrpc\r\n\r\n"), skipped: 44 },
    { name: "a header line without a colon is skipped", bytes: Buffer.from("garbage\r\n\r\n"), skipped: 11 },
    { name: "a Content-Length that is not a number is skipped", bytes: Buffer.from("Content-Length: twelve\r\n\r\n{}"), skipped: 28 },
    { name: "a negative Content-Length is skipped", bytes: Buffer.from("Content-Length: -5\r\n\r\n{}"), skipped: 24 },
    { name: "bytes before a header are skipped", bytes: Buffer.from("hello"), skipped: 5 },
    { name: "a Content-Length shorter than its body: the message is lost, the next one read", bytes: Buffer.from('Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"x"}'), skipped: 25 },
    { name: "a Content-Length longer than its body: the message is lost, the next one read", bytes: Buffer.from('Content-Length: 300\r\n\r\n{"jsonrpc":"2.0","method":"x"}'), skipped: 53, logged: /claimed 300 bytes/ },
    { name: "a Content-Length far longer than anything sent: the next message is read", bytes: Buffer.from("Content-Length: 99999999999\r\n\r\n{"), skipped: 32, logged: /claimed 99999999999 bytes/ },
    { name: "kilobytes that never end a header are skipped", bytes: Buffer.alloc(20_000, "x"), skipped: 20_000 },
  ];

  it.each(cases)("$name; the server goes on", async ({ bytes, skipped, logged }) => {
    const s = await session();
    const after = s.uri("after.md");
    await s.sendRaw(Buffer.concat([bytes, frame(didOpen(after, DRAFT))]));
    await expectServing(s, after);
    const reports = s.logs.map((l) => /^skipped (\d+) bytes of input/.exec(l.message)).filter((m) => m !== null);
    expect(reports.reduce((sum, m) => sum + Number(m[1]), 0)).toBe(skipped ?? 0);
    if (logged) expect(s.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(logged));
  });

  it("bytes that are not UTF-8 inside a draft's text are read as replacement characters, and the draft is checked", async () => {
    const s = await session();
    const uri = s.uri("latin1.md");
    const body = Buffer.concat([Buffer.from(didOpen(uri, "Kyiv lost 12 jets near Bak").slice(0, -4)), Buffer.from([0xe9]), Buffer.from('."}}}')]);
    await s.sendRaw(frame(body));
    const published = await s.diagnostics(uri);
    expect(published.diagnostics).toEqual(fullCheck(uri, "Kyiv lost 12 jets near Bak\ufffd."));
    expect(published.diagnostics.map((d) => d.code)).toEqual(["unattributed-figure"]);
    expectAlive(s);
  });

  it("input that ends inside a message ends the server with code 1 (no shutdown was asked), and no stack trace", async () => {
    const s = await session();
    const exited = new Promise<[number | null, string | null]>((resolve) => s.process.once("exit", (code, signal) => resolve([code, signal])));
    await s.sendRaw('Content-Length: 100\r\n\r\n{"jsonrpc":"2.0"');
    s.process.stdin!.end();
    expect(await exited).toEqual([1, null]);
    expect(s.stderr).toBe("");
  });
});

describe("unknown methods", () => {
  it("an unknown request is answered MethodNotFound; unknown notifications, $/ ones too, are ignored", async () => {
    const s = await session();
    for (const method of ["claimlint/noSuchRequest", "$/noSuchRequest", "textDocument/completion"])
      await expect(s.connection.sendRequest(method, {}), method).rejects.toMatchObject({ code: ErrorCodes.MethodNotFound });
    await s.connection.sendNotification("claimlint/noSuchNotification", { a: 1 });
    await s.connection.sendNotification("$/noSuchNotification");
    const uri = s.uri("after.md");
    await s.open(uri, DRAFT);
    await expectServing(s, uri);
    expect(s.logs).toEqual([]);
  });
});

describe("positions out of range", () => {
  it("hovers and code actions take negative, past-the-end and reversed positions as clamped and ordered", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    const actions = (range: Range) => s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } });
    const end = s.document(uri).positionAt(DRAFT.length);
    expect(cardOf(await hover(s, uri, { line: 4, character: -3 }))).toContain("300 km");
    expect(await hover(s, uri, { line: 4, character: -3 })).toEqual(await hover(s, uri, { line: 4, character: 0 }));
    expect(await hover(s, uri, { line: 2, character: 10_000 })).toEqual(await hover(s, uri, { line: 2, character: DRAFT.split("\n")[2]!.length }));
    expect(await hover(s, uri, { line: 1e9, character: 1e9 })).toEqual(await hover(s, uri, end));
    expect(await hover(s, uri, { line: -7, character: 5 })).toEqual(await hover(s, uri, { line: 0, character: 0 }));

    const line4 = { start: { line: 4, character: 0 }, end: { line: 4, character: 38 } };
    const onLine4 = (await actions(line4)) ?? [];
    expect(onLine4.length).toBeGreaterThan(1); // its quick fixes, and fix-all
    expect(await actions({ start: line4.end, end: line4.start })).toEqual(onLine4);
    const everything = await actions({ start: { line: 0, character: 0 }, end });
    expect(await actions({ start: { line: -5, character: -5 }, end: { line: 1e9, character: 1e9 } })).toEqual(everything);
    expect(s.logs.filter((l) => l.type === 1)).toEqual([]);
    expectAlive(s);
  });

  it("changes whose ranges are negative, past the end or reversed apply as the textdocument library applies them", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    const text = await s.change(uri, [
      { range: { start: { line: 100, character: 0 }, end: { line: 200, character: 5 } }, text: "\nKyiv lost 12 jets.\n" },
      { range: { start: { line: 2, character: 1_000 }, end: { line: 2, character: 1_000 } }, text: " Moscow fired 30 drones." },
      { range: { start: { line: -3, character: -7 }, end: { line: 0, character: 0 } }, text: "Intro with 7 tanks.\n\n" },
      { range: { start: { line: 8, character: 20 }, end: { line: 6, character: 3 } }, text: "" },
    ]);
    const published = await s.diagnostics(uri, (p) => p.version === 2, "version 2");
    expect(published.diagnostics).toEqual(fullCheck(uri, text));
    expect(published.diagnostics.length).toBeGreaterThan(3);
    expectAlive(s);
  });
});

describe("notifications that are not what they say", () => {
  it("a change that is not one refuses its whole notification: the text stays as it was, and the next change applies to it", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    const good = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "Kyiv lost 12 jets.\n\n" };
    const malformed: unknown[] = [
      { range: null, text: "x" },
      { text: 5 },
      {},
      { range: { start: { line: "1", character: 0 }, end: { line: 1, character: 0 } }, text: "x" },
      { range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } }, text: "x" },
      { range: { start: { line: 1, character: 0 } }, text: "x" },
    ];
    // A well-formed change goes first in each: applying it alone would leave a text the client never had.
    for (const change of malformed)
      await s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [good, change as TextDocumentContentChangeEvent] });
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: "2" as unknown as number }, contentChanges: [good] });
    const text = await s.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: "Also 40 drones.\n\n" }], 2);
    const published = await s.diagnostics(uri, (p) => p.version === 2, "version 2");
    expect(published.diagnostics).toEqual(fullCheck(uri, text));
    expect(s.publishedFor(uri).map((p) => p.version)).toEqual([1, 2]);
    expect(s.logs.filter((l) => /refused/.test(l.message))).toHaveLength(malformed.length + 1);
    expectAlive(s);
  });

  it("an open without a text, a URI or a whole version opens nothing, and the draft opens later", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    const opens = [
      { uri, languageId: "markdown", version: 1 },
      { uri, languageId: "markdown", version: 1, text: 5 },
      { uri: 5, languageId: "markdown", version: 1, text: DRAFT },
      { uri, languageId: "markdown", version: "1", text: DRAFT },
    ];
    for (const textDocument of opens) await s.connection.sendNotification("textDocument/didOpen", { textDocument });
    expect(await hover(s, uri, ATACMS)).toBeNull();
    expect(s.publishedFor(uri)).toEqual([]);
    expect(s.logs.filter((l) => /refused/.test(l.message))).toHaveLength(opens.length);
    await s.open(uri, DRAFT);
    await expectServing(s, uri);
  });
});

describe("addresses that are not file paths", () => {
  it("a draft under a URI with another scheme, another host or broken escapes is checked, and closes", async () => {
    const s = await session();
    for (const uri of ["untitled:Untitled-1", "file://server/share/draft.md", "file:///tmp/%E0%A4%A.md", "not a uri at all", ""]) {
      await s.open(uri, DRAFT);
      await expectServing(s, uri);
      await s.close(uri);
      await s.diagnostics(uri, (p) => p.diagnostics.length === 0, `${uri} cleared`);
    }
    expect(s.logs.filter((l) => l.type === 1)).toEqual([]);
  });
});

describe("drafts never opened", () => {
  it("their changes, saves, closes and requests change nothing, and they open afresh later", async () => {
    const s = await session();
    const uri = s.uri("never.md");
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 5 }, contentChanges: [{ text: "Kyiv lost 12 jets." }] });
    await s.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    await s.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    expect(await hover(s, uri, ATACMS)).toBeNull();
    const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
    expect(await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })).toEqual([]);
    expect(await s.connection.sendRequest("claimlint/checkDocument", { uri })).toEqual({ findings: 0 });
    expect(s.publishedFor(uri)).toEqual([]);
    await s.open(uri, DRAFT);
    await expectServing(s, uri);
  });

  it("a draft closed twice is closed once, and opens afresh", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, "Kyiv lost 12 jets.\n");
    await s.diagnostics(uri);
    await s.close(uri);
    await s.close(uri);
    await s.open(uri, DRAFT);
    await expectServing(s, uri);
    expect(s.publishedFor(uri).map((p) => p.diagnostics.length)).toEqual([1, 0, fullCheck(uri, DRAFT).length]);
  });

  it("a draft opened again without a close is checked afresh, even in the onSave mode", async () => {
    const s = await session({ settings: { run: "onSave" } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    // An edit the onSave mode does not check, noted for the next check of the old text.
    await s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "Kyiv lost 12 jets.\n\n" }]);
    const reopened = nextDiagnostics(s, uri, "diagnostics of the text opened again");
    const text = "# Other\n\nMoscow fired 30 drones, the army said. Kyiv lost 4 jets.\n";
    await s.open(uri, text, 1);
    expect((await reopened).diagnostics).toEqual(fullCheck(uri, text));
    expectAlive(s);
  });
});

describe("versions out of order", () => {
  // LSP versions only grow. A client that breaks that still sends its changes in the order
  // it made them, so the server applies them in the order they arrive and labels the findings
  // with the version that came with the text they are of.
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  it("each change, older, repeated or far ahead, gets the findings of the text it leaves", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT, 10);
    await s.diagnostics(uri);
    const steps: [number, TextDocumentContentChangeEvent][] = [
      [4, { range: top, text: "Kyiv lost 12 jets.\n\n" }],
      [4, { range: top, text: "Moscow fired 30 drones.\n\n" }],
      [1_000, { range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: "" }],
      [999, { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 6 } }, text: "HIMARS" }],
      [999, { range: top, text: "Russia has 900 tanks.\n\n" }],
    ];
    for (const [version, change] of steps) {
      const published = nextDiagnostics(s, uri, `diagnostics after a change to version ${version}`);
      const text = await s.change(uri, [change], version);
      expect((await published).version).toBe(version);
      expect((await published).diagnostics).toEqual(fullCheck(uri, text));
    }
    expectAlive(s);
  });

  it("sent in a burst, the last text's findings are the ones left standing, and hovers read that text", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT, 10);
    await s.diagnostics(uri);
    void s.change(uri, [{ range: top, text: "Kyiv lost 12 jets.\n\n" }], 7);
    void s.change(uri, [{ range: top, text: "Moscow fired 30 drones.\n\n" }], 7);
    const text = await s.change(uri, [{ range: top, text: "# Update\n\n" }], 3);
    const last = await settled(s, uri);
    expect(last.version).toBe(3);
    expect(last.diagnostics).toEqual(fullCheck(uri, text));
    expect(cardOf(await hover(s, uri, { line: 10, character: 2 }))).toContain("300 km"); // ATACMS, six lines down
    expectAlive(s);
  });
});

/** Typing, pasting and deleting, anywhere: characters that make and unmake claims and blocks. */
const TYPED = ["4", "0", " ", "\n", "\n\n", " km", ",", ".", " said", " according to Reuters", "ATACMS ", "(80 miles)", "- ", "| a |", "```\n", "# ", "> ", "<!-- claimlint-disable -->", "---\n"];

/**
 * A change putting `text` at a random place: `at` says where, as a fraction of the text and
 * up to 20 characters past its end (a lagging client may send that), `length` how much it
 * replaces, mostly little and at most 400 characters.
 */
function randomChange(document: TextDocument, at: number, length: number, text: string): TextDocumentContentChangeEvent {
  const size = document.getText().length;
  const from = Math.floor(at * (size + 20));
  const start = from <= size ? document.positionAt(from) : { line: document.lineCount + 2, character: 0 };
  const end = document.positionAt(Math.min(size, from + Math.floor(length * length * 400)));
  return { range: { start, end: from <= size ? end : start }, text };
}

describe("a burst of 10,000 edits", () => {
  it("ends in the findings of the final text, and a hover sent right after is answered from it", async () => {
    const s = await session();
    const uri = s.uri("burst.md");
    await s.open(uri, generateDraft(4 * 1024, 7));
    await s.diagnostics(uri);
    const random = new Random(10_000);
    const sent: Promise<string>[] = [];
    for (let i = 0; i < 10_000; i++) {
      const typed = random.chance(0.3) ? "" : random.pick(TYPED);
      sent.push(s.change(uri, [randomChange(s.document(uri), random.next(), random.chance(0.5) ? random.next() / 4 : 0, typed)]));
    }
    const final = s.document(uri);
    const expected = fullCheck(uri, final.getText());
    const first = expected[0]!;
    const card = hover(s, uri, first.range.start);
    await Promise.all(sent);
    expect(cardOf(await card)).toContain(String(first.code));
    const last = await settled(s, uri);
    expect(last.version).toBe(final.version);
    expect(last.diagnostics).toEqual(expected);
    expectAlive(s);
  });
});

describe("random streams of edits", () => {
  const change = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom("", ...TYPED) });
  // A notification's changes, and whether the client then waits for its diagnostics (an
  // editor idle between keystrokes) or sends the next at once (typing fast, pasting).
  const notification = fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 3 }), wait: fc.boolean() });

  it("end in diagnostics equal to a full check of the final text: nothing lost, nothing stale", async () => {
    const s = await session();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(1_000), fc.array(notification, { minLength: 1, maxLength: 12 }), async (seed, notifications) => {
        const uri = s.uri(`stream-${run++}.md`);
        await s.open(uri, generateDraft(24 * 1024, seed));
        for (const { changes, wait } of notifications) {
          // Each change is placed in the text the one before it leaves, as the LSP has it.
          let document = s.document(uri);
          const placed = changes.map((c) => {
            const placedChange = randomChange(document, c.at, c.length, c.text);
            document = TextDocument.update(TextDocument.create(uri, "markdown", 0, document.getText()), [placedChange], 0);
            return placedChange;
          });
          await s.change(uri, placed);
          const version = s.document(uri).version;
          if (wait) await s.diagnostics(uri, (p) => p.version === version, `version ${version}`);
        }
        const last = await settled(s, uri);
        expect(last.version).toBe(s.document(uri).version);
        expect(last.diagnostics).toEqual(fullCheck(uri, s.document(uri).getText()));
        await s.close(uri);
      }),
      { numRuns: 25 },
    );
    expectAlive(s);
  });
});

describe("a client that stops reading", () => {
  /** About 250 kB, with some 5,000 findings: its diagnostics take about 2 MB of JSON. */
  const LONG = Array.from({ length: 1_000 }, (_, i) => DRAFT.replace("4,000", String(1_000 + i))).join("\n");

  /**
   * Resolves once the server has nothing left to do: asleep and using no CPU at five looks in
   * a row, from Linux's /proc. It sleeps only with no input left to read (input wakes it) and
   * no work queued.
   */
  async function idle(s: Session): Promise<void> {
    for (let quiet = 0, cpu = -1; quiet < 5; ) {
      const [state, ...rest] = readFileSync(`/proc/${s.process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      const used = Number(rest[10]) + Number(rest[11]); // utime and stime
      quiet = state === "S" && used === cpu ? quiet + 1 : 0;
      cpu = used;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("gets only the newest diagnostics of each draft once it reads again, and its answers", async () => {
    const s = await session();
    const uris = [0, 1, 2].map((i) => s.uri(`long-${i}.md`));
    for (const uri of uris) await s.open(uri, LONG);
    for (const uri of uris) await s.diagnostics(uri);
    const before = uris.map((uri) => s.publishedFor(uri).length);
    s.process.stdout!.pause();
    // Each edit goes to the next draft in turn: a draft is checked once its own edits stop
    // coming, so the server checks and sends after every edit, some 2 MB each time.
    const sent: Promise<string>[] = [];
    for (let i = 0; i < 30; i++) sent.push(s.change(uris[i % uris.length]!, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "x" }]));
    const answers = uris.map((uri) => hover(s, uri, ATACMS));
    await Promise.all(sent);
    await idle(s);
    s.process.stdout!.resume();
    for (const answer of answers) expect(cardOf(await answer)).toContain("300 km");
    for (const [i, uri] of uris.entries()) {
      const { version } = s.document(uri);
      const newest = await s.diagnostics(uri, (p) => p.version === version, `version ${version}`);
      expect(newest.diagnostics).toEqual(fullCheck(uri, s.document(uri).getText()));
      // Ten checks of each draft ran while the client was not reading; only the lists sent
      // before the output backed up (the first two) and each draft's newest reach it.
      expect(s.publishedFor(uri).length - before[i]!).toBeLessThanOrEqual(3);
    }
    expectAlive(s);
  });
});

describe("memory", () => {
  it("returns near its baseline after 100 large drafts are opened and closed, and nothing of them is kept", async () => {
    const s = await session();
    const draft = generateDraft(512 * 1024, 5);
    const cycle = async (i: number) => {
      const uri = s.uri(`large-${i}.md`);
      await s.open(uri, `# Draft ${i}\n\n${draft}`);
      await s.diagnostics(uri, (p) => p.diagnostics.length > 0, `the diagnostics of draft ${i}`);
      await s.close(uri);
      await s.diagnostics(uri, (p) => p.diagnostics.length === 0, `the diagnostics of draft ${i} cleared`);
    };
    await cycle(0);
    const baseline = residentMb(s);
    for (let i = 1; i <= 50; i++) await cycle(i);
    const halfway = residentMb(s);
    for (let i = 51; i <= 100; i++) await cycle(i);
    const after = residentMb(s);
    // Measured: the heap grows by some 25 MB over the first twenty drafts, to where the checks
    // of a draft this size settle, and stays within a few MB of that through 300 drafts. A
    // draft's check kept after its close adds about 2.7 MB, 270 MB for 100; its text alone,
    // half a megabyte, 50 MB. Near the baseline is within the first growth and a margin; and
    // the second fifty drafts, opened on a settled heap, must not add what a leak adds.
    expect(after - baseline).toBeLessThan(60);
    expect(after - halfway).toBeLessThan(12);
    expect(await hover(s, s.uri("large-1.md"), ATACMS)).toBeNull();
    expectAlive(s);
  });
});
