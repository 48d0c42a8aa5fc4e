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
export type PostgresServerInfo = { bin: string; dir: string; port: number };

function control(info: PostgresServerInfo) {
  const options = `-p ${info.port} -k ${info.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (...args: string[]) =>
    asPostgres(path.join(info.bin, 'pg_ctl'), ['-D', path.join(info.dir, 'data'), '-l', path.join(info.dir, 'server.log'), ...args]);
  return {
    start: () => pgCtl('-w', '-o', options, 'start'),
    stop: (mode: 'fast' | 'immediate') => pgCtl('-w', '-m', mode, 'stop'),
  };
}

/** Stops the server (fast shutdown: every connection is cut), waits, and starts it again. */
export async function restartPostgresServer(info: PostgresServerInfo, pauseMs = 0): Promise<void> {
  const pg = control(info);
  await pg.stop('fast');
  if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  await pg.start();
}

/** On `port` when given (a suite with its own port range), else on a free one. */
export async function startPostgresServer(port?: number): Promise<PostgresServer & { info: PostgresServerInfo }> {
  const bin = binaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradepost-reliability-pg-'));
  const data = path.join(dir, 'data');
  fs.mkdirSync(data);
  if (process.getuid?.() === 0) {
    await run('chown', ['-R', 'postgres:postgres', dir]);
    fs.chmodSync(dir, 0o755);
  }
  await asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  const info = { bin, dir, port: port ?? (await freePort()) };
  const pg = control(info);
  await pg.start();
  return {
    info,
    port: info.port,
    url: (database) => `postgres://postgres@127.0.0.1:${info.port}/${database}`,
    restart: (pauseMs = 0) => restartPostgresServer(info, pauseMs),
    async stop() {
      await pg.stop('immediate').catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
