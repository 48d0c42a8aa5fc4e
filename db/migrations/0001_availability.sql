-- Availability per product under each seller's For Sale settings, kept by
-- statement-level triggers so bulk device writes cost one grouped update.
-- A per-seller advisory lock orders device writes against full rebuilds:
-- device triggers take it shared, a rebuild takes it exclusive, so a rebuild
-- never overwrites a concurrent delta with a stale count.

CREATE FUNCTION tp_device_counts_for_sale(d_seller integer, d_status integer, d_warehouse integer, d_line integer)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT d_line IS NULL
    AND EXISTS (SELECT 1 FROM portal_for_sale_statuses s WHERE s.seller_id = d_seller AND s.status_id = d_status)
    AND EXISTS (SELECT 1 FROM portal_for_sale_warehouses w WHERE w.seller_id = d_seller AND w.warehouse_id = d_warehouse)
$$;
--> statement-breakpoint
CREATE FUNCTION tp_refresh_product_availability(p_seller integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7100, p_seller);
  INSERT INTO product_availability (product_id, seller_id, quantity)
  SELECT p.id, p.seller_id, coalesce(c.n, 0)
  FROM products p
  LEFT JOIN (
    SELECT d.product_id, count(*)::integer AS n
    FROM devices d
    WHERE d.seller_id = p_seller
      AND d.order_line_id IS NULL
      AND d.status_id IN (SELECT status_id FROM portal_for_sale_statuses WHERE seller_id = p_seller)
      AND d.warehouse_id IN (SELECT warehouse_id FROM portal_for_sale_warehouses WHERE seller_id = p_seller)
    GROUP BY d.product_id
  ) c ON c.product_id = p.id
  WHERE p.seller_id = p_seller
  ORDER BY p.id
  ON CONFLICT (product_id) DO UPDATE SET quantity = excluded.quantity
  WHERE product_availability.quantity <> excluded.quantity;
END $$;
--> statement-breakpoint
CREATE FUNCTION tp_devices_availability() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR s IN SELECT DISTINCT seller_id FROM new_rows ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock_shared(7100, s);
    END LOOP;
    INSERT INTO product_availability (product_id, seller_id, quantity)
    SELECT product_id, seller_id, count(*)::integer FROM new_rows
    WHERE tp_device_counts_for_sale(seller_id, status_id, warehouse_id, order_line_id)
    GROUP BY product_id, seller_id ORDER BY product_id
    ON CONFLICT (product_id) DO UPDATE SET quantity = product_availability.quantity + excluded.quantity;
  ELSIF TG_OP = 'DELETE' THEN
    FOR s IN SELECT DISTINCT seller_id FROM old_rows ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock_shared(7100, s);
    END LOOP;
    UPDATE product_availability a SET quantity = a.quantity - c.n
    FROM (
      SELECT product_id, count(*)::integer AS n FROM old_rows
      WHERE tp_device_counts_for_sale(seller_id, status_id, warehouse_id, order_line_id)
      GROUP BY product_id
    ) c
    WHERE a.product_id = c.product_id;
  ELSE
    FOR s IN SELECT DISTINCT seller_id FROM new_rows ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock_shared(7100, s);
    END LOOP;
    -- Rows first (a check constraint refuses a negative candidate row), then the deltas.
    INSERT INTO product_availability (product_id, seller_id, quantity)
    SELECT DISTINCT product_id, seller_id, 0 FROM new_rows ORDER BY product_id
    ON CONFLICT (product_id) DO NOTHING;
    UPDATE product_availability a SET quantity = a.quantity + c.n
    FROM (
      SELECT product_id, sum(n)::integer AS n FROM (
        SELECT product_id, 1 AS n FROM new_rows
        WHERE tp_device_counts_for_sale(seller_id, status_id, warehouse_id, order_line_id)
        UNION ALL
        SELECT product_id, -1 FROM old_rows
        WHERE tp_device_counts_for_sale(seller_id, status_id, warehouse_id, order_line_id)
      ) x
      GROUP BY product_id HAVING sum(n) <> 0
    ) c
    WHERE a.product_id = c.product_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER devices_availability_insert AFTER INSERT ON devices
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tp_devices_availability();
--> statement-breakpoint
CREATE TRIGGER devices_availability_update AFTER UPDATE ON devices
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tp_devices_availability();
--> statement-breakpoint
CREATE TRIGGER devices_availability_delete AFTER DELETE ON devices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tp_devices_availability();
--> statement-breakpoint
CREATE FUNCTION tp_for_sale_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR s IN SELECT DISTINCT seller_id FROM new_rows ORDER BY 1 LOOP
      PERFORM tp_refresh_product_availability(s);
    END LOOP;
  ELSE
    FOR s IN SELECT DISTINCT seller_id FROM old_rows ORDER BY 1 LOOP
      PERFORM tp_refresh_product_availability(s);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER portal_for_sale_statuses_insert AFTER INSERT ON portal_for_sale_statuses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tp_for_sale_settings_changed();
--> statement-breakpoint
CREATE TRIGGER portal_for_sale_statuses_delete AFTER DELETE ON portal_for_sale_statuses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tp_for_sale_settings_changed();
--> statement-breakpoint
CREATE TRIGGER portal_for_sale_warehouses_insert AFTER INSERT ON portal_for_sale_warehouses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tp_for_sale_settings_changed();
--> statement-breakpoint
CREATE TRIGGER portal_for_sale_warehouses_delete AFTER DELETE ON portal_for_sale_warehouses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tp_for_sale_settings_changed();
