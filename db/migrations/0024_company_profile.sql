ALTER TABLE "sellers" ADD COLUMN "legal_name" text;--> statement-breakpoint
ALTER TABLE "sellers" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "sellers" ADD COLUMN "tax_id" text;--> statement-breakpoint
ALTER TABLE "sellers" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "sellers" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "sellers" ADD COLUMN "locale" text DEFAULT 'en-US' NOT NULL;--> statement-breakpoint
ALTER TABLE "sellers" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;