/** Escapes LIKE wildcards (and the escape character) in user text, for `LIKE … ESCAPE '\'` (PostgreSQL's default). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A pattern matching text that contains the user's text literally. */
export function containsPattern(text: string): string {
  return `%${likeEscape(text)}%`;
}

/** A pattern matching text that starts with the user's text literally. */
export function prefixPattern(text: string): string {
  return `${likeEscape(text)}%`;
}
