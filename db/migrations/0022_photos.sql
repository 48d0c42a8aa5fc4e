CREATE TABLE "grade_descriptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grade_descriptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"grade" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grade_descriptions_id_seller_unique" UNIQUE("id","seller_id"),
	CONSTRAINT "grade_descriptions_grade" CHECK (length("grade_descriptions"."grade") between 1 and 40),
	CONSTRAINT "grade_descriptions_title" CHECK (length("grade_descriptions"."title") between 1 and 120),
	CONSTRAINT "grade_descriptions_body" CHECK (length("grade_descriptions"."body") <= 4000),
	CONSTRAINT "grade_descriptions_position" CHECK ("grade_descriptions"."position" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "photo_images" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "photo_images_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"stored_in" text NOT NULL,
	"thumb" "bytea",
	"medium" "bytea",
	"large" "bytea",
	"medium_width" integer NOT NULL,
	"medium_height" integer NOT NULL,
	"large_width" integer NOT NULL,
	"large_height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_images_id_seller_unique" UNIQUE("id","seller_id"),
	CONSTRAINT "photo_images_sha256" CHECK ("photo_images"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "photo_images_stored_in" CHECK ("photo_images"."stored_in" in ('database', 'disk')),
	CONSTRAINT "photo_images_bytes_where_stored" CHECK (("photo_images"."stored_in" = 'database') = ("photo_images"."thumb" is not null and "photo_images"."medium" is not null and "photo_images"."large" is not null)
        and ("photo_images"."stored_in" = 'disk') = ("photo_images"."thumb" is null and "photo_images"."medium" is null and "photo_images"."large" is null)),
	CONSTRAINT "photo_images_sizes" CHECK ("photo_images"."medium_width" between 1 and 640 and "photo_images"."medium_height" between 1 and 640 and "photo_images"."large_width" between 1 and 1600 and "photo_images"."large_height" between 1 and 1600)
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"image_id" integer NOT NULL,
	"product_id" integer,
	"device_id" integer,
	"grade_description_id" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"alt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photos_one_subject" CHECK (num_nonnulls("photos"."product_id", "photos"."device_id", "photos"."grade_description_id") = 1),
	CONSTRAINT "photos_alt" CHECK (length("photos"."alt") between 1 and 200),
	CONSTRAINT "photos_position" CHECK ("photos"."position" >= 0)
);
--> statement-breakpoint
ALTER TABLE "grade_descriptions" ADD CONSTRAINT "grade_descriptions_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_images" ADD CONSTRAINT "photo_images_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_image_fk" FOREIGN KEY ("image_id","seller_id") REFERENCES "public"."photo_images"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_product_fk" FOREIGN KEY ("product_id","seller_id") REFERENCES "public"."products"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_device_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_grade_description_fk" FOREIGN KEY ("grade_description_id","seller_id") REFERENCES "public"."grade_descriptions"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grade_descriptions_seller_grade_unique" ON "grade_descriptions" USING btree ("seller_id","grade");--> statement-breakpoint
CREATE UNIQUE INDEX "photo_images_seller_sha256_unique" ON "photo_images" USING btree ("seller_id","sha256");--> statement-breakpoint
CREATE INDEX "photos_product_idx" ON "photos" USING btree ("product_id","position","id") WHERE "photos"."product_id" is not null;--> statement-breakpoint
CREATE INDEX "photos_device_idx" ON "photos" USING btree ("device_id","position","id") WHERE "photos"."device_id" is not null;--> statement-breakpoint
CREATE INDEX "photos_grade_idx" ON "photos" USING btree ("grade_description_id","position","id") WHERE "photos"."grade_description_id" is not null;--> statement-breakpoint
CREATE INDEX "photos_image_idx" ON "photos" USING btree ("image_id");--> statement-breakpoint
-- hand-written: a product's photos are on For Sale (its thumbnail), so any
-- change to a gallery raises the seller's catalog version at commit, like the
-- tables of 0012_catalog_versions.sql (cached For Sale pages are read again).
CREATE CONSTRAINT TRIGGER photos_catalog_version AFTER INSERT OR UPDATE OR DELETE ON photos
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tp_bump_catalog_version();
