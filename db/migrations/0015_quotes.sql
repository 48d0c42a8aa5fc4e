CREATE TYPE "public"."quote_status" AS ENUM('requested', 'answered', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'quote';--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quote_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"quote_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"target_unit_price" bigint,
	"quoted_unit_price" bigint,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "quote_lines_quantity_positive" CHECK ("quote_lines"."quantity" > 0),
	CONSTRAINT "quote_lines_target_nonnegative" CHECK ("quote_lines"."target_unit_price" is null or "quote_lines"."target_unit_price" >= 0),
	CONSTRAINT "quote_lines_quoted_nonnegative" CHECK ("quote_lines"."quoted_unit_price" is null or "quote_lines"."quoted_unit_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quotes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"number" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"portal_account_id" integer NOT NULL,
	"status" "quote_status" DEFAULT 'requested' NOT NULL,
	"buyer_message" text,
	"staff_note" text,
	"valid_until" date,
	"answered_at" timestamp with time zone,
	"answered_by_staff_id" integer,
	"accepted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"order_id" integer,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_id_seller_unique" UNIQUE("id","seller_id"),
	CONSTRAINT "quotes_accepted_has_order" CHECK ("quotes"."status" <> 'accepted' or "quotes"."order_id" is not null),
	CONSTRAINT "quotes_answered_has_validity" CHECK ("quotes"."status" <> 'answered' or "quotes"."valid_until" is not null)
);
--> statement-breakpoint
ALTER TABLE "portal_accounts" ADD CONSTRAINT "portal_accounts_id_seller_unique" UNIQUE("id","seller_id");--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_quote_fk" FOREIGN KEY ("quote_id","seller_id") REFERENCES "public"."quotes"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_product_fk" FOREIGN KEY ("product_id","seller_id") REFERENCES "public"."products"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_answered_by_staff_id_staff_users_id_fk" FOREIGN KEY ("answered_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_organization_fk" FOREIGN KEY ("organization_id","seller_id") REFERENCES "public"."organizations"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_portal_account_fk" FOREIGN KEY ("portal_account_id","seller_id") REFERENCES "public"."portal_accounts"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_order_fk" FOREIGN KEY ("order_id","seller_id") REFERENCES "public"."sales_orders"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quote_lines_quote_idx" ON "quote_lines" USING btree ("quote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_seller_number_unique" ON "quotes" USING btree ("seller_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_seller_idempotency_unique" ON "quotes" USING btree ("seller_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "quotes_organization_idx" ON "quotes" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "quotes_seller_status_idx" ON "quotes" USING btree ("seller_id","status","created_at");