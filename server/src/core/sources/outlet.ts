/**
 * The outlet a source document names, for `Attribute as the source does`: a figure the
 * document attributes to the Russian Defense Ministry reached the writer through that outlet.
 */

/** A line of its own naming the outlet: `Source: Reuters`, `Outlet: RT`. */
const OUTLET_LINE = /^[ \t]*(?:source|outlet)[ \t]*:[ \t]*([^\r\n]{1,60}?)[ \t]*$/imu;
/** A wire credit closing the document: `… the Russian Defense Ministry. (RT)`. */
const CLOSING_CREDIT = /\((\p{Lu}[\p{L}&'’. -]{0,39})\)\s*$/u;
/** A credit of more words than this is a closing remark in brackets, not an outlet. */
const LONGEST_CREDIT = 5;
/** Credits that name the people who made the story, not the outlet: `(Reporting by Pavel Polityuk)`. */
const STAFF_CREDIT = /^(?:reporting|additional reporting|editing|writing|written|photos?|compiled|translated|by)\b/i;

/**
 * The first line of its own reading `Source: X` or `Outlet: X`, else a credit in brackets
 * that ends the document, as wire copy signs off (`(RT)`, `(Reuters)`). Undefined when the
 * document names none.
 */
export function outletOf(text: string): string | undefined {
  const line = OUTLET_LINE.exec(text);
  if (line) return line[1];
  const credit = CLOSING_CREDIT.exec(text.slice(-60))?.[1].trim();
  return credit && credit.split(/\s+/).length <= LONGEST_CREDIT && !STAFF_CREDIT.test(credit) ? credit : undefined;
}
