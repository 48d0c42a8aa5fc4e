-- F11: the portal logo is stored once, re-encoded to a PNG of at most 600×200
-- (lib/settings/logo.ts), in its own table, and served from
-- /p/{slug}/logo/{sha256}.png. portal_settings.logo_data_url stays until every
-- deployment has started once: startup re-encodes what it holds into this
-- table and clears it (db/queries/settings/legacy-logos.ts); a later migration
-- can drop the column.
CREATE TABLE "portal_logos" (
	"seller_id" integer PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"png" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_logos_sha256" CHECK ("portal_logos"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "portal_logos_size" CHECK ("portal_logos"."width" between 1 and 600 and "portal_logos"."height" between 1 and 200 and octet_length("portal_logos"."png") <= 524288)
);
--> statement-breakpoint
ALTER TABLE "portal_logos" ADD CONSTRAINT "portal_logos_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;