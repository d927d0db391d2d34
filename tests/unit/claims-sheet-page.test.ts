/**
 * The claims sheet's page as the extension makes it: rows worded as the CLI's sheet words
 * them, coloured by status, and an HTML shell that lets in nothing but its own files.
 */
import { describe, expect, it } from "vitest";
import { asRange, sheetMessage, sheetPage } from "../../client/src/claims-sheet-page";
import { MOST_CLAIMS, sheetClaims, type SheetClaim } from "../../server/src/lsp/claims-request";
import { TextDocument } from "vscode-languageserver-textdocument";
import { bundledChecker } from "./support";

/** The server's answer for `text`, placed as it places claims. */
function answer(text: string) {
  const document = TextDocument.create("file:///draft.md", "markdown", 1, text);
  const claims = bundledChecker.claims(text);
  return { version: 1, claims: sheetClaims(claims, (offset) => document.positionAt(offset)), total: claims.length };
}

describe("the sheet's rows", () => {
  it("word every column as the CLI's sheet does, with the rules that flag the claim", () => {
    const message = sheetMessage(answer("# Aid\n\nATACMS can strike targets 500 km away.\n\nRussia fired 70 missiles, officials said.\n"));
    expect(message).toMatchObject({ type: "claims", columns: ["#", "Line", "Claim", "Attribution", "Reference", "Flagged by"] });
    if (message.type !== "claims") throw new Error("no rows");
    expect(message.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ["1", "3", "500 km", "unattributed", "conflicts with ATACMS range up to 300 km (186 mi), RT, 2023-06", "unattributed-spec (warning)\nspec-conflict (error)"],
      ["2", "5", "70 missiles", "vague: officials", "", ""],
    ]);
    expect(message.rows[0]!.range).toEqual({ start: { line: 2, character: 26 }, end: { line: 2, character: 32 } });
    expect(message.summary).toBe("2 claims: 1 unattributed, 1 vague, 1 in conflict with the reference");
  });

  it("colour a status by what the desk must do about it, and the flags by the worst", () => {
    const message = sheetMessage(answer("ATACMS can strike targets 500 km away.\n\nThe Pentagon said ATACMS has a range of up to 300 kilometers.\n"));
    if (message.type !== "claims") throw new Error("no rows");
    const tones = message.rows.map((row) => row.cells.map((cell) => cell.tone ?? ""));
    expect(tones).toEqual([
      ["", "", "", "warning", "error", "error"],
      ["", "", "", "", "passed", ""],
    ]);
  });

  it("have a Source column when the user's own sources are configured, saying where they give the claim", () => {
    const range = { start: { line: 0, character: 13 }, end: { line: 0, character: 24 } };
    const claim = (text: string, source: SheetClaim["source"]): SheetClaim => ({ kind: "figure", text, range, attribution: { status: "unattributed" }, source, flaggedBy: [], silenced: [] });
    const message = sheetMessage({ version: 1, claims: [claim("70 missiles", { status: "found", file: "notes/ministry.txt", line: 12 }), claim("12 jets", { status: "not found" })], total: 2 });
    if (message.type !== "claims") throw new Error("no rows");
    expect(message.columns).toEqual(["#", "Line", "Claim", "Attribution", "Reference", "Source", "Flagged by"]);
    expect(message.rows.map((row) => row.cells[5])).toEqual([
      { text: "found: notes/ministry.txt:12", tone: "passed" },
      { text: "not found", tone: "information" },
    ]);
  });

  it("say when there are no claims, and when the draft is not checked", () => {
    expect(sheetMessage(answer("No figures here.\n"))).toEqual({ type: "claims", summary: "0 claims", columns: expect.any(Array), rows: [] });
    expect(sheetMessage({ version: null, claims: [], total: 0 })).toEqual({ type: "unchecked" });
  });

  it("say where checking stops in a draft over the size limit", () => {
    const result = { ...answer("Russia lost 300 drones.\n"), sizeNotice: "Only the first 24 of the draft's 90 characters are checked." };
    const message = sheetMessage(result);
    if (message.type !== "claims") throw new Error("no rows");
    expect(message.summary).toBe("1 claim: 1 unattributed. Only the first 24 of the draft's 90 characters are checked.");
  });

  it("list at most MOST_CLAIMS claims of a longer draft, and say how many there are", () => {
    const message = sheetMessage(answer("Russia lost 300 drones.\n\n".repeat(MOST_CLAIMS + 2)));
    if (message.type !== "claims") throw new Error("no rows");
    expect(message.rows).toHaveLength(MOST_CLAIMS);
    expect(message.summary).toBe(`${MOST_CLAIMS} claims: ${MOST_CLAIMS} unattributed; the sheet lists the first ${MOST_CLAIMS} of ${MOST_CLAIMS + 2}`);
  });
});

describe("the sheet's page", () => {
  const html = sheetPage({ cspSource: "https://webview.example", nonce: "bm9uY2U=", script: "https://webview.example/sheet.js", style: "https://webview.example/sheet.css" });

  it("lets in only its own stylesheet and its one script, by nonce", () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(policy).toBe("default-src 'none'; style-src https://webview.example; script-src 'nonce-bm9uY2U=';");
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script nonce="bm9uY2U=" src="https://webview.example/sheet.js">']);
    expect(html).not.toMatch(/unsafe-|<style|\sstyle=|\son\w+=/);
  });

  it("takes back only well-formed ranges from the page", () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } };
    expect(asRange(range)).toBe(range);
    for (const bad of [undefined, null, "1:2", {}, { start: { line: 1, character: 2 } }, { start: { line: "1", character: 2 }, end: { line: 1, character: 8 } }, { start: { line: 1.5, character: 2 }, end: range.end }])
      expect(asRange(bad)).toBeUndefined();
  });
});
