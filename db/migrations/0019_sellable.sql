CREATE TABLE "product_availability_cells" (
	"product_id" integer NOT NULL,
	"seller_id" integer NOT NULL,
	"battery_band" text NOT NULL,
	"carrier_lock" text NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "product_availability_cells_product_id_battery_band_carrier_lock_pk" PRIMARY KEY("product_id","battery_band","carrier_lock"),
	CONSTRAINT "product_availability_cells_nonnegative" CHECK ("product_availability_cells"."quantity" >= 0),
	CONSTRAINT "product_availability_cells_band" CHECK ("product_availability_cells"."battery_band" in ('90-100', '80-89', '0-79', 'unknown')),
	CONSTRAINT "product_availability_cells_lock" CHECK ("product_availability_cells"."carrier_lock" in ('unlocked', 'locked', 'unknown'))
);
--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "hide_blacklisted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "hide_unknown_blacklist" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "hide_activation_locked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "hide_failed_test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "product_availability_cells" ADD CONSTRAINT "product_availability_cells_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_availability_cells" ADD CONSTRAINT "product_availability_cells_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_availability_cells_seller_idx" ON "product_availability_cells" USING btree ("seller_id","product_id","battery_band","carrier_lock","quantity") WHERE "product_availability_cells"."quantity" > 0;--> statement-breakpoint
-- hand-written: sellable rules and availability by condition.
-- A device counts toward For Sale when its status and warehouse are chosen, it
-- is uncommitted, and no sellable rule of the seller hides its condition
-- (blacklisted, blacklist unknown, activation lock / MDM / FRP on, failed test).
-- Availability is kept per (product, battery band, carrier lock) in
-- product_availability_cells; product_availability.quantity stays the sum of a
-- product's cells. Lock order is unchanged from 0007: the device triggers lock
-- the product_availability rows they touch in product_id order first, then
-- write the cells of those products only, so a product's availability row
-- guards its cells and no new lock cycle appears. Rebuilds still hold the
-- seller's advisory lock exclusively.
CREATE FUNCTION tp_battery_band(h smallint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN h IS NULL THEN 'unknown' WHEN h >= 90 THEN '90-100' WHEN h >= 80 THEN '80-89' ELSE '0-79' END
$$;
--> statement-breakpoint
DROP FUNCTION tp_device_counts_for_sale(integer, integer, integer, integer);
--> statement-breakpoint
CREATE FUNCTION tp_device_counts_for_sale(
  d_seller integer, d_status integer, d_warehouse integer, d_line integer,
  d_blacklist text, d_activation text, d_mdm text, d_frp text, d_test text
) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT d_line IS NULL
    AND EXISTS (SELECT 1 FROM portal_for_sale_statuses s WHERE s.seller_id = d_seller AND s.status_id = d_status)
    AND EXISTS (SELECT 1 FROM portal_for_sale_warehouses w WHERE w.seller_id = d_seller AND w.warehouse_id = d_warehouse)
    AND NOT EXISTS (
      SELECT 1 FROM portal_settings ps
      WHERE ps.seller_id = d_seller
        AND ((ps.hide_blacklisted AND d_blacklist = 'blacklisted')
          OR (ps.hide_unknown_blacklist AND d_blacklist = 'unknown')
          OR (ps.hide_activation_locked AND (d_activation = 'on' OR d_mdm = 'on' OR d_frp = 'on'))
          OR (ps.hide_failed_test AND d_test IS NOT DISTINCT FROM 'fail')))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tp_refresh_product_availability(p_seller integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  hb boolean := false;
  hu boolean := false;
  ha boolean := false;
  hf boolean := false;
BEGIN
  PERFORM pg_advisory_xact_lock(7100, p_seller);
  SELECT ps.hide_blacklisted, ps.hide_unknown_blacklist, ps.hide_activation_locked, ps.hide_failed_test
    INTO hb, hu, ha, hf FROM portal_settings ps WHERE ps.seller_id = p_seller;
  hb := coalesce(hb, false); hu := coalesce(hu, false); ha := coalesce(ha, false); hf := coalesce(hf, false);
  -- Every cell recounted; a cell that no longer has devices goes to 0.
  INSERT INTO product_availability_cells (product_id, seller_id, battery_band, carrier_lock, quantity)
  SELECT coalesce(c.product_id, x.product_id), p_seller, coalesce(c.battery_band, x.battery_band),
    coalesce(c.carrier_lock, x.carrier_lock), coalesce(c.n, 0)
  FROM (
    SELECT d.product_id, tp_battery_band(d.battery_health) AS battery_band, d.carrier_lock, count(*)::integer AS n
    FROM devices d
    WHERE d.seller_id = p_seller
      AND d.order_line_id IS NULL
      AND d.status_id IN (SELECT status_id FROM portal_for_sale_statuses WHERE seller_id = p_seller)
      AND d.warehouse_id IN (SELECT warehouse_id FROM portal_for_sale_warehouses WHERE seller_id = p_seller)
      AND NOT (hb AND d.blacklist_status = 'blacklisted')
      AND NOT (hu AND d.blacklist_status = 'unknown')
      AND NOT (ha AND (d.activation_lock = 'on' OR d.mdm_lock = 'on' OR d.frp_lock = 'on'))
      AND NOT (hf AND d.functional_test IS NOT DISTINCT FROM 'fail')
    GROUP BY 1, 2, 3
  ) c
  FULL JOIN (
    SELECT product_id, battery_band, carrier_lock FROM product_availability_cells WHERE seller_id = p_seller
  ) x ON x.product_id = c.product_id AND x.battery_band = c.battery_band AND x.carrier_lock = c.carrier_lock
  ORDER BY 1, 3, 4
  ON CONFLICT (product_id, battery_band, carrier_lock) DO UPDATE SET quantity = excluded.quantity
  WHERE product_availability_cells.quantity <> excluded.quantity;

  INSERT INTO product_availability (product_id, seller_id, quantity)
  SELECT p.id, p.seller_id, coalesce(c.n, 0)
  FROM products p
  LEFT JOIN (
    SELECT product_id, sum(quantity)::integer AS n FROM product_availability_cells
    WHERE seller_id = p_seller GROUP BY product_id
  ) c ON c.product_id = p.id
  WHERE p.seller_id = p_seller
  ORDER BY p.id
  ON CONFLICT (product_id) DO UPDATE SET quantity = excluded.quantity
  WHERE product_availability.quantity <> excluded.quantity;
END $$;
--> statement-breakpoint
-- The deltas are grouped once per statement into arrays (at most 12 per
-- product), then applied to the availability rows (locked in product order)
-- and to the cells of those products.
CREATE OR REPLACE FUNCTION tp_devices_availability() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s integer;
  pids integer[];
  sids integer[];
  bands text[];
  locks text[];
  ns integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR s IN SELECT DISTINCT seller_id FROM new_rows ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock_shared(7100, s);
    END LOOP;
    SELECT array_agg(product_id ORDER BY product_id, band, lock), array_agg(seller_id ORDER BY product_id, band, lock),
      array_agg(band ORDER BY product_id, band, lock), array_agg(lock ORDER BY product_id, band, lock),
      array_agg(n ORDER BY product_id, band, lock)
    INTO pids, sids, bands, locks, ns
    FROM (
      SELECT product_id, seller_id, tp_battery_band(battery_health) AS band, carrier_lock AS lock, count(*)::integer AS n
      FROM new_rows
      WHERE tp_device_counts_for_sale(seller_id, status_id, warehouse_id, order_line_id,
        blacklist_status, activation_lock, mdm_lock, frp_lock, functional_test)
      GROUP BY 1, 2, 3, 4
    ) c;
    IF pids IS NULL THEN RETURN NULL; END IF;
    INSERT INTO product_availability (product_id, seller_id, quantity)
    SELECT pid, sid, sum(n)::integer FROM unnest(pids, sids, ns) AS u(pid, sid, n)
    GROUP BY pid, sid ORDER BY pid
    ON CONFLICT (product_id) DO UPDATE SET quantity = product_availability.quantity + excluded.quantity;
    INSERT INTO product_availability_cells (product_id, seller_id, battery_band, carrier_lock, quantity)
    SELECT pid, sid, band, lock, n FROM unnest(pids, sids, bands, locks, ns) AS u(pid, sid, band, lock, n)
    ORDER BY pid, band, lock
    ON CONFLICT (product_id, battery_band, carrier_lock)
    DO UPDATE SET quantity = product_availability_cells.quantity + excluded.quantity;
  ELSIF TG_OP = 'DELETE' THEN
    FOR s IN SELECT DISTINCT seller_id FROM old_rows ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock_shared(7100, s);
    END LOOP;
    PERFORM 1 FROM product_availability
    WHERE product_id IN (SELECT product_id FROM old_rows)
    ORDER BY product_id FOR UPDATE;
    SELECT array_agg(product_id), array_agg(band), array_agg(lock), array_agg(n)
    INTO pids, bands, locks, ns
    FROM (
      SELECT product_id, tp_battery_band(battery_health) AS band, carrier_lock AS lock, count(*)::integer AS n
      FROM old_rows
      WHERE tp_device_counts_for_sale(seller_id, status_id, warehouse_id, order_line_id,
        blacklist_status, activation_lock, mdm_lock, frp_lock, functional_test)
      GROUP BY 1, 2, 3
    ) c;
    IF pids IS NULL THEN RETURN NULL; END IF;
    UPDATE product_availability_cells a SET quantity = a.quantity - u.n
    FROM unnest(pids, bands, locks, ns) AS u(pid, band, lock, n)
    WHERE a.product_id = u.pid AND a.battery_band = u.band AND a.carrier_lock = u.lock;
    UPDATE product_availability a SET quantity = a.quantity - c.n
    FROM (SELECT pid, sum(n)::integer AS n FROM unnest(pids, ns) AS u(pid, n) GROUP BY pid) c
    WHERE a.product_id = c.pid;
  ELSE
    FOR s IN SELECT DISTINCT seller_id FROM new_rows ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock_shared(7100, s);
    END LOOP;
    -- Rows first (a check constraint refuses a negative candidate row), then the deltas.
    INSERT INTO product_availability (product_id, seller_id, quantity)
    SELECT DISTINCT product_id, seller_id, 0 FROM new_rows ORDER BY product_id
    ON CONFLICT (product_id) DO NOTHING;
    PERFORM 1 FROM product_availability
    WHERE product_id IN (SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows)
    ORDER BY product_id FOR UPDATE;
    SELECT array_agg(product_id ORDER BY product_id, band, lock), array_agg(seller_id ORDER BY product_id, band, lock),
      array_agg(band ORDER BY product_id, band, lock), array_agg(lock ORDER BY product_id, band, lock),
      array_agg(n ORDER BY product_id, band, lock)
    INTO pids, sids, bands, locks, ns
    FROM (
      SELECT product_id, seller_id, band, lock, sum(n)::integer AS n FROM (
        SELECT product_id, seller_id, tp_battery_band(battery_health) AS band, carrier_lock AS lock, 1 AS n FROM new_rows
        WHERE tp_device_counts_for_sale(seller_id, status_id, warehouse_id, order_line_id,
          blacklist_status, activation_lock, mdm_lock, frp_lock, functional_test)
        UNION ALL
        SELECT product_id, seller_id, tp_battery_band(battery_health), carrier_lock, -1 FROM old_rows
        WHERE tp_device_counts_for_sale(seller_id, status_id, warehouse_id, order_line_id,
          blacklist_status, activation_lock, mdm_lock, frp_lock, functional_test)
      ) x
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
    ) c;
    IF pids IS NULL THEN RETURN NULL; END IF;
    INSERT INTO product_availability_cells (product_id, seller_id, battery_band, carrier_lock, quantity)
    SELECT pid, sid, band, lock, 0 FROM unnest(pids, sids, bands, locks) AS u(pid, sid, band, lock)
    ORDER BY pid, band, lock
    ON CONFLICT (product_id, battery_band, carrier_lock) DO NOTHING;
    UPDATE product_availability_cells a SET quantity = a.quantity + u.n
    FROM unnest(pids, bands, locks, ns) AS u(pid, band, lock, n)
    WHERE a.product_id = u.pid AND a.battery_band = u.band AND a.carrier_lock = u.lock;
    UPDATE product_availability a SET quantity = a.quantity + c.n
    FROM (SELECT pid, sum(n)::integer AS n FROM unnest(pids, ns) AS u(pid, n) GROUP BY pid HAVING sum(n) <> 0) c
    WHERE a.product_id = c.pid;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tp_sellable_rules_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM tp_refresh_product_availability(OLD.seller_id);
  ELSE
    PERFORM tp_refresh_product_availability(NEW.seller_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER portal_settings_sellable_rules_update
  AFTER UPDATE OF hide_blacklisted, hide_unknown_blacklist, hide_activation_locked, hide_failed_test ON portal_settings
  FOR EACH ROW WHEN (OLD.hide_blacklisted IS DISTINCT FROM NEW.hide_blacklisted
    OR OLD.hide_unknown_blacklist IS DISTINCT FROM NEW.hide_unknown_blacklist
    OR OLD.hide_activation_locked IS DISTINCT FROM NEW.hide_activation_locked
    OR OLD.hide_failed_test IS DISTINCT FROM NEW.hide_failed_test)
  EXECUTE FUNCTION tp_sellable_rules_changed();
--> statement-breakpoint
CREATE TRIGGER portal_settings_sellable_rules_insert AFTER INSERT ON portal_settings
  FOR EACH ROW WHEN (NEW.hide_blacklisted OR NEW.hide_unknown_blacklist OR NEW.hide_activation_locked OR NEW.hide_failed_test)
  EXECUTE FUNCTION tp_sellable_rules_changed();
--> statement-breakpoint
CREATE TRIGGER portal_settings_sellable_rules_delete AFTER DELETE ON portal_settings
  FOR EACH ROW WHEN (OLD.hide_blacklisted OR OLD.hide_unknown_blacklist OR OLD.hide_activation_locked OR OLD.hide_failed_test)
  EXECUTE FUNCTION tp_sellable_rules_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER product_availability_cells_catalog_version AFTER INSERT OR UPDATE OR DELETE ON product_availability_cells
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tp_bump_catalog_version();
--> statement-breakpoint
-- The cells of the devices already stored.
SELECT tp_refresh_product_availability(id) FROM sellers ORDER BY id;
