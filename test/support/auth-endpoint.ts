import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import type { Db } from '@/db';
import { queryRows } from '@/db/rows';
import { SOCKET_ADDRESS_HEADER } from '@/lib/auth/client-address';
import type { TestDatabase } from './test-db';

/**
 * Drives Auth.js's own REST endpoints in-process, the way a script would
 * (GET csrf, then POST callback/password), against the test database: the
 * app's `getDb()` answers the database put here.
 */
export function serveAppFrom(database: TestDatabase): void {
  (globalThis as { __tradepost?: { database?: Promise<unknown> } }).__tradepost = { database: Promise.resolve(database) };
}

type Handler = (request: NextRequest) => Promise<Response>;
type Handlers = { GET: Handler; POST: Handler };

const ORIGIN = 'https://tradepost.test';

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

export type CallbackAnswer = {
  status: number;
  location: string | null;
  /** `code` of Auth.js's error redirect: credentials, rate_limited, busy, several_accounts. */
  code: string | null;
  sessionCookie: string | null;
};

/** A client of one Auth.js instance (`/api/auth/staff` or `/api/auth/customer`) with its own CSRF pair. */
export async function authEndpoint(handlers: Handlers, basePath: string) {
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}${basePath}/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = cookiesOf(csrf).join('; ');
  return {
    async signIn(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<CallbackAnswer> {
      const response = await handlers.POST(
        new NextRequest(`${ORIGIN}${basePath}/callback/password`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: new URLSearchParams({ ...fields, csrfToken }),
        }),
      );
      const location = response.headers.get('location');
      const session = cookiesOf(response).find((c) => /^(__Host-)?tp-(staff|customer)-session=./.test(c)) ?? null;
      return {
        status: response.status,
        location,
        code: location ? new URL(location).searchParams.get('code') : null,
        sessionCookie: session,
      };
    },
  };
}

/** Headers of a request from `address` as the socket stamp (lib/auth/socket-stamp.ts) writes them. */
export function fromSocket(address: string, extra: Record<string, string> = {}): Record<string, string> {
  return { [SOCKET_ADDRESS_HEADER]: address, ...extra };
}

export async function counter(db: Db, key: string): Promise<number | null> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count from rate_limits where key = ${key}`);
  return row ? Number(row.count) : null;
}
