/**
 * A long check never holds the editor up: it runs in slices, answering other requests
 * between them, and a newer edit drops it. The server reads a draft's settings just before
 * checking it, so what the client sends right after answering arrives while the check runs.
 * Order of messages is what is asserted, never time.
 */
import { describe, expect, it } from "vitest";
import { DidChangeConfigurationNotification, HoverRequest, type Hover } from "vscode-languageserver-protocol/node";
import { DRAFT, session } from "./fixtures";

/** A draft of about 3 MB: its check takes many slices. */
const LONG = Array.from({ length: 6_000 }, (_, i) => DRAFT.replace("4,000", String(1_000 + i))).join("\n");

describe("a long check", () => {
  it("lets a hover on another draft through before it finishes", async () => {
    const s = await session();
    const short = s.uri("short.md");
    const long = s.uri("long.md");
    await s.open(short, DRAFT);
    await s.diagnostics(short);
    let answered: Promise<Hover | null> | undefined;
    let diagnosticsBeforeHover = -1;
    s.afterSettingsFor = (uri) => {
      if (uri !== long) return;
      answered = s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: short }, position: { line: 4, character: 2 } }).then((hover) => {
        diagnosticsBeforeHover = s.publishedFor(long).length;
        return hover;
      });
    };
    await s.open(long, LONG);
    const published = await s.diagnostics(long);
    expect(published.diagnostics.length).toBeGreaterThan(6_000);
    expect(await answered).not.toBeNull();
    expect(diagnosticsBeforeHover).toBe(0);
  });

  it("is dropped for a newer edit: only the newest version's diagnostics are sent", async () => {
    const s = await session();
    const long = s.uri("long.md");
    s.afterSettingsFor = (uri) => {
      if (uri === long) void s.edit(long, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "Intro.\n\n" }]);
    };
    await s.open(long, LONG, 1);
    const newest = await s.diagnostics(long, (p) => p.version === 2, "version 2");
    expect(newest.diagnostics[0]!.range.start.line).toBe(4);
    expect(s.publishedFor(long).map((p) => p.version)).toEqual([2]);
  });

  it("is dropped when the settings change meanwhile, and the new settings apply", async () => {
    const s = await session();
    const long = s.uri("long.md");
    s.afterSettingsFor = (uri) => {
      if (uri !== long || s.settings.enable === false) return;
      s.settings = { enable: false };
      void s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    };
    await s.open(long, LONG);
    await s.diagnostics(long, (p) => p.diagnostics.length === 0, "diagnostics cleared");
    // A request answered after the clearing: anything the old check would still send came first.
    expect(await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: long }, position: { line: 4, character: 2 } })).toBeNull();
    expect(s.publishedFor(long).every((p) => p.diagnostics.length === 0)).toBe(true);
  });

  it("in the onSave mode, dropped for an edit, is run again on the newest version", async () => {
    const s = await session({ settings: { run: "onSave" } });
    const long = s.uri("long.md");
    s.afterSettingsFor = (uri) => {
      if (uri === long) void s.edit(long, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "Intro.\n\n" }]);
    };
    await s.open(long, LONG, 1);
    const newest = await s.diagnostics(long, (p) => p.version === 2, "version 2");
    expect(newest.diagnostics.length).toBeGreaterThan(6_000);
  });
});

describe("a draft closed and opened again while its check waits for settings", () => {
  it("gets the findings of its new text", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    let reopened = false;
    s.beforeSettingsFor = async (asked) => {
      if (asked !== uri || reopened) return;
      reopened = true;
      await s.close(uri);
      await s.open(uri, "Nothing here.\n", 1);
    };
    await s.open(uri, DRAFT, 1);
    await s.diagnostics(uri, (p) => p.version === 1, "diagnostics for version 1");
    // A request answered after them: anything a check of the old text would send came first.
    await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    const ofVersion1 = s.publishedFor(uri).filter((p) => p.version === 1);
    expect(ofVersion1.map((p) => p.diagnostics.length)).toEqual([0]);
  });
});
