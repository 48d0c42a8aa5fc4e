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
  // A transaction whose connection could not be established never began.
  return (code !== undefined && RETRYABLE_CODES.has(code)) || isConnectError(error);
}

/** Full jitter: a random wait up to 10 ms × 2^attempt, at most 250 ms. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  return Math.floor(random() * Math.min(250, 10 * 2 ** attempt));
}

/** Counts retries per process, for the reliability report and the logs. */
export const transactionRetries = { count: 0 };

/** Runs `run` until it succeeds, a failure is not `retryable`, or `maxAttempts` ran; waits `delayMs(attempt)` between. */
async function retrying<T>(
  run: () => Promise<T>,
  policy: { maxAttempts: number; retryable: (error: unknown) => boolean; delayMs: (attempt: number) => number; counter: { count: number } },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= policy.maxAttempts || !policy.retryable(error)) throw error;
      policy.counter.count++;
      await new Promise((resolve) => setTimeout(resolve, policy.delayMs(attempt)));
    }
  }
}

export function retryTransaction<T>(run: () => Promise<T>, maxAttempts = MAX_TRANSACTION_ATTEMPTS): Promise<T> {
  return retrying(run, { maxAttempts, retryable: isRetryableTransactionError, delayMs: (a) => retryDelayMs(a), counter: transactionRetries });
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

/**
 * Errors that mean a connection was never established, so nothing of the
 * statement reached the server (postgres.js sends a query on a new
 * connection only after the server is ready for it): the pool could not
 * connect in time, the server refused or was starting up or shutting down,
 * or it had no connection slot left. Running the statement again on another
 * attempt is safe for reads and writes alike. A connection lost *during* a
 * statement is not among them: that write may have happened.
 */
const CONNECT_ERRORS = new Set(['CONNECT_TIMEOUT', 'ECONNREFUSED', '57P03', '53300']);
export const MAX_CONNECT_ATTEMPTS = 3;

export function isConnectError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECT_ERRORS.has(code)) return true;
  }
  return false;
}

/** Counts statements run again after a failed connect, per process. */
export const connectRetries = { count: 0 };

export function retryConnect<T>(run: () => Promise<T>, maxAttempts = MAX_CONNECT_ATTEMPTS): Promise<T> {
  return retrying(run, {
    maxAttempts,
    retryable: isConnectError,
    delayMs: (attempt) => 50 + Math.floor(Math.random() * 100 * 2 ** attempt),
    counter: connectRetries,
  });
}

type Pending = PromiseLike<unknown> & { values(): PromiseLike<unknown> };
type Unsafe = (...args: never[]) => Pending;

/**
 * Makes every statement sent through this postgres.js client (Drizzle's
 * queries outside transactions go through `unsafe`) run again, a bounded
 * number of times, when its connection could not be established: under
 * load or right after a database restart a new connection may time out,
 * and the request should not fail for it.
 */
export function retryingConnects<C extends { unsafe: Unsafe }>(client: C): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'unsafe') return Reflect.get(target, property, receiver);
      return (...args: never[]) => {
        const rows = () => retryConnect(() => Promise.resolve(target.unsafe(...args)));
        return {
          values: () => retryConnect(() => Promise.resolve(target.unsafe(...args).values())),
          then: (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) => rows().then(onFulfilled, onRejected),
        };
      };
    },
  });
}
