/**
 * Opens the database at server start: applies migrations and, on an empty
 * embedded database, seeds the demo. Then starts the background loop that
 * sends queued emails.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDatabase } = await import('./db');
  await getDatabase();
  const { startEmailDispatcher } = await import('./lib/email/dispatcher-loop');
  startEmailDispatcher();
}
