/**
 * `npm run seller:create -- --name "Acme Wireless" --slug acme --currency USD --owner-email owner@acme.com [--owner-name "Ada Owner"]`
 *
 * How a real install gets its first seller (a production server never seeds
 * demo data). Creates the seller with default statuses, channels and a
 * warehouse, and invites its owner: the activation email leaves through the
 * outbox (sent now when an email provider is configured), and the link is
 * printed when none is. Running it again creates nothing twice.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db';
import { EmbeddedDatabaseLockedError } from '@/db/embedded-lock';
import { createSeller } from '@/db/queries/create-seller';
import { dispatchDueEmails } from '@/lib/email/dispatcher';
import { configuredTransport } from '@/lib/email/transport';
import { isRefusal } from '@/lib/refusal';

const usage =
  'Usage: npm run seller:create -- --name "Acme Wireless" --slug acme --currency USD --owner-email owner@acme.com [--owner-name "Ada Owner"]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      currency: { type: 'string' },
      'owner-email': { type: 'string' },
      'owner-name': { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const missing = (['name', 'slug', 'currency', 'owner-email'] as const).filter((k) => !values[k]);
if (missing.length) {
  console.error(`Missing ${missing.map((k) => `--${k}`).join(', ')}.\n${usage}`);
  process.exit(2);
}

let database;
try {
  database = await openDatabase();
} catch (error) {
  if (error instanceof EmbeddedDatabaseLockedError) {
    console.error(`${error.message}\nStop the server first: the embedded database opens in one process at a time.`);
    process.exit(1);
  }
  throw error;
}

try {
  const result = await createSeller(database.db, {
    name: values.name!,
    slug: values.slug!,
    currency: values.currency!,
    ownerEmail: values['owner-email']!,
    ownerName: values['owner-name'] ?? values['owner-email']!.split('@')[0]!,
  });
  console.log(result.note);
  if (result.activationUrl) {
    const transport = configuredTransport();
    if (transport) {
      const report = await dispatchDueEmails(database.db, { transport });
      console.log(
        report.sent.includes(result.messageId!)
          ? `The activation email was sent to ${values['owner-email']}.`
          : `The activation email is queued for ${values['owner-email']}; the server sends it when it runs.`,
      );
    } else {
      console.log(`No email provider is configured (RESEND_API_KEY), so give the owner this activation link (valid 7 days, works once):\n\n  ${result.activationUrl}\n`);
    }
  }
} catch (error) {
  // A refusal (bad input, a slug taken by another owner or the demo) is printed, not thrown.
  if (!isRefusal(error)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
