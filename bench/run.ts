/**
 * `npm run bench [-- --sizes 10000,100000,1000000] [-- --seconds 15] [-- --connections 16] [-- --small] [-- --skip-build]`
 *
 * Seeds PostgreSQL with the demo at each inventory size (the same catalogue;
 * a seeded database is kept and reused by the next run), starts the
 * production build (`next build` first, unless --skip-build) on it, and drives
 * it with autocannon on loopback as a signed-in buyer and a signed-in staff
 * user. Every response body is checked: a 200 whose page is an error, a
 * sign-in page or the wrong page counts as an error. Writes
 * `bench/RESULTS.md` (and `bench/results.json`).
 *
 * Needs PostgreSQL (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { encode } from 'next-auth/jwt';
import { freePort, waitForHealth } from '../test/support/processes';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '16' },
    small: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
const sizes = values.small ? [10_000] : values.sizes.split(',').map(Number);
const seconds = values.small ? 3 : Number(values.seconds);
const connections = Number(values.connections);
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AUTH_SECRET = 'bench-secret-not-for-production-0123456789abcdef';

type Case = { name: string; path: string; as: 'buyer' | 'staff' | 'nobody'; expect: string };
const cases: Case[] = [
  { name: 'For Sale, first page', path: '/p/acme', as: 'buyer', expect: 'Products for sale' },
  { name: 'For Sale, filtered (Apple, grade A)', path: '/p/acme?manufacturer=Apple&grade=A', as: 'buyer', expect: 'Products for sale' },
  { name: 'For Sale, text search', path: '/p/acme?q=iphone%2013', as: 'buyer', expect: 'Products for sale' },
  { name: 'For Sale, deep page', path: '/p/acme?page=12', as: 'buyer', expect: 'Products for sale' },
  { name: 'Portal sign-in page (floor)', path: '/p/acme/sign-in', as: 'nobody', expect: 'Sign in' },
  { name: 'Back office inventory list', path: '/admin/inventory', as: 'staff', expect: 'Inventory' },
  { name: 'Back office orders list', path: '/admin/orders', as: 'staff', expect: 'Orders' },
];

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function seeded(size: number): Promise<string> {
  const name = `tradepost_bench_${size}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) {
      const db = postgres(withDatabase(adminUrl, name), { max: 1, onnotice: () => {} });
      try {
        const [row] = await db<{ n: string }[]>`select count(*) as n from devices`.catch(() => [{ n: '-1' }]);
        const total = size + Math.max(200, Math.round(size / 10));
        if (Number(row!.n) === total) return withDatabase(adminUrl, name);
      } finally {
        await db.end();
      }
      await admin.unsafe(`drop database ${name} with (force)`);
    }
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  console.log(`seeding ${size.toLocaleString('en-US')} devices into ${name}…`);
  const run = spawnSync('npx', ['tsx', 'scripts/seed.ts', '--devices', String(size)], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'development' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`seeding ${size} devices failed`);
  await analyze(url);
  return url;
}

async function analyze(url: string) {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  await db`analyze`;
  await db.end();
}

async function cookieFor(url: string, who: 'buyer' | 'staff'): Promise<string> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    if (who === 'buyer') {
      const [account] = await db<{ id: number; seller_id: number; ver: number }[]>`
        select a.id, a.seller_id, a.session_version as ver from portal_accounts a join sellers s on s.id = a.seller_id
        where s.slug = 'acme' and a.email = 'buyer@northwind.example'`;
      const name = 'tp-customer-session';
      const value = await encode({ token: { sub: String(account!.id), uid: account!.id, sid: account!.seller_id, ver: account!.ver }, secret: AUTH_SECRET, salt: name, maxAge: 3600 });
      return `${name}=${value}`;
    }
    const [staff] = await db<{ id: number; ver: number }[]>`
      select u.id, u.session_version as ver from staff_users u join sellers s on s.id = u.seller_id where s.slug = 'acme' and u.role = 'owner' order by u.id limit 1`;
    const name = 'tp-staff-session';
    const value = await encode({ token: { sub: String(staff!.id), uid: staff!.id, ver: staff!.ver }, secret: AUTH_SECRET, salt: name, maxAge: 3600 });
    return `${name}=${value}`;
  } finally {
    await db.end();
  }
}

type Server = { origin: string; child: ChildProcess; stop(): Promise<void>; rssMb(): number };

async function startServer(url: string): Promise<Server> {
  const port = await freePort();
  const child = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, AUTH_SECRET, APP_URL: `http://127.0.0.1:${port}`, TRADEPOST_PUBLIC_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const origin = `http://127.0.0.1:${port}`;
  await waitForHealth(origin, child, () => output);
  return {
    origin,
    child,
    rssMb() {
      // The server process and its children (next start may fork a worker).
      const pids = [child.pid!, ...spawnSync('pgrep', ['-P', String(child.pid)]).stdout.toString().split(/\s+/).filter(Boolean).map(Number)];
      let kb = 0;
      for (const pid of pids) {
        const status = fs.existsSync(`/proc/${pid}/status`) ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
        kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      }
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

type Measured = { name: string; size: number; rps: number; p50: number; p99: number; errors: number; requests: number };

async function measure(server: Server, c: Case, cookie: string | null, size: number): Promise<Measured> {
  let wrong = 0;
  const result = await autocannon({
    url: `${server.origin}${c.path}`,
    connections,
    duration: seconds,
    headers: cookie ? { cookie } : {},
    requests: [
      {
        method: 'GET',
        onResponse: (status, body) => {
          if (status !== 200 || !body.includes(c.expect) || /Something went wrong|This page could not be found/.test(body)) wrong++;
        },
      },
    ],
  });
  return {
    name: c.name,
    size,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + wrong,
    requests: result.requests.total,
  };
}

async function main() {
  if (!values['skip-build'] || !fs.existsSync('.next/BUILD_ID')) {
    console.log('building the production server (next build)…');
    if (spawnSync('npx', ['next', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('next build failed');
  }
  const rows: Measured[] = [];
  const extras: { size: number; rssMb: number; forSaleBytes: number }[] = [];
  for (const size of sizes) {
    const url = await seeded(size);
    const server = await startServer(url);
    try {
      const cookies = { buyer: await cookieFor(url, 'buyer'), staff: await cookieFor(url, 'staff'), nobody: null };
      // Warm every page once (compilation caches, connection pool) before measuring.
      for (const c of cases) await fetch(`${server.origin}${c.path}`, { headers: cookies[c.as] ? { cookie: cookies[c.as]! } : {} });
      const page = await (await fetch(`${server.origin}/p/acme`, { headers: { cookie: cookies.buyer } })).text();
      for (const c of cases) {
        const m = await measure(server, c, cookies[c.as], size);
        console.log(`${size.toLocaleString('en-US')} devices · ${m.name}: ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, errors ${m.errors}`);
        rows.push(m);
      }
      extras.push({ size, rssMb: server.rssMb(), forSaleBytes: Buffer.byteLength(page) });
    } finally {
      await server.stop();
    }
  }
  write(rows, extras);
}

function write(rows: Measured[], extras: { size: number; rssMb: number; forSaleBytes: number }[]) {
  const floor = (size: number) => rows.find((r) => r.size === size && r.name.startsWith('Portal sign-in'))!;
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB,`,
    `autocannon ${connections} connections × ${seconds} s per case on loopback, against \`next start\` of the production build on PostgreSQL,`,
    'signed in as the demo buyer (portal) or owner (back office). Every body is checked; a wrong page counts as an error.',
    '',
    '| devices | case | req/s | p50 ms | p99 ms | errors | vs sign-in page |',
    '|---:|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.size.toLocaleString('en-US')} | ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${Math.round((r.rps / floor(r.size).rps) * 100)}% |`),
    '',
    '| devices | server RSS after the run | For Sale HTML with its React payload (50 rows) |',
    '|---:|---:|---:|',
    ...extras.map((e) => `| ${e.size.toLocaleString('en-US')} | ${e.rssMb} MB | ${Math.round(e.forSaleBytes / 1024)} KB |`),
    '',
    'RSS counts the `next start` process and its children. Not measured by this version yet: adding to cart and',
    'checkout under load, a floor page with the portal layout and session but no database, SQL statements per',
    'render, and the orders list at 100,000 orders (the demo has a few dozen).',
    '',
  ];
  fs.mkdirSync('bench', { recursive: true });
  fs.writeFileSync(path.join('bench', 'RESULTS.md'), lines.join('\n'));
  fs.writeFileSync(path.join('bench', 'results.json'), JSON.stringify({ rows, extras }, null, 2));
  console.log('wrote bench/RESULTS.md');
}

await main();
