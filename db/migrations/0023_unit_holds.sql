CREATE TABLE "unit_holds" (
	"device_id" integer PRIMARY KEY NOT NULL,
	"seller_id" integer NOT NULL,
	"order_id" integer NOT NULL,
	"order_line_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cart_units" (
	"seller_id" integer NOT NULL,
	"portal_account_id" integer NOT NULL,
	"device_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_units_portal_account_id_device_id_pk" PRIMARY KEY("portal_account_id","device_id")
);
--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "buyers_may_pick_units" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_holds" ADD CONSTRAINT "unit_holds_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_holds" ADD CONSTRAINT "unit_holds_order_line_id_sales_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."sales_order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_holds" ADD CONSTRAINT "unit_holds_order_fk" FOREIGN KEY ("order_id","seller_id") REFERENCES "public"."sales_orders"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_units" ADD CONSTRAINT "cart_units_portal_account_id_portal_accounts_id_fk" FOREIGN KEY ("portal_account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_units" ADD CONSTRAINT "cart_units_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_units" ADD CONSTRAINT "cart_units_product_fk" FOREIGN KEY ("product_id","seller_id") REFERENCES "public"."products"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_holds_order_line_idx" ON "unit_holds" USING btree ("order_line_id");--> statement-breakpoint
CREATE INDEX "unit_holds_order_idx" ON "unit_holds" USING btree ("order_id");--> statement-breakpoint
-- hand-written: an order that enters a closed status (Cancelled, Shipped) releases its picked units' holds;
-- units already committed stay committed (the commit is what ships them).
CREATE FUNCTION tp_release_unit_holds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM order_statuses s WHERE s.id = NEW.status_id AND s.seller_id = NEW.seller_id AND s.is_open) THEN
    DELETE FROM unit_holds h WHERE h.order_id = NEW.id AND h.seller_id = NEW.seller_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sales_orders_release_unit_holds AFTER UPDATE OF status_id ON sales_orders
FOR EACH ROW WHEN (OLD.status_id IS DISTINCT FROM NEW.status_id) EXECUTE FUNCTION tp_release_unit_holds();
