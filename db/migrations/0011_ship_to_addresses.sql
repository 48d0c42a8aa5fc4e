CREATE TABLE "organization_addresses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organization_addresses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"label" text NOT NULL,
	"attention" text,
	"line1" text NOT NULL,
	"line2" text,
	"city" text NOT NULL,
	"region" text,
	"postal_code" text,
	"country" text NOT NULL,
	"phone" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sales_orders" ADD COLUMN "ship_to" jsonb;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "buyers_may_add_addresses" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_addresses" ADD CONSTRAINT "organization_addresses_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_addresses" ADD CONSTRAINT "organization_addresses_organization_fk" FOREIGN KEY ("organization_id","seller_id") REFERENCES "public"."organizations"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_addresses_organization_idx" ON "organization_addresses" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_addresses_one_default" ON "organization_addresses" USING btree ("organization_id") WHERE "organization_addresses"."is_default";--> statement-breakpoint
-- hand-written: each organization's one shipping address becomes its default ship-to address,
-- and orders placed before keep it as their ship-to (the invoice showed it as "Ship to");
-- only then is the old column dropped (drizzle-kit put the drop before this backfill).
INSERT INTO "organization_addresses" ("seller_id", "organization_id", "label", "line1", "line2", "city", "region", "postal_code", "country", "is_default")
SELECT o."seller_id", o."id", 'Main',
  coalesce(nullif(trim(o."shipping_address"->>'line1'), ''), '—'),
  nullif(trim(o."shipping_address"->>'line2'), ''),
  coalesce(nullif(trim(o."shipping_address"->>'city'), ''), '—'),
  nullif(trim(o."shipping_address"->>'region'), ''),
  nullif(trim(o."shipping_address"->>'postalCode'), ''),
  coalesce(nullif(trim(o."shipping_address"->>'country'), ''), '—'),
  true
FROM "organizations" o
WHERE jsonb_typeof(o."shipping_address") = 'object'
  AND coalesce(trim(o."shipping_address"->>'line1'), '') || coalesce(trim(o."shipping_address"->>'city'), '') <> '';--> statement-breakpoint
UPDATE "sales_orders" so
SET "ship_to" = jsonb_strip_nulls(jsonb_build_object(
  'label', a."label", 'line1', a."line1", 'line2', a."line2", 'city', a."city",
  'region', a."region", 'postalCode', a."postal_code", 'country', a."country"))
FROM "organization_addresses" a
WHERE a."organization_id" = so."organization_id" AND a."seller_id" = so."seller_id" AND a."is_default" AND so."ship_to" IS NULL;--> statement-breakpoint
ALTER TABLE "organizations" DROP COLUMN "shipping_address";
