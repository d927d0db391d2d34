/**
 * The diagnostics writer of the stdio server: the bytes it writes for a draft's list must be
 * the JSON the library would have written for the same diagnostics, whatever the findings.
 */
import { readFileSync } from "node:fs";
import type { Message } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { describe, expect, it } from "vitest";
import { DiagnosticList, diagnosticsEncoder, MessageParts } from "../../server/src/lsp/diagnostic-list";
import { FULL_SUPPORT, toDiagnostic, type DiagnosticSupport } from "../../server/src/lsp/diagnostics";
import type { Finding } from "../../server/src/core/finding";
import { bundledChecker } from "./support";

const SUPPORTS: DiagnosticSupport[] = [
  FULL_SUPPORT,
  { codeDescription: false, relatedInformation: false },
  { codeDescription: true, relatedInformation: false },
  { codeDescription: false, relatedInformation: true },
];

/** The message as the library's own JSON encoder writes it: JSON.stringify, which reads the list through toJSON. */
const libraryJson = (message: object) => JSON.parse(JSON.stringify(message));

async function written(message: Message, parts = new MessageParts(100)): Promise<unknown> {
  const bytes = await diagnosticsEncoder(parts).encode(message, { charset: "utf-8" });
  return JSON.parse(Buffer.from(bytes).toString("utf8"));
}

function publishOf(uri: string, version: number | undefined, list: DiagnosticList) {
  return { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri, version, diagnostics: list } };
}

const DRAFT = [
  "# 🚀 Aid “update”\n",
  "Russia lost more than 4,000 troops near Bakhmut.\r\n",
  "ATACMS can strike targets 500 km away, and the HIMARS fires 6 rockets.\n",
  "\tSome 𝟘 tanks — 12 Abrams — arrived; the Storm Shadow flies 560 mi.\n",
  "Officials said \"3,000 shells\" were fired. Ukraine received 31 M1A1 Abrams tanks worth $1bn.\n",
].join("");

describe("the diagnostics writer", () => {
  it("writes, for every finding of a draft and every client, the JSON the library writes", async () => {
    const uri = "file:///tmp/dir%20with%20space/draft \"ü\".md";
    const document = TextDocument.create(uri, "markdown", 3, DRAFT);
    const findings = bundledChecker.check(DRAFT);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(["unattributed-figure", "unattributed-spec", "spec-conflict"]));
    expect(findings.some((f) => f.rule === "spec-conflict" && f.related?.length)).toBe(true);
    for (const support of SUPPORTS) {
      const list = new DiagnosticList(findings, document, uri, support);
      const message = publishOf(uri, 3, list);
      const expected = { ...message, params: { uri, version: 3, diagnostics: findings.map((f) => toDiagnostic(f, document, support)) } };
      expect(await written(message)).toEqual(libraryJson(expected));
      expect(libraryJson(message)).toEqual(libraryJson(expected));
    }
  });

  it("writes the example draft's list as the library does, without a version, and an empty list", async () => {
    const text = readFileSync("examples/draft.md", "utf8");
    const document = TextDocument.create("file:///example.md", "markdown", 1, text);
    const findings = bundledChecker.check(text);
    expect(findings.length).toBeGreaterThan(3);
    const list = new DiagnosticList(findings, document, document.uri, FULL_SUPPORT);
    const withoutVersion = publishOf(document.uri, undefined, list);
    expect(await written(withoutVersion)).toEqual(libraryJson(withoutVersion));
    const none = publishOf(document.uri, 0, new DiagnosticList([], document, document.uri, FULL_SUPPORT));
    expect(await written(none)).toEqual(libraryJson(none));
  });

  it("reuses a message's part only for the same rule, severity and link", async () => {
    const document = TextDocument.create("file:///d.md", "markdown", 1, "Russia lost 4,000 troops.\n".repeat(3));
    const [finding] = bundledChecker.check("Russia lost 4,000 troops.\n");
    const same: Finding[] = [
      finding,
      { ...finding, offset: finding.offset + 26, severity: "error" },
      { ...finding, offset: finding.offset + 52, rule: "vague-attribution" },
    ];
    const parts = new MessageParts(1); // turns over on every new part
    for (const support of SUPPORTS) {
      const message = publishOf(document.uri, 1, new DiagnosticList(same, document, document.uri, support));
      const json = await written(message, parts);
      expect(json).toEqual(libraryJson(message));
      expect((json as { params: { diagnostics: { severity: number; code: string }[] } }).params.diagnostics.map((d) => [d.severity, d.code])).toEqual([
        [2, "unattributed-figure"],
        [1, "unattributed-figure"],
        [2, "vague-attribution"],
      ]);
    }
  });

  it("keeps the places of the text it was made for, whatever the document does after", async () => {
    const document = TextDocument.create("file:///d.md", "markdown", 1, "Russia lost 4,000 troops.\n");
    const findings = bundledChecker.check(document.getText());
    const list = new DiagnosticList(findings, document, document.uri, FULL_SUPPORT);
    const before = libraryJson(publishOf(document.uri, 1, list));
    TextDocument.update(document, [{ text: "\n\n\nAbove.\n" }], 2);
    const json = (await written(publishOf(document.uri, 1, list))) as { params: { diagnostics: { range: unknown }[] } };
    expect(json).toEqual(before);
    expect(json.params.diagnostics[0].range).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 24 } });
  });

  it("writes one list after another into the buffer it keeps, each whole, as the writer reads each before the next", async () => {
    const long = readFileSync("examples/draft.md", "utf8").repeat(40);
    const short = "Russia lost 4,000 troops.\n";
    const encoder = diagnosticsEncoder(new MessageParts(100));
    for (const text of [long, short, long, short, short, long]) {
      const document = TextDocument.create("file:///d.md", "markdown", 1, text);
      const message = publishOf(document.uri, 1, new DiagnosticList(bundledChecker.check(text), document, document.uri, FULL_SUPPORT));
      const bytes = await encoder.encode(message, { charset: "utf-8" });
      expect(JSON.parse(Buffer.from(bytes).toString("utf8"))).toEqual(libraryJson(message));
    }
  });

  it("writes any other message as the library does", async () => {
    const messages = [
      { jsonrpc: "2.0", id: 1, result: { contents: { kind: "markdown", value: "“ATACMS” ✓ 𝟘" } } },
      { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: "file:///d.md", diagnostics: [] } },
      { jsonrpc: "2.0", method: "window/logMessage", params: { type: 3, message: "\u0000\u2028" } },
    ];
    for (const message of messages) expect(await written(message)).toEqual(libraryJson(message));
  });
});
