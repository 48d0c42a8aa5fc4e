import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { portalLogos, portalSettings } from '@/db/schema';
import { recordAudit } from '@/db/queries/audit';
import { dataUrlBytes, describeLogo, prepareLogo } from '@/lib/settings/logo';

/**
 * Logos stored before re-encoding existed sit in portal_settings.logo_data_url
 * as data: URLs, unchecked for pixel size. Each goes through the same checks
 * and re-encoding as an upload: a good one moves into portal_logos, one that
 * fails them (a bomb, a damaged file) is dropped. Either way the data URL is
 * cleared and the audit log says what happened. Runs at every start (one
 * small query when nothing is left); safe to run twice or from two servers.
 */
export async function convertLegacyLogos(db: DbOrTx): Promise<{ converted: number; dropped: number }> {
  const legacy = await db
    .select({ sellerId: portalSettings.sellerId, dataUrl: portalSettings.logoDataUrl })
    .from(portalSettings)
    .where(isNotNull(portalSettings.logoDataUrl));
  let converted = 0;
  let dropped = 0;
  for (const { sellerId, dataUrl } of legacy) {
    const bytes = dataUrlBytes(dataUrl!);
    const prepared = bytes ? await prepareLogo(bytes) : ({ ok: false, error: 'It was not a data: URL.' } as const);
    await db.transaction(async (tx) => {
      const cleared = await tx
        .update(portalSettings)
        .set({ logoDataUrl: null })
        .where(and(eq(portalSettings.sellerId, sellerId), eq(portalSettings.logoDataUrl, dataUrl!)))
        .returning({ sellerId: portalSettings.sellerId });
      if (!cleared.length) return; // another server did it meanwhile
      // A logo uploaded since (already re-encoded) wins over the old one.
      const kept = prepared.ok
        ? await tx
            .insert(portalLogos)
            .values({ sellerId, ...prepared.logo })
            .onConflictDoNothing()
            .returning({ sellerId: portalLogos.sellerId })
        : [];
      if (prepared.ok && !kept.length) return;
      const logo = prepared.ok ? prepared.logo : null;
      await recordAudit(tx, {
        sellerId,
        actor: { label: 'Tradepost upgrade' },
        action: 'portal_settings.update',
        entityType: 'portal_settings',
        entityId: sellerId,
        details: {
          subject: 'Customer Portal settings',
          before: { logo: 'stored before logos were re-encoded' },
          after: { logo: logo ? describeLogo({ ...logo, bytes: logo.png.length }) : `removed, upload it again: ${prepared.ok ? '' : prepared.error}` },
        },
      });
      if (kept.length) converted++;
      else dropped++;
    });
  }
  return { converted, dropped };
}

/** One line in the server log when anything was done. */
export function reportLegacyLogos(result: { converted: number; dropped: number }): void {
  if (!result.converted && !result.dropped) return;
  console.log(
    `[tradepost] logos stored before re-encoding: ${result.converted} re-encoded, ${result.dropped} removed (each seller's settings history says why)`,
  );
}
