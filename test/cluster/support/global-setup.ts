import fs from 'node:fs';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { seed } from '../../reliability/support/global-setup';
import { startMailProvider } from '../../reliability/support/mail-provider';
import { startPostgresServer } from '../../reliability/support/postgres-server';
import { PORTS } from './ports';

/**
 * The cluster suite's PostgreSQL server (the reliability suite's helper: a
 * data directory of its own) with one database holding the demo seed, and
 * the email stand-in. Each test file starts its instances and nginx on it.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('The cluster suite runs the production build: run `npm run build` first.');
  const server = await startPostgresServer({ port: PORTS.postgres });
  const name = 'tradepost_cluster';
  const admin = postgres(server.url('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const seededAt = Date.now();
  await seed(server.url(name), 1000);
  const seedMs = Date.now() - seededAt;
  const mail = await startMailProvider(PORTS.mail);
  project.provide('cluster', { databaseUrl: server.url(name), adminUrl: server.url('postgres'), postgres: server.info, mailUrl: mail.url, seedMs });
  return async () => {
    await mail.close();
    await server.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: {
      databaseUrl: string;
      adminUrl: string;
      postgres: import('../../reliability/support/postgres-server').PostgresServerInfo;
      mailUrl: string;
      seedMs: number;
    };
  }
}
