/** The HTML entities news copy uses, decoded so `300&nbsp;km` reads as a figure with its unit. */
const NAMED: Record<string, string> = {
  nbsp: "\u00a0",
  thinsp: "\u2009",
  narrownbsp: "\u202f",
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  ndash: "\u2013",
  mdash: "\u2014",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  hellip: "\u2026",
  euro: "\u20ac",
  pound: "\u00a3",
  times: "\u00d7",
};

/** The character an entity such as `&nbsp;` or `&#8217;` stands for, or undefined if unknown. */
export function decodeEntity(entity: string): string | undefined {
  const body = entity.slice(1, -1);
  if (body.startsWith("#")) {
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return undefined;
    const char = String.fromCodePoint(code);
    // One prose character per entity keeps the offset map simple; astral ones stay opaque.
    return char.length === 1 ? char : "\uFFFC";
  }
  return NAMED[body];
}
