/**
 * The fact-check sheet's cells in plain words a desk editor ticks off, one row per claim:
 * shared by the CLI (`--format sheet` and `--format csv`) and the editor's claims sheet, so
 * both say the same thing of the same claim.
 */
import type { ClaimEntry } from "./claims";
import type { RuleId } from "./finding";

export const SHEET_COLUMNS = ["#", "Line", "Claim", "Attribution", "Reference", "Source"] as const;

/** What the cells say of a claim: its entry, wherever the claim stands in the draft. */
export type ClaimStanding = Omit<ClaimEntry, "offset" | "length">;

/** The rules that speak of a claim's attribution; a directive silencing one is noted in that cell. */
const ATTRIBUTION_RULES: readonly RuleId[] = ["unattributed-figure", "unattributed-spec", "vague-attribution"];
const SILENCED = " (silenced)";

/** The cells of claim number `index` (from 0) on line `line` (from 0), in the order of SHEET_COLUMNS. */
export function sheetCells(claim: ClaimStanding, index: number, line: number): string[] {
  return [String(index + 1), String(line + 1), claim.text, attributionCell(claim), referenceCell(claim), sourceCell(claim)];
}

/** `attributed: the Pentagon`, `vague: officials`, `unattributed`. */
function attributionCell(claim: ClaimStanding): string {
  const { status, by } = claim.attribution;
  const silenced = claim.silenced.some((rule) => ATTRIBUTION_RULES.includes(rule)) ? SILENCED : "";
  return `${by ? `${status}: ${by}` : status}${silenced}`;
}

/** `matches ATACMS range up to 300 km (186 mi), RT, 2023-06`; empty for a figure that states no spec. */
function referenceCell(claim: ClaimStanding): string {
  const reference = claim.reference;
  if (!reference) return "";
  const what = `${reference.system} ${reference.attribute}`;
  const silenced = claim.silenced.includes("spec-conflict") ? SILENCED : "";
  if (reference.status === "not in the reference") return `${what} not in the reference`;
  const fact = [`${what} ${reference.fact}`, reference.article].filter(Boolean).join(", ");
  return `${reference.status === "matches" ? "matches" : "conflicts with"} ${fact}${silenced}`;
}

/** `found: sources/report.md:12`, `not found`; empty when no sources of the user's own are configured. */
function sourceCell(claim: ClaimStanding): string {
  const source = claim.source;
  if (!source) return "";
  const where = source.file ? `${source.file}${source.line ? `:${source.line}` : ""}` : "";
  return where ? `${source.status}: ${where}` : source.status;
}

/** `unattributed-spec (warning)` and `spec-conflict (error)`, a line each; empty when no rule flags the claim. */
export function flagsCell(claim: ClaimStanding): string {
  return claim.flaggedBy.map((flag) => `${flag.rule} (${flag.severity})`).join("\n");
}
