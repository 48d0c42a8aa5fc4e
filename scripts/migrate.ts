/** `npm run db:migrate`: applies pending migrations to the configured database. */
import { openDatabase } from '@/db';
import { EmbeddedDatabaseLockedError } from '@/db/embedded-lock';

try {
  const database = await openDatabase();
  console.log(`Migrations applied (${database.kind}).`);
  await database.close();
} catch (error) {
  if (error instanceof EmbeddedDatabaseLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
