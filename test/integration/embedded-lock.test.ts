import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { EmbeddedDatabaseLockedError, lockPathFor } from '@/db/embedded-lock';

const run = promisify(execFile);
const onlyOnce = process.env.TEST_DATABASE === 'pglite' ? describe : describe.skip;

/** PGlite silently loses writes when two processes share a folder: the second must be refused. */
onlyOnce('embedded database lock', () => {
  let dir: string;
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('refuses a second process with a message naming the first, and frees the folder on close', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tradepost-lock-'));
    const dataDir = path.join(dir, 'pglite');
    const first = await openDatabase({ dataDir, url: '' });
    const second = await run('npx', ['tsx', 'scripts/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: dataDir },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`already open in process ${process.pid}`);
    expect(second.stderr).toContain('DATABASE_URL');

    await first.close();
    await expect(fs.stat(lockPathFor(dataDir))).rejects.toThrow();
    const again = await run('npx', ['tsx', 'scripts/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: dataDir },
    });
    expect(again.stdout).toContain('Migrations applied (pglite)');
  });

  it('takes over a lock left by a process that died', async () => {
    const dataDir = path.join(dir, 'stale');
    await fs.writeFile(
      lockPathFor(dataDir),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), command: 'gone', startedAt: '2020-01-01' }),
    );
    const database = await openDatabase({ dataDir, url: '' });
    await database.close();
  });

  it('refuses in the same way inside one process for a different holder', async () => {
    const dataDir = path.join(dir, 'held');
    await fs.writeFile(
      lockPathFor(dataDir),
      JSON.stringify({ pid: process.ppid, host: os.hostname(), command: 'parent', startedAt: 'now' }),
    );
    await expect(openDatabase({ dataDir, url: '' })).rejects.toBeInstanceOf(EmbeddedDatabaseLockedError);
  });
});
