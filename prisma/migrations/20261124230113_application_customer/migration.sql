-- Applications carry their customer (both items always belong to it), so an account's recent
-- applications are one index range instead of a scan of the whole table.

-- AlterTable: add, backfill from the credit item, then require. The append-only trigger is
-- suspended for the backfill only; the column is new, so no recorded value changes.
ALTER TABLE "application" ADD COLUMN "customer_id" UUID;
ALTER TABLE "application" DISABLE TRIGGER "application_append_only";
UPDATE "application" a SET "customer_id" = i."customer_id" FROM "open_item" i WHERE i."id" = a."credit_item_id";
ALTER TABLE "application" ENABLE TRIGGER "application_append_only";
ALTER TABLE "application" ALTER COLUMN "customer_id" SET NOT NULL;

-- CreateIndex
CREATE INDEX "application_customer_id_created_at_id_idx" ON "application"("customer_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "open_item_customer_id_created_at_id_idx" ON "open_item"("customer_id", "created_at" DESC, "id" DESC);
