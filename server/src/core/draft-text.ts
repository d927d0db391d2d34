/**
 * A draft's text as the checker reads it: a string, or anything that hands out pieces of
 * itself the way a string does (the server's chunked documents), so that a check after a
 * keystroke reads only the stretch it needs instead of the whole draft.
 */
export interface DraftText {
  readonly length: number;
  slice(from: number, to: number): string;
}
