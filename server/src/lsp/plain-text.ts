/**
 * A hover card as plain text, for clients that do not render Markdown (Eglot without
 * markdown-mode asks for `plaintext` only). Covers the Markdown the cards use: headings,
 * emphasis, links, rules, tables, line breaks and backslash escapes.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, "")
        .replace(/^\s*---+\s*$/, "────────")
        .replace(/^\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/, "") // a table's separator row
        .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, "$1 ($2)")
        .replace(/(?<!\\)(\*\*|__|\*|_|`)/g, "")
        .replace(/\\([\\`*_[\]<>|~&#+\-=.()!{}])/g, "$1")
        .replace(/\s+$/, ""),
    )
    .filter((line, i, lines) => line !== "" || lines[i - 1] !== "")
    .join("\n")
    .trim();
}
