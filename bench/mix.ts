/**
 * What a draft is made of: its blocks by kind, and how many of its prose sentences carry a
 * figure and name a source. The bench prints this beside its timings, so the figures say
 * what they were measured on. The rules are deliberately rough (a pattern per block kind,
 * Intl.Segmenter for sentences, a list of attribution words) and independent of the engine,
 * so a change in the engine cannot change the description of its input.
 */

export interface DraftMix {
  bytes: number;
  "distinct words": number;
  blocks: Record<string, number>;
  /** Prose sentences: of paragraphs, block quotes and list items. */
  sentences: { count: number; "with a digit %": number; "with a figure %": number; "figures attributed %": number };
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Digits that are not figures: link targets, code, footnote labels, designations, dates, years, ordinals. */
const NOT_FIGURES = [
  /\]\([^)]*\)/g,
  /`[^`]*`/g,
  /\[\^\d+\]/g,
  /\b[A-Z][A-Za-z]*-\d+\w*/g,
  /\bM1\w*/g,
  /\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)\b/g,
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/g,
  /\b(?:19|20)\d\d\b/g,
  /\b\d+(?:st|nd|rd|th)\b/g,
];
const ATTRIBUTION =
  /\b(?:said|says|told|reported|according to|citing|per the|estimated|claimed|announced|confirmed|wrote|noted|added|found|shows?|showed|put the \w+ at)\b|\]\(|\[\^\d+\]/i;

/** Describes `draft`: block counts by kind and the shares of prose sentences with figures. */
export function describeDraft(draft: string): DraftMix {
  const blocks: Record<string, number> = {};
  // Each sentence, and whether it takes its source from a lead-in (`The ministry said:`).
  const sentences: { text: string; leadIn: boolean }[] = [];
  let leadInAttributed = false;
  for (const { kind, text } of splitBlocks(draft)) {
    blocks[kind] = (blocks[kind] ?? 0) + 1;
    if (kind === "list") {
      for (const item of text.split("\n")) sentences.push({ text: item.replace(/^\s*(?:[-*+]|\d+\.)\s+/, ""), leadIn: leadInAttributed });
    } else if (kind === "paragraph" || kind === "quote") {
      for (const sentence of splitSentences(kind === "quote" ? text.replace(/^> ?/gm, "") : text)) sentences.push({ text: sentence, leadIn: false });
    }
    leadInAttributed = kind === "paragraph" && text.trimEnd().endsWith(":") && ATTRIBUTION.test(text);
  }
  let digits = 0;
  let figures = 0;
  let attributed = 0;
  for (const { text, leadIn } of sentences) {
    if (/\d/.test(text)) digits++;
    if (!/\d/.test(NOT_FIGURES.reduce((t, re) => t.replace(re, " "), text))) continue;
    figures++;
    if (leadIn || ATTRIBUTION.test(text)) attributed++;
  }
  const percent = (n: number, of: number) => +((100 * n) / Math.max(1, of)).toFixed(1);
  return {
    bytes: Buffer.byteLength(draft),
    "distinct words": new Set(draft.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu)).size,
    blocks,
    sentences: {
      count: sentences.length,
      "with a digit %": percent(digits, sentences.length),
      "with a figure %": percent(figures, sentences.length),
      "figures attributed %": percent(attributed, figures),
    },
  };
}

/**
 * Sentences by Intl.Segmenter, mended where it cuts a unit that names one source: a footnote
 * reference after the full stop belongs to the sentence before (moved in front of the stop,
 * or the segmenter splits it), and a quotation of several sentences belongs with the speaker
 * named after it.
 */
function splitSentences(prose: string): string[] {
  const sentences: string[] = [];
  const unclosed = (s: string) => s.split("“").length > s.split("”").length;
  const text = prose.replace(/\n/g, " ").replace(/([.!?]["”]?)((?:\[\^\d+\])+)/g, "$2$1");
  for (const { segment } of segmenter.segment(text)) {
    const s = segment.trim();
    const last = sentences.length - 1;
    if (last >= 0 && unclosed(sentences[last]!)) sentences[last] += ` ${s}`;
    else sentences.push(s);
  }
  return sentences;
}

/** The draft's top-level blocks, by a line scan that keeps fenced code and comments whole. */
function* splitBlocks(draft: string): Generator<{ kind: string; text: string }> {
  const lines = draft.split("\n");
  let i = 0;
  if (lines[0] === "---") {
    i = lines.indexOf("---", 1) + 1;
    yield { kind: "front matter", text: lines.slice(0, i).join("\n") };
  }
  while (i < lines.length) {
    if (lines[i].trim() === "") {
      i++;
      continue;
    }
    const start = i;
    const closing = lines[i].startsWith("```") ? "```" : lines[i].startsWith("<!--") ? "-->" : undefined;
    if (closing) {
      // A comment may close on its opening line; a fence never does.
      i = closing === "-->" ? i : i + 1;
      while (i < lines.length && !lines[i].includes(closing)) i++;
      i++;
    } else {
      while (i < lines.length && lines[i].trim() !== "") i++;
    }
    const text = lines.slice(start, i).join("\n");
    yield { kind: closing ? (closing === "```" ? "code" : "comment") : kindOf(text), text };
  }
}

function kindOf(text: string): string {
  if (/^#{1,6} /.test(text)) return "heading";
  if (text.startsWith(">")) return "quote";
  if (text.startsWith("|")) return "table";
  if (/^\[\^\d+\]:/.test(text)) return "footnote";
  if (/^(?:[-*+]|\d+\.) /.test(text)) return "list";
  return "paragraph";
}
