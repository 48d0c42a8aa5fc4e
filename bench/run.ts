/**
 * `npm run bench [-- --sizes 10000,100000,1000000] [-- --seconds 15] [-- --checkout-seconds 30]
 *   [-- --connections 16] [-- --orders 100000] [-- --database-prefix tradepost_bench_] [-- --small] [-- --skip-build]`
 *
 * For each inventory size: seeds PostgreSQL with the demo (the same
 * catalogue; a seeded database is kept and reused by the next run), 16 more
 * buyer organizations and a history of orders; checks the plans of the For
 * Sale statements (EXPLAIN); starts the production build (`next build` first,
 * unless --skip-build) once behind a statement-counting relay, to count SQL
 * statements per For Sale render and weigh the page, and once directly, to
 * drive it with autocannon on loopback as signed-in buyers and staff, then
 * the add-to-cart and checkout server actions. Every response is checked: a
 * 200 whose page is an error, a sign-in page or the wrong page counts as an
 * error, and the run fails (after writing its results) on any error or
 * failed check, never on speed.
 *
 * Writes bench/results.json and the generated part of bench/RESULTS.md
 * (between its markers; the prose around them is kept). --small (CI: 10,000
 * devices, 3 s per case, a few thousand orders) writes bench/results-small.json only.
 *
 * Needs PostgreSQL (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, waitForHealth } from '../test/support/processes';
import { actionFixture, addToCartCase, checkoutCase, type ActionCase, type CheckoutCase } from './actions';
import { explainForSale, type ExplainCheck } from './explain';
import { statementRelay } from './relay';
import { writeReport, type Measured, type SizeResult } from './report';
import { benchDatabase } from './seed';
import { BENCH_AUTH_SECRET, buyerCookie, staffCookie } from './sessions';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    seconds: { type: 'string', default: '15' },
    'checkout-seconds': { type: 'string' },
    connections: { type: 'string', default: '16' },
    orders: { type: 'string' },
    'database-prefix': { type: 'string', default: 'tradepost_bench_' },
    small: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
const small = values.small;
const sizes = small ? [10_000] : values.sizes.split(',').map(Number);
const seconds = small ? 3 : Number(values.seconds);
const checkoutSeconds = Number(values['checkout-seconds'] ?? (small ? seconds : 30));
const connections = Number(values.connections);
const ordersTarget = Number(values.orders ?? (small ? 3000 : 100_000));
const prefix = values['database-prefix'];
if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error('--database-prefix: lower-case letters, digits and _ only');
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Sequential renders per view when counting statements. */
const renders = small ? 10 : 20;

type Who = 'buyer' | 'staff' | 'nobody';
/** `expect` must be in the body, `reject` (an empty list) must not. */
type Case = { name: string; path: string; as: Who; expect: string; reject?: RegExp };
const FOR_SALE = 'Products for sale';
const NO_PRODUCTS = /\b0 products\b/;
const cases: Case[] = [
  { name: 'For Sale, first page', path: '/p/acme', as: 'buyer', expect: FOR_SALE, reject: NO_PRODUCTS },
  { name: 'For Sale, filtered (Apple, grade A)', path: '/p/acme?manufacturer=Apple&grade=A', as: 'buyer', expect: FOR_SALE, reject: NO_PRODUCTS },
  { name: 'For Sale, text search', path: '/p/acme?q=iphone%2013', as: 'buyer', expect: FOR_SALE, reject: NO_PRODUCTS },
  { name: 'For Sale, deep page', path: '/p/acme?page=12', as: 'buyer', expect: FOR_SALE, reject: NO_PRODUCTS },
  { name: 'For Sale, filtered (battery 90%+)', path: '/p/acme?battery=90-100', as: 'buyer', expect: FOR_SALE, reject: NO_PRODUCTS },
  { name: 'Floor page (layout + session, 50 fixed rows)', path: '/p/acme/bench-floor', as: 'buyer', expect: 'Benchmark floor' },
  { name: 'Portal sign-in page (floor)', path: '/p/acme/sign-in', as: 'nobody', expect: 'Sign in' },
  { name: 'Back office inventory list', path: '/admin/inventory', as: 'staff', expect: 'Inventory', reject: /No devices/ },
  { name: 'Back office orders list', path: '/admin/orders', as: 'staff', expect: 'Orders', reject: /No orders yet/ },
];
const forSaleCases = cases.filter((c) => c.expect === FOR_SALE);
const WRONG_PAGE = /Something went wrong|This page could not be found/;

type Server = { origin: string; child: ChildProcess; stop(): Promise<void>; rssMb(): number; output(): string };

async function startServer(url: string, options: { floor: boolean }): Promise<Server> {
  const port = await freePort();
  // The production start (`npm start`: scripts/start.sh, with its heap bound), exec'd into this pid.
  const child = spawn('sh', ['scripts/start.sh', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      APP_URL: `http://127.0.0.1:${port}`,
      TRADEPOST_PUBLIC_DEMO: '1',
      TRADEPOST_BENCH_FLOOR: options.floor ? '1' : '0',
      // As deployed behind the shipped nginx configuration, which compresses (README: HTTP_COMPRESSION).
      HTTP_COMPRESSION: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(origin, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    origin,
    child,
    output: () => output,
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
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

const running = new Set<Server>();
async function withServer<T>(url: string, options: { floor: boolean }, body: (server: Server) => Promise<T>): Promise<T> {
  const server = await startServer(url, options);
  running.add(server);
  try {
    return await body(server);
  } finally {
    await server.stop();
    running.delete(server);
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const s of running) s.child.kill('SIGKILL');
    process.exit(130);
  });
}

function wrongBody(c: Case, status: number, body: string): boolean {
  return status !== 200 || !body.includes(c.expect) || WRONG_PAGE.test(body) || Boolean(c.reject?.test(body));
}

async function measure(server: Server, c: Case, cookie: string | null, size: number): Promise<Measured> {
  let wrong = 0;
  const result = await autocannon({
    url: `${server.origin}${c.path}`,
    connections,
    duration: seconds,
    headers: cookie ? { cookie } : {},
    requests: [{ method: 'GET', onResponse: (status, body) => void (wrongBody(c, status, body) && wrong++) }],
  });
  return {
    name: c.name,
    size,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + wrong,
    requests: result.requests.total,
    rssMbAfter: server.rssMb(),
  };
}

async function get(server: Server, path: string, cookie: string | null, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}${path}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server behind the statement relay, without the floor flag: the floor
 * page must be a 404 there; For Sale is rendered `renders` times per view in
 * sequence, less what the idle server sends over the same time (the outbox
 * poll), and weighed as HTML and as the RSC payload of a client navigation.
 */
async function countStatements(url: string, problems: string[]) {
  const relay = await statementRelay(url);
  try {
    return await withServer(relay.url, { floor: false }, async (server) => {
      const buyer = await buyerCookie(url, 'buyer@northwind.example');
      const floor = await get(server, '/p/acme/bench-floor', buyer);
      if (floor.status !== 404) problems.push(`the floor page answered ${floor.status} without TRADEPOST_BENCH_FLOOR (expected 404)`);
      for (const c of forSaleCases) await get(server, c.path, buyer);
      const idleFrom = relay.count();
      const idleStarted = performance.now();
      await sleep(small ? 3000 : 6000);
      const idlePerMs = (relay.count() - idleFrom) / (performance.now() - idleStarted);
      const perRender: Record<string, number> = {};
      let statementTexts: Record<string, number> = {};
      for (const c of forSaleCases) {
        const before = relay.count();
        const textsBefore = relay.texts();
        const started = performance.now();
        for (let i = 0; i < renders; i++) {
          const page = await get(server, c.path, buyer);
          if (wrongBody(c, page.status, page.body)) problems.push(`${c.name} answered a wrong page while counting statements`);
        }
        const idle = idlePerMs * (performance.now() - started);
        perRender[c.name] = Math.round(((relay.count() - before - idle) / renders) * 100) / 100;
        if (c === forSaleCases[0]) {
          statementTexts = Object.fromEntries(
            [...relay.texts()].map(([text, n]) => [text, (n - (textsBefore.get(text) ?? 0)) / renders] as const).filter(([, n]) => n > 0),
          );
        }
      }
      const html = await get(server, '/p/acme', buyer);
      const rsc = await get(server, '/p/acme', buyer, { RSC: '1' });
      if (!rsc.type.includes('text/x-component')) problems.push(`the RSC request answered ${rsc.type || 'no content type'}`);
      return {
        idleStatementsPerSecond: Math.round(idlePerMs * 1000 * 100) / 100,
        statementsPerRender: perRender,
        statementTexts,
        forSaleHtmlBytes: Buffer.byteLength(html.body),
        forSaleRscBytes: Buffer.byteLength(rsc.body),
      };
    });
  } finally {
    await relay.close();
  }
}

async function benchSize(size: number, problems: string[]): Promise<SizeResult> {
  const database = await benchDatabase({ adminUrl, name: `${prefix}${size}`, size, orders: ordersTarget });
  const { url } = database;
  const explain: ExplainCheck[] = await explainForSale(url);
  for (const e of explain.filter((x) => x.readsDevices)) problems.push(`${size} devices: EXPLAIN of For Sale (${e.view}, ${e.statement}) reads devices`);
  const counted = await countStatements(url, problems);
  console.log(`${size.toLocaleString('en-US')} devices · statements per render: ${JSON.stringify(counted.statementsPerRender)}`);
  return withServer(url, { floor: true }, async (server) => {
    // The machine is shared: the load before the measured cases says how far to trust them.
    const loadAverage = Math.round(os.loadavg()[0]! * 100) / 100;
    const cookies: Record<Who, string | null> = {
      buyer: await buyerCookie(url, 'buyer@northwind.example'),
      staff: await staffCookie(url),
      nobody: null,
    };
    // Warm every page once (compilation caches, connection pool) before measuring; a wrong warm page fails fast.
    for (const c of cases) {
      const page = await get(server, c.path, cookies[c.as]);
      if (wrongBody(c, page.status, page.body)) throw new Error(`${c.name} (${c.path}) answered ${page.status} with the wrong page:\n${page.body.slice(0, 500)}`);
    }
    // Then a few seconds of load on each, so no case pays for compiling the code it runs first (a first case measured
    // cold ran 20% slower than the same page measured later in the run).
    for (const c of cases) {
      await autocannon({ url: `${server.origin}${c.path}`, connections, duration: small ? 1 : 3, headers: cookies[c.as] ? { cookie: cookies[c.as]! } : {} });
    }
    const rows: Measured[] = [];
    for (const c of cases) {
      const m = await measure(server, c, cookies[c.as], size);
      console.log(`${size.toLocaleString('en-US')} devices · ${m.name}: ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, errors ${m.errors}, RSS ${m.rssMbAfter} MB`);
      rows.push(m);
    }
    const fixture = await actionFixture(url);
    const adding: ActionCase = await addToCartCase(server.origin, url, fixture, seconds);
    const addRss = server.rssMb();
    console.log(`${size.toLocaleString('en-US')} devices · add to cart: ${adding.rps} req/s, p50 ${adding.latency.p50} ms, p99 ${adding.latency.p99} ms, errors ${adding.errors}`);
    const checkout: CheckoutCase = await checkoutCase(server.origin, url, fixture, checkoutSeconds);
    console.log(
      `${size.toLocaleString('en-US')} devices · checkout: ${checkout.ordersPerSecond} orders/s (${checkout.orders} orders, ${checkout.storedOrders} stored), ` +
        `place p50 ${checkout.latency.p50} ms, p99 ${checkout.latency.p99} ms, errors ${checkout.errors}`,
    );
    for (const e of [...adding.sampleErrors, ...checkout.sampleErrors]) console.log(`  ${e}`);
    // A failed case names its cause: what the server printed (a crash, an error behind a generic message).
    if (rows.some((m) => m.errors) || adding.errors || checkout.errors || server.child.exitCode !== null) {
      console.log(`the server's last output (exit code ${server.child.exitCode ?? 'none: still running'}):\n${server.output().slice(-4000)}`);
    }
    return {
      size,
      orders: database.orders,
      seededSeconds: database.seededSeconds,
      rows,
      addToCart: { ...adding, rssMbAfter: addRss },
      checkout: { ...checkout, rssMbAfter: server.rssMb() },
      rssMb: server.rssMb(),
      loadAverage,
      ...counted,
      explain,
    };
  });
}

async function main() {
  const started = performance.now();
  if (!values['skip-build'] || !fs.existsSync('.next/BUILD_ID')) {
    console.log('building the production server (next build)…');
    if (spawnSync('npx', ['next', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('next build failed');
  }
  const problems: string[] = [];
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size, problems));
  const errors = results.flatMap((r) => [
    ...r.rows.filter((m) => m.errors).map((m) => `${r.size} devices: ${m.name}: ${m.errors} errors`),
    ...(r.addToCart.errors ? [`${r.size} devices: add to cart: ${r.addToCart.errors} errors`] : []),
    ...(r.checkout.errors ? [`${r.size} devices: checkout: ${r.checkout.errors} errors`] : []),
  ]);
  const failed = writeReport({
    small,
    results,
    problems: [...problems, ...errors],
    settings: { connections, seconds, checkoutSeconds, renders, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    minutes: (performance.now() - started) / 60_000,
  });
  if (failed.length) {
    console.error(`\nThe bench failed:\n${failed.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
}

await main();
