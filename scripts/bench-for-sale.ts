/**
 * `npx tsx scripts/bench-for-sale.ts [--setup] [--page-weight] [--drop] [--runs N] [--extra-products N]`
 *
 * Measures the For Sale page against PostgreSQL seeded with 1,000,000 devices:
 * - the database time of one page view (its page of rows, the facet counts
 *   and the total, read in one statement), as EXPLAIN (ANALYZE, BUFFERS) and
 *   as wall time over repeated runs, for several views; target: at most 5 ms;
 * - with --page-weight, the bytes of the signed-in page with 50 rows (HTML,
 *   which carries the React Server Components payload of the first load)
 *   from `next start` of the current build; target: under 150 KB.
 *
 * --setup creates the database and seeds it (about 70 s); --drop drops it at
 * the end. The database is BENCH_DATABASE_URL, by default
 * postgres://postgres@127.0.0.1:5432/tradepost_bench_portal. The plans are
 * written to $TMPDIR/tradepost-bench-for-sale-plans.txt.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db';
import { queryRows } from '@/db/rows';
import { forSaleFacetsQuery, forSaleListingQuery, forSalePage, forSalePageQuery } from '@/db/queries/for-sale';
import { parseForSaleView } from '@/lib/validation/for-sale';

const { values: args } = parseArgs({
  options: {
    setup: { type: 'boolean', default: false },
    'page-weight': { type: 'boolean', default: false },
    drop: { type: 'boolean', default: false },
    runs: { type: 'string', default: '300' },
    devices: { type: 'string', default: '1000000' },
    'extra-products': { type: 'string', default: '0' },
    port: { type: 'string', default: process.env.E2E_PORT ?? '3305' },
  },
});

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tradepost_bench_portal';
const dbName = new URL(url).pathname.slice(1);
const adminUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
const runs = Number(args.runs);
const planFile = path.join(os.tmpdir(), 'tradepost-bench-for-sale-plans.txt');
fs.writeFileSync(planFile, '');

const views: { name: string; params: Record<string, string> }[] = [
  { name: 'default view, page 1', params: {} },
  { name: 'Apple + grade A', params: { manufacturer: 'Apple', grade: 'A' } },
  { name: 'search "iphone 13 midnight"', params: { q: 'iphone 13 midnight' } },
  { name: 'sort by quantity desc, page 5', params: { sort: 'quantity', dir: 'desc', page: '5' } },
  { name: 'Samsung 128GB by price', params: { manufacturer: 'Samsung', capacity: '128GB', sort: 'price' } },
];

function log(line = '') {
  console.log(line);
}

async function admin(statement: string) {
  const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(statement);
  } finally {
    await client.end();
  }
}

async function setup() {
  log(`Creating ${dbName} and seeding ${Number(args.devices).toLocaleString('en-US')} devices…`);
  await admin(`drop database if exists ${dbName} with (force)`);
  await admin(`create database ${dbName}`);
  const started = performance.now();
  const seed = spawnSync('npx', ['tsx', 'scripts/seed.ts', '--devices', args.devices, '--reset'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (seed.status !== 0) throw new Error('seeding failed');
  log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

/** Optional: more products (each with a few devices) to see how the page scales with the catalogue, not the devices. */
async function addProducts(db: Db, sellerId: number, count: number) {
  if (!count) return;
  log(`Adding ${count} products with 20 devices each…`);
  await db.execute(sql`
    insert into products (seller_id, sku, manufacturer, model, capacity, color, network, grade, list_price)
    select ${sellerId}, 'BENCH-' || g, (array['Apple','Samsung','Google','Motorola','Xiaomi'])[1 + g % 5],
      'Model ' || (g % 300), (array['64GB','128GB','256GB','512GB'])[1 + g % 4],
      (array['Black','White','Blue','Green','Red','Gold'])[1 + g % 6],
      (array['Unlocked','AT&T','Verizon','T-Mobile'])[1 + g % 4], (array['A+','A','B','C'])[1 + g % 4],
      case when g % 37 = 0 then null else 10000 + g end
    from generate_series(1, ${count}) g`);
  await db.execute(sql`
    insert into devices (seller_id, serial, product_id, status_id, warehouse_id)
    select p.seller_id, 'BENCH-' || p.id || '-' || n, p.id,
      (select status_id from portal_for_sale_statuses where seller_id = p.seller_id order by status_id limit 1),
      (select warehouse_id from portal_for_sale_warehouses where seller_id = p.seller_id order by warehouse_id limit 1)
    from products p cross join generate_series(1, 20) n
    where p.seller_id = ${sellerId} and p.sku like 'BENCH-%'`);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** CPU time (user + system) a PostgreSQL backend has used, from /proc (the server runs on this machine). */
function backendCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

async function explain(db: Db, title: string, query: SQL, write: boolean, timing = true) {
  const rows = await queryRows<{ 'QUERY PLAN': string }>(
    db,
    timing ? sql`explain (analyze, buffers) ${query}` : sql`explain (analyze, buffers, timing off) ${query}`,
  );
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  if (write) fs.appendFileSync(planFile, `== ${title}\n${plan}\n\n`);
  const execution = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]);
  const planning = Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1]);
  // The top node's buffers cover the whole statement.
  const buffers = Number(/Buffers: shared hit=(\d+)/.exec(plan)?.[1] ?? 0);
  // Rows the scans of tables return: what the statement reads, whatever the device count.
  const rowsRead = [...plan.matchAll(/(?:Seq|Index|Index Only|Bitmap Heap) Scan (?:using \S+ )?on (?:products|product_availability)\b.*?rows=(\d+) loops=(\d+)/g)]
    .reduce((sum, m) => sum + Number(m[1]) * Number(m[2]), 0);
  return { execution, planning, buffers, rowsRead };
}

async function measureDatabase(db: Db, sellerId: number) {
  const [counts] = await queryRows<{ devices: number; products: number; available: number }>(db, sql`
    select (select count(*)::int from devices) as devices,
           (select count(*)::int from products where seller_id = ${sellerId}) as products,
           (select count(*)::int from product_availability where seller_id = ${sellerId} and quantity > 0) as available`);
  log(`Database: ${counts!.devices.toLocaleString('en-US')} devices; Acme has ${counts!.products} products, ${counts!.available} with stock.`);
  log(`Load average at start: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} cores).`);
  // How fast this machine's database runs right now, to compare runs made under different loads.
  const speed = await explain(db, '', sql`select count(*) from generate_series(1, 1000000)`, false, false);
  log(`CPU speed check: count(*) over generate_series(1, 1e6) took ${speed.execution.toFixed(0)} ms (about 60-100 ms on an idle core).`);
  log('The page reads its rows, facet counts and total in ONE statement (forSalePage).');
  log(`Per view: the database backend's CPU time per page view (from /proc, over ${runs} runs: immune to other`);
  log('processes competing for the CPU), EXPLAIN ANALYZE (best of 5, timing off), and wall time from the app.');
  log('');
  const [{ pid }] = (await queryRows<{ pid: number }>(db, sql`select pg_backend_pid() as pid`)) as [{ pid: number }];
  // Calibration: what any statement costs this backend (parse, plan, protocol) on this machine right now.
  const calibrationStart = backendCpuMs(pid);
  for (let i = 0; i < runs; i++) await queryRows(db, sql`select ${i}::int as n`);
  const overhead = (backendCpuMs(pid) - calibrationStart) / runs;
  log('| view | DB CPU per view ms | execution ms | planning ms | buffers hit | rows read | wall from the app: min / median / p95 ms |');
  log('|---|---|---|---|---|---|---|');
  log(`| (calibration: a trivial statement) | ${overhead.toFixed(2)} | | | | | |`);
  for (const v of views) {
    const params = { sellerId, organizationId: null, view: parseForSaleView(v.params) };
    for (let i = 0; i < 20; i++) await forSalePage(db, params);
    const plans = [];
    await explain(db, `${v.name}: page statement`, forSalePageQuery(params), true);
    for (let i = 0; i < 5; i++) plans.push(await explain(db, '', forSalePageQuery(params), false, false));
    plans.sort((x, y) => x.execution - y.execution);
    const best = plans[0]!;
    await explain(db, `${v.name}: listing alone (used by the CSV)`, forSaleListingQuery(params), true);
    await explain(db, `${v.name}: facets + total alone`, forSaleFacetsQuery(params), true);
    const wall: number[] = [];
    const cpuBefore = backendCpuMs(pid);
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await forSalePage(db, params);
      wall.push(performance.now() - t);
    }
    const cpu = (backendCpuMs(pid) - cpuBefore) / runs;
    wall.sort((x, y) => x - y);
    log(
      `| ${v.name} | ${cpu.toFixed(2)} | ${best.execution.toFixed(2)} | ${best.planning.toFixed(2)} | ${best.buffers} | ${best.rowsRead} | ${wall[0]!.toFixed(2)} / ${percentile(wall, 0.5).toFixed(2)} / ${percentile(wall, 0.95).toFixed(2)} |`,
    );
  }
  log('');
  log(`Plans: ${planFile}`);
}

async function customerCookie(base: string, slug: string, email: string) {
  const csrf = await fetch(`${base}/api/auth/customer/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${base}/api/auth/customer/callback/password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, slug, email, password: 'tradepost-demo', callbackUrl: `${base}/p/${slug}` }),
  });
  const session = response.headers.getSetCookie().find((c) => /^(__Host-)?tp-customer-session=/.test(c));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session.split(';')[0]!;
}

async function measurePageWeight() {
  if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) throw new Error('Run `npx next build` first.');
  const port = args.port;
  const base = `http://127.0.0.1:${port}`;
  log('');
  log(`Page weight: starting the production build on port ${port} against ${dbName}…`);
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port, '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      // The server's own pool (a pool of 1 would deadlock its migration step, which holds one connection).
      DATABASE_POOL_SIZE: '10',
      DATABASE_URL: url,
      AUTH_SECRET: 'bench-secret-not-for-production-0123456789',
      APP_URL: base,
      // The bench database holds the seeded demo sellers: a production start refuses them otherwise.
      TRADEPOST_PUBLIC_DEMO: '1',
      PORT: port,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) break;
      } catch {
        // not up yet
      }
      if (i > 120) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookie = await customerCookie(base, 'acme', 'buyer@northwind.example');
    log('Signed in as buyer@northwind.example.');
    log('| page | rows | HTML (incl. RSC payload) | gzip | RSC payload on client navigation | server time median of 20 |');
    log('|---|---|---|---|---|---|');
    for (const p of ['/p/acme', '/p/acme?manufacturer=Apple&grade=A', '/p/acme?sort=price&dir=desc&page=2']) {
      const html = await (await fetch(`${base}${p}`, { headers: { cookie } })).text();
      if (html.includes('Failed query')) throw new Error('the page answered with a failed query');
      const rows = (html.match(/id="qty-\d+"/g) ?? []).length;
      const bytes = Buffer.byteLength(html);
      const rsc = await (await fetch(`${base}${p}`, { headers: { cookie, RSC: '1' } })).arrayBuffer();
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await (await fetch(`${base}${p}`, { headers: { cookie } })).text();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      log(
        `| ${p} | ${rows} | ${(bytes / 1024).toFixed(1)} KB | ${(gzipSync(html).length / 1024).toFixed(1)} KB | ${(rsc.byteLength / 1024).toFixed(1)} KB | ${percentile(times, 0.5).toFixed(0)} ms |`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

async function main() {
  if (args.setup) await setup();
  // One connection, so the CPU time read from /proc is that of the queries measured.
  process.env.DATABASE_POOL_SIZE = '1';
  const database = await openDatabase({ url, migrate: false });
  try {
    const db = database.db;
    const [acme] = await queryRows<{ id: number }>(db, sql`select id from sellers where slug = 'acme'`);
    if (!acme) throw new Error(`No demo seller in ${dbName}: run with --setup.`);
    await addProducts(db, acme.id, Number(args['extra-products']));
    await db.execute(sql`vacuum analyze`);
    await measureDatabase(db, acme.id);
  } finally {
    await database.close();
  }
  if (args['page-weight']) await measurePageWeight();
  if (args.drop) {
    await admin(`drop database if exists ${dbName} with (force)`);
    log(`Dropped ${dbName}.`);
  }
}

await main();
