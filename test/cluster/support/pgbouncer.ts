import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * PgBouncer (Debian's package) in transaction mode in front of the suite's
 * PostgreSQL server: every transaction may get another server connection, so
 * nothing may rely on a session (docs/DEPLOY.md lists what). PgBouncer refuses
 * to run as root: as root, it runs as the `postgres` user.
 */
export async function startPgBouncer(options: { port: number; postgresPort: number; database: string; poolSize?: number }) {
  const binary = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((b) => fs.existsSync(b));
  if (!binary) throw new Error('pgbouncer not found (install Debian\'s pgbouncer package; scripts/test-cluster.sh does as root)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradepost-cluster-pgbouncer-'));
  fs.writeFileSync(path.join(dir, 'users.txt'), '"postgres" ""\n');
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    `[databases]
${options.database} = host=127.0.0.1 port=${options.postgresPort} dbname=${options.database}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${options.port}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/users.txt
admin_users = postgres
pool_mode = transaction
default_pool_size = ${options.poolSize ?? 10}
max_client_conn = 400
ignore_startup_parameters = extra_float_digits
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
`,
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await run('chown', ['-R', 'postgres:postgres', dir]);
  const child = asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', binary, path.join(dir, 'pgbouncer.ini')], { stdio: 'ignore' })
    : spawn(binary, [path.join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!fs.existsSync(path.join(dir, 'pgbouncer.pid'))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = fs.existsSync(path.join(dir, 'pgbouncer.log')) ? fs.readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8') : '';
      throw new Error(`pgbouncer did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  /** The admin console answers the simple query protocol only: psql. */
  const show = async (what: 'stats' | 'pools' | 'config'): Promise<Record<string, string>[]> => {
    const { stdout } = await run('psql', ['-h', '127.0.0.1', '-p', String(options.port), '-U', 'postgres', '-d', 'pgbouncer', '-A', '-F', '\t', '-c', `show ${what}`]);
    const [header, ...lines] = stdout.trim().split('\n').filter((l) => !/^\(\d+ rows?\)$/.test(l));
    const names = header!.split('\t');
    return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [names[i]!, v])));
  };
  return {
    url: `postgres://postgres@127.0.0.1:${options.port}/${options.database}`,
    show,
    log: () => fs.readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8'),
    async stop() {
      const pid = Number(fs.readFileSync(path.join(dir, 'pgbouncer.pid'), 'utf8'));
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(pid, 'SIGINT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
