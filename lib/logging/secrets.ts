/**
 * What must never reach a log line, by shape: the demo password (published in
 * the README, so a line holding it means a password was logged), the one-time
 * link tokens (`?token=…` in activation, sign-in and reset links), Auth.js
 * session tokens (JWE whose header `{"alg":"dir"…` starts `eyJhbGciOiJkaXIi`)
 * and session cookies by name. The logger blanks them (lib/logging/logger.ts)
 * and scripts/scan-test-logs.ts fails a test run whose logs hold one.
 */
export const DEMO_PASSWORD_TEXT = 'tradepost-demo';

export const SECRET_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  // The demo password itself, not the `tradepost-demo` of a database or folder name such as tradepost-demo-…/_demo.
  { name: 'the demo password', pattern: /tradepost-demo(?![\w-])/g },
  { name: 'a one-time link token', pattern: /[?&]token=[A-Za-z0-9_%-]{16,}/g },
  { name: 'a session token (JWE)', pattern: /eyJhbGciOiJkaXIi[A-Za-z0-9_.-]*/g },
  { name: 'a session cookie', pattern: /(?:__Host-|__Secure-)?tp-(?:customer|staff)-session=[^;\s"]{16,}/g },
];

/** `text` with every secret-shaped part replaced by `[redacted]`. */
export function withoutSecrets(text: string): string {
  let out = text;
  for (const { pattern } of SECRET_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out;
}

/** Every secret-shaped part of `text`, named. */
export function secretsIn(text: string): { name: string; match: string }[] {
  const found: { name: string; match: string }[] = [];
  for (const { name, pattern } of SECRET_PATTERNS) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) found.push({ name, match: match[0] });
  }
  return found;
}
