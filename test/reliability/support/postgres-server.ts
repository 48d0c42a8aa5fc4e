import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../support/processes';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the suite's own (Debian's binaries, a fresh data
 * directory, a free port), so the fault cases can stop and restart it under
 * load without disturbing anything else on the machine. PostgreSQL refuses
 * to run as root: as root, it runs as the `postgres` user.
 */
export type PostgresServer = { url: (database: string) => string; port: number; restart(pauseMs?: number): Promise<void>; stop(): Promise<void> };

function binaries(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl'))) : [];
  if (!versions.length) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (install the postgresql package).');
  return path.join(base, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

async function asPostgres(command: string, args: string[]): Promise<string> {
  const asRoot = process.getuid?.() === 0;
  const { stdout } = asRoot ? await run('runuser', ['-u', 'postgres', '--', command, ...args]) : await run(command, args);
  return stdout;
}

/** Where a running server lives: enough for any process of the suite to restart it. */
export type PostgresServerInfo = { bin: string; dir: string; port: number; settings?: Record<string, string> };

function control(info: PostgresServerInfo) {
  const extra = Object.entries(info.settings ?? {}).map(([name, value]) => ` -c ${name}=${value}`).join('');
  const options = `-p ${info.port} -k ${info.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200${extra}`;
  const pgCtl = (...args: string[]) =>
    asPostgres(path.join(info.bin, 'pg_ctl'), ['-D', path.join(info.dir, 'data'), '-l', path.join(info.dir, 'server.log'), ...args]);
  return {
    start: () => pgCtl('-w', '-o', options, 'start'),
    stop: (mode: 'fast' | 'immediate') => pgCtl('-w', '-m', mode, 'stop'),
  };
}

/** Stops a server without a clean shutdown (a crash, as far as its clients can tell). */
export async function stopPostgresServerNow(info: PostgresServerInfo): Promise<void> {
  await control(info).stop('immediate');
}

/** Starts a stopped server again on its port. */
export async function startPostgresServerAgain(info: PostgresServerInfo): Promise<void> {
  await control(info).start();
}

function serverDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(dir, 'data'), { mode: 0o700 });
  return dir;
}

async function giveToPostgres(dir: string): Promise<void> {
  if (process.getuid?.() === 0) {
    await run('chown', ['-R', 'postgres:postgres', dir]);
    fs.chmodSync(dir, 0o755);
  }
}

function handle(info: PostgresServerInfo): PostgresServer & { info: PostgresServerInfo } {
  return {
    info,
    port: info.port,
    url: (database) => `postgres://postgres@127.0.0.1:${info.port}/${database}`,
    restart: (pauseMs = 0) => restartPostgresServer(info, pauseMs),
    async stop() {
      await control(info).stop('immediate').catch(() => {});
      fs.rmSync(info.dir, { recursive: true, force: true });
    },
  };
}

/** Stops the server (fast shutdown: every connection is cut), waits, and starts it again. */
export async function restartPostgresServer(info: PostgresServerInfo, pauseMs = 0): Promise<void> {
  const pg = control(info);
  await pg.stop('fast');
  if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  await pg.start();
}

/**
 * A fresh cluster (initdb) on `port` (a free one unless given). `replication`
 * makes it a primary that streaming replicas can copy and follow
 * (wal_level=replica, WAL senders, a replication entry in pg_hba.conf).
 */
export async function startPostgresServer(
  options: { port?: number; replication?: boolean; settings?: Record<string, string> } = {},
): Promise<PostgresServer & { info: PostgresServerInfo }> {
  const bin = binaries();
  const dir = serverDir('tradepost-pg-');
  const data = path.join(dir, 'data');
  await giveToPostgres(dir);
  await asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  const settings = { ...(options.replication ? { wal_level: 'replica', max_wal_senders: '5', hot_standby: 'on' } : {}), ...options.settings };
  if (options.replication) {
    fs.appendFileSync(path.join(data, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
  }
  const info: PostgresServerInfo = { bin, dir, port: options.port ?? (await freePort()), settings };
  await control(info).start();
  return handle(info);
}

/**
 * A streaming replica of `primary` (started with `replication: true`) on
 * `port`: `pg_basebackup -R` copies the primary and writes the standby
 * settings, the copy starts as a hot standby, and this resolves once the
 * primary reports it streaming.
 */
export async function startStreamingReplica(
  primary: PostgresServerInfo,
  options: { port: number; settings?: Record<string, string> },
): Promise<PostgresServer & { info: PostgresServerInfo }> {
  const dir = serverDir('tradepost-pg-replica-');
  const data = path.join(dir, 'data');
  await giveToPostgres(dir);
  await asPostgres(path.join(primary.bin, 'pg_basebackup'), [
    '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '-c', 'fast',
  ]);
  const info: PostgresServerInfo = { bin: primary.bin, dir, port: options.port, settings: { hot_standby: 'on', ...options.settings } };
  await control(info).start();
  const { default: postgres } = await import('postgres');
  const sql = postgres(`postgres://postgres@127.0.0.1:${primary.port}/postgres`, { max: 1, onnotice: () => {} });
  try {
    for (let waited = 0; ; waited += 100) {
      const rows = await sql`select 1 from pg_stat_replication where state = 'streaming'`;
      if (rows.length) break;
      if (waited > 30_000) throw new Error(`the replica on port ${options.port} did not start streaming within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await sql.end();
  }
  return handle(info);
}
