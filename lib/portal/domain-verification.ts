import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { env } from '@/lib/env';

/**
 * Proof that a seller owns its custom domain: a DNS TXT record at
 * `_tradepost-verify.{domain}` holding `tradepost-verify={token}`, where the
 * token is random and shown only to that seller's admins. Only someone who
 * controls the domain's DNS can publish it.
 */

export const VERIFY_LABEL = '_tradepost-verify';
export const VERIFY_PREFIX = 'tradepost-verify=';

/** Waits at most this long for all resolvers together, so a check never hangs a request. */
export const DNS_TIMEOUT_MS = 5_000;

export function newVerificationToken(): string {
  return randomBytes(16).toString('hex');
}

/** The record the seller creates: its name and its value. */
export function verificationRecord(params: { domain: string; token: string }) {
  return { type: 'TXT' as const, name: `${VERIFY_LABEL}.${params.domain}`, value: `${VERIFY_PREFIX}${params.token}` };
}

/** The TXT strings at a name (each record's character-strings joined); throws the resolver's error. */
export type TxtLookup = (name: string) => Promise<string[]>;

export class DnsTimeout extends Error {
  constructor() {
    super('DNS lookup timed out');
    this.name = 'DnsTimeout';
  }
}

/**
 * Looks up TXT records with `node:dns`, through DNS_SERVERS when set (else the
 * system's resolvers), giving up after `timeoutMs` in all.
 */
export function dnsTxtLookup(options: { servers?: string[]; timeoutMs?: number } = {}): TxtLookup {
  const servers = options.servers ?? env().DNS_SERVERS;
  const timeoutMs = options.timeoutMs ?? DNS_TIMEOUT_MS;
  return async (name) => {
    // c-ares retries with back-off; two tries of half the budget each stay within it.
    const resolver = new Resolver({ timeout: Math.max(50, Math.floor(timeoutMs / 2)), tries: 2 });
    if (servers.length) resolver.setServers(servers);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        resolver.cancel();
        reject(new DnsTimeout());
      }, timeoutMs);
    });
    try {
      const records = await Promise.race([resolver.resolveTxt(name), deadline]);
      return records.map((chunks) => chunks.join(''));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ETIMEOUT' || code === 'ECANCELLED') throw new DnsTimeout();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}

export type OwnershipCheck =
  | { verified: true }
  | { verified: false; reason: 'missing' | 'mismatch' | 'timeout' | 'failed'; message: string };

const notFoundCodes = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

/** Whether the domain's TXT record holds this token, with a message for staff when it does not. */
export async function checkDomainOwnership(params: { domain: string; token: string; lookup: TxtLookup }): Promise<OwnershipCheck> {
  const record = verificationRecord(params);
  let values: string[];
  try {
    values = await params.lookup(record.name);
  } catch (error) {
    if (error instanceof DnsTimeout) {
      return {
        verified: false,
        reason: 'timeout',
        message: `The DNS lookup of ${record.name} timed out. Nothing was changed; try again in a few minutes.`,
      };
    }
    const code = (error as { code?: string }).code ?? '';
    if (notFoundCodes.has(code)) {
      return {
        verified: false,
        reason: 'missing',
        message: `No TXT record found at ${record.name} yet. Create it with the value shown, then check again (new records can take a while to appear).`,
      };
    }
    return {
      verified: false,
      reason: 'failed',
      message: `The DNS lookup of ${record.name} failed${code ? ` (${code})` : ''}. Nothing was changed; try again in a few minutes.`,
    };
  }
  if (values.some((value) => value.trim() === record.value)) return { verified: true };
  if (!values.length) {
    return {
      verified: false,
      reason: 'missing',
      message: `No TXT record found at ${record.name} yet. Create it with the value shown, then check again (new records can take a while to appear).`,
    };
  }
  return {
    verified: false,
    reason: 'mismatch',
    message: `${record.name} has a TXT record, but not the value ${record.value}. Correct the record, then check again.`,
  };
}
