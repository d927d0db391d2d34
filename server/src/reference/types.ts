/**
 * The shape of the fact reference: weapon systems named in the source articles, the
 * specifications those articles give for them, and policy facts and events that must never
 * be mistaken for specifications. The bundled reference (reference.json) and a user's extra
 * reference files share this shape.
 */

/** A capability or specification of a weapon system (spec section 4). */
export const SPEC_ATTRIBUTES = [
  "range",
  "speed",
  "payload",
  "altitude",
  "calibre",
  "weight",
  "accuracy",
  "crew",
  "unit-cost",
] as const;
export type SpecAttribute = (typeof SPEC_ATTRIBUTES)[number];

/** How the article qualifies a stated value. */
export const QUALIFIERS = ["exact", "about", "up to", "nearly", "at least", "more than"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** A source article the reference was built from. */
export interface SourceArticle {
  /** Stable id, used by facts and events to name their source. */
  id: string;
  /** File name of the article (e.g. the seed file it came from). */
  file: string;
  headline: string;
  /** The outlet, where the article names it (e.g. "RT"). */
  outlet?: string;
  /** The date or period the article can be dated to, ISO style: "2024-11" or "2023-06-08". */
  date: string;
  /** How the date was established, when it is inferred from the text rather than printed. */
  dateNote?: string;
}

/** Where a fact or event was read: the article and a short phrase quoted from it. */
export interface Provenance {
  /** A SourceArticle id. */
  source: string;
  /** At most a dozen words, exactly as they appear in the article. */
  evidence: string;
}

/** One specification of one weapon system, as an article states it. */
export interface ReferenceFact extends Provenance {
  attribute: SpecAttribute;
  value: number;
  /** Unit as stated: "km", "mi", "kg", "lb", "km/h", "mph", "Mach", "mm", "USD", "persons"… */
  unit: string;
  qualifier: Qualifier;
}

/** A policy decision, restriction, approval or delivery: dated, never a specification. */
export interface ReferenceEvent extends Provenance {
  kind: "approval" | "restriction" | "delivery" | "request" | "statement";
  /** ISO date or period, as precise as the article allows. */
  date: string;
  summary: string;
  /** A figure the event carries (the 50-mile HIMARS restriction), if any. */
  value?: number;
  unit?: string;
}

/** A weapon system, recognised in drafts by its name and aliases (case-aware). */
export interface WeaponSystem {
  id: string;
  name: string;
  /** Other names, designations and spellings, matched with their case. */
  aliases: string[];
  kind: string;
  origin: string;
  facts: ReferenceFact[];
  events: ReferenceEvent[];
}

export interface Reference {
  sources: SourceArticle[];
  systems: WeaponSystem[];
}
