import { describe, expect, it } from 'vitest';
import { errorProbeEnabled, readEnv } from '@/lib/env';

/** The pages that throw (…/error-probe) answer notFound unless this says yes: only a public demo with the flag serves them. */
describe('the error probe flag', () => {
  it('is off by default, and off with only one of its two variables', () => {
    expect(errorProbeEnabled(readEnv({}).env)).toBe(false);
    expect(errorProbeEnabled(readEnv({ TRADEPOST_ERROR_PROBE: '1' }).env)).toBe(false);
    expect(errorProbeEnabled(readEnv({ TRADEPOST_PUBLIC_DEMO: '1' }).env)).toBe(false);
  });

  it('is on with the flag and the demo opt-in, and a bad value is read as off', () => {
    expect(errorProbeEnabled(readEnv({ TRADEPOST_ERROR_PROBE: '1', TRADEPOST_PUBLIC_DEMO: '1' }).env)).toBe(true);
    const bad = readEnv({ TRADEPOST_ERROR_PROBE: 'yes', TRADEPOST_PUBLIC_DEMO: '1' });
    expect(bad.problems.join()).toMatch(/TRADEPOST_ERROR_PROBE/);
    expect(errorProbeEnabled(bad.env)).toBe(false);
  });
});
