/** `--format json`: one JSON array, exactly the shape of spec section 7. */
import type { FileResult } from "./results";

/** The JSON document for `results`, with a trailing newline. */
export function formatJson(results: readonly FileResult[]): string {
  // Rebuilt field by field so the output keeps the documented keys and order.
  const plain = results.map((r) => ({
    file: r.file,
    diagnostics: r.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
    })),
  }));
  return JSON.stringify(plain, null, 2) + "\n";
}
