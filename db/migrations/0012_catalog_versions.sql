CREATE TABLE "catalog_versions" (
	"seller_id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_versions" ADD CONSTRAINT "catalog_versions_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- hand-written: every committed change to what For Sale shows raises the
-- seller's catalog version once per transaction. The triggers are deferred
-- constraint triggers, so they run at COMMIT: the version row is locked only
-- for the commit itself, after every other lock the transaction took (no
-- deadlock with the availability triggers' row locks), and a reader that sees
-- the new version also sees the change. Checkout writes none of these tables.
CREATE OR REPLACE FUNCTION tp_bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s integer;
  done text := coalesce(current_setting('tp.catalog_bumped', true), '');
BEGIN
  IF TG_OP = 'DELETE' THEN s := OLD.seller_id; ELSE s := NEW.seller_id; END IF;
  IF position(',' || s || ',' IN done) > 0 THEN RETURN NULL; END IF;
  INSERT INTO catalog_versions (seller_id, version) VALUES (s, 1)
  ON CONFLICT (seller_id) DO UPDATE SET version = catalog_versions.version + 1;
  PERFORM set_config('tp.catalog_bumped', CASE WHEN done = '' THEN ',' ELSE done END || s || ',', true);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER product_availability_catalog_version AFTER INSERT OR UPDATE OR DELETE ON product_availability
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tp_bump_catalog_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER products_catalog_version AFTER INSERT OR UPDATE OR DELETE ON products
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tp_bump_catalog_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER price_lists_catalog_version AFTER INSERT OR UPDATE OR DELETE ON price_lists
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tp_bump_catalog_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER price_list_prices_catalog_version AFTER INSERT OR UPDATE OR DELETE ON price_list_prices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tp_bump_catalog_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER portal_settings_catalog_version AFTER INSERT OR UPDATE OR DELETE ON portal_settings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tp_bump_catalog_version();
