import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForHealth } from '../../test/support/processes';
import { keepServerLog } from './test-logs';

/**
 * Extra production servers for specs that need another configuration than
 * the suite's own server (an https APP_URL, a trusted proxy). Each gets its
 * own embedded database, copied from one seeded folder: PGlite must never be
 * opened by two processes.
 */
export type ExtraServer = { origin: string; port: number; stop: () => Promise<void> };

const AUTH_SECRET = 'e2e-secret-not-for-production-0123456789';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr}`))));
  });
}

/** A fresh embedded database holding the demo sellers (no devices), for copying. */
export async function seededDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tradepost-e2e-extra-'));
  const dataDir = path.join(dir, 'seed');
  await run('npx', ['tsx', 'scripts/seed.ts', '--devices', '0'], { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' });
  return dataDir;
}

export async function removeSeededDataDir(dataDir: string): Promise<void> {
  await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
}


/** `next start` of the production build on a free port, with `env` on top of a public-demo configuration. */
export async function startServer(seedDir: string, env: Record<string, string>): Promise<ExtraServer> {
  const port = await freePort();
  const dataDir = `${seedDir}-${port}`;
  await fs.cp(seedDir, dataDir, { recursive: true });
  const child = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      DATABASE_URL: '',
      AUTH_SECRET,
      TRADEPOST_PUBLIC_DEMO: '1',
      RESEND_API_KEY: '',
      APP_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  keepServerLog(child, port);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  await waitForHealth(origin, child, () => output);
  return {
    origin,
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; setCookies: string[]; body: string };

/**
 * One HTTP request from a chosen local address (127.0.0.2, 127.0.0.3, … are
 * all this machine), so a spec can be "another client" at the socket level.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, setCookies: response.headers['set-cookie'] ?? [], body }),
        );
      },
    );
    request.on('error', reject);
    if (options.body) request.write(options.body);
    request.end();
  });
}

/** A script's way in: Auth.js's csrf endpoint, then its password callback, any number of times. */
export async function authRestClient(origin: string, instance: 'staff' | 'customer', base: { headers?: Record<string, string>; localAddress?: string } = {}) {
  const csrf = await rawRequest(`${origin}/api/auth/${instance}/csrf`, base);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.setCookies.map((c) => c.split(';')[0]).join('; ');
  return async (fields: Record<string, string>, extra: { headers?: Record<string, string>; localAddress?: string } = {}) => {
    const response = await rawRequest(`${origin}/api/auth/${instance}/callback/password`, {
      method: 'POST',
      localAddress: extra.localAddress ?? base.localAddress,
      headers: { ...base.headers, ...extra.headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, csrfToken }).toString(),
    });
    const location = typeof response.headers.location === 'string' ? response.headers.location : null;
    return {
      ...response,
      code: location ? new URL(location, origin).searchParams.get('code') : null,
      sessionCookie: response.setCookies.find((c) => /^(__Host-)?tp-(staff|customer)-session=[^;]/.test(c)) ?? null,
    };
  };
}

/** A Set-Cookie line as name, value and lower-cased attributes. */
export function parseSetCookie(line: string) {
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  const [name, ...value] = pair!.split('=');
  const attrs = new Map(attributes.map((a) => {
    const [k, ...v] = a.split('=');
    return [k!.toLowerCase(), v.join('=')] as const;
  }));
  return { name: name!, value: value.join('='), attrs };
}
