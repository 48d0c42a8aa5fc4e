import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { sellers } from '@/db/schema';
import { isProductionServer, photoSettingProblems, productionProblems, readEnv, type EnvReading } from './env';

/**
 * What a server checks before it answers its first request. A production
 * start refuses, naming every problem, when its configuration is unsafe or
 * when the database still holds the demo sellers, whose password is
 * published in the README, unless the operator runs a public demo on purpose.
 */

export const DEMO_OPT_IN = 'TRADEPOST_PUBLIC_DEMO';

/** Problems with the configuration: invalid values always, and in production what must be set. */
export function configurationProblems(reading: EnvReading = readEnv()): string[] {
  const problems = isProductionServer(reading.env) ? productionProblems(reading) : reading.problems;
  return [...problems, ...photoSettingProblems(reading.env)];
}

export type DemoCheck = { refuse: string | null; warn: string | null };

/** The demo sellers in a production database: refused, or warned about when the demo is public on purpose. */
export async function checkDemoSellers(db: Db, reading: EnvReading = readEnv()): Promise<DemoCheck> {
  if (!isProductionServer(reading.env)) return { refuse: null, warn: null };
  const [row] = await db.select({ n: count() }).from(sellers).where(eq(sellers.isDemo, true));
  const demoSellers = row?.n ?? 0;
  const optedIn = reading.env.TRADEPOST_PUBLIC_DEMO === '1';
  if (demoSellers > 0 && !optedIn) {
    return {
      refuse:
        `the database holds ${demoSellers} demo seller${demoSellers === 1 ? '' : 's'} whose accounts share the password published in the README. ` +
        `Start on an empty database (create your first seller with \`npm run seller:create\`), or set ${DEMO_OPT_IN}=1 to run a public demo on purpose.`,
      warn: null,
    };
  }
  if (optedIn) {
    return {
      refuse: null,
      warn: `${DEMO_OPT_IN}=1: this is a public demo. Its demo accounts use the password published in the README; do not keep real data here.`,
    };
  }
  return { refuse: null, warn: null };
}

/** Prints the problems and ends the process: a server that cannot run safely does not run. */
export function refuseToStart(problems: string[]): never {
  console.error(`\nTradepost cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
