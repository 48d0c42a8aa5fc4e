import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { sellers } from './sellers';
import { devices, products } from './catalog';
import { bytea } from './portal';

/**
 * One uploaded image of a seller, as served: the upload re-encoded at three
 * web sizes (lib/photos/prepare-photo.ts), never the uploaded file. Named by
 * the SHA-256 of its large WebP, so the same picture uploaded twice is one
 * image and its URLs never change meaning. The bytes live here (`stored_in`
 * 'database') or under PHOTO_DIR ('disk'); each image remembers where, so a
 * change of PHOTO_STORAGE leaves older photos readable.
 */
export const photoImages = pgTable(
  'photo_images',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    sha256: text('sha256').notNull(),
    storedIn: text('stored_in', { enum: ['database', 'disk'] }).notNull(),
    /** 96×96, the picture fitted inside a square (transparent margins). */
    thumb: bytea('thumb'),
    medium: bytea('medium'),
    large: bytea('large'),
    mediumWidth: integer('medium_width').notNull(),
    mediumHeight: integer('medium_height').notNull(),
    largeWidth: integer('large_width').notNull(),
    largeHeight: integer('large_height').notNull(),
    /** Bytes of the three sizes together, wherever they are stored. */
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('photo_images_seller_sha256_unique').on(t.sellerId, t.sha256),
    unique('photo_images_id_seller_unique').on(t.id, t.sellerId),
    check('photo_images_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('photo_images_stored_in', sql`${t.storedIn} in ('database', 'disk')`),
    check(
      'photo_images_bytes_where_stored',
      sql`(${t.storedIn} = 'database') = (${t.thumb} is not null and ${t.medium} is not null and ${t.large} is not null)
        and (${t.storedIn} = 'disk') = (${t.thumb} is null and ${t.medium} is null and ${t.large} is null)`,
    ),
    check('photo_images_sizes', sql`${t.mediumWidth} between 1 and 640 and ${t.mediumHeight} between 1 and 640 and ${t.largeWidth} between 1 and 1600 and ${t.largeHeight} between 1 and 1600`),
  ],
);

/**
 * A grade as the seller describes it to buyers (the portal's Grades page):
 * one row per grade value the seller's products use.
 */
export const gradeDescriptions = pgTable(
  'grade_descriptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    grade: text('grade').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Order on the Grades page, lowest first (then by grade). */
    position: integer('position').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('grade_descriptions_seller_grade_unique').on(t.sellerId, t.grade),
    unique('grade_descriptions_id_seller_unique').on(t.id, t.sellerId),
    check('grade_descriptions_grade', sql`length(${t.grade}) between 1 and 40`),
    check('grade_descriptions_title', sql`length(${t.title}) between 1 and 120`),
    check('grade_descriptions_body', sql`length(${t.body}) <= 4000`),
    check('grade_descriptions_position', sql`${t.position} between 0 and 1000`),
  ],
);

/**
 * A photo in a gallery: an image placed on exactly one product, device or
 * grade description, in order, with its alt text. Composite keys pin the
 * image and what it shows to the row's own seller.
 */
export const photos = pgTable(
  'photos',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    imageId: integer('image_id').notNull(),
    productId: integer('product_id'),
    deviceId: integer('device_id'),
    gradeDescriptionId: integer('grade_description_id'),
    /** Order in its gallery, lowest first; the first photo of a product is its For Sale thumbnail. */
    position: integer('position').notNull().default(0),
    alt: text('alt').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('photos_product_idx').on(t.productId, t.position, t.id).where(sql`${t.productId} is not null`),
    index('photos_device_idx').on(t.deviceId, t.position, t.id).where(sql`${t.deviceId} is not null`),
    index('photos_grade_idx').on(t.gradeDescriptionId, t.position, t.id).where(sql`${t.gradeDescriptionId} is not null`),
    index('photos_image_idx').on(t.imageId),
    check('photos_one_subject', sql`num_nonnulls(${t.productId}, ${t.deviceId}, ${t.gradeDescriptionId}) = 1`),
    check('photos_alt', sql`length(${t.alt}) between 1 and 200`),
    check('photos_position', sql`${t.position} >= 0`),
    foreignKey({ name: 'photos_image_fk', columns: [t.imageId, t.sellerId], foreignColumns: [photoImages.id, photoImages.sellerId] }),
    foreignKey({ name: 'photos_product_fk', columns: [t.productId, t.sellerId], foreignColumns: [products.id, products.sellerId] }).onDelete('cascade'),
    // Devices have no (id, seller_id) key (a unique index on millions of rows for this alone); the queries scope it.
    foreignKey({ name: 'photos_device_fk', columns: [t.deviceId], foreignColumns: [devices.id] }).onDelete('cascade'),
    foreignKey({
      name: 'photos_grade_description_fk',
      columns: [t.gradeDescriptionId, t.sellerId],
      foreignColumns: [gradeDescriptions.id, gradeDescriptions.sellerId],
    }).onDelete('cascade'),
  ],
);

export type PhotoImage = typeof photoImages.$inferSelect;
export type Photo = typeof photos.$inferSelect;
export type GradeDescription = typeof gradeDescriptions.$inferSelect;
