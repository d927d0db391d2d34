/**
 * The fact-check sheet's rows, shared by `--format sheet` (a Markdown table) and `--format csv`:
 * one row per claim, its cells in plain words a desk editor ticks off.
 */
import type { ClaimEntry } from "../core/claims";
import type { RuleId } from "../core/finding";
import type { CliClaim } from "./results";

export const SHEET_COLUMNS = ["#", "Line", "Claim", "Attribution", "Reference", "Source"] as const;

/** The rules that speak of a claim's attribution; a directive silencing one is noted in that cell. */
const ATTRIBUTION_RULES: readonly RuleId[] = ["unattributed-figure", "unattributed-spec", "vague-attribution"];
const SILENCED = " (silenced)";

/** The cells of a file's claim number `index` (from 0), in the order of SHEET_COLUMNS. */
export function sheetRow(claim: CliClaim, index: number): string[] {
  const entry = claim.entry;
  return [String(index + 1), String(claim.range.start.line + 1), entry.text, attributionCell(entry), referenceCell(entry), sourceCell(entry)];
}

/** `attributed: the Pentagon`, `vague: officials`, `unattributed`. */
function attributionCell(entry: ClaimEntry): string {
  const { status, by } = entry.attribution;
  const silenced = entry.silenced.some((rule) => ATTRIBUTION_RULES.includes(rule)) ? SILENCED : "";
  return `${by ? `${status}: ${by}` : status}${silenced}`;
}

/** `matches ATACMS range up to 300 km (186 mi), RT, 2023-06`; empty for a figure that states no spec. */
function referenceCell(entry: ClaimEntry): string {
  const reference = entry.reference;
  if (!reference) return "";
  const what = `${reference.system} ${reference.attribute}`;
  const silenced = entry.silenced.includes("spec-conflict") ? SILENCED : "";
  if (reference.status === "not in the reference") return `${what} not in the reference`;
  const fact = [`${what} ${reference.fact}`, reference.article].filter(Boolean).join(", ");
  return `${reference.status === "matches" ? "matches" : "conflicts with"} ${fact}${silenced}`;
}

/** `found: sources/report.md:12`, `not found`; empty when no sources of the user's own are configured. */
function sourceCell(entry: ClaimEntry): string {
  const source = entry.source;
  if (!source) return "";
  const where = source.file ? `${source.file}${source.line ? `:${source.line}` : ""}` : "";
  return where ? `${source.status}: ${where}` : source.status;
}
