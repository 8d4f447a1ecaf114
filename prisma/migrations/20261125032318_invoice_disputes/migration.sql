-- CreateEnum
CREATE TYPE "dispute_reason" AS ENUM ('PRICING', 'QUANTITY_SHORT_SHIPMENT', 'DAMAGED_GOODS', 'LOST_FREIGHT', 'DUPLICATE_BILLING', 'TAX', 'MISSING_PO_REFERENCE', 'SERVICE_NOT_RENDERED', 'ALREADY_PAID', 'OTHER');

-- CreateEnum
CREATE TYPE "dispute_scope" AS ENUM ('WHOLE', 'LINES', 'AMOUNT');

-- CreateEnum
CREATE TYPE "dispute_status" AS ENUM ('OPEN', 'UNDER_REVIEW', 'PENDING_APPROVAL', 'RESOLVED_VALID', 'RESOLVED_PARTIAL', 'RESOLVED_INVALID', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "dispute_channel" AS ENUM ('PORTAL', 'PHONE', 'EMAIL', 'CASH_APPLICATION');

-- CreateEnum
CREATE TYPE "dispute_outcome" AS ENUM ('VALID', 'PARTIAL', 'INVALID');

-- CreateEnum
CREATE TYPE "dispute_root_cause" AS ENUM ('PRICING_ERROR', 'ORDER_ENTRY_ERROR', 'SHIPPING_ERROR', 'PRODUCT_QUALITY', 'BILLING_ERROR', 'TAX_SETUP', 'CUSTOMER_ERROR', 'SERVICE_FAILURE', 'OTHER');

-- CreateEnum
CREATE TYPE "dispute_message_visibility" AS ENUM ('CUSTOMER', 'INTERNAL');

-- CreateTable
CREATE TABLE "department" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday" (
    "id" UUID NOT NULL,
    "legal_entity_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_rule" (
    "id" UUID NOT NULL,
    "reason" "dispute_reason" NOT NULL,
    "legal_entity_id" UUID,
    "currency" CHAR(3),
    "min_amount" BIGINT,
    "max_amount" BIGINT,
    "department_id" UUID,
    "owner_id" UUID,
    "deadline_days" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" TEXT,

    CONSTRAINT "dispute_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_approval_threshold" (
    "currency" CHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" TEXT,

    CONSTRAINT "dispute_approval_threshold_pkey" PRIMARY KEY ("currency")
);

-- CreateTable
CREATE TABLE "dispute" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "customer_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "legal_entity_id" UUID NOT NULL,
    "open_invoice_key" UUID,
    "scope" "dispute_scope" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "reason" "dispute_reason" NOT NULL,
    "description" TEXT NOT NULL,
    "status" "dispute_status" NOT NULL DEFAULT 'OPEN',
    "channel" "dispute_channel" NOT NULL,
    "raised_by_portal_user_id" UUID,
    "raised_by_staff_id" UUID,
    "notify_email" TEXT,
    "notify_name" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "owner_id" UUID,
    "department_id" UUID,
    "rule_id" UUID,
    "deadline" DATE NOT NULL,
    "escalated_at" TIMESTAMPTZ(3),
    "idempotency_key" TEXT NOT NULL,
    "outcome" "dispute_outcome",
    "credit_amount" BIGINT,
    "root_cause" "dispute_root_cause",
    "resolution_note" TEXT,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ(3),
    "credit_memo_item_id" UUID,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_line" (
    "id" UUID NOT NULL,
    "dispute_id" UUID NOT NULL,
    "invoice_line_id" UUID NOT NULL,
    "open_line_key" UUID,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "dispute_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_message" (
    "id" UUID NOT NULL,
    "dispute_id" UUID NOT NULL,
    "visibility" "dispute_message_visibility" NOT NULL,
    "author_kind" TEXT NOT NULL,
    "author_id" TEXT,
    "author_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispute_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_attachment" (
    "id" UUID NOT NULL,
    "dispute_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "visibility" "dispute_message_visibility" NOT NULL DEFAULT 'CUSTOMER',
    "uploaded_by_kind" TEXT NOT NULL,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispute_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_attachment_content" (
    "attachment_id" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "dispute_attachment_content_pkey" PRIMARY KEY ("attachment_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "department_code_key" ON "department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "holiday_legal_entity_id_date_key" ON "holiday"("legal_entity_id", "date");

-- CreateIndex
CREATE INDEX "dispute_rule_reason_active_idx" ON "dispute_rule"("reason", "active");

-- CreateIndex
CREATE UNIQUE INDEX "dispute_number_key" ON "dispute"("number");

-- CreateIndex
CREATE UNIQUE INDEX "dispute_open_invoice_key_key" ON "dispute"("open_invoice_key");

-- CreateIndex
CREATE UNIQUE INDEX "dispute_idempotency_key_key" ON "dispute"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "dispute_credit_memo_item_id_key" ON "dispute"("credit_memo_item_id");

-- CreateIndex
CREATE INDEX "dispute_customer_id_created_at_idx" ON "dispute"("customer_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "dispute_invoice_id_idx" ON "dispute"("invoice_id");

-- CreateIndex
CREATE INDEX "dispute_status_deadline_idx" ON "dispute"("status", "deadline");

-- CreateIndex
CREATE INDEX "dispute_owner_id_status_idx" ON "dispute"("owner_id", "status");

-- CreateIndex
CREATE INDEX "dispute_department_id_status_idx" ON "dispute"("department_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "dispute_line_open_line_key_key" ON "dispute_line"("open_line_key");

-- CreateIndex
CREATE INDEX "dispute_line_invoice_line_id_idx" ON "dispute_line"("invoice_line_id");

-- CreateIndex
CREATE UNIQUE INDEX "dispute_line_dispute_id_invoice_line_id_key" ON "dispute_line"("dispute_id", "invoice_line_id");

-- CreateIndex
CREATE INDEX "dispute_message_dispute_id_created_at_idx" ON "dispute_message"("dispute_id", "created_at");

-- CreateIndex
CREATE INDEX "dispute_attachment_dispute_id_created_at_idx" ON "dispute_attachment"("dispute_id", "created_at");

-- AddForeignKey
ALTER TABLE "holiday" ADD CONSTRAINT "holiday_legal_entity_id_fkey" FOREIGN KEY ("legal_entity_id") REFERENCES "legal_entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_rule" ADD CONSTRAINT "dispute_rule_legal_entity_id_fkey" FOREIGN KEY ("legal_entity_id") REFERENCES "legal_entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_rule" ADD CONSTRAINT "dispute_rule_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_rule" ADD CONSTRAINT "dispute_rule_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "open_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_legal_entity_id_fkey" FOREIGN KEY ("legal_entity_id") REFERENCES "legal_entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_raised_by_portal_user_id_fkey" FOREIGN KEY ("raised_by_portal_user_id") REFERENCES "portal_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_raised_by_staff_id_fkey" FOREIGN KEY ("raised_by_staff_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "dispute_rule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_credit_memo_item_id_fkey" FOREIGN KEY ("credit_memo_item_id") REFERENCES "open_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_line" ADD CONSTRAINT "dispute_line_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_line" ADD CONSTRAINT "dispute_line_invoice_line_id_fkey" FOREIGN KEY ("invoice_line_id") REFERENCES "invoice_line"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_message" ADD CONSTRAINT "dispute_message_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_attachment" ADD CONSTRAINT "dispute_attachment_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_attachment_content" ADD CONSTRAINT "dispute_attachment_content_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "dispute_attachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Last lines of defence behind the use cases (docs/decisions/016).
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_amount_check" CHECK ("amount" > 0);
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_raised_by_check"
  CHECK ("raised_by_portal_user_id" IS NULL OR "raised_by_staff_id" IS NULL);
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_credit_amount_check"
  CHECK ("credit_amount" IS NULL OR ("credit_amount" > 0 AND "credit_amount" <= "amount"));
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_approver_check"
  CHECK ("approved_by_id" IS NULL OR "approved_by_id" <> "decided_by_id");
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_open_invoice_key_check"
  CHECK ("open_invoice_key" IS NULL OR ("open_invoice_key" = "invoice_id" AND "scope" <> 'LINES'
    AND "status" IN ('OPEN', 'UNDER_REVIEW', 'PENDING_APPROVAL')));
ALTER TABLE "dispute_line" ADD CONSTRAINT "dispute_line_amount_check" CHECK ("amount" > 0);
ALTER TABLE "dispute_line" ADD CONSTRAINT "dispute_line_open_line_key_check"
  CHECK ("open_line_key" IS NULL OR "open_line_key" = "invoice_line_id");
ALTER TABLE "dispute_rule" ADD CONSTRAINT "dispute_rule_owner_check"
  CHECK ("department_id" IS NOT NULL OR "owner_id" IS NOT NULL);
ALTER TABLE "dispute_rule" ADD CONSTRAINT "dispute_rule_deadline_check" CHECK ("deadline_days" BETWEEN 1 AND 250);
ALTER TABLE "dispute_rule" ADD CONSTRAINT "dispute_rule_band_check"
  CHECK ((("min_amount" IS NULL AND "max_amount" IS NULL) = ("currency" IS NULL))
    AND ("min_amount" IS NULL OR "min_amount" >= 0)
    AND ("min_amount" IS NULL OR "max_amount" IS NULL OR "min_amount" < "max_amount"));
ALTER TABLE "dispute_approval_threshold" ADD CONSTRAINT "dispute_approval_threshold_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "dispute_attachment" ADD CONSTRAINT "dispute_attachment_size_check" CHECK ("size" > 0);
ALTER TABLE "dispute_attachment" ADD CONSTRAINT "dispute_attachment_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "dispute_message" ADD CONSTRAINT "dispute_message_body_check" CHECK (length("body") BETWEEN 1 AND 5000);

-- Credits above these amounts need a second staff member; AR managers change them.
INSERT INTO "dispute_approval_threshold" ("currency", "amount") VALUES
  ('USD', 100000), ('EUR', 100000), ('GBP', 100000), ('BRL', 500000);
