/**
 * The browser's stand-in for markup-cache.ts (next.config.ts aliases it for
 * client bundles): components call `cachedMarkup` only on the server, and the
 * browser bundle must not carry react-dom/server.
 */
export function cachedMarkup(): string {
  throw new Error('cachedMarkup runs on the server only');
}

export function clearMarkupCache(): void {}
