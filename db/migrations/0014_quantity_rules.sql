ALTER TABLE "products" ADD COLUMN "min_order_quantity" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "order_increment" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "min_order_value" bigint;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "quantity_display" text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "quantity_cap" integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_min_order_quantity" CHECK ("products"."min_order_quantity" between 1 and 1000000);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_order_increment" CHECK ("products"."order_increment" between 1 and 1000000);--> statement-breakpoint
ALTER TABLE "portal_settings" ADD CONSTRAINT "portal_settings_min_order_value" CHECK ("portal_settings"."min_order_value" is null or "portal_settings"."min_order_value" > 0);--> statement-breakpoint
ALTER TABLE "portal_settings" ADD CONSTRAINT "portal_settings_quantity_display" CHECK ("portal_settings"."quantity_display" in ('exact', 'capped', 'hidden'));--> statement-breakpoint
ALTER TABLE "portal_settings" ADD CONSTRAINT "portal_settings_quantity_cap" CHECK ("portal_settings"."quantity_cap" between 1 and 1000000);