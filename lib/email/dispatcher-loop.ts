import { getDb } from '@/db';
import { purgeExpiredRateLimits } from '@/db/queries/rate-limits';
import { dispatchDueEmails } from './dispatcher';
import { env } from '@/lib/env';
import { configuredTransport } from './transport';
import { logger } from '@/lib/logging/logger';

/**
 * The process's background work: send due emails every couple of seconds
 * (only when a provider is configured) and now and then drop expired
 * rate-limit counters. The timer is unref'd so it never keeps a process alive.
 */
type LoopState = { timer?: NodeJS.Timeout; running: boolean; again: boolean; lastPurge: number; current?: Promise<void>; stopped?: boolean };
const holder = globalThis as typeof globalThis & { __tradepostMailLoop?: LoopState };
const state = (holder.__tradepostMailLoop ??= { running: false, again: false, lastPurge: 0 });

const PURGE_EVERY_MS = 10 * 60 * 1000;

function runOnce(): Promise<void> {
  if (state.stopped) return Promise.resolve();
  if (state.running) {
    state.again = true;
    return state.current ?? Promise.resolve();
  }
  state.running = true;
  state.current = run().finally(() => {
    state.running = false;
    state.current = undefined;
  });
  return state.current;
}

async function run(): Promise<void> {
  try {
    const db = await getDb();
    const transport = configuredTransport();
    do {
      state.again = false;
      if (transport) {
        // Drain in batches: a busy outbox needs more than one batch per tick.
        while (!state.stopped && (await dispatchDueEmails(db, { transport, retryBaseSeconds: env().EMAIL_RETRY_BASE_SECONDS })).sent.length > 0);
      }
    } while (state.again && !state.stopped);
    if (Date.now() - state.lastPurge > PURGE_EVERY_MS) {
      state.lastPurge = Date.now();
      await purgeExpiredRateLimits(db);
    }
  } catch (error) {
    logger.error({ err: error }, 'email dispatch failed');
  }
}

export function startEmailDispatcher(intervalMs = env().EMAIL_DISPATCH_INTERVAL_MS): void {
  if (state.timer) return;
  state.timer = setInterval(() => void runOnce(), intervalMs);
  state.timer.unref();
}

/** Sends right away what an action just queued, instead of waiting for the next tick. */
export function kickEmailDispatcher(): void {
  if (!configuredTransport()) return;
  void runOnce();
}

/** For shutdown: no new dispatch starts, and the batch being sent finishes (each message once: it is marked sent as it goes). */
export async function stopEmailDispatcher(): Promise<void> {
  state.stopped = true;
  if (state.timer) clearInterval(state.timer);
  state.timer = undefined;
  await state.current;
}
