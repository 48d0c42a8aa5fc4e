import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { freePort } from '../../test/support/processes';
import { MAIL_PORT } from './mail';
import { runScript, startProductionServer, untilHealthy, type ServerProcess } from './server-process';

/**
 * A production server of the suite's build on a PostgreSQL database of its
 * own (127.0.0.1:5432 as `postgres`, or TEST_POSTGRES_URL), created empty
 * with a unique name and dropped again by `stop`. It holds no demo data: a
 * seller comes from `npm run seller:create` (`createSeller` below). Its
 * emails go to the suite's Resend stand-in, like the default server's.
 */
export type PostgresServer = {
  origin: string;
  databaseUrl: string;
  server: ServerProcess;
  createSeller(args: { name: string; slug: string; currency: string; ownerEmail: string; ownerName: string }): Promise<string>;
  stop(): Promise<void>;
};

const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AUTH_SECRET = 'e2e-journey-secret-not-for-production-0123456789';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Whether the PostgreSQL server these specs use answers (3 s at most). */
export async function postgresAnswers(): Promise<boolean> {
  const probe = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

export const postgresAddress = new URL(adminUrl).host;

export async function startPostgresServer(): Promise<PostgresServer> {
  const name = `tradepost_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const databaseUrl = withDatabase(adminUrl, name);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET,
    APP_URL: origin,
    RESEND_API_KEY: 're_e2e_stand_in',
    RESEND_BASE_URL: `http://127.0.0.1:${MAIL_PORT}`,
  };
  const drop = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };

  // seller:create migrates the empty database as it opens it, so the server starts on a migrated one.
  async function createSeller(args: { name: string; slug: string; currency: string; ownerEmail: string; ownerName: string }) {
    const result = await runScript(
      ['scripts/seller-create.ts', '--name', args.name, '--slug', args.slug, '--currency', args.currency, '--owner-email', args.ownerEmail, '--owner-name', args.ownerName],
      env,
    );
    if (result.code !== 0) throw new Error(`seller:create exited ${result.code}:\n${result.output}`);
    return result.output;
  }

  let server: ServerProcess;
  try {
    server = startProductionServer(port, env);
    await untilHealthy(server);
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    origin,
    databaseUrl,
    server,
    createSeller,
    async stop() {
      await server.stop();
      await drop();
    },
  };
}
