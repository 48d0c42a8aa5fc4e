ALTER TABLE "portal_accounts" ALTER COLUMN "invited_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "send_after" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_seller_code_unique" ON "organizations" USING btree ("seller_id",lower("code")) WHERE "organizations"."code" is not null;