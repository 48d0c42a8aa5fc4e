/** A return path after sign-in: only a local path inside the area, never another site. */
export function safeNextPath(next: unknown, areaRoot: string): string {
  if (typeof next !== 'string') return areaRoot;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return areaRoot;
  if (next !== areaRoot && !next.startsWith(`${areaRoot}/`) && !next.startsWith(`${areaRoot}?`)) return areaRoot;
  if (/\/sign-in(\/|\?|$)/.test(next)) return areaRoot;
  return next;
}
