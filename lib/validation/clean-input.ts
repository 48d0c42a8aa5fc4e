/**
 * Control characters a form never means: NUL (which PostgreSQL refuses to
 * store in text, so it would fail the write with an error instead of a
 * message), the other C0 controls and DEL. Tabs and line breaks stay.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The input with every string (at any depth) cleaned of control characters; files and other values untouched. */
export function withoutControlCharacters<T>(input: T): T {
  if (typeof input === 'string') return input.replace(CONTROL_CHARACTERS, '') as T;
  if (Array.isArray(input)) return input.map(withoutControlCharacters) as T;
  // Plain objects, including prototype-less ones (Object.create(null), as some parsers build them).
  const prototype = input && typeof input === 'object' ? Object.getPrototypeOf(input) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    return Object.fromEntries(Object.entries(input as Record<string, unknown>).map(([k, v]) => [k, withoutControlCharacters(v)])) as T;
  }
  return input;
}
