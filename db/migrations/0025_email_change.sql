ALTER TYPE "public"."token_purpose" ADD VALUE 'email_change';--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD COLUMN "new_email" text;