import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { saveImageFiles, storeImage } from '@/db/queries/photos/add-photo';
import { photoStorage } from '@/lib/photos/disk-store';
import { preparePhoto } from '@/lib/photos/prepare-photo';

/** What the demo's grades mean (the grade guide of both demo sellers). */
export const demoGradeDescriptions: { grade: string; title: string; body: string }[] = [
  { grade: 'A+', title: 'Like new', body: 'No visible marks on the screen, back or frame. Battery health 90% or more. Fully tested, all functions pass.' },
  { grade: 'A', title: 'Excellent', body: 'At most a few micro-scratches, invisible with the screen on. Battery health 85% or more. Fully tested.' },
  { grade: 'B', title: 'Light scratches', body: 'Light scratches on the screen or frame, visible at an angle; no dents or cracks. Battery health 80% or more. Fully tested.' },
  { grade: 'C', title: 'Visible wear', body: 'Visible scratches and small dents on the frame or back; the screen may have light marks. No cracks, fully working.' },
];

/** The demo colours as paint: named colours of the demo catalogue (db/seed/catalog-data.ts). */
const paint: Record<string, string> = {
  Black: '#1f2937', Blue: '#2563eb', Midnight: '#111827', Starlight: '#f5f0e6', Pink: '#f9a8d4', Graphite: '#4b5563',
  'Sierra Blue': '#93c5fd', Purple: '#a78bfa', 'Deep Purple': '#5b3f73', 'Space Black': '#1c1c1e', 'Natural Titanium': '#b9b2a6',
  'Blue Titanium': '#3f4e5f', 'Phantom Gray': '#6b7280', 'Phantom Violet': '#8b5cf6', 'Phantom Black': '#18181b', Green: '#4d7c5a',
  Cream: '#efe6d2', 'Awesome Graphite': '#374151', 'Awesome Violet': '#c4b5fd', Obsidian: '#27272a', Snow: '#f8fafc', Hazel: '#8f8b74',
  Bay: '#7ea6d8', Porcelain: '#eeeae3',
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A phone silhouette in the product's colour with its model name and the seller's name, drawn as SVG: no network, no files. */
function phoneSvg(model: string, color: string, seller: string): string {
  const fill = paint[color] ?? '#64748b';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900" viewBox="0 0 600 900">
    <rect width="600" height="900" fill="#f1f5f9"/>
    <rect x="150" y="90" width="300" height="600" rx="48" fill="${fill}" stroke="#0f172a" stroke-width="6"/>
    <rect x="170" y="130" width="260" height="520" rx="24" fill="#0f172a" opacity="0.85"/>
    <rect x="260" y="108" width="80" height="12" rx="6" fill="#0f172a"/>
    <text x="300" y="760" font-family="sans-serif" font-size="38" font-weight="bold" text-anchor="middle" fill="#0f172a">${escapeXml(model)}</text>
    <text x="300" y="808" font-family="sans-serif" font-size="28" text-anchor="middle" fill="#334155">${escapeXml(color)}</text>
    <text x="300" y="860" font-family="sans-serif" font-size="20" text-anchor="middle" fill="#64748b">${escapeXml(seller)} demo photo</text>
  </svg>`;
}

/**
 * Demo photos: one picture per model and colour, drawn locally and put through
 * the upload pipeline (checks, re-encoding, storage per PHOTO_STORAGE), then
 * placed first in the gallery of every product of that model and colour;
 * and the grade guide's descriptions. A few set-based statements in all.
 */
export async function seedDemoPhotos(db: Db, params: { sellerId: number; sellerName: string }): Promise<void> {
  const { sellerId } = params;
  const { default: sharp } = await import('sharp');
  const storage = photoStorage();
  const products = await db
    .select({ id: s.products.id, model: s.products.model, manufacturer: s.products.manufacturer, color: s.products.color })
    .from(s.products)
    .where(eq(s.products.sellerId, sellerId));
  const byLook = new Map<string, { manufacturer: string; model: string; color: string; ids: number[] }>();
  for (const p of products) {
    const key = `${p.model}\u0000${p.color}`;
    const look = byLook.get(key) ?? { manufacturer: p.manufacturer, model: p.model, color: p.color, ids: [] };
    look.ids.push(p.id);
    byLook.set(key, look);
  }
  const placements: (typeof s.photos.$inferInsert)[] = [];
  const looks = [...byLook.values()];
  // A few pictures at a time: sharp works on its own threads, so both cores stay busy.
  for (let i = 0; i < looks.length; i += 4) {
    const batch = looks.slice(i, i + 4);
    const prepared = await Promise.all(
      batch.map(async (look) => {
        const png = await sharp(Buffer.from(phoneSvg(look.model, look.color, params.sellerName))).png({ compressionLevel: 1 }).toBuffer();
        const result = await preparePhoto(new Uint8Array(png));
        if (!result.ok) throw new Error(`demo photo of ${look.model} ${look.color}: ${result.error}`);
        await saveImageFiles({ sellerId, photo: result.photo, storage });
        return result.photo;
      }),
    );
    for (const [k, look] of batch.entries()) {
      const imageId = await storeImage(db, { sellerId, photo: prepared[k]!, storage });
      const alt = `${look.manufacturer} ${look.model} in ${look.color} (illustration)`;
      for (const productId of look.ids) placements.push({ sellerId, imageId, productId, position: 0, alt });
    }
  }
  for (let i = 0; i < placements.length; i += 2000) await db.insert(s.photos).values(placements.slice(i, i + 2000));

  const grades = new Set(
    (
      await db
        .selectDistinct({ grade: s.products.grade })
        .from(s.products)
        .where(and(eq(s.products.sellerId, sellerId), inArray(s.products.grade, demoGradeDescriptions.map((g) => g.grade))))
    ).map((g) => g.grade),
  );
  const described = demoGradeDescriptions.filter((g) => grades.has(g.grade));
  if (described.length) {
    await db.insert(s.gradeDescriptions).values(described.map((g, position) => ({ sellerId, ...g, position })));
  }
}
