import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock of its own, and two processes opening one data folder
 * silently lose writes. This takes an exclusive lock file beside the folder;
 * a second process is refused with a message naming the holder.
 */
export class EmbeddedDatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database at ${dataDir} is already open in process ${holder.pid} ` +
        `(${holder.command}, started ${holder.startedAt}). Only one process may open it at a time: ` +
        `stop that process first (e.g. the running server before \`npm run seed\`), ` +
        `or set DATABASE_URL to use PostgreSQL, which any number of processes can share.`,
    );
    this.name = 'EmbeddedDatabaseLockedError';
  }
}

type LockHolder = { pid: number; host: string; command: string; startedAt: string };

const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(/*turbopackIgnore: true*/ dataDir)}.lock`;
}

export function acquireEmbeddedLock(dataDir: string): void {
  const lockPath = lockPathFor(dataDir);
  if (held.has(lockPath)) return;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 200) || 'node',
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      held.add(lockPath);
      process.once('exit', () => releaseEmbeddedLock(dataDir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockPath);
    if (holder && holder.pid === process.pid && holder.host === me.host) {
      held.add(lockPath);
      return;
    }
    if (holder && holder.host === me.host && isAlive(holder.pid)) {
      throw new EmbeddedDatabaseLockedError(path.resolve(dataDir), holder);
    }
    // The holder died without cleaning up (SIGKILL, crash): the lock is stale.
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath}; remove it if no process uses the database.`);
}

export function releaseEmbeddedLock(dataDir: string): void {
  const lockPath = lockPathFor(dataDir);
  if (!held.delete(lockPath)) return;
  const holder = readHolder(lockPath);
  if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}
