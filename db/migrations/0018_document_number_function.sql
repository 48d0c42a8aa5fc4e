-- hand-written:
-- The next per-seller number of a document kind, as one expression: an INSERT
-- can take its number in its own VALUES (`tp_next_document_number(...)`), so
-- the counter row is locked by the statement that writes the document rather
-- than one round trip earlier. The row stays locked until the transaction
-- commits, so numbers still have no gaps and no duplicates.
CREATE FUNCTION tp_next_document_number(p_seller integer, p_kind document_kind, p_first integer) RETURNS integer
LANGUAGE sql VOLATILE AS $$
  INSERT INTO document_counters (seller_id, kind, last_number) VALUES (p_seller, p_kind, p_first)
  ON CONFLICT (seller_id, kind) DO UPDATE SET last_number = document_counters.last_number + 1
  RETURNING last_number
$$;
