DROP INDEX "staff_users_email_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_seller_email_unique" ON "staff_users" USING btree ("seller_id",lower("email"));--> statement-breakpoint
CREATE INDEX "staff_users_email_idx" ON "staff_users" USING btree (lower("email"));