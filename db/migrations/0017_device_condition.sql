ALTER TABLE "devices" ADD COLUMN "battery_health" smallint;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "battery_cycles" integer;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "carrier_lock" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "blacklist_status" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "activation_lock" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "mdm_lock" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "frp_lock" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "functional_test" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "failed_checks" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "cosmetic_notes" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "tested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "test_source" text;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_battery_health" CHECK ("devices"."battery_health" is null or "devices"."battery_health" between 0 and 100);--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_battery_cycles" CHECK ("devices"."battery_cycles" is null or "devices"."battery_cycles" between 0 and 100000);--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_carrier_lock" CHECK ("devices"."carrier_lock" in ('unlocked', 'locked', 'unknown'));--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_blacklist_status" CHECK ("devices"."blacklist_status" in ('clean', 'blacklisted', 'unknown'));--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_activation_lock" CHECK ("devices"."activation_lock" in ('off', 'on', 'unknown'));--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_mdm_lock" CHECK ("devices"."mdm_lock" in ('off', 'on', 'unknown'));--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_frp_lock" CHECK ("devices"."frp_lock" in ('off', 'on', 'unknown'));--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_functional_test" CHECK ("devices"."functional_test" is null or "devices"."functional_test" in ('pass', 'fail'));