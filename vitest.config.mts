import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('./', import.meta.url)) };
const postgres = process.env.TEST_POSTGRES !== '0';
/** The reliability suite runs the production build against real server processes: `npm run test:reliability`. */
const reliability = process.env.TEST_RELIABILITY === '1';
/** The read replica suite starts a primary and a streaming replica of its own: `npm run test:replicas`. */
const replicas = process.env.TEST_REPLICAS === '1';
/** Instances behind nginx and PgBouncer (Debian's packages): `npm run test:cluster`. */
const cluster = process.env.TEST_CLUSTER === '1';
/**
 * The public address every emailed link starts with in tests (lib/env.ts reads it), and a
 * quiet logger: `LOG_LEVEL=info npx vitest run …` shows the JSON lines.
 */
const appEnv = { APP_URL: 'https://tradepost.test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };
/** next-auth imports `next/server` without an extension: let Vite resolve it, as Next's bundler does. */
const server = { deps: { inline: ['next-auth'] } };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', env: appEnv },
      },
      {
        resolve: { alias },
        test: {
          name: 'pglite',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          env: { TEST_DATABASE: 'pglite', ...appEnv },
          globalSetup: ['test/support/global-setup.ts'],
          server,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(reliability ? [{
        resolve: { alias },
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/reliability/support/global-setup.ts'],
          server,
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      }] : []),
      ...(replicas ? [{
        resolve: { alias },
        test: {
          name: 'replicas',
          include: ['test/replicas/**/*.test.ts'],
          environment: 'node',
          env: appEnv,
          server,
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      }] : []),
      ...(cluster ? [{
        resolve: { alias },
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/cluster/support/global-setup.ts'],
          server,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      }] : []),
      ...(postgres
        ? [
            {
              resolve: { alias },
              test: {
                name: 'postgres',
                include: ['test/integration/**/*.test.ts'],
                environment: 'node' as const,
                env: { TEST_DATABASE: 'postgres', ...appEnv },
                globalSetup: ['test/support/global-setup.ts'],
                server,
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
