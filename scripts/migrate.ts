/** `npm run db:migrate`: applies pending migrations to the configured database. */
import { openDatabase } from '@/db';
import { EmbeddedDatabaseLockedError } from '@/db/embedded-lock';
import { convertLegacyLogos, reportLegacyLogos } from '@/db/queries/settings/legacy-logos';

try {
  const database = await openDatabase();
  console.log(`Migrations applied (${database.kind}).`);
  reportLegacyLogos(await convertLegacyLogos(database.db));
  await database.close();
} catch (error) {
  if (error instanceof EmbeddedDatabaseLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
