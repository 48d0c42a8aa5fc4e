CREATE TABLE "import_batch_rows" (
	"batch_id" integer NOT NULL,
	"row" integer NOT NULL,
	"cells" text[] NOT NULL,
	"key" text,
	"key2" text,
	"product_key" text,
	CONSTRAINT "import_batch_rows_pkey" PRIMARY KEY("batch_id","row")
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"seller_id" integer NOT NULL,
	"staff_user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"columns" text[] NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"row_count" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"result" jsonb,
	"expires_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_batches_id_seller_unique" UNIQUE("id","seller_id"),
	CONSTRAINT "import_batches_kind" CHECK ("import_batches"."kind" in ('products', 'devices')),
	CONSTRAINT "import_batches_status" CHECK ("import_batches"."status" in ('open', 'applied')),
	CONSTRAINT "import_batches_row_count" CHECK ("import_batches"."row_count" between 1 and 100000)
);
--> statement-breakpoint
ALTER TABLE "import_batch_rows" ADD CONSTRAINT "import_batch_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_staff_fk" FOREIGN KEY ("staff_user_id","seller_id") REFERENCES "public"."staff_users"("id","seller_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_batch_rows_key_idx" ON "import_batch_rows" USING btree ("batch_id","key","row");--> statement-breakpoint
CREATE INDEX "import_batch_rows_key2_idx" ON "import_batch_rows" USING btree ("batch_id","key2","row");--> statement-breakpoint
CREATE INDEX "import_batch_rows_product_key_idx" ON "import_batch_rows" USING btree ("batch_id","product_key","row");--> statement-breakpoint
CREATE INDEX "import_batches_expires_idx" ON "import_batches" USING btree ("expires_at");