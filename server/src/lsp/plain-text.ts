/**
 * A hover card as plain text, for clients that do not render Markdown (Eglot without
 * markdown-mode asks for `plaintext` only). Covers the Markdown the cards use: headings,
 * emphasis, links, rules, tables, line breaks and backslash escapes. Only a link the card
 * made is written out as one: escaped brackets are text from the draft or the reference.
 */
// Draft text can make a card's lines long, so neither pattern may try a run of text from
// each of its characters: the row is one character class, and a link's text and target stop
// at the next bracket.
/** A table's separator row: pipes, dashes, colons and spaces (and both a pipe and a dash). */
const TABLE_SEPARATOR = /^[\s:|-]*$/;
/** A link the card made: `[text](target)`, brackets not escaped. */
const CARD_LINK = /(?<!\\)\[([^\][]*)(?<!\\)\]\(([^()[\]\s]+)\)/g;

export function markdownToPlainText(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, "")
        .replace(/^\s*---+\s*$/, "────────")
        .replace(TABLE_SEPARATOR, (row) => (row.includes("-") && row.includes("|") ? "" : row))
        .replace(CARD_LINK, "$1 ($2)")
        .replace(/(?<!\\)(\*\*|__|\*|_|`)/g, "")
        .replace(/\\([\\`*_[\]<>|~&#+\-=.:@()!{}])/g, "$1")
        .trimEnd(),
    )
    .filter((line, i, lines) => line !== "" || lines[i - 1] !== "")
    .join("\n")
    .trim();
}
