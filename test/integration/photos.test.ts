import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import * as s from '@/db/schema';
import { addPhoto } from '@/db/queries/photos/add-photo';
import { movePhoto, removePhoto, updatePhotoAlt, unusedImageCount } from '@/db/queries/photos/change-photo';
import { devicePhotos, productPhotos } from '@/db/queries/photos/list-photos';
import { findServedPhoto } from '@/db/queries/photos/served-photo';
import { forSalePage } from '@/db/queries/for-sale';
import { parseForSaleView } from '@/lib/validation/for-sale';
import { MAX_PHOTO_BYTES } from '@/lib/photos/limits';
import { isRefusal } from '@/lib/refusal';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaff, auditOf } from '../support/inventory-fixtures';
import { bombPng } from '../support/images';

/** A photo-like picture: gradients and noise, `width` × `height`, with EXIF (camera, GPS-ish comment) when JPEG. */
async function cameraPhoto(options: { width?: number; height?: number; format?: 'jpeg' | 'png' | 'webp'; seed?: number } = {}): Promise<Uint8Array> {
  const { width = 1200, height = 900, format = 'jpeg', seed = 1 } = options;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#${(seed * 123457).toString(16).slice(-6).padStart(6, '3')}"/><stop offset="1" stop-color="#0ea5e9"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#f59e0b"/></svg>`;
  const image = sharp(Buffer.from(svg));
  if (format === 'png') return new Uint8Array(await image.png().toBuffer());
  if (format === 'webp') return new Uint8Array(await image.webp().toBuffer());
  return new Uint8Array(
    await image
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Make: 'SecretCam', Model: 'Spy 3000', Copyright: 'GPS 51.5007,-0.1246 home address' } })
      .toBuffer(),
  );
}

async function refusalOf(write: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await write;
  } catch (error) {
    if (isRefusal(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('photos: upload checks, re-encoding, storage, scoping', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  let actor: { staffUserId: number; name: string };
  let rivalActor: { staffUserId: number; name: string };
  let photoDir: string;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db);
    actor = await addStaff(database.db, seller);
    rivalActor = await addStaff(database.db, other);
    photoDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tradepost-photos-'));
  });
  afterAll(async () => {
    await database.close();
    await fs.rm(photoDir, { recursive: true, force: true });
  });

  const add = (productId: number, bytes: Uint8Array | null, alt = 'Front and back', storage?: { kind: 'database' } | { kind: 'disk'; dir: string }) =>
    addPhoto(database.db, { sellerId: seller.sellerId, actor, subject: { kind: 'product', productId }, bytes, alt, storage: storage ?? { kind: 'database' } });
  const photoRows = async (sellerId: number) => (await database.db.select({ n: sql<number>`count(*)::int` }).from(s.photos).where(eq(s.photos.sellerId, sellerId)))[0]!.n;

  it('refuses a file that is too big, too small, too large in pixels, not an image, or an HTML polyglot, and writes nothing', async () => {
    const product = await addProduct(database.db, seller);
    const before = await photoRows(seller.sellerId);
    const tooBig = new Uint8Array(MAX_PHOTO_BYTES + 1);
    tooBig.set([0xff, 0xd8, 0xff]);
    const cases: [string, Uint8Array | null, RegExp][] = [
      ['no file', null, /Choose a photo/],
      ['over 10 MB', tooBig, /10 MB or less/],
      ['under 200 px', await cameraPhoto({ width: 150, height: 400 }), /150×400 pixels; upload one of at least 200/],
      ['a 20000×20000 bomb', bombPng(), /at most 8000×8000 pixels; this one is 20000×20000/],
      ['an HTML page', new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>'), /JPEG, PNG or WebP/],
      ['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), /SVG, HTML/],
      // A JPEG signature followed by a page: sniffed as JPEG, refused by the decoder.
      ['a JPEG/HTML polyglot', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('<html><script>alert(1)</script></html>')]), /could not be read as an image/],
    ];
    for (const [what, bytes, message] of cases) {
      const refused = await refusalOf(add(product.id, bytes));
      expect(refused.message, what).toMatch(message);
      expect(refused.code, what).toBe('invalid');
    }
    expect(await refusalOf(add(product.id, await cameraPhoto(), '   '))).toMatchObject({ code: 'invalid' });
    expect(await photoRows(seller.sellerId)).toBe(before);
    expect(await database.db.select().from(s.photoImages).where(eq(s.photoImages.sellerId, seller.sellerId))).toHaveLength(0);
  });

  it('re-encodes to 96, 640 and 1600 px WebP without EXIF, and a script inside a PNG does not survive', async () => {
    const product = await addProduct(database.db, seller);
    const original = await cameraPhoto({ width: 3000, height: 2000 });
    expect((await sharp(Buffer.from(original)).metadata()).exif).toBeDefined();
    const { sha256 } = await add(product.id, original);
    const sizes: [96 | 640 | 1600, number, number][] = [
      [96, 96, 96],
      [640, 640, 427],
      [1600, 1600, 1067],
    ];
    for (const [size, width, height] of sizes) {
      const bytes = await findServedPhoto(database.db, { sellerId: seller.sellerId, sha256, size, audience: 'staff' });
      expect(bytes, String(size)).not.toBeNull();
      const meta = await sharp(Buffer.from(bytes!)).metadata();
      expect([meta.format, meta.width, meta.height], String(size)).toEqual(['webp', width, height]);
      expect(meta.exif, String(size)).toBeUndefined();
      expect(meta.icc, String(size)).toBeUndefined();
      expect(Buffer.from(bytes!).includes('SecretCam')).toBe(false);
    }
    // A valid PNG carrying a page in a text chunk: the stored WebP holds pixels only.
    const png = await sharp(Buffer.from(await cameraPhoto({ format: 'png', seed: 7 })))
      .png()
      .withMetadata()
      .toBuffer();
    const withScript = Buffer.concat([png.subarray(0, 33), textChunk('Comment', '<script>alert(1)</script>'), png.subarray(33)]);
    const second = await add(product.id, new Uint8Array(withScript));
    for (const size of [96, 640, 1600] as const) {
      const bytes = await findServedPhoto(database.db, { sellerId: seller.sellerId, sha256: second.sha256, size, audience: 'staff' });
      expect(Buffer.from(bytes!).includes('<script')).toBe(false);
    }
    expect((await productPhotos(database.db, { sellerId: seller.sellerId, productId: product.id })).map((p) => p.position)).toEqual([0, 1]);
  });

  it('stores on disk under PHOTO_STORAGE=disk (no bytes in the row) and serves from there; the same picture twice is one image', async () => {
    const product = await addProduct(database.db, seller);
    const disk = { kind: 'disk' as const, dir: photoDir };
    const previousDir = process.env.PHOTO_DIR;
    process.env.PHOTO_DIR = photoDir;
    try {
      const bytes = await cameraPhoto({ seed: 11 });
      const first = await add(product.id, bytes, 'Disk one', disk);
      const [row] = await database.db.select().from(s.photoImages).where(and(eq(s.photoImages.sellerId, seller.sellerId), eq(s.photoImages.sha256, first.sha256)));
      expect(row).toMatchObject({ storedIn: 'disk', thumb: null, medium: null, large: null });
      const files = (await fs.readdir(path.join(photoDir, String(seller.sellerId)))).sort();
      expect(files).toEqual([`${first.sha256}-1600.webp`, `${first.sha256}-640.webp`, `${first.sha256}-96.webp`]);
      const served = await findServedPhoto(database.db, { sellerId: seller.sellerId, sha256: first.sha256, size: 640, audience: 'portal' });
      expect(Buffer.from(served!).equals(await fs.readFile(path.join(photoDir, String(seller.sellerId), `${first.sha256}-640.webp`)))).toBe(true);
      // Uploaded again (to another product): one image, two photos.
      const again = await add((await addProduct(database.db, seller)).id, bytes, 'Disk again', disk);
      expect(again.sha256).toBe(first.sha256);
      expect(await database.db.select().from(s.photoImages).where(eq(s.photoImages.sha256, first.sha256))).toHaveLength(1);
      // Removing both photos removes the image and its files.
      await removePhoto(database.db, { sellerId: seller.sellerId, actor, photoId: again.photoId });
      expect(await fs.readdir(path.join(photoDir, String(seller.sellerId)))).toHaveLength(3);
      await removePhoto(database.db, { sellerId: seller.sellerId, actor, photoId: first.photoId });
      expect(await fs.readdir(path.join(photoDir, String(seller.sellerId)))).toHaveLength(0);
      expect(await unusedImageCount(database.db, { sellerId: seller.sellerId })).toBe(0);
    } finally {
      if (previousDir === undefined) delete process.env.PHOTO_DIR;
      else process.env.PHOTO_DIR = previousDir;
    }
  });

  it("answers null (404) for another seller's photo, and refuses another seller's ids without writing", async () => {
    const product = await addProduct(database.db, seller);
    const { sha256, photoId } = await add(product.id, await cameraPhoto({ seed: 21 }));
    for (const audience of ['portal', 'staff'] as const) {
      expect(await findServedPhoto(database.db, { sellerId: other.sellerId, sha256, size: 96, audience })).toBeNull();
      expect(await findServedPhoto(database.db, { sellerId: seller.sellerId, sha256, size: 96, audience })).not.toBeNull();
    }
    const device = (await addDevices(database.db, seller, product.id, 1))[0]!;
    const before = await photoRows(seller.sellerId);
    const rival = { sellerId: other.sellerId, actor: rivalActor };
    expect(await refusalOf(addPhoto(database.db, { ...rival, subject: { kind: 'product', productId: product.id }, bytes: await cameraPhoto(), alt: 'x' }))).toMatchObject({ code: 'not_found' });
    expect(await refusalOf(addPhoto(database.db, { ...rival, subject: { kind: 'device', deviceId: device.id }, bytes: await cameraPhoto(), alt: 'x' }))).toMatchObject({ code: 'not_found' });
    expect(await refusalOf(updatePhotoAlt(database.db, { ...rival, photoId, alt: 'Taken over' }))).toMatchObject({ code: 'not_found' });
    expect(await refusalOf(movePhoto(database.db, { ...rival, photoId, direction: 'later' }))).toMatchObject({ code: 'not_found' });
    expect(await refusalOf(removePhoto(database.db, { ...rival, photoId }))).toMatchObject({ code: 'not_found' });
    expect(await photoRows(seller.sellerId)).toBe(before);
    expect((await productPhotos(database.db, { sellerId: seller.sellerId, productId: product.id }))[0]!.alt).toBe('Front and back');
  });

  it('keeps device photos for staff only, orders a gallery, and audits every change', async () => {
    const product = await addProduct(database.db, seller);
    const device = (await addDevices(database.db, seller, product.id, 1))[0]!;
    const onDevice = await addPhoto(database.db, { sellerId: seller.sellerId, actor, subject: { kind: 'device', deviceId: device.id }, bytes: await cameraPhoto({ seed: 31 }), alt: 'Scratch on the frame', storage: { kind: 'database' } });
    expect(await devicePhotos(database.db, { sellerId: seller.sellerId, deviceId: device.id })).toHaveLength(1);
    expect(await findServedPhoto(database.db, { sellerId: seller.sellerId, sha256: onDevice.sha256, size: 640, audience: 'staff' })).not.toBeNull();
    expect(await findServedPhoto(database.db, { sellerId: seller.sellerId, sha256: onDevice.sha256, size: 640, audience: 'portal' })).toBeNull();

    const a = await add(product.id, await cameraPhoto({ seed: 41 }), 'First');
    const b = await add(product.id, await cameraPhoto({ seed: 42 }), 'Second');
    const c = await add(product.id, await cameraPhoto({ seed: 43 }), 'Third');
    await movePhoto(database.db, { sellerId: seller.sellerId, actor, photoId: c.photoId, direction: 'earlier' });
    await movePhoto(database.db, { sellerId: seller.sellerId, actor, photoId: c.photoId, direction: 'earlier' });
    await movePhoto(database.db, { sellerId: seller.sellerId, actor, photoId: c.photoId, direction: 'earlier' }); // already first: nothing
    await updatePhotoAlt(database.db, { sellerId: seller.sellerId, actor, photoId: b.photoId, alt: 'Second, renamed' });
    const gallery = await productPhotos(database.db, { sellerId: seller.sellerId, productId: product.id });
    expect(gallery.map((p) => [p.alt, p.position])).toEqual([
      ['Third', 0],
      ['First', 1],
      ['Second, renamed', 2],
    ]);
    expect(gallery.map((p) => p.id)).toEqual([c.photoId, a.photoId, b.photoId]);
    const entries = async (action: string) =>
      (await auditOf(database.db, seller.sellerId, action)).filter((e) => (e.entityType === 'product' && e.entityId === product.id) || (e.entityType === 'device' && e.entityId === device.id)).map((e) => [e.entityType, (e.details as { subject?: string }).subject]);
    expect(await entries('photo.add')).toEqual([['device', device.imei], ['product', product.sku], ['product', product.sku], ['product', product.sku]].sort());
    expect(await entries('photo.move')).toEqual([['product', product.sku], ['product', product.sku]]);
    expect(await entries('photo.alt')).toEqual([['product', product.sku]]);
  });

  it("shows each For Sale row's first photo, read in the page's one statement", async () => {
    const product = await addProduct(database.db, seller, { model: 'Thumbnail Probe' });
    await addDevices(database.db, seller, product.id, 2);
    const bare = await addProduct(database.db, seller, { model: 'Thumbnail Bare' });
    await addDevices(database.db, seller, bare.id, 1);
    const first = await add(product.id, await cameraPhoto({ seed: 51 }), 'Probe front');
    await add(product.id, await cameraPhoto({ seed: 52 }), 'Probe back');
    const page = await forSalePage(database.db, { sellerId: seller.sellerId, organizationId: null, view: parseForSaleView({ q: 'Thumbnail' }) });
    const byModel = Object.fromEntries(page.rows.map((r) => [r.model, [r.thumb, r.thumbAlt]]));
    expect(byModel).toEqual({ 'Thumbnail Probe': [first.sha256, 'Probe front'], 'Thumbnail Bare': [null, null] });
  });
});

/** A PNG tEXt chunk (for a PNG that carries text the re-encoding must drop). */
function textChunk(keyword: string, text: string): Buffer {
  const data = Buffer.from(`${keyword}\0${text}`, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from('tEXt', 'latin1'), data]);
  let crc = 0xffffffff;
  for (const byte of body) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, body, tail]);
}
