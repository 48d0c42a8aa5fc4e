CREATE TABLE "device_condition_upload_chunks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "device_condition_upload_chunks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"staff_user_id" integer NOT NULL,
	"upload_key" text NOT NULL,
	"position" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "sold_condition" jsonb;--> statement-breakpoint
ALTER TABLE "device_condition_upload_chunks" ADD CONSTRAINT "device_condition_upload_chunks_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "device_condition_upload_chunks_unique" ON "device_condition_upload_chunks" USING btree ("seller_id","staff_user_id","upload_key","position");--> statement-breakpoint
-- hand-written: the condition at the time of sale. Every write that commits a device
-- to an order line (commit, commit by paste, the seed, any future path) copies its
-- condition into sold_condition; uncommitting clears it; anything else (a later edit
-- of the condition, a move) leaves the snapshot alone. Keys as in DeviceCondition.
CREATE OR REPLACE FUNCTION tp_devices_sold_condition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.order_line_id IS NULL THEN
    NEW.sold_condition := NULL;
  ELSIF TG_OP = 'INSERT' OR OLD.order_line_id IS DISTINCT FROM NEW.order_line_id OR NEW.sold_condition IS NULL THEN
    NEW.sold_condition := jsonb_build_object(
      'batteryHealth', NEW.battery_health,
      'batteryCycles', NEW.battery_cycles,
      'carrierLock', NEW.carrier_lock,
      'carrier', NEW.carrier,
      'blacklistStatus', NEW.blacklist_status,
      'activationLock', NEW.activation_lock,
      'mdmLock', NEW.mdm_lock,
      'frpLock', NEW.frp_lock,
      'functionalTest', NEW.functional_test,
      'failedChecks', to_jsonb(NEW.failed_checks),
      'cosmeticNotes', NEW.cosmetic_notes,
      'testedAt', NEW.tested_at,
      'testSource', NEW.test_source);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER devices_sold_condition_insert BEFORE INSERT ON devices
  FOR EACH ROW WHEN (NEW.order_line_id IS NOT NULL) EXECUTE FUNCTION tp_devices_sold_condition();
--> statement-breakpoint
CREATE TRIGGER devices_sold_condition_update BEFORE UPDATE OF order_line_id ON devices
  FOR EACH ROW EXECUTE FUNCTION tp_devices_sold_condition();
--> statement-breakpoint
-- Devices committed before this migration: their condition now is the best record there is.
UPDATE devices SET order_line_id = order_line_id WHERE order_line_id IS NOT NULL;
