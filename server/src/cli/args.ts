/** The command line of spec section 7, parsed with node's own `util.parseArgs`. */
import { parseArgs } from "node:util";

export const FORMATS = ["text", "json", "sarif", "sheet", "csv"] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** What the command line asks for. */
export type CliRequest =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "check"; format: OutputFormat; config?: string; sources: string[]; inputs: string[] }
  | { kind: "usage-error"; message: string };

export const HELP_TEXT = `Usage: claimlint [--format text|json|sarif|sheet|csv] [--config FILE] [--sources PATH] FILE|DIR|- ...

Flags unsourced figures and weapon-specification claims in Markdown drafts.

Arguments:
  FILE            a Markdown draft
  DIR             every .md and .markdown file below it, in sorted order
                  (node_modules and folders whose name starts with "." are skipped)
  -               read the draft from standard input (reported as "-")

Options:
  -f, --format    text (default), json or sarif (SARIF 2.1.0, for code scanning);
                  sheet or csv for the fact-check sheet: every claim, attributed
                  or not, as a Markdown table or as CSV
  -c, --config    use this configuration file for every draft; without it, each
                  draft uses the nearest .claimlintrc.json at or above its folder
                  (standard input: at or above the working directory)
  -s, --sources   your own source documents, to trace figures to: a .txt or .md
                  file, a folder (its .txt and .md files) or a glob (quote it:
                  'notes/**/*.txt'); repeatable, and added to the configuration's
                  "sources"
  -h, --help      show this help
  -v, --version   show the version

Exit status:
  0  no finding at warning or error severity
  1  at least one finding at warning or error severity
  2  a usage or input error: a bad option, a missing or unreadable file, a file
     that is not UTF-8 text, an unreadable or broken configuration or reference
     file. Each is printed on standard error as "path: reason", or
     "path:line:column: reason" where there is a place to point at. The other
     files are still checked and reported, with the defaults for whatever was
     invalid, and an input error wins over findings (exit 2, not 1).

claimlint never writes to the files it reads.
`;

/** Reads argv (without node and the script); never throws. */
export function parseCliArgs(argv: string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        config: { type: "string", short: "c" },
        sources: { type: "string", short: "s", multiple: true },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    // parseArgs explains positionals that start with "-" at length; its first sentence is enough.
    const message = e instanceof Error ? e.message.split(/(?<=\.) /)[0]! : String(e);
    return { kind: "usage-error", message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const format = values.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format)) {
    return { kind: "usage-error", message: `unknown format "${format}" (use ${FORMATS.join(", ")})` };
  }
  if (values.config === "") return { kind: "usage-error", message: "--config needs a file name" };
  const sources = values.sources ?? [];
  if (sources.includes("")) return { kind: "usage-error", message: "--sources needs a file, folder or glob" };
  if (positionals.length === 0) return { kind: "usage-error", message: "no drafts named; give files, folders, or - for standard input" };
  return { kind: "check", format: format as OutputFormat, config: values.config, sources, inputs: positionals };
}
