DROP INDEX "sellers_custom_domain_unique";--> statement-breakpoint
ALTER TABLE "sellers" ADD COLUMN "custom_domain_token" text;--> statement-breakpoint
ALTER TABLE "sellers" ADD COLUMN "custom_domain_verified_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "sellers_custom_domain_unique" ON "sellers" USING btree (lower("custom_domain")) WHERE "sellers"."custom_domain_verified_at" is not null;--> statement-breakpoint
-- Domains saved before verification existed were never proven: they stay pending, each with a token to publish.
UPDATE "sellers" SET "custom_domain_token" = replace(gen_random_uuid()::text, '-', '') WHERE "custom_domain" IS NOT NULL;
