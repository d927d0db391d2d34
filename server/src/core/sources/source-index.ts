/**
 * The writer's own source documents, read with the same engine as a draft: every figure with
 * its sentence, what it counts, how it is qualified and whom the document attributes it to,
 * filed by what it counts or measures so a draft's claim finds its candidates by one lookup.
 * Pure data: reading the files is the caller's business (the CLI, the language server).
 */
import type { Reference, SpecAttribute } from "../../reference/types";
import { createAnalyser, type Claim } from "../analysis";
import { compilePhrases } from "../attribution";
import { claimEntry } from "../claims";
import { detached } from "../detached";
import type { FigureKind } from "../figures";
import { indexLines } from "../lines";
import { readDocumentProse } from "../markdown/document";
import type { Amount } from "./amount";
import { keyOf } from "./claim-key";
import { outletOf } from "./outlet";
import { contentWords } from "./words";

/** One source document: `file` is how findings name it (a path, as the caller shows paths). */
export interface SourceDocument {
  file: string;
  text: string;
}

/** A figure of a source document, as a finding cites it: where, in which sentence, from whom. */
export interface SourceFigure {
  file: string;
  /** 1-based line of the figure's start. */
  line: number;
  /** Offset and length of the figure in the document (UTF-16 code units). */
  offset: number;
  length: number;
  /** The sentence that states it, white space collapsed. */
  sentence: string;
  /** The figure as written: `more than 4,000 troops`. */
  text: string;
  kind: FigureKind;
  /** The number as stated, scale applied; absent for `dozens of` and fractions in words. */
  value?: number;
  /** The unit as stated (`km`, `mi`) or the currency code (`USD`). */
  unit?: string;
  /** What a count or percentage counts, lower-case and singular: `troop`. */
  thing?: string;
  /** The qualifier in front, lower-cased: `more than`. */
  qualifier?: string;
  /** The weapon system and attribute, when the sentence states a spec. */
  spec?: { system: string; attribute: SpecAttribute };
  /** Whom the document attributes the figure to, in its words: `the Russian Defense Ministry`. */
  attribution?: string;
  /** The outlet the document names (see `outletOf`). */
  outlet?: string;
}

/** A source figure with what matching needs. */
export interface IndexedFigure {
  figure: SourceFigure;
  amount?: Amount;
  wording?: string;
  /** The content words of its sentence, for telling one event from another. */
  context: ReadonlySet<string>;
}

export interface SourceIndex {
  /** Every figure, in document order, documents in the order given. */
  figures: readonly SourceFigure[];
  /** The figures by the key of what they count or measure (see `keyOf`). */
  byKey: ReadonlyMap<string, readonly IndexedFigure[]>;
}

/** Reads source documents with the reference and attribution phrases drafts are checked with. */
export function buildSourceIndex(documents: readonly SourceDocument[], reference: Reference, attributionPhrases: readonly string[] = []): SourceIndex {
  const builder = sourceIndexBuilder(reference, attributionPhrases);
  for (const document of documents) builder.add(document);
  return builder.index;
}

/**
 * An index filled one document at a time, for a caller that must not read a large folder of
 * sources in one go (the language server, between the editor's messages). `index` holds every
 * document added so far.
 */
export function sourceIndexBuilder(reference: Reference, attributionPhrases: readonly string[] = []): { add(document: SourceDocument): void; index: SourceIndex } {
  const analyser = createAnalyser(reference, compilePhrases(attributionPhrases));
  const figures: SourceFigure[] = [];
  const byKey = new Map<string, IndexedFigure[]>();
  function add(document: SourceDocument): void {
    const lines = indexLines(document.text);
    const credit = outletOf(document.text);
    const outlet = credit && detached(credit);
    for (const claim of analyser.claimsIn(readDocumentProse(document.text, /\.txt$/i.test(document.file)))) {
      const { figure, block, sentence } = claim;
      const said = block.text.slice(sentence.start, sentence.end);
      const { key: found, amount, wording: words, thing: counted, spec } = keyOf(claim);
      // Copies, as for the sentence below: a short slice of a document keeps all of it alive.
      const key = detached(found);
      const wording = words && detached(words);
      const thing = counted && detached(counted);
      const attribution = namedSource(claim);
      const source: SourceFigure = {
        file: document.file,
        line: lines.lineOf(claim.offset) + 1,
        offset: claim.offset,
        length: claim.length,
        // Copies, so the index does not keep every document's whole text alive.
        sentence: detached(said.replace(/\s+/g, " ")),
        text: detached(block.text.slice(figure.start, figure.end).replace(/\s+/g, " ")),
        kind: figure.kind,
        value: figure.value,
        unit: figure.measure?.unit.symbol ?? (figure.kind === "money" ? amount?.measure : undefined),
        thing,
        qualifier: figure.qualifier && detached(figure.qualifier),
        spec,
        attribution: attribution && detached(attribution),
        outlet,
      };
      figures.push(source);
      const context = contentWords(said, figure.start - sentence.start, figure.end - sentence.start);
      const filed = byKey.get(key);
      const entry = { figure: source, amount, wording, context };
      if (filed) filed.push(entry);
      else byKey.set(key, [entry]);
    }
  }
  return { add, index: { figures, byKey } };
}

/**
 * The words naming the figure's source, as the claims sheet reads them, when a phrase of the
 * sentence names one: a link, a quoted speaker or `officials said` give no words to repeat.
 */
function namedSource(claim: Claim): string | undefined {
  const attribution = claim.attribution;
  if (!attribution || attribution.means !== "phrase" || attribution.kind === "vague") return undefined;
  const by = claimEntry(claim, () => undefined).attribution.by;
  // `nine lawmakers said`: the figure is the speaker, and names no source of itself.
  const figure = claim.block.text.slice(claim.figure.start, claim.figure.end);
  return by && !by.includes(figure) ? by : undefined;
}
