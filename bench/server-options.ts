/**
 * The heap limit `npm start` gives the server (package.json's start script):
 * the bench starts `next start` with the same, so it measures what production
 * runs. Without a limit V8 grows the heap of a busy server to over 1 GB before
 * it collects (bench/RESULTS.md); with 320 MB the server stays near 250 MB at
 * the same speed. test/unit/server-options.test.ts keeps the two the same.
 */
export const SERVER_NODE_OPTIONS = '--max-old-space-size=320';
