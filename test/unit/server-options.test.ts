import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_OPTIONS } from '../../bench/server-options';

describe('the production start', () => {
  it('gives the server the heap limit the benchmark measures with', () => {
    const { scripts } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toContain(SERVER_NODE_OPTIONS);
    expect(scripts.start).toMatch(/next start$/);
  });
});
