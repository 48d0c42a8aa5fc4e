import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No link, redirect or decision is built from headers a client can write.
 * The app reads them in three places: the proxy routes a verified custom
 * domain by its `Host`, the abuse limits read `X-Forwarded-For` only
 * behind the trusted hops the operator configured, and the proxy refuses a
 * server action whose `Origin` is another site's. Any other read of these
 * headers in app code fails here, so a new one needs a reason in this list.
 */
const clientWritable = /['"`](host|x-forwarded-host|x-forwarded-proto|x-forwarded-for|x-real-ip|origin|referer)['"`]/i;
const allowed: Record<string, RegExp> = {
  'lib/portal/custom-domains.ts': /headers\.get\('host'\)/,
  'lib/auth/client-address.ts': /x-forwarded-for/,
  // Only to refuse a server action from another site's page early (403 instead of Next's 500): the
  // Origin must name the Host or the forwarded host, exactly what Next's own check then accepts.
  'proxy.ts': /headers\.get\('(origin|host|x-forwarded-host)'\)/,
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('client-written headers', () => {
  it('are read only where the list above says why', () => {
    const root = process.cwd();
    const files = ['app', 'lib', 'db', 'components'].flatMap((d) => sourceFiles(path.join(root, d))).concat(path.join(root, 'proxy.ts'));
    const found: string[] = [];
    for (const file of files) {
      const relative = path.relative(root, file);
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^(\*|\/\*|\/\/)/.test(line.trim())) return;
          if (!clientWritable.test(line)) return;
          if (allowed[relative]?.test(line)) return;
          found.push(`${relative}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
