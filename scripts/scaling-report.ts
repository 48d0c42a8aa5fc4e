/**
 * `npm run scaling:report [-- --write]`: the tables of docs/SCALING.md, read
 * from the code, not from memory. For every table of the Drizzle schema
 * (db/schema/*): whether it has `seller_id` (the distribution key on Citus),
 * its primary key, its foreign keys, the role it would take on Citus, and the
 * foreign keys Citus would refuse between distributed tables (they must
 * include the distribution column). Then, grep-based, the query files that
 * touch seller-owned tables without naming the seller (multi-shard on Citus).
 *
 * Without `--write` it prints the section; with it, it replaces the part of
 * docs/SCALING.md between the `scaling-report` markers.
 * test/unit/scaling-report.test.ts fails when that part is stale or when a
 * table without `seller_id` is not accounted for below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema';

/** Small tables every shard needs, replicated to every node on Citus. */
export const REFERENCE_TABLES: Record<string, string> = {
  sellers: 'one row per seller; every seller-owned table references it',
};

/** Tables that are not about one seller: kept on the coordinator (Citus local tables). */
export const LOCAL_TABLES: Record<string, string> = {
  rate_limits: 'keyed by client address or email, across sellers; not referenced by any table',
};

/**
 * Seller-owned tables that reach their seller only through their parent's row
 * today: before they can be distributed they need their own `seller_id`
 * (backfilled from the parent) and a foreign key on (parent, seller_id).
 */
export const CHILD_TABLES_WITHOUT_SELLER_ID: Record<string, string> = {
  invoice_lines: 'its invoice (invoice_id → invoices)',
  import_batch_rows: 'its import batch (batch_id → import_batches)',
};

export const REPORT_START = '<!-- scaling-report:start -->';
export const REPORT_END = '<!-- scaling-report:end -->';

export type TableReport = {
  name: string;
  hasSellerId: boolean;
  primaryKey: string[];
  /** A unique constraint or index on the primary key's columns plus seller_id (what a Citus primary key would become). */
  uniqueWithSeller: boolean;
  foreignKeys: { columns: string[]; table: string; foreignColumns: string[] }[];
  role: 'distributed' | 'reference' | 'local' | 'needs seller_id' | 'unaccounted';
};

export function tableReports(): TableReport[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  return tables
    .map((table) => {
      const config = getTableConfig(table);
      const hasSellerId = config.columns.some((c) => c.name === 'seller_id');
      const primaryKey = config.primaryKeys.length
        ? config.primaryKeys[0]!.columns.map((c) => c.name)
        : config.columns.filter((c) => c.primary).map((c) => c.name);
      const foreignKeys = config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        return { columns: ref.columns.map((c) => c.name), table: getTableConfig(ref.foreignTable).name, foreignColumns: ref.foreignColumns.map((c) => c.name) };
      });
      const uniques = [
        ...config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
        ...config.indexes.filter((i) => i.config.unique).map((i) => i.config.columns.map((c) => ('name' in c ? (c.name as string) : ''))),
      ];
      const wanted = new Set([...primaryKey, 'seller_id']);
      const uniqueWithSeller = uniques.some((u) => u.length === wanted.size && u.every((c) => wanted.has(c)));
      const role: TableReport['role'] = REFERENCE_TABLES[config.name]
        ? 'reference'
        : LOCAL_TABLES[config.name]
          ? 'local'
          : hasSellerId
            ? 'distributed'
            : CHILD_TABLES_WITHOUT_SELLER_ID[config.name]
              ? 'needs seller_id'
              : 'unaccounted';
      return { name: config.name, hasSellerId, primaryKey, uniqueWithSeller, foreignKeys, role };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Foreign keys Citus refuses as they are: between two tables that would be
 * distributed (or are to be), a key must include the distribution column on
 * both sides (colocated shards), and a distributed table's primary key must too.
 */
export function citusBlockers(reports: TableReport[]): { primaryKeys: string[]; foreignKeys: string[] } {
  const role = new Map(reports.map((r) => [r.name, r.role]));
  const sharded = (name: string) => ['distributed', 'needs seller_id'].includes(role.get(name) ?? '');
  const primaryKeys: string[] = [];
  const blockers: string[] = [];
  for (const r of reports) {
    if (!sharded(r.name)) continue;
    if (r.hasSellerId && !r.primaryKey.includes('seller_id')) primaryKeys.push(r.name);
    for (const fk of r.foreignKeys) {
      if (!sharded(fk.table)) continue;
      if (!fk.columns.includes('seller_id') || !fk.foreignColumns.includes('seller_id')) {
        blockers.push(`\`${r.name}\`: (${fk.columns.join(', ')}) → \`${fk.table}\`(${fk.foreignColumns.join(', ')}) without seller_id`);
      }
    }
  }
  return { primaryKeys, foreignKeys: blockers };
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []))
    .sort();
}

const DB_ACCESS = /\b(db|tx|database\.db)\s*\.\s*(execute|select|selectDistinct|insert|update|delete|transaction)\s*\(|queryRows\s*\(/;
const NAMES_SELLER = /seller_id|sellerId/;

export type QueryFileReport = { file: string; tables: string[]; namesSeller: boolean };

/**
 * Grep-based: every file under db/queries and lib that runs statements, the
 * seller-owned tables it names (SQL names in raw SQL, schema identifiers in
 * Drizzle's builder), and whether it names the seller anywhere. File-level:
 * a file that names the seller may still hold a statement that does not (the
 * doc lists the ones read by hand).
 */
export function queryFileReports(reports: TableReport[]): QueryFileReport[] {
  const identifiers = new Map<string, string>();
  for (const [exportName, value] of Object.entries(schema) as [string, unknown][]) if (is(value, PgTable)) identifiers.set(exportName, getTableConfig(value).name);
  const sharded = new Set(reports.filter((r) => r.role === 'distributed' || r.role === 'needs seller_id').map((r) => r.name));
  return [...sourceFiles('db/queries'), ...sourceFiles('lib')]
    .map((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      if (!DB_ACCESS.test(text)) return null;
      const tables = new Set<string>();
      for (const name of sharded) if (new RegExp(`\\b${name}\\b`).test(text)) tables.add(name);
      for (const [identifier, name] of identifiers) {
        if (sharded.has(name) && new RegExp(`\\b(s\\.)?${identifier}\\b[.,)]`).test(text)) tables.add(name);
      }
      return { file, tables: [...tables].sort(), namesSeller: NAMES_SELLER.test(text) };
    })
    .filter((r): r is QueryFileReport => r !== null && r.tables.length > 0);
}

export function renderReport(): string {
  const reports = tableReports();
  const blockers = citusBlockers(reports);
  const roleText: Record<TableReport['role'], string> = {
    distributed: 'distributed by seller_id',
    reference: 'reference table',
    local: 'local (coordinator)',
    'needs seller_id': '**needs seller_id** first',
    unaccounted: '**unaccounted**',
  };
  const fkText = (r: TableReport) =>
    r.foreignKeys.map((fk) => `(${fk.columns.join(', ')}) → ${fk.table}`).join('; ') || '—';
  const lines = [
    REPORT_START,
    '<!-- Generated by `npm run scaling:report -- --write` from db/schema/* and the query files; do not edit by hand. -->',
    '',
    `${reports.length} tables; ${reports.filter((r) => r.hasSellerId).length} have \`seller_id\`.`,
    '',
    '| table | seller_id | primary key | on Citus | foreign keys |',
    '|---|:---:|---|---|---|',
    ...reports.map((r) => `| \`${r.name}\` | ${r.hasSellerId ? 'yes' : '**no**'} | ${r.primaryKey.join(', ')} | ${roleText[r.role]} | ${fkText(r)} |`),
    '',
    'Why the tables without `seller_id` are what they are:',
    '',
    ...Object.entries({ ...REFERENCE_TABLES, ...LOCAL_TABLES }).map(([name, why]) => `- \`${name}\` (${REFERENCE_TABLES[name] ? 'reference' : 'local'}): ${why}`),
    ...Object.entries(CHILD_TABLES_WITHOUT_SELLER_ID).map(([name, parent]) => `- \`${name}\` (needs seller_id): reaches its seller through ${parent}`),
    '',
    'What Citus would refuse as the schema stands (a distributed table\'s primary key, unique keys and foreign keys to',
    'other distributed tables must include the distribution column):',
    '',
    `- primary keys without seller_id: ${blockers.primaryKeys.length} tables. Those marked * already have a unique key on the same columns plus ` +
      `seller_id (their composite foreign keys point at it), so that key becomes the primary key: ` +
      blockers.primaryKeys.map((t) => `\`${t}\`${reports.find((r) => r.name === t)!.uniqueWithSeller ? '*' : ''}`).join(', '),
    `- foreign keys between seller-owned tables without seller_id (${blockers.foreignKeys.length}):`,
    ...blockers.foreignKeys.map((b) => `  - ${b}`),
    '',
  ];
  const files = queryFileReports(reports);
  const unscoped = files.filter((f) => !f.namesSeller);
  lines.push(
    `Query files (grep-based: files under db/queries and lib that run statements on seller-owned tables): ${files.length}; ` +
      `${files.length - unscoped.length} name the seller (\`seller_id\`/\`sellerId\`), ${unscoped.length} do not:`,
    '',
    '| file without the seller | seller-owned tables it names |',
    '|---|---|',
    ...unscoped.map((f) => `| \`${f.file}\` | ${f.tables.map((t) => `\`${t}\``).join(', ')} |`),
    '',
    REPORT_END,
  );
  return lines.join('\n');
}

export const scalingDocPath = path.join(root, 'docs', 'SCALING.md');

/** The doc's generated section as it stands (empty when the markers are missing). */
export function documentedReport(doc = fs.readFileSync(scalingDocPath, 'utf8')): string {
  const start = doc.indexOf(REPORT_START);
  const end = doc.indexOf(REPORT_END);
  return start < 0 || end < 0 ? '' : doc.slice(start, end + REPORT_END.length);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const report = renderReport();
  if (process.argv.includes('--write')) {
    const doc = fs.readFileSync(scalingDocPath, 'utf8');
    const current = documentedReport(doc);
    if (!current) throw new Error(`docs/SCALING.md has no ${REPORT_START} … ${REPORT_END} section to replace`);
    fs.writeFileSync(scalingDocPath, doc.replace(current, report));
    console.log('docs/SCALING.md: generated section written');
  } else {
    console.log(report);
  }
}
