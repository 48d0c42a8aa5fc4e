/**
 * `npm run seed [-- --devices N] [-- --reset]`: builds the demo data.
 * Refuses a database that holds non-demo data.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { openDatabase } from '@/db';
import { demoLogins, DEMO_PASSWORD, seedDemo, SeedRefusedError } from '@/db/seed/demo';
import { EmbeddedDatabaseLockedError } from '@/db/embedded-lock';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '10000' },
    reset: { type: 'boolean', default: false },
  },
});
const devices = Number(values.devices);
if (!Number.isInteger(devices) || devices < 0 || devices > 5_000_000) {
  console.error('--devices must be a whole number from 0 to 5000000');
  process.exit(2);
}

const started = performance.now();
let database;
try {
  database = await openDatabase();
} catch (error) {
  if (error instanceof EmbeddedDatabaseLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
console.log(`Seeding the demo into ${database.kind === 'postgres' ? 'PostgreSQL' : 'the embedded database (PGlite)'}…`);
const bar = new cliProgress.SingleBar(
  { format: 'devices [{bar}] {percentage}% | {value}/{total} | {duration_formatted}', noTTYOutput: true, notTTYSchedule: 5000 },
  cliProgress.Presets.shades_classic,
);
let barStarted = false;
try {
  await seedDemo(database.db, {
    devices,
    reset: values.reset,
    log: (line) => console.log(line),
    onProgress: (done, total) => {
      if (!barStarted) {
        bar.start(total, 0);
        barStarted = true;
      }
      bar.update(done);
    },
  });
  bar.stop();
} catch (error) {
  bar.stop();
  await database.close();
  if (error instanceof SeedRefusedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
await database.close();
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.\n\nDemo logins (password ${DEMO_PASSWORD}):`);
for (const login of demoLogins) console.log(`  ${login.area.padEnd(36)} ${login.url.padEnd(8)} ${login.email}`);
