import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run screenshots`: the README's screenshots, taken from the demo on a
 * production build (the same servers as the Playwright suite: a fresh seeded
 * embedded database) and written to docs/screenshots/*.png.
 */
export default defineConfig({
  ...base,
  testDir: './e2e/screenshots',
  testMatch: '**/*.screenshots.ts',
  reporter: [['list']],
  timeout: 120_000,
});
