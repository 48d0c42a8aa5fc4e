import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findPortalBySlug } from '@/db/queries/sellers';

export default async function PortalHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const portal = await findPortalBySlug(await getDb(), slug);
  if (!portal) notFound();
  return (
    <main className="mx-auto max-w-md px-6 py-16" style={{ ['--brand' as string]: portal.brandColor }}>
      <h1 className="text-2xl font-bold" style={{ color: portal.brandColor }}>
        {portal.name}
      </h1>
      <p className="mt-2 text-slate-700">Customer Portal</p>
      {portal.enabled ? (
        <p className="mt-6">Sign in to see what is For Sale.</p>
      ) : (
        <p className="mt-6">This portal is not open yet.</p>
      )}
    </main>
  );
}
