/**
 * Edits to a draft between two checks, as an editor sends them: each replaces a range of
 * the text as the edits before it left it.
 */

/** `[from, to)` of the text as it stood was replaced by `inserted` characters. */
export interface Change {
  from: number;
  to: number;
  inserted: number;
}

/**
 * The one stretch that covers a run of changes: before `from` the old and new texts are
 * the same, `[from, toOld)` of the old text became `[from, toNew)` of the new one, and
 * after that the texts are the same again, shifted by `toNew - toOld`.
 */
export interface ChangedStretch {
  from: number;
  toOld: number;
  toNew: number;
}

/** Folds changes applied one after another into the stretch that covers them all. */
export function coverChanges(changes: readonly Change[]): ChangedStretch | undefined {
  let cover: ChangedStretch | undefined;
  for (const change of changes) {
    const toNew = change.from + change.inserted;
    if (!cover) {
      cover = { from: change.from, toOld: change.to, toNew };
      continue;
    }
    // Work in the coordinates of the text after the changes so far, then carry the end back.
    const end = Math.max(cover.toNew, change.to);
    const oldEnd = end - (cover.toNew - cover.toOld);
    cover = { from: Math.min(cover.from, change.from), toOld: oldEnd, toNew: end + change.inserted - (change.to - change.from) };
  }
  return cover;
}
