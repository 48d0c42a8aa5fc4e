-- The device triggers change availability rows in product order. Their
-- grouped UPDATEs used to lock rows in whatever order the join produced, so
-- two bulk moves over overlapping products could deadlock (PostgreSQL then
-- aborts one). Each branch now locks the rows it will change in product_id
-- order first (an INSERT ... ORDER BY product_id already does), so concurrent
-- device writes queue behind each other instead.
CREATE OR REPLACE FUNCTION tp_devices_availability() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM 1 FROM product_availability
    WHERE product_id IN (SELECT product_id FROM old_rows)
    ORDER BY product_id FOR UPDATE;
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
    PERFORM 1 FROM product_availability
    WHERE product_id IN (SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows)
    ORDER BY product_id FOR UPDATE;
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
