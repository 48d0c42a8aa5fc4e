import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/**
 * Copies a server's output to test-logs/e2e/server-<port>.log, which
 * scripts/scan-test-logs.ts checks after the suite for anything secret.
 */
export function keepServerLog(child: ChildProcess, port: number): void {
  fs.mkdirSync('test-logs/e2e', { recursive: true });
  const file = fs.createWriteStream(`test-logs/e2e/server-${port}.log`, { flags: 'a' });
  child.stdout?.on('data', (chunk: Buffer) => file.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => file.write(chunk));
  child.once('exit', () => file.end());
}
