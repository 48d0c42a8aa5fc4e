import { getDb } from '@/db';
import { purgeExpiredRateLimits } from '@/db/queries/rate-limits';
import { dispatchDueEmails } from './dispatcher';
import { env } from '@/lib/env';
import { configuredTransport } from './transport';

/**
 * The process's background work: send due emails every couple of seconds
 * (only when a provider is configured) and now and then drop expired
 * rate-limit counters. The timer is unref'd so it never keeps a process alive.
 */
type LoopState = { timer?: NodeJS.Timeout; running: boolean; again: boolean; lastPurge: number };
const holder = globalThis as typeof globalThis & { __tradepostMailLoop?: LoopState };
const state = (holder.__tradepostMailLoop ??= { running: false, again: false, lastPurge: 0 });

const PURGE_EVERY_MS = 10 * 60 * 1000;

async function runOnce(): Promise<void> {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    const db = await getDb();
    const transport = configuredTransport();
    do {
      state.again = false;
      if (transport) {
        // Drain in batches: a busy outbox needs more than one batch per tick.
        while ((await dispatchDueEmails(db, { transport, retryBaseSeconds: env().EMAIL_RETRY_BASE_SECONDS })).sent.length > 0);
      }
    } while (state.again);
    if (Date.now() - state.lastPurge > PURGE_EVERY_MS) {
      state.lastPurge = Date.now();
      await purgeExpiredRateLimits(db);
    }
  } catch (error) {
    console.error('[email] dispatch failed', error);
  } finally {
    state.running = false;
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
