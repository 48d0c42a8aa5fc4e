-- F13: money past 2^31 - 1 minor units (an order of 10,738 × 2,000.00). Every
-- stored amount becomes bigint; typed amounts are bounded in lib/money.ts and
-- totals stay at or below 2^53 - 1, so JavaScript numbers count them exactly.
-- Rewrites these tables once (devices is the large one: seconds at 1M rows).
ALTER TABLE "devices" ALTER COLUMN "cost" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "list_price" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "invoice_lines" ALTER COLUMN "unit_price" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "invoice_lines" ALTER COLUMN "amount" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "total" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "sales_order_lines" ALTER COLUMN "unit_price" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "rma_lines" ALTER COLUMN "refund_amount" SET DATA TYPE bigint;