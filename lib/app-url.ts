/**
 * The public base URL used in emails (links must be absolute). APP_URL wins;
 * otherwise the request's own origin is passed in by the caller.
 */
export function appUrl(path: string, requestOrigin?: string): string {
  const base = process.env.APP_URL ?? requestOrigin ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base).toString();
}
