import fs from 'node:fs';
import path from 'node:path';

/**
 * The figures of the last run, one JSON file per case under
 * test-results/reliability/ (docs/RELIABILITY.md explains them).
 */
export function recordFigure(name: string, figures: Record<string, number | string>): void {
  const dir = path.join(process.cwd(), 'test-results', 'reliability');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ case: name, at: new Date().toISOString(), ...figures }, null, 2)}\n`);
}
