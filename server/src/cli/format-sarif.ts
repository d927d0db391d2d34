/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Regions use 1-based
 * lines and columns; columns count UTF-16 code units (the run says so with
 * `columnKind: "utf16CodeUnits"`), the same unit as LSP characters, so the column is the
 * LSP character + 1, and `endColumn` is exclusive as SARIF defines it.
 */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_SEVERITIES, RULE_IDS, SIZE_LIMIT, type FindingCode, type Severity, type SeveritySetting } from "../core/finding";
import type { FileResult } from "./results";
import { RULE_SUMMARIES, ruleDocsUrl } from "../core/rules/catalog";

const INFORMATION_URI = "https://github.com/claimlint/claimlint";
const LEVELS: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", information: "note", hint: "note" };

/** The SARIF log for `results`; `cwd` makes artifact URIs relative, as code scanning wants. */
export function formatSarif(results: readonly FileResult[], context: { cwd: string; version: string }): string {
  // The size-limit notice is described like a rule, so that every result names a descriptor.
  const codes: FindingCode[] = [...RULE_IDS, SIZE_LIMIT];
  const rules = codes.map((id) => {
    const severity: SeveritySetting = id === SIZE_LIMIT ? "information" : DEFAULT_SEVERITIES[id];
    return {
      id,
      shortDescription: { text: RULE_SUMMARIES[id] },
      helpUri: ruleDocsUrl(id),
      // A rule that is off by default still has the level it would report at (spec section 5).
      defaultConfiguration: severity === "off" ? { enabled: false, level: "note" } : { level: LEVELS[severity] },
    };
  });
  const sarifResults = results.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: codes.indexOf(d.rule),
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(r.file, context.cwd) },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "claimlint", version: context.version, informationUri: INFORMATION_URI, rules } },
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

/**
 * A path relative to the working directory, with forward slashes and each segment
 * percent-encoded (SARIF wants a URI reference). A file outside the working directory
 * gets a file: URI, since a "../" path means nothing to code scanning. Stdin stays "-".
 */
export function artifactUri(file: string, cwd: string): string {
  if (file === "-") return "-";
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === "" || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return pathToFileURL(absolute).href;
  return relative.split(path.sep).map(encodeURIComponent).join("/");
}
