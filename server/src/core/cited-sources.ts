/**
 * The sources a draft already names (`according to the Pentagon`, `Reuters reported`), so an
 * editor adding an attribution can offer them. A suggestion list, not a judgement: it reads
 * capitalised names in the usual attribution patterns and leaves the rest to the writer.
 */

/**
 * A capitalised name of one or more words (`U.S.` keeps its dots, a full stop ends it), joined
 * by `of`, `for`, `and` where titles have them (`Institute for the Study of War`).
 */
const WORD = String.raw`\p{Lu}(?:[\p{L}\p{N}&'’-]|\.(?=\p{L}))*`;
const NAME = String.raw`${WORD}(?:\s+(?:(?:of|for|and|on)(?:\s+the)?\s+)?${WORD})*`;
const BEFORE_NAME = new RegExp(String.raw`(?<![\p{L}])(?:[Aa]ccording\s+to|[Cc]iting|[Pp]er|[Qq]uoted\s+by|[Cc]ited\s+by)\s+((?:the\s+)?${NAME})`, "gu");
/**
 * A name and the verb that makes it a source. The verb is optional so that a name without one
 * is matched, and passed over, whole: a search that failed on it would start again from each
 * of its words and read the rest of it each time.
 */
const NAME_SAID = new RegExp(
  String.raw`(?<![\p{L}\p{N}&.'’-])((?:the\s+)?${NAME})(?<verb>\s+(?:said|says|reported|reports|told|estimated|estimates|claimed|claims|stated|announced|confirmed)(?![\p{L}]))?`,
  "gu",
);
/** Capitalised words that are not sources: pronouns and the unnamed. */
const NOT_A_SOURCE = /^(?:the\s+)?(?:He|She|They|It|We|I|You|This|That|These|Those|There|Officials|Sources|Analysts|Experts|Reports|Observers|Critics|Some|Many|Others|Someone|Nobody)$/u;

/** Distinct sources named in `text`, the most cited first, at most `limit`. */
export function citedSources(text: string, limit = 8): string[] {
  const counts = new Map<string, number>();
  for (const pattern of [BEFORE_NAME, NAME_SAID]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (pattern === NAME_SAID && !m.groups?.verb) continue;
      // `The Pentagon said` at a sentence's start is the same source as `according to the Pentagon`.
      const name = m[1].replace(/\s+/g, " ").replace(/['’]s$|[.’']$/u, "").replace(/^The /, "the ");
      if (NOT_A_SOURCE.test(name)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  // Stable sort keeps first-seen order among equals.
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name]) => name);
}
