DROP INDEX "devices_seller_status_warehouse_idx";--> statement-breakpoint
CREATE INDEX "devices_seller_received_idx" ON "devices" USING btree ("seller_id","received_on","id","product_id","status_id","warehouse_id","order_line_id");--> statement-breakpoint
CREATE INDEX "devices_seller_imei_reverse_idx" ON "devices" USING btree ("seller_id",reverse("imei")) WHERE "devices"."imei" is not null;--> statement-breakpoint
CREATE INDEX "devices_seller_serial_reverse_idx" ON "devices" USING btree ("seller_id",reverse(lower("serial"))) WHERE "devices"."serial" is not null;--> statement-breakpoint
CREATE INDEX "devices_seller_status_warehouse_idx" ON "devices" USING btree ("seller_id","status_id","warehouse_id","received_on","id");