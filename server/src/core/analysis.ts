/**
 * Reads a draft as a copy editor does: every figure in its sentence, whether that sentence
 * (or the quotation, link, footnote or lead-in around it) names a source, and whether the
 * figure states a spec of a weapon system and how it compares with the reference.
 * The rules turn this analysis into findings.
 */
import type { Reference, SpecAttribute, WeaponSystem } from "../reference/types";
import { attributedBy, findAttribution, namesSpeaker, type Attribution } from "./attribution";
import { compareWithReference, type Verdict } from "./comparison";
import { findFigures, type Figure } from "./figures";
import type { LeadIn, ProseBlock } from "./markdown/prose";
import { findQuotations, narration, quotationAt, type Quotation } from "./quotations";
import { sentencesAround, splitSentences, type Sentence } from "./sentences";
import { anyBetween, lastAtOrBefore } from "./sorted";
import { nearestSystem, specAttribute } from "./specs";
import { createWeaponMatcher, refersBack, type WeaponMention } from "./weapons";

/** A figure in its context: the unit every rule works on. */
export interface Claim {
  figure: Figure;
  block: ProseBlock;
  sentence: Sentence;
  /** The source the figure is attributed to; undefined when none is named. */
  attribution?: Attribution;
  spec?: { system: WeaponSystem; attribute: SpecAttribute; verdict: Verdict };
  /** Source offsets of the whole figure. */
  offset: number;
  length: number;
}

export interface Analyser {
  /** The claims in some blocks of prose, in order. */
  claimsIn(blocks: readonly ProseBlock[]): Claim[];
}

export function createAnalyser(reference: Reference, attributionPhrases: readonly RegExp[]): Analyser {
  const weapons = createWeaponMatcher(reference);
  /**
   * What a lead-in passes to every item of its list or table, read once per lead-in: a
   * lead-in block outlives the check that read it when its list is edited and it is not.
   */
  const leadIns = new WeakMap<LeadIn, { attributed: boolean; system?: WeaponSystem }>();

  /** A lead-in covers its items when its last sentence is attributed, and lends them its system. */
  function readLeadIn(leadIn: LeadIn): { attributed: boolean; system?: WeaponSystem } {
    let known = leadIns.get(leadIn);
    if (!known) {
      const sentences = splitSentences(leadIn.text);
      const last = sentences[sentences.length - 1];
      const quotes = findQuotations(leadIn.text);
      const attributed = !!last && (!!findAttribution(narration(leadIn.text, quotes).slice(last.start, last.end), attributionPhrases) || cites(leadIn, last));
      known = { attributed, system: lastSystem(weapons.find(leadIn.text)) };
      leadIns.set(leadIn, known);
    }
    return known;
  }

  function analyseBlock(block: ProseBlock, claims: Claim[]): void {
    const figures = findFigures(block.text);
    if (figures.length === 0) return;
    const text = block.text;
    const quotes = findQuotations(text);
    const told = narration(text, quotes);
    const mentions = weapons.find(text);
    const leadIn = block.leadIn;
    let previousSystem = leadIn ? readLeadIn(leadIn).system : undefined;
    // With no weapon system in play, a sentence without a figure matters only where a
    // quotation opens or closes in it (its speaker may be named there).
    const sentences =
      mentions.length === 0 && !previousSystem
        ? sentencesAround(text, [...figures.map((f) => f.start), ...quotes.flatMap((q) => (q.close < 0 ? [q.open] : [q.open, q.close]))])
        : splitSentences(text);
    let f = 0;
    let m = 0;
    for (const sentence of sentences) {
      while (m < mentions.length && mentions[m].start < sentence.start) m++;
      const firstOwn = m;
      while (m < mentions.length && mentions[m].end <= sentence.end) m++;
      const own = mentions.slice(firstOwn, m);
      const carried = own.length === 0 && previousSystem && refersBack(text.slice(sentence.start, sentence.end)) ? previousSystem : undefined;
      previousSystem = own.length > 0 ? lastSystem(own) : carried;
      while (f < figures.length && figures[f].start < sentence.start) f++;
      if (f >= figures.length || figures[f].start >= sentence.end) continue;
      const attribution =
        findAttribution(told.slice(sentence.start, sentence.end), attributionPhrases) ??
        (cites(block, sentence) ? attributedBy("citation") : leadIn && readLeadIn(leadIn).attributed ? attributedBy("lead-in") : undefined);
      for (; f < figures.length && figures[f].start < sentence.end; f++) {
        const figure = figures[f];
        const quote = quotationAt(quotes, figure.start);
        const spoken = !attribution && quote && speakerNamed(quote, told, sentences) ? attributedBy("quotation") : undefined;
        const offset = block.map.toSource(figure.start);
        const claim: Claim = {
          figure,
          block,
          sentence,
          attribution: attribution ?? spoken,
          offset,
          length: block.map.toSourceEnd(figure.end) - offset,
        };
        const system = nearestSystem(own, text, figure)?.system ?? carried;
        if (system) {
          const hyphenated = text.slice(figure.start, figure.end).includes("-");
          const compound = hyphenated && own.some((m) => m.start >= figure.end && /^[\s\u00a0]*$/.test(text.slice(figure.end, m.start)));
          const attribute = specAttribute(text, sentence, figure, compound);
          if (attribute) claim.spec = { system, attribute, verdict: compareWithReference(system, attribute, figure) };
        }
        claims.push(claim);
      }
    }
  }

  return {
    claimsIn(blocks) {
      const claims: Claim[] = [];
      for (const block of blocks) analyseBlock(block, claims);
      return claims;
    },
  };
}

function lastSystem(mentions: WeaponMention[]): WeaponSystem | undefined {
  return mentions.length ? mentions[mentions.length - 1].system : undefined;
}

/** A link or footnote reference inside the sentence (or right after its full stop) cites it. */
function cites(block: LeadIn, sentence: Sentence): boolean {
  return anyBetween(block.citations, sentence.start, sentence.end);
}

/** The narration around a quotation (before its opening, after its closing) names a speaker. */
function speakerNamed(quote: Quotation, told: string, sentences: Sentence[]): boolean {
  const opening = sentenceAt(sentences, quote.open);
  if (opening && namesSpeaker(told.slice(opening.start, quote.open))) return true;
  if (quote.close < 0) return false;
  const closing = sentenceAt(sentences, quote.close);
  return !!closing && namesSpeaker(told.slice(quote.close + 1, closing.end));
}

function sentenceAt(sentences: Sentence[], at: number): Sentence | undefined {
  const s = sentences[lastAtOrBefore(sentences, at, (x) => x.start)];
  return s && at < s.end ? s : undefined;
}
