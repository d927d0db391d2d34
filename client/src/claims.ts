/**
 * Counting and wording for the claims the server reports: plain functions with no VS Code
 * import, so they read (and test) on their own.
 */

/** The diagnostics that are claimlint's, whatever else (spell checkers, other linters) reports. */
export function countClaims(diagnostics: readonly { source?: string }[]): number {
  return diagnostics.filter((d) => d.source === "claimlint").length;
}

/** `1 claim`, `3 claims`, `1 draft`, `12 drafts`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The status-bar text for a draft with `count` open claims. */
export function claimsLabel(count: number): string {
  return count === 0 ? "$(check) claimlint" : `$(warning) ${plural(count, "claim")}`;
}

/** The status-bar tooltip for a draft with `count` open claims. */
export function claimsTooltip(count: number): string {
  const state =
    count === 0
      ? "No open claims in this draft."
      : `${plural(count, "claim")} in this draft to source or correct (listed in Problems).`;
  return `claimlint: ${state} Click to check the draft again.`;
}

/** What a workspace check found, as one sentence. */
export function workspaceSummary(result: { files: number; findings: number }): string {
  if (result.files === 0) return "claimlint found no Markdown drafts in the workspace.";
  const found = result.findings === 0 ? "nothing to look at" : `${plural(result.findings, "claim")} to look at`;
  return `claimlint checked ${plural(result.files, "draft")}: ${found}.`;
}
