import 'server-only';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { realEmailProviderConfigured } from './transport';

/**
 * The development mailbox shows every seller's mail, links included, so it
 * exists only in development (the page is not even part of a production
 * build) and only while no email provider is configured.
 */
export function requireDevelopmentMailbox(): void {
  if (env().NODE_ENV === 'production' || realEmailProviderConfigured()) notFound();
}
