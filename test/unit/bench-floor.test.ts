import { describe, expect, it } from 'vitest';
import { benchFloorEnabled, readEnv } from '@/lib/env';

/**
 * The floor page of `npm run bench` (app/(portal)/p/[slug]/(shop)/bench-floor)
 * answers notFound unless this says yes. The bench also asks a production
 * server started without the flag for the page and expects a 404.
 */
describe('the benchmark floor page flag', () => {
  it('is off by default, and off with only one of its two variables', () => {
    expect(benchFloorEnabled(readEnv({}).env)).toBe(false);
    expect(benchFloorEnabled(readEnv({ TRADEPOST_BENCH_FLOOR: '1' }).env)).toBe(false);
    expect(benchFloorEnabled(readEnv({ TRADEPOST_PUBLIC_DEMO: '1' }).env)).toBe(false);
    expect(benchFloorEnabled(readEnv({ TRADEPOST_BENCH_FLOOR: '0', TRADEPOST_PUBLIC_DEMO: '1' }).env)).toBe(false);
  });

  it('is on with the flag and the demo opt-in, and a bad value is read as off', () => {
    expect(benchFloorEnabled(readEnv({ TRADEPOST_BENCH_FLOOR: '1', TRADEPOST_PUBLIC_DEMO: '1' }).env)).toBe(true);
    const bad = readEnv({ TRADEPOST_BENCH_FLOOR: 'yes', TRADEPOST_PUBLIC_DEMO: '1' });
    expect(bad.problems.join()).toMatch(/TRADEPOST_BENCH_FLOOR/);
    expect(benchFloorEnabled(bad.env)).toBe(false);
  });
});
