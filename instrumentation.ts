import type { Instrumentation } from 'next';

/**
 * Runs once when a server starts, before it answers: lets finished renders be
 * collected (lib/lifecycle/abort-reason-stacks.ts), stamps every request with
 * its socket's address (the only client address abuse limits believe by
 * default, lib/auth/client-address.ts), checks the configuration
 * (a production start without APP_URL or a strong AUTH_SECRET stops here,
 * naming each problem), opens the database (migrations; in development the
 * demo seed of an empty embedded database), refuses a production database that
 * still holds the demo sellers, re-encodes logos stored before re-encoding
 * existed, then starts the background loop that sends queued emails. Under
 * `npm start` it also owns SIGTERM: readiness turns 503, in-flight requests and
 * the email send in progress finish, the pool closes (lib/lifecycle/shutdown.ts).
 *
 * In production `console.*` is routed to the JSON logger (lib/logging/), and
 * every HTTP request gets an id, its log context and one `request` line.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { releaseAbortReasonStacks } = await import('./lib/lifecycle/abort-reason-stacks');
  releaseAbortReasonStacks();
  if (process.env.NODE_ENV === 'production') {
    const [{ logger }, { routeConsoleToLogger }] = await Promise.all([import('./lib/logging/logger'), import('./lib/logging/console')]);
    routeConsoleToLogger(logger);
  }
  const { stampSocketAddresses } = await import('./lib/auth/socket-stamp');
  stampSocketAddresses();
  const { trackRequests } = await import('./lib/lifecycle/http-requests');
  trackRequests();
  const { checkDemoSellers, configurationProblems, refuseToStart } = await import('./lib/startup');
  const problems = configurationProblems();
  if (problems.length) refuseToStart(problems);
  const { photoDirProblem } = await import('./lib/photos/disk-store');
  const photoDir = await photoDirProblem();
  if (photoDir) refuseToStart([photoDir]);

  const { getDatabase } = await import('./db');
  const { db } = await getDatabase();
  const demo = await checkDemoSellers(db);
  if (demo.refuse) refuseToStart([demo.refuse]);
  const { logger } = await import('./lib/logging/logger');
  if (demo.warn) logger.warn(demo.warn);

  const { convertLegacyLogos, reportLegacyLogos } = await import('./db/queries/settings/legacy-logos');
  reportLegacyLogos(await convertLegacyLogos(db));

  const { startEmailDispatcher, stopEmailDispatcher } = await import('./lib/email/dispatcher-loop');
  startEmailDispatcher();

  const { handleShutdownSignals } = await import('./lib/lifecycle/shutdown');
  const { closeDatabase } = await import('./db');
  handleShutdownSignals({
    stopBackgroundWork: stopEmailDispatcher,
    closeDatabase,
    log: (message) => logger.info(`shutdown: ${message}`),
  });
}

/**
 * Next calls this for every error thrown while rendering a page, running a
 * route handler or an action, or in the proxy: one `request error` line with
 * the route, never the request's headers (cookies).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('./lib/logging/logger');
  const path = request.path.split('?')[0];
  logger.error(
    { err: error, method: request.method, path, routePath: context.routePath, routeType: context.routeType, routerKind: context.routerKind },
    'request error',
  );
};
