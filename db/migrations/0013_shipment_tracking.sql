CREATE TABLE "order_shipments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "order_shipments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"order_id" integer NOT NULL,
	"carrier" text NOT NULL,
	"tracking_number" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_shipments_carrier" CHECK ("order_shipments"."carrier" in ('ups', 'fedex', 'dhl_express', 'usps', 'royal_mail', 'dpd', 'other')),
	CONSTRAINT "order_shipments_tracking_number" CHECK ("order_shipments"."tracking_number" ~ '^[A-Za-z0-9-]{4,40}$')
);
--> statement-breakpoint
CREATE TABLE "portal_order_recipients" (
	"seller_id" integer NOT NULL,
	"staff_user_id" integer NOT NULL,
	CONSTRAINT "portal_order_recipients_seller_id_staff_user_id_pk" PRIMARY KEY("seller_id","staff_user_id")
);
--> statement-breakpoint
ALTER TABLE "order_statuses" ADD COLUMN "email_buyer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_id_seller_unique" UNIQUE("id","seller_id");--> statement-breakpoint
ALTER TABLE "order_shipments" ADD CONSTRAINT "order_shipments_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_shipments" ADD CONSTRAINT "order_shipments_order_fk" FOREIGN KEY ("order_id","seller_id") REFERENCES "public"."sales_orders"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_shipments" ADD CONSTRAINT "order_shipments_created_by_fk" FOREIGN KEY ("created_by","seller_id") REFERENCES "public"."staff_users"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_order_recipients" ADD CONSTRAINT "portal_order_recipients_staff_fk" FOREIGN KEY ("staff_user_id","seller_id") REFERENCES "public"."staff_users"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_shipments_order_idx" ON "order_shipments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_shipments_order_number_unique" ON "order_shipments" USING btree ("seller_id","order_id","carrier",upper("tracking_number"));
