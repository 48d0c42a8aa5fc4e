ALTER TYPE "public"."rma_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "return_address" text;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "return_ship_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "rma_lines" ADD COLUMN "requested_disposition" "rma_disposition";--> statement-breakpoint
ALTER TABLE "rma_lines" ADD COLUMN "requested_refund_amount" bigint;--> statement-breakpoint
ALTER TABLE "rma_lines" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "rmas" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "rmas" ADD COLUMN "cancelled_by_account_id" integer;--> statement-breakpoint
ALTER TABLE "rmas" ADD CONSTRAINT "rmas_cancelled_by_account_id_portal_accounts_id_fk" FOREIGN KEY ("cancelled_by_account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD CONSTRAINT "portal_settings_return_ship_days" CHECK ("portal_settings"."return_ship_days" between 1 and 365);--> statement-breakpoint
ALTER TABLE "rma_lines" ADD CONSTRAINT "rma_lines_rejected_no_refund" CHECK ("rma_lines"."rejection_reason" is null or "rma_lines"."refund_amount" = 0);--> statement-breakpoint
-- What buyers asked on their existing requests is what the lines hold today.
UPDATE "rma_lines" SET "requested_disposition" = "rma_lines"."disposition", "requested_refund_amount" = "rma_lines"."refund_amount"
FROM "rmas" WHERE "rmas"."id" = "rma_lines"."rma_id" AND "rmas"."requested_by_account_id" IS NOT NULL;
