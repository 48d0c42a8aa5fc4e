CREATE TYPE "public"."price_list_rule" AS ENUM('percent_off', 'fixed');--> statement-breakpoint
CREATE TABLE "price_list_prices" (
	"seller_id" integer NOT NULL,
	"price_list_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"unit_price" bigint NOT NULL,
	CONSTRAINT "price_list_prices_pk" PRIMARY KEY("price_list_id","product_id","min_quantity"),
	CONSTRAINT "price_list_prices_min_quantity_positive" CHECK ("price_list_prices"."min_quantity" >= 1),
	CONSTRAINT "price_list_prices_unit_price_nonnegative" CHECK ("price_list_prices"."unit_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "price_lists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"name" text NOT NULL,
	"rule" "price_list_rule" DEFAULT 'fixed' NOT NULL,
	"percent_off_bps" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_lists_id_seller_unique" UNIQUE("id","seller_id"),
	CONSTRAINT "price_lists_percent_off_range" CHECK ("price_lists"."percent_off_bps" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "price_list_id" integer;--> statement-breakpoint
ALTER TABLE "price_list_prices" ADD CONSTRAINT "price_list_prices_list_fk" FOREIGN KEY ("price_list_id","seller_id") REFERENCES "public"."price_lists"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_prices" ADD CONSTRAINT "price_list_prices_product_fk" FOREIGN KEY ("product_id","seller_id") REFERENCES "public"."products"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_lists" ADD CONSTRAINT "price_lists_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "price_lists_seller_name_unique" ON "price_lists" USING btree ("seller_id",lower("name"));--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_price_list_fk" FOREIGN KEY ("price_list_id","seller_id") REFERENCES "public"."price_lists"("id","seller_id") ON DELETE no action ON UPDATE no action;