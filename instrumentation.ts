/** Opens the database at server start: applies migrations and, on an empty embedded database, seeds the demo. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDatabase } = await import('./db');
  await getDatabase();
}
