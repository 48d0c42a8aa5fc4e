import { pgErrorCode } from './errors';

/**
 * Serialization failures (40001) and deadlocks (40P01) are PostgreSQL asking
 * the client to run the transaction again: the whole transaction was rolled
 * back, so running its callback again is safe (every side effect of a write
 * here, outbox emails included, is a row in the same transaction). Users
 * never see them: the transaction is retried a bounded number of times with
 * a jittered exponential backoff, so two instances that collided do not
 * collide again in step.
 */
export const RETRYABLE_CODES = new Set(['40001', '40P01']);
export const MAX_TRANSACTION_ATTEMPTS = 5;

export function isRetryableTransactionError(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/** Full jitter: a random wait up to 10 ms × 2^attempt, at most 250 ms. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  return Math.floor(random() * Math.min(250, 10 * 2 ** attempt));
}

/** Counts retries per process, for the reliability report and the logs. */
export const transactionRetries = { count: 0 };

export async function retryTransaction<T>(run: () => Promise<T>, maxAttempts = MAX_TRANSACTION_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= maxAttempts || !isRetryableTransactionError(error)) throw error;
      transactionRetries.count++;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
    }
  }
}

type Transactional = { transaction: (...args: never[]) => Promise<unknown> };

/**
 * Makes every top-level `db.transaction(...)` of this handle retry on 40001
 * and 40P01. Nested transactions (savepoints) are not retried on their own:
 * the error rolls the outer transaction back and the outer one is retried.
 */
export function retryingTransactions<D extends Transactional>(db: D): D {
  const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  (db as { transaction: unknown }).transaction = (...args: unknown[]) => retryTransaction(() => original(...args));
  return db;
}
