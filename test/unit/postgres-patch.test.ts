import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * postgres.js 3.4.9 can throw an uncaught TypeError from a write scheduled
 * just before its connection closed (porsager/postgres#1208): the reliability
 * suite met it when PostgreSQL restarted under load. `patches/` carries the
 * guard (settle the query with CONNECTION_CLOSED) until a release has it,
 * and forgets a terminated backend's error with its socket (kept, it failed
 * the first query of the next connection with the old 57P01: #1215, #1223);
 * `npm install` applies it (`postinstall: patch-package`).
 */
describe('the postgres.js patch', () => {
  for (const file of ['node_modules/postgres/src/connection.js', 'node_modules/postgres/cjs/src/connection.js']) {
    it(`is applied to ${file}`, () => {
      const source = fs.readFileSync(file, 'utf8');
      expect(source).toMatch(/function nextWrite\(fn\) \{\n\s+if \(!socket\) \{/);
      // A killed backend's error is forgotten with its socket (#1215, #1223).
      expect(source).toMatch(/socket = null\n(\s+\/\/.*\n)*\s+errorResponse = null/);
    });
  }
  it('is for the installed version', () => {
    const { version } = JSON.parse(fs.readFileSync('node_modules/postgres/package.json', 'utf8')) as { version: string };
    expect(fs.existsSync(`patches/postgres+${version}.patch`)).toBe(true);
  });
});
