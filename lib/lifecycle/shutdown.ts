import { env } from '@/lib/env';
import { closeConnectionsAfterEachResponse, closeServersAndWait, requestsInFlight } from './http-requests';

type State = { shuttingDown: boolean; installed: boolean };
const holder = globalThis as typeof globalThis & { __tradepostShutdown?: State };
const state = (holder.__tradepostShutdown ??= { shuttingDown: false, installed: false });

/** True once SIGTERM (or SIGINT) arrived: readiness answers 503 from then on. */
export function isShuttingDown(): boolean {
  return state.shuttingDown;
}

export type ShutdownSteps = {
  /** Waits for the email send in progress and stops the dispatcher. */
  stopBackgroundWork: () => Promise<void>;
  /** Closes the database pool. */
  closeDatabase: () => Promise<void>;
  log: (message: string) => void;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The graceful stop of one instance, on SIGTERM: readiness turns 503 at once
 * while requests are still served for SHUTDOWN_DRAIN_MS (the load balancer's
 * health checks see it and send new requests elsewhere), then the HTTP server
 * stops accepting connections, the requests in flight finish, the email send in
 * progress finishes, the pool closes and the process exits, all within
 * SHUTDOWN_TIMEOUT_MS after the drain. `next start` runs with
 * NEXT_MANUAL_SIG_HANDLE=1 (scripts/start.sh) so that this, not Next's own
 * handler, decides when the process ends.
 */
export async function shutDown(signal: string, steps: ShutdownSteps): Promise<void> {
  if (state.shuttingDown) return;
  state.shuttingDown = true;
  const { SHUTDOWN_DRAIN_MS: drainMs, SHUTDOWN_TIMEOUT_MS: timeoutMs } = env();
  steps.log(`${signal}: not ready any more; serving for ${drainMs} ms while the load balancer notices, then stopping`);
  closeConnectionsAfterEachResponse();
  await wait(drainMs);
  const deadline = Date.now() + timeoutMs;
  const requests = await closeServersAndWait(timeoutMs);
  steps.log(requests === 'finished' ? 'no request in flight' : `${requestsInFlight()} requests still in flight after ${timeoutMs} ms`);
  const left = Math.max(100, deadline - Date.now());
  const background = await Promise.race([steps.stopBackgroundWork().then(() => 'finished' as const), wait(left).then(() => 'timed out' as const)]);
  if (background === 'timed out') steps.log('the email send in progress did not finish in time');
  await Promise.race([steps.closeDatabase(), wait(5000)]).catch(() => {});
  steps.log('stopped');
}

/** Installs the SIGTERM / SIGINT handler once; only where Next leaves signals to us (NEXT_MANUAL_SIG_HANDLE). */
export function handleShutdownSignals(steps: ShutdownSteps): void {
  if (state.installed || !process.env.NEXT_MANUAL_SIG_HANDLE) return;
  state.installed = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      void shutDown(signal, steps)
        .catch((error: unknown) => steps.log(`shutdown failed: ${String(error)}`))
        .finally(() => process.exit(0));
    });
  }
}
