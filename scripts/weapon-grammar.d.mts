// Types for scripts/weapon-grammar.mjs, which stays plain JavaScript so esbuild.mjs can run it.
import type { Reference } from "../server/src/reference/types";

export interface WeaponGrammar {
  information_for_contributors: string[];
  name: string;
  scopeName: string;
  injectionSelector: string;
  patterns: { match: string; name: string }[];
}

export const GRAMMAR_FILE: string;
export const WEAPON_SCOPE: string;
export function weaponGrammar(reference: Pick<Reference, "systems">): WeaponGrammar;
export function weaponGrammarText(reference: Pick<Reference, "systems">): string;
export function writeWeaponGrammar(): boolean;
