import fs from 'node:fs';
import path from 'node:path';
import { REPLAY_EVERY, type ActionCase, type CheckoutCase } from './actions';
import type { ExplainCheck } from './explain';

export type Measured = { name: string; size: number; rps: number; p50: number; p99: number; errors: number; requests: number; rssMbAfter: number };

export type SizeResult = {
  size: number;
  orders: number;
  seededSeconds: number | null;
  rows: Measured[];
  addToCart: ActionCase & { rssMbAfter: number };
  checkout: CheckoutCase & { rssMbAfter: number };
  rssMb: number;
  /** 1-minute load average of the machine when the measured cases began. */
  loadAverage: number;
  idleStatementsPerSecond: number;
  statementsPerRender: Record<string, number>;
  statementTexts: Record<string, number>;
  forSaleHtmlBytes: number;
  forSaleRscBytes: number;
  explain: ExplainCheck[];
};

type Settings = { connections: number; seconds: number; checkoutSeconds: number; renders: number; cores: number; memoryGiB: number };

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const RESULTS = path.join('bench', 'RESULTS.md');

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${Math.round(x * 100)}%`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const yes = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'yes' : '**no**');

function find(r: SizeResult, prefix: string): Measured {
  const m = r.rows.find((x) => x.name.startsWith(prefix));
  if (!m) throw new Error(`no case ${prefix} at ${r.size}`);
  return m;
}

/** The issue's targets, evaluated on this run (the inventory-size ones at the largest size measured). */
function targets(results: SizeResult[]): { target: string; measured: string; met: boolean | null }[] {
  const smallest = results.reduce((a, b) => (b.size < a.size ? b : a));
  const largest = results.reduce((a, b) => (b.size > a.size ? b : a));
  const at = `at ${n(largest.size)} devices`;
  const forSale = find(largest, 'For Sale, first page');
  const floor = find(largest, 'Floor page');
  const signIn = find(largest, 'Portal sign-in');
  const inventory = find(largest, 'Back office inventory');
  const orders = find(largest, 'Back office orders');
  const p50Ratio = forSale.p50 / find(smallest, 'For Sale, first page').p50;
  const counts = results.flatMap((r) => Object.values(r.statementsPerRender));
  const rounded = new Set(counts.map(Math.round));
  const checkout = largest.checkout;
  const html = Math.max(...results.map((r) => r.forSaleHtmlBytes));
  const rss = Math.max(...results.map((r) => r.rssMb));
  const largestReads = largest.explain.filter((e) => e.readsDevices);
  return [
    { target: `For Sale ≥ 70% of the floor page's throughput (${at})`, measured: `${forSale.rps} vs ${floor.rps} req/s = ${pct(forSale.rps / floor.rps)}`, met: forSale.rps >= 0.7 * floor.rps },
    { target: `For Sale ≥ 60% of the sign-in page's throughput (${at})`, measured: `${forSale.rps} vs ${signIn.rps} req/s = ${pct(forSale.rps / signIn.rps)}`, met: forSale.rps >= 0.6 * signIn.rps },
    {
      target: `For Sale p50 ${at} ≤ 1.3 × its p50 at ${n(smallest.size)}`,
      measured: `${forSale.p50} ms vs ${find(smallest, 'For Sale, first page').p50} ms = ${p50Ratio.toFixed(2)} ×`,
      met: largest.size === smallest.size ? null : p50Ratio <= 1.3,
    },
    {
      target: `Checkout, 16 buyers: zero errors (${at})`,
      measured: `${checkout.errors} errors in ${n(checkout.requests)} requests`,
      met: checkout.errors === 0,
    },
    {
      target: 'Checkout: every order stored exactly once (counted)',
      measured: `${n(checkout.orders)} acknowledged, ${n(checkout.storedOrders)} stored; ${checkout.keysNotStoredOnce} keys not stored once, ${checkout.unacknowledgedOrders} unacknowledged`,
      met: checkout.keysNotStoredOnce === 0 && checkout.unacknowledgedOrders === 0 && checkout.storedOrders === checkout.orders,
    },
    { target: 'Checkout: ≥ 40 orders per second', measured: `${checkout.ordersPerSecond} orders/s`, met: checkout.ordersPerSecond >= 40 },
    { target: `Inventory list p50 ≤ 2 × For Sale's (${at})`, measured: `${inventory.p50} ms vs ${forSale.p50} ms`, met: inventory.p50 <= 2 * forSale.p50 },
    {
      target: `Orders list p50 ≤ 2 × For Sale's (${n(largest.orders)} orders)`,
      measured: `${orders.p50} ms vs ${forSale.p50} ms`,
      met: largest.orders >= 100_000 ? orders.p50 <= 2 * forSale.p50 : null,
    },
    { target: 'Server RSS after the run ≤ 400 MB', measured: `${rss} MB (largest of ${results.length} runs)`, met: rss <= 400 },
    { target: 'For Sale (50 rows) ≤ 150 KB of HTML with its React payload', measured: kb(html), met: html <= 150 * 1024 },
    {
      target: 'SQL statements per For Sale render do not grow with rows or inventory size',
      measured: `${[...new Set(counts)].join(', ')} per render over ${counts.length} view × size pairs`,
      met: rounded.size === 1,
    },
    {
      target: `EXPLAIN of the For Sale statements reads no devices rows (${at})`,
      measured: largestReads.length ? largestReads.map((e) => `${e.view}/${e.statement}`).join(', ') : `no plan node reads devices (${largest.explain.length} plans)`,
      met: largestReads.length === 0,
    },
  ];
}

function generated(results: SizeResult[], settings: Settings, minutes: number): string[] {
  const lines: string[] = [
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes.toFixed(1)} min: ${settings.cores} cores, ${settings.memoryGiB} GiB,`,
    `autocannon ${settings.connections} connections × ${settings.seconds} s per page on loopback against \`npm start\` of the production build on PostgreSQL`,
    '(its default 256 MB heap cap; HTTP_COMPRESSION=off, as behind the shipped nginx configuration, which compresses),',
    'signed in as the demo buyer (portal) or owner (back office); the server actions by 16 buyers (one organization each) in loops of their own.',
    'Every body is checked; a wrong page or result counts as an error.',
    '',
    '| devices | case | req/s | p50 ms | p99 ms | errors | vs floor page | vs sign-in page |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const floor = find(r, 'Floor page').rps;
    const signIn = find(r, 'Portal sign-in').rps;
    for (const m of r.rows) lines.push(`| ${n(r.size)} | ${m.name} | ${m.rps} | ${m.p50} | ${m.p99} | ${m.errors} | ${pct(m.rps / floor)} | ${pct(m.rps / signIn)} |`);
    const a = r.addToCart;
    lines.push(`| ${n(r.size)} | Add to cart (server action) | ${a.rps} | ${a.latency.p50} | ${a.latency.p99} | ${a.errors} | | |`);
    const c = r.checkout;
    lines.push(`| ${n(r.size)} | Checkout: orders placed per second, and the place-order call | ${c.ordersPerSecond} | ${c.latency.p50} | ${c.latency.p99} | ${c.errors} | | |`);
  }
  lines.push(
    '',
    `Checkout: ${settings.checkoutSeconds} s of 16 buyers, each looping add to cart → place order (a fresh idempotency key), and every ${REPLAY_EVERY}th time`,
    'place the same again (must answer `alreadyPlaced` with the same number); the orders with the run\'s keys are then counted in the database.',
    '',
    '| devices | orders placed | orders/s | stored | acknowledged keys not stored exactly once | errors | place p50 / p99 ms | placed again | place again p50 / p99 ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => {
      const c = r.checkout;
      return `| ${n(r.size)} | ${n(c.orders)} | ${c.ordersPerSecond} | ${n(c.storedOrders)} | ${c.keysNotStoredOnce + c.unacknowledgedOrders} | ${c.errors} | ${c.latency.p50} / ${c.latency.p99} | ${n(c.replays ?? 0)} | ${c.replay.p50} / ${c.replay.p99} |`;
    }),
    '',
    `Per size: orders in the database (the orders list case), server RSS after the run, For Sale's weight (first page, 50 rows), SQL statements per`,
    `For Sale render (${settings.renders} sequential renders per view through a counting relay, less the idle server's statements over the same time),`,
    'and whether an EXPLAIN of the For Sale statements (page, listing, facets × the 4 views) has a node on `devices`.',
    '',
    '| devices | orders | load average at start | RSS after the run | HTML (with its RSC payload) | RSC payload alone | statements per render: first / filtered / search / deep | idle statements/s | EXPLAIN reads devices |',
    '|---:|---:|---:|---:|---:|---:|---|---:|---|',
    ...results.map((r) => {
      const reads = r.explain.filter((e) => e.readsDevices);
      return (
        `| ${n(r.size)} | ${n(r.orders)} | ${r.loadAverage} | ${r.rssMb} MB | ${kb(r.forSaleHtmlBytes)} | ${kb(r.forSaleRscBytes)} | ${Object.values(r.statementsPerRender).join(' / ')} | ` +
        `${r.idleStatementsPerSecond} | ${reads.length ? `**yes**: ${reads.map((e) => `${e.view}/${e.statement}`).join(', ')}` : `no (${r.explain.length} plans)`} |`
      );
    }),
    '',
    'RSS counts the `next start` process and its children. RSS after each case, in the order of the first table (MB):',
    '',
    ...results.map((r) => `- ${n(r.size)} devices: ${[...r.rows.map((m) => m.rssMbAfter), r.addToCart.rssMbAfter, r.checkout.rssMbAfter].join(' → ')}`),
    '',
    '### Targets (issue 10)',
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...targets(results).map((t) => `| ${t.target} | ${t.measured} | ${yes(t.met)} |`),
  );
  return lines;
}

/** Writes the results; answers the checks that failed (errors, wrong bodies, statement and plan tests), not speed. */
export function writeReport(options: { small: boolean; results: SizeResult[]; problems: string[]; settings: Settings; minutes: number }): string[] {
  const { small, results, settings } = options;
  const failed = [...options.problems];
  const counts = new Set(results.flatMap((r) => Object.values(r.statementsPerRender)).map(Math.round));
  if (counts.size > 1) failed.push(`SQL statements per For Sale render differ between views or sizes: ${[...counts].join(', ')}`);
  const json = { settings, minutes: options.minutes, results, targets: targets(results), failed };
  fs.writeFileSync(path.join('bench', small ? 'results-small.json' : 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  if (small) {
    console.log('wrote bench/results-small.json');
  } else {
    const before = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '# Benchmark results\n\n';
    const [head, rest] = before.includes(START) ? [before.slice(0, before.indexOf(START)), before.slice(before.indexOf(END) + END.length)] : [before, '\n'];
    fs.writeFileSync(RESULTS, `${head}${START}\n${generated(results, settings, options.minutes).join('\n')}\n${END}${rest}`);
    console.log('wrote bench/RESULTS.md and bench/results.json');
  }
  console.log(targets(results).map((t) => `  ${t.met === null ? '-' : t.met ? '✓' : '✗'} ${t.target}: ${t.measured}`).join('\n'));
  return failed;
}
