import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../support/processes';
import { startInstance, type Instance } from './cluster';
import { startMailProvider } from './mail-provider';
import { startPostgresServer } from './postgres-server';

/**
 * One cluster for the whole suite: a fresh PostgreSQL database with the demo
 * sellers, the email provider stand-in, and two production instances of the
 * build (`npm run build` runs before this suite in `npm test`).
 */

/** The demo seed (`scripts/seed.ts`) into `url`, with `devices` devices; the cluster suite seeds its database the same way. */
export function seed(url: string, devices = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/seed.ts', '--devices', String(devices)], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'development' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding failed (${code}):\n${stderr}`))));
  });
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('The reliability suite runs the production build: run `npm run build` first.');
  const server = await startPostgresServer();
  const adminUrl = server.url('postgres');
  const name = `tradepost_rel_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = server.url(name);
  await seed(url);
  const mail = await startMailProvider();
  const env = { EMAIL_SEND_TIMEOUT_MS: '3000', EMAIL_RETRY_BASE_SECONDS: '1', EMAIL_DISPATCH_INTERVAL_MS: '500' };
  // APP_URL is the public address, the same for every instance (a load balancer's); here it is A's.
  const portA = await freePort();
  const appUrl = `http://127.0.0.1:${portA}`;
  const instances: Instance[] = await Promise.all([
    startInstance({ name: 'A', port: portA, databaseUrl: url, appUrl, mailUrl: mail.url, env }),
    startInstance({ name: 'B', databaseUrl: url, appUrl, mailUrl: mail.url, env }),
  ]);
  project.provide('reliability', {
    databaseUrl: url,
    postgres: server.info,
    mailUrl: mail.url,
    instances: instances.map((i) => ({ name: i.name, origin: i.origin, port: i.port })),
  });
  return async () => {
    // Each instance's output is in test-logs/reliability/instance-<name>.log (written as it runs).
    await Promise.all(instances.map((i) => i.stop()));
    await mail.close();
    await server.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    reliability: {
      databaseUrl: string;
      postgres: import('./postgres-server').PostgresServerInfo;
      mailUrl: string;
      instances: { name: string; origin: string; port: number }[];
    };
  }
}
