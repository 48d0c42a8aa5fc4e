import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { recordFigure } from '../reliability/support/report';

const run = promisify(execFile);

/**
 * Backup and restore as docs/DEPLOY.md gives them: `pg_dump -Fc` of the
 * seeded database, `pg_restore` into a fresh one, and the copy is whole:
 * the same rows in every table, the same sequence values, the same triggers,
 * functions, indexes and constraints.
 */
const context = inject('cluster');

type Fingerprint = { tables: Record<string, number>; sequences: Record<string, string>; triggers: number; functions: number; indexes: number; constraints: number };

async function fingerprint(url: string): Promise<Fingerprint> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`;
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${t.schema}"."${t.name}"`);
      counts[`${t.schema}.${t.name}`] = row!.n;
    }
    const sequences = await sql<{ name: string; value: string | null }[]>`
      select schemaname || '.' || sequencename as name, last_value::text as value from pg_sequences order by 1`;
    const [catalog] = await sql<{ triggers: number; functions: number; indexes: number; constraints: number }[]>`
      select (select count(*)::int from pg_trigger where not tgisinternal) as triggers,
             (select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public') as functions,
             (select count(*)::int from pg_indexes where schemaname not in ('pg_catalog', 'information_schema')) as indexes,
             (select count(*)::int from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public') as constraints`;
    return { tables: counts, sequences: Object.fromEntries(sequences.map((s) => [s.name, s.value ?? 'unused'])), ...catalog! };
  } finally {
    await sql.end();
  }
}

describe('backup and restore', () => {
  it('pg_dump -Fc of the seeded database, pg_restore into a fresh one: the same rows, sequences and triggers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradepost-cluster-backup-'));
    const file = path.join(dir, 'tradepost.dump');
    const bin = (name: string) => path.join(context.postgres.bin, name);
    try {
      const source = await fingerprint(context.databaseUrl);
      expect(Object.keys(source.tables).length).toBeGreaterThan(20);
      expect(source.tables['public.devices']).toBeGreaterThan(500);
      expect(source.triggers).toBeGreaterThan(0);

      let started = Date.now();
      await run(bin('pg_dump'), ['-Fc', '-d', context.databaseUrl, '-f', file]);
      const dumpMs = Date.now() - started;
      const admin = postgres(context.adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe('drop database if exists tradepost_cluster_restored');
      await admin.unsafe('create database tradepost_cluster_restored');
      await admin.end();
      const restored = context.databaseUrl.replace(/\/tradepost_cluster$/, '/tradepost_cluster_restored');
      started = Date.now();
      await run(bin('pg_restore'), ['--no-owner', '--exit-on-error', '-j', '2', '-d', restored, file]);
      const restoreMs = Date.now() - started;

      const copy = await fingerprint(restored);
      expect(copy).toEqual(source);
      const sum = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
      recordFigure('backup and restore', {
        tables: Object.keys(source.tables).length,
        rows: sum(source.tables),
        devices: source.tables['public.devices']!,
        sequences: Object.keys(source.sequences).length,
        triggers: source.triggers,
        dumpBytes: fs.statSync(file).size,
        dumpMs,
        restoreMs,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
