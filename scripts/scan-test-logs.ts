/**
 * `npx tsx scripts/scan-test-logs.ts [folder]`: fails (exit 1) when any file
 * under the folder (default test-logs/, where the reliability suite and the
 * Playwright run keep their servers' output) holds the demo password, a
 * one-time link token, a session token or a session cookie
 * (lib/logging/secrets.ts). Each finding is named by file and line, with the
 * secret itself cut short. A folder that does not exist or holds no file is a
 * failure too: the scan must have read something to pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { secretsIn } from '../lib/logging/secrets';

export type Finding = { file: string; line: number; name: string; excerpt: string };

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

export function scanTestLogs(folder: string): { files: number; lines: number; findings: Finding[] } {
  if (!fs.existsSync(folder)) return { files: 0, lines: 0, findings: [] };
  const findings: Finding[] = [];
  let lines = 0;
  const files = filesUnder(folder);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8').split('\n');
    text.forEach((content, index) => {
      lines++;
      for (const { name, match } of secretsIn(content)) findings.push({ file, line: index + 1, name, excerpt: `${match.slice(0, 8)}…` });
    });
  }
  return { files: files.length, lines, findings };
}

function main(): void {
  const folder = process.argv[2] ?? 'test-logs';
  const { files, lines, findings } = scanTestLogs(folder);
  if (files === 0) {
    console.error(`scan-test-logs: no log file under ${folder}/: nothing was checked.`);
    process.exit(1);
  }
  if (findings.length) {
    console.error(`scan-test-logs: ${findings.length} secret${findings.length === 1 ? '' : 's'} in the logs under ${folder}/:`);
    for (const f of findings.slice(0, 50)) console.error(`  ${f.file}:${f.line}: ${f.name} (${f.excerpt})`);
    process.exit(1);
  }
  console.log(`scan-test-logs: ${files} files, ${lines} lines under ${folder}/, no password, token or session cookie.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
