/**
 * Weapon systems in prose: names and aliases from the reference, matched with their case
 * (`Patriot` the system, not `patriots` the people), plus the references back to a system
 * named in the previous sentence (`It can fly…`, `The missile carries…`).
 */
import type { Reference, WeaponSystem } from "../reference/types";

/** A system named in the text, as offsets in the text searched. */
export interface WeaponMention {
  start: number;
  end: number;
  system: WeaponSystem;
}

/** Finds the systems of one reference in text; built once per reference. */
export interface WeaponMatcher {
  find(text: string): WeaponMention[];
}

export function createWeaponMatcher(reference: Reference): WeaponMatcher {
  const byName = new Map<string, WeaponSystem>();
  for (const system of reference.systems) {
    for (const name of [system.name, ...system.aliases]) if (!byName.has(name)) byName.set(name, system);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return { find: () => [] };
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  // Plural and possessive endings (`F-16s`, `ATACMS’s`) still name the system.
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(${escaped.join("|")})(?:s|['’]s)?(?![\p{L}\p{N}])`, "gu");
  return {
    find(text) {
      const mentions: WeaponMention[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const system = byName.get(m[1]) ?? byName.get(m[1].replace(/\s+/g, " "));
        if (system) mentions.push({ start: m.index, end: m.index + m[0].length, system });
      }
      return mentions;
    },
  };
}

/** Words that point back to a system named just before: pronouns and `the missile`-style phrases. */
const BACK_REFERENCE =
  /(?<![\p{L}])(?:it|its|they|their|them|(?:the|this|that|these|those|each|every)\s+(?:[\p{Ll}-]+\s+)?(?:missiles?|rockets?|jets?|aircraft|planes?|fighters?|tanks?|launchers?|systems?|weapons?|batter(?:y|ies)|interceptors?))(?![\p{L}])/iu;

/** True when the sentence refers back to something named before it. */
export function refersBack(sentence: string): boolean {
  return BACK_REFERENCE.test(sentence);
}
