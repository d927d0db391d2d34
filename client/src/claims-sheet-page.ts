/**
 * What the claims sheet's page is made of: its HTML shell with its content security policy,
 * and the rows it shows, worded as the CLI's `--format sheet` words them. Plain functions with
 * no VS Code import, so they read (and test) on their own.
 */
import { flagsCell, SHEET_COLUMNS, sheetCells } from "../../server/src/core/sheet-cells";
import type { ClaimsResult, SheetClaim } from "../../server/src/lsp/claims-request";
import type { SheetCell, SheetRange, SheetRow, Tone, ToSheet } from "../webview/messages";
import { plural } from "./claims";

const COLUMNS = [...SHEET_COLUMNS, "Flagged by"];
const SOURCE_COLUMN = COLUMNS.indexOf("Source");

/**
 * The page's message for the server's answer. The Source column is left out when no claim has
 * a source status, that is when no sources of the user's own are configured: the sheet sits
 * beside the draft, in half the width the CLI's sheet has.
 */
export function sheetMessage(result: ClaimsResult): ToSheet {
  if (result.version === null) return { type: "unchecked" };
  const rows = result.claims.map(sheetRow);
  const told =
    summary(result.claims) +
    (result.total > result.claims.length ? `; the sheet lists the first ${result.claims.length} of ${result.total}` : "") +
    (result.sizeNotice ? `. ${result.sizeNotice}` : "");
  if (result.claims.some((claim) => claim.source)) return { type: "claims", summary: told, columns: COLUMNS, rows };
  const withoutSource = <T>(cells: T[]) => cells.filter((_, column) => column !== SOURCE_COLUMN);
  return { type: "claims", summary: told, columns: withoutSource(COLUMNS), rows: rows.map((row) => ({ ...row, cells: withoutSource(row.cells) })) };
}

function sheetRow(claim: SheetClaim, index: number): SheetRow {
  const [number, line, text, attribution, reference, source] = sheetCells(claim, index, claim.range.start.line);
  const cells: SheetCell[] = [
    { text: number },
    { text: line },
    { text },
    toned(attribution, ATTRIBUTION_TONES[claim.attribution.status]),
    toned(reference, claim.reference && REFERENCE_TONES[claim.reference.status]),
    toned(source, claim.source && SOURCE_TONES[claim.source.status]),
    toned(flagsCell(claim), worst(claim.flaggedBy.map((flag) => flag.severity))),
  ];
  return { cells, range: claim.range };
}

/** A claim with no source named is what the desk looks for first; one named vaguely, next. */
const ATTRIBUTION_TONES: Record<SheetClaim["attribution"]["status"], Tone | undefined> = { attributed: undefined, vague: "information", unattributed: "warning" };
const REFERENCE_TONES: Record<NonNullable<SheetClaim["reference"]>["status"], Tone | undefined> = { matches: "passed", conflicts: "error", "not in the reference": undefined };
const SOURCE_TONES: Record<NonNullable<SheetClaim["source"]>["status"], Tone | undefined> = { found: "passed", conflicts: "warning", "not found": "information" };

/** The most severe of a claim's flags, which colours its `Flagged by` cell. */
const SEVERITIES: Tone[] = ["error", "warning", "information", "hint"];
function worst(severities: Tone[]): Tone | undefined {
  return SEVERITIES.find((severity) => severities.includes(severity));
}

function toned(text: string, tone: Tone | undefined): SheetCell {
  return tone ? { text, tone } : { text };
}

/** `4 claims: 3 unattributed, 1 vague, 1 in conflict with the reference`. */
function summary(claims: readonly SheetClaim[]): string {
  const count = (test: (claim: SheetClaim) => boolean) => claims.filter(test).length;
  const parts = [
    [count((c) => c.attribution.status === "unattributed"), "unattributed"],
    [count((c) => c.attribution.status === "vague"), "vague"],
    [count((c) => c.reference?.status === "conflicts"), "in conflict with the reference"],
    [count((c) => c.source?.status === "conflicts"), "in conflict with a source"],
  ] as const;
  const found = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return `${plural(claims.length, "claim")}${found.length > 0 ? `: ${found.join(", ")}` : ""}`;
}

/**
 * The page's HTML. Nothing from the draft is in it (the rows come as messages and go in as
 * text), and the policy lets in only the page's own stylesheet and its one script.
 */
export function sheetPage(page: { cspSource: string; nonce: string; script: string; style: string }): string {
  const policy = `default-src 'none'; style-src ${page.cspSource}; script-src 'nonce-${page.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${page.style}">
</head>
<body>
<main id="sheet" aria-live="polite"></main>
<script nonce="${page.nonce}" src="${page.script}"></script>
</body>
</html>
`;
}

/** A range the page sent back, if it is one: the page's messages are checked like any input. */
export function asRange(value: unknown): SheetRange | undefined {
  const range = value as SheetRange | undefined;
  const position = (p: unknown) => {
    const { line, character } = (p ?? {}) as { line?: unknown; character?: unknown };
    return Number.isInteger(line) && Number.isInteger(character);
  };
  return range && typeof range === "object" && position(range.start) && position(range.end) ? range : undefined;
}
