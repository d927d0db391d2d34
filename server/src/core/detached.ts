/**
 * A copy of a string that holds on to nothing else. A JavaScript engine may keep a piece
 * cut from a string (or glued from pieces) as a view of the strings it came from, so a
 * finding's message quoting four words of a draft can keep the whole draft alive. An open
 * draft keeps findings across many edits, each made on a new copy of the text: what it keeps
 * must be detached, or every version of the draft stays in memory.
 */
export function detached(text: string): string {
  // Gluing a character on and cutting it off again makes the engine copy the characters into
  // a string of their own.
  return (" " + text).slice(1);
}
