import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { freePort, waitForHealth } from '../../support/processes';

/**
 * The product as it runs in production: several `next start` processes of
 * the production build on one PostgreSQL database, each its own process with
 * its own connection pool, outbox dispatcher and caches.
 */
export const RELIABILITY_AUTH_SECRET = 'reliability-secret-not-for-production-0123456789';

export type Instance = {
  name: string;
  origin: string;
  port: number;
  /** Stops the process (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** Sends a signal and returns at once; `exited` resolves with the exit code when the process ends. */
  signal(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
  /** Everything the process printed, for failure messages. */
  output(): string;
};

/**
 * Where an instance's output is written while it runs: under test-logs/, which
 * scripts/scan-test-logs.ts reads after the suite for anything secret.
 */
export function instanceLogPath(name: string): string {
  return `test-logs/reliability/instance-${name}.log`;
}

/**
 * Marks where each instance's log stands now; the returned function reads
 * what they logged since, so a failure names its own cause and not an
 * earlier case's (the fault cases log every outage they cause).
 */
export function logsFromHere(names: string[]): () => string {
  const from = new Map(names.map((name) => [name, fs.existsSync(instanceLogPath(name)) ? fs.statSync(instanceLogPath(name)).size : 0]));
  return () =>
    names
      .map((name) => {
        const text = fs.readFileSync(instanceLogPath(name)).subarray(from.get(name)!).toString('utf8');
        return `${name}:\n${text.length > 12_000 ? `${text.slice(0, 6000)}\n[…]\n${text.slice(-6000)}` : text}`;
      })
      .join('\n');
}


/**
 * One production instance on `databaseUrl`. Every instance of a cluster gets
 * the same APP_URL (the public address a load balancer would have), secret
 * and email provider; the tests talk to each instance by its own port.
 */
export async function startInstance(options: {
  name: string;
  databaseUrl: string;
  appUrl: string;
  mailUrl: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<Instance> {
  const port = options.port ?? (await freePort());
  // The production start (`npm start`: scripts/start.sh), exec'd into this pid.
  const child = spawn('sh', ['scripts/start.sh', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: '8',
      AUTH_SECRET: RELIABILITY_AUTH_SECRET,
      APP_URL: options.appUrl,
      TRADEPOST_PUBLIC_DEMO: '1',
      RESEND_API_KEY: 're_reliability_stand_in',
      RESEND_BASE_URL: options.mailUrl,
      // The JSON lines the logs test reads and the scan checks; the test runner itself stays quiet.
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  // Also written as it comes, stamped, so a test can read what an instance said at the moment it failed.
  fs.mkdirSync('test-logs/reliability', { recursive: true });
  const file = fs.createWriteStream(instanceLogPath(options.name));
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-2_000_000);
    file.write(`--- ${new Date().toISOString()}\n${chunk.toString('utf8')}`);
  };
  child.once('exit', () => file.end());
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  await waitForHealth(origin, child, () => printed);
  return {
    name: options.name,
    origin,
    port,
    output: () => printed,
    exited,
    signal: (signal) => void child.kill(signal),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
