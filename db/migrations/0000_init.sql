CREATE TYPE "public"."account_status" AS ENUM('invited', 'active', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('owner', 'admin', 'staff');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('activation', 'sign_in', 'password_reset');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('sales_order', 'invoice', 'rma');--> statement-breakpoint
CREATE TYPE "public"."rma_disposition" AS ENUM('return', 'keep_partial_refund');--> statement-breakpoint
CREATE TYPE "public"."rma_resolution" AS ENUM('refund', 'credit');--> statement-breakpoint
CREATE TYPE "public"."rma_status" AS ENUM('requested', 'open', 'received', 'resolved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('queued', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "sellers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sellers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"custom_domain" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" DEFAULT 'staff' NOT NULL,
	"status" "account_status" DEFAULT 'invited' NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 0 NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "devices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"imei" varchar(15),
	"serial" text,
	"product_id" integer NOT NULL,
	"warehouse_id" integer NOT NULL,
	"status_id" integer NOT NULL,
	"cost" integer,
	"received_on" date DEFAULT now() NOT NULL,
	"order_line_id" integer,
	"committed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_identified" CHECK ("devices"."imei" is not null or "devices"."serial" is not null),
	CONSTRAINT "devices_imei_format" CHECK ("devices"."imei" is null or "devices"."imei" ~ '^[0-9]{15}$')
);
--> statement-breakpoint
CREATE TABLE "inventory_statuses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inventory_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inventory_statuses_id_seller_unique" UNIQUE("id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "product_availability" (
	"product_id" integer PRIMARY KEY NOT NULL,
	"seller_id" integer NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "product_availability_nonnegative" CHECK ("product_availability"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"sku" text NOT NULL,
	"manufacturer" text NOT NULL,
	"model" text NOT NULL,
	"capacity" text DEFAULT '' NOT NULL,
	"color" text DEFAULT '' NOT NULL,
	"network" text DEFAULT '' NOT NULL,
	"grade" text DEFAULT '' NOT NULL,
	"list_price" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_id_seller_unique" UNIQUE("id","seller_id"),
	CONSTRAINT "products_list_price_nonnegative" CHECK ("products"."list_price" is null or "products"."list_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warehouses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "warehouses_id_seller_unique" UNIQUE("id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"billing_address" jsonb,
	"shipping_address" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_id_seller_unique" UNIQUE("id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "portal_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"status" "account_status" DEFAULT 'invited' NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 0 NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "auth_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"staff_user_id" integer,
	"portal_account_id" integer,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_tokens_one_subject" CHECK (("auth_tokens"."staff_user_id" is null) <> ("auth_tokens"."portal_account_id" is null))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"seller_id" integer NOT NULL,
	"kind" "document_kind" NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_counters_seller_id_kind_pk" PRIMARY KEY("seller_id","kind")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invoice_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"invoice_id" integer NOT NULL,
	"product_id" integer,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" integer,
	"amount" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invoices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"number" integer NOT NULL,
	"order_id" integer NOT NULL,
	"payment_method_id" integer,
	"payment_method_name" text,
	"payment_instructions" text DEFAULT '' NOT NULL,
	"total" integer NOT NULL,
	"currency" text NOT NULL,
	"issued_on" date DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"paid_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_statuses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "order_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT '#64748b' NOT NULL,
	"is_open" boolean DEFAULT true NOT NULL,
	"allows_committing" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "order_statuses_id_seller_unique" UNIQUE("id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "payment_methods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_methods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"name" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	CONSTRAINT "payment_methods_id_seller_unique" UNIQUE("id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "sales_channels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_channels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "sales_channels_id_seller_unique" UNIQUE("id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "sales_order_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_order_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"order_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" integer,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sales_order_lines_quantity_positive" CHECK ("sales_order_lines"."quantity" > 0),
	CONSTRAINT "sales_order_lines_price_nonnegative" CHECK ("sales_order_lines"."unit_price" is null or "sales_order_lines"."unit_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sales_orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"number" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"placed_by_account_id" integer,
	"placed_by_staff_id" integer,
	"status_id" integer NOT NULL,
	"channel_id" integer NOT NULL,
	"payment_method_id" integer,
	"po_number" text,
	"notes" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_orders_id_seller_unique" UNIQUE("id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "portal_for_sale_statuses" (
	"seller_id" integer NOT NULL,
	"status_id" integer NOT NULL,
	CONSTRAINT "portal_for_sale_statuses_seller_id_status_id_pk" PRIMARY KEY("seller_id","status_id")
);
--> statement-breakpoint
CREATE TABLE "portal_for_sale_warehouses" (
	"seller_id" integer NOT NULL,
	"warehouse_id" integer NOT NULL,
	CONSTRAINT "portal_for_sale_warehouses_seller_id_warehouse_id_pk" PRIMARY KEY("seller_id","warehouse_id")
);
--> statement-breakpoint
CREATE TABLE "portal_payment_methods" (
	"seller_id" integer NOT NULL,
	"payment_method_id" integer NOT NULL,
	CONSTRAINT "portal_payment_methods_seller_id_payment_method_id_pk" PRIMARY KEY("seller_id","payment_method_id")
);
--> statement-breakpoint
CREATE TABLE "portal_settings" (
	"seller_id" integer PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"initial_order_status_id" integer,
	"sales_channel_id" integer,
	"auto_invoice" boolean DEFAULT false NOT NULL,
	"hide_unpriced" boolean DEFAULT false NOT NULL,
	"display_name" text,
	"logo_data_url" text,
	"brand_color" text DEFAULT '#1d4ed8' NOT NULL,
	"return_window_days" integer,
	"invoice_due_days" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_settings_return_window" CHECK ("portal_settings"."return_window_days" is null or "portal_settings"."return_window_days" >= 0),
	CONSTRAINT "portal_settings_brand_color" CHECK ("portal_settings"."brand_color" ~ '^#[0-9a-fA-F]{6}$')
);
--> statement-breakpoint
CREATE TABLE "cart_lines" (
	"seller_id" integer NOT NULL,
	"portal_account_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_lines_portal_account_id_product_id_pk" PRIMARY KEY("portal_account_id","product_id"),
	CONSTRAINT "cart_lines_quantity_positive" CHECK ("cart_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "rma_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rma_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"rma_id" integer NOT NULL,
	"device_id" integer NOT NULL,
	"disposition" "rma_disposition" DEFAULT 'return' NOT NULL,
	"reason" text NOT NULL,
	"refund_amount" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rma_lines_refund_nonnegative" CHECK ("rma_lines"."refund_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rmas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rmas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"number" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"status" "rma_status" DEFAULT 'requested' NOT NULL,
	"resolution" "rma_resolution",
	"requested_by_account_id" integer,
	"created_by_staff_id" integer,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rmas_id_seller_unique" UNIQUE("id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "email_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"status" "email_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"provider_message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"actor_staff_id" integer,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_order_line_id_sales_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."sales_order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_product_fk" FOREIGN KEY ("product_id","seller_id") REFERENCES "public"."products"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_warehouse_fk" FOREIGN KEY ("warehouse_id","seller_id") REFERENCES "public"."warehouses"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_status_fk" FOREIGN KEY ("status_id","seller_id") REFERENCES "public"."inventory_statuses"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_statuses" ADD CONSTRAINT "inventory_statuses_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_availability" ADD CONSTRAINT "product_availability_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_availability" ADD CONSTRAINT "product_availability_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_accounts" ADD CONSTRAINT "portal_accounts_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_accounts" ADD CONSTRAINT "portal_accounts_organization_fk" FOREIGN KEY ("organization_id","seller_id") REFERENCES "public"."organizations"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_portal_account_id_portal_accounts_id_fk" FOREIGN KEY ("portal_account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_order_fk" FOREIGN KEY ("order_id","seller_id") REFERENCES "public"."sales_orders"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payment_method_fk" FOREIGN KEY ("payment_method_id","seller_id") REFERENCES "public"."payment_methods"("id","seller_id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_statuses" ADD CONSTRAINT "order_statuses_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_channels" ADD CONSTRAINT "sales_channels_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_lines" ADD CONSTRAINT "sales_order_lines_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_lines" ADD CONSTRAINT "sales_order_lines_order_fk" FOREIGN KEY ("order_id","seller_id") REFERENCES "public"."sales_orders"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_lines" ADD CONSTRAINT "sales_order_lines_product_fk" FOREIGN KEY ("product_id","seller_id") REFERENCES "public"."products"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_orders" ADD CONSTRAINT "sales_orders_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_orders" ADD CONSTRAINT "sales_orders_placed_by_account_id_portal_accounts_id_fk" FOREIGN KEY ("placed_by_account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_orders" ADD CONSTRAINT "sales_orders_placed_by_staff_id_staff_users_id_fk" FOREIGN KEY ("placed_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_orders" ADD CONSTRAINT "sales_orders_organization_fk" FOREIGN KEY ("organization_id","seller_id") REFERENCES "public"."organizations"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_orders" ADD CONSTRAINT "sales_orders_status_fk" FOREIGN KEY ("status_id","seller_id") REFERENCES "public"."order_statuses"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_orders" ADD CONSTRAINT "sales_orders_channel_fk" FOREIGN KEY ("channel_id","seller_id") REFERENCES "public"."sales_channels"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_orders" ADD CONSTRAINT "sales_orders_payment_method_fk" FOREIGN KEY ("payment_method_id","seller_id") REFERENCES "public"."payment_methods"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_for_sale_statuses" ADD CONSTRAINT "portal_for_sale_statuses_status_fk" FOREIGN KEY ("status_id","seller_id") REFERENCES "public"."inventory_statuses"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_for_sale_warehouses" ADD CONSTRAINT "portal_for_sale_warehouses_warehouse_fk" FOREIGN KEY ("warehouse_id","seller_id") REFERENCES "public"."warehouses"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_payment_methods" ADD CONSTRAINT "portal_payment_methods_method_fk" FOREIGN KEY ("payment_method_id","seller_id") REFERENCES "public"."payment_methods"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD CONSTRAINT "portal_settings_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD CONSTRAINT "portal_settings_initial_status_fk" FOREIGN KEY ("initial_order_status_id","seller_id") REFERENCES "public"."order_statuses"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_settings" ADD CONSTRAINT "portal_settings_channel_fk" FOREIGN KEY ("sales_channel_id","seller_id") REFERENCES "public"."sales_channels"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_portal_account_id_portal_accounts_id_fk" FOREIGN KEY ("portal_account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_product_fk" FOREIGN KEY ("product_id","seller_id") REFERENCES "public"."products"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rma_lines" ADD CONSTRAINT "rma_lines_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rma_lines" ADD CONSTRAINT "rma_lines_rma_fk" FOREIGN KEY ("rma_id","seller_id") REFERENCES "public"."rmas"("id","seller_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rmas" ADD CONSTRAINT "rmas_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rmas" ADD CONSTRAINT "rmas_requested_by_account_id_portal_accounts_id_fk" FOREIGN KEY ("requested_by_account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rmas" ADD CONSTRAINT "rmas_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rmas" ADD CONSTRAINT "rmas_organization_fk" FOREIGN KEY ("organization_id","seller_id") REFERENCES "public"."organizations"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_actor_staff_id_staff_users_id_fk" FOREIGN KEY ("actor_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sellers_slug_unique" ON "sellers" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "sellers_custom_domain_unique" ON "sellers" USING btree (lower("custom_domain"));--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_email_unique" ON "staff_users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "devices_seller_imei_unique" ON "devices" USING btree ("seller_id","imei");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_seller_serial_unique" ON "devices" USING btree ("seller_id",lower("serial"));--> statement-breakpoint
CREATE INDEX "devices_product_idx" ON "devices" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "devices_order_line_idx" ON "devices" USING btree ("order_line_id");--> statement-breakpoint
CREATE INDEX "devices_seller_status_warehouse_idx" ON "devices" USING btree ("seller_id","status_id","warehouse_id");--> statement-breakpoint
CREATE INDEX "devices_uncommitted_idx" ON "devices" USING btree ("seller_id","product_id","status_id","warehouse_id") WHERE "devices"."order_line_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_statuses_seller_name_unique" ON "inventory_statuses" USING btree ("seller_id",lower("name"));--> statement-breakpoint
CREATE INDEX "product_availability_seller_available_idx" ON "product_availability" USING btree ("seller_id","product_id") WHERE "product_availability"."quantity" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "products_seller_sku_unique" ON "products" USING btree ("seller_id",lower("sku"));--> statement-breakpoint
CREATE INDEX "products_seller_model_idx" ON "products" USING btree ("seller_id","manufacturer","model");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_seller_code_unique" ON "warehouses" USING btree ("seller_id",lower("code"));--> statement-breakpoint
CREATE INDEX "organizations_seller_name_idx" ON "organizations" USING btree ("seller_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_accounts_seller_email_unique" ON "portal_accounts" USING btree ("seller_id",lower("email"));--> statement-breakpoint
CREATE INDEX "portal_accounts_organization_idx" ON "portal_accounts" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "auth_tokens_hash_unique" ON "auth_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "auth_tokens_staff_idx" ON "auth_tokens" USING btree ("staff_user_id");--> statement-breakpoint
CREATE INDEX "auth_tokens_portal_account_idx" ON "auth_tokens" USING btree ("portal_account_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_seller_number_unique" ON "invoices" USING btree ("seller_id","number");--> statement-breakpoint
CREATE INDEX "invoices_order_idx" ON "invoices" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_statuses_seller_name_unique" ON "order_statuses" USING btree ("seller_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "payment_methods_seller_name_unique" ON "payment_methods" USING btree ("seller_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "sales_channels_seller_name_unique" ON "sales_channels" USING btree ("seller_id",lower("name"));--> statement-breakpoint
CREATE INDEX "sales_order_lines_order_idx" ON "sales_order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "sales_order_lines_product_idx" ON "sales_order_lines" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_orders_seller_number_unique" ON "sales_orders" USING btree ("seller_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_orders_seller_idempotency_unique" ON "sales_orders" USING btree ("seller_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "sales_orders_organization_idx" ON "sales_orders" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "sales_orders_seller_created_idx" ON "sales_orders" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "rma_lines_rma_idx" ON "rma_lines" USING btree ("rma_id");--> statement-breakpoint
CREATE INDEX "rma_lines_device_idx" ON "rma_lines" USING btree ("device_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rmas_seller_number_unique" ON "rmas" USING btree ("seller_id","number");--> statement-breakpoint
CREATE INDEX "rmas_organization_idx" ON "rmas" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "email_messages_due_idx" ON "email_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_messages_seller_created_idx" ON "email_messages" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_entries_seller_created_idx" ON "audit_entries" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_entries_entity_idx" ON "audit_entries" USING btree ("seller_id","entity_type","entity_id");