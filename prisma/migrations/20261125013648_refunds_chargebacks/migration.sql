-- CreateEnum
CREATE TYPE "refund_reason" AS ENUM ('DUPLICATE_PAYMENT', 'OVERPAYMENT', 'WRONG_COMPANY', 'OTHER');

-- CreateEnum
CREATE TYPE "refund_status" AS ENUM ('PENDING_APPROVAL', 'REJECTED', 'APPROVED', 'PENDING', 'SUCCEEDED', 'FAILED', 'CANCELED');

-- CreateEnum
CREATE TYPE "chargeback_status" AS ENUM ('OPEN', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "account_flag_kind" AS ENUM ('CHARGEBACK');

-- CreateTable
CREATE TABLE "refund" (
    "id" UUID NOT NULL,
    "payment_item_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "reason" "refund_reason" NOT NULL,
    "note" TEXT,
    "status" "refund_status" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "stripe_refund_id" TEXT,
    "failure_reason" TEXT,
    "last_error" TEXT,
    "requires_approval" BOOLEAN NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "refund_item_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund_approval_threshold" (
    "currency" CHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" TEXT,

    CONSTRAINT "refund_approval_threshold_pkey" PRIMARY KEY ("currency")
);

-- CreateTable
CREATE TABLE "chargeback" (
    "id" UUID NOT NULL,
    "stripe_dispute_id" TEXT NOT NULL,
    "stripe_charge_id" TEXT NOT NULL,
    "payment_item_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "stripe_reason" TEXT NOT NULL,
    "stripe_status" TEXT NOT NULL,
    "status" "chargeback_status" NOT NULL DEFAULT 'OPEN',
    "reversed_applications" JSONB NOT NULL DEFAULT '[]',
    "chargeback_item_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chargeback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_flag" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "kind" "account_flag_kind" NOT NULL,
    "reference" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" TEXT,

    CONSTRAINT "account_flag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "refund_idempotency_key_key" ON "refund"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "refund_stripe_refund_id_key" ON "refund"("stripe_refund_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_refund_item_id_key" ON "refund"("refund_item_id");

-- CreateIndex
CREATE INDEX "refund_payment_item_id_idx" ON "refund"("payment_item_id");

-- CreateIndex
CREATE INDEX "refund_status_created_at_idx" ON "refund"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "chargeback_stripe_dispute_id_key" ON "chargeback"("stripe_dispute_id");

-- CreateIndex
CREATE UNIQUE INDEX "chargeback_chargeback_item_id_key" ON "chargeback"("chargeback_item_id");

-- CreateIndex
CREATE INDEX "chargeback_payment_item_id_idx" ON "chargeback"("payment_item_id");

-- CreateIndex
CREATE INDEX "chargeback_customer_id_idx" ON "chargeback"("customer_id");

-- CreateIndex
CREATE INDEX "account_flag_customer_id_resolved_at_idx" ON "account_flag"("customer_id", "resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "account_flag_kind_reference_key" ON "account_flag"("kind", "reference");

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_payment_item_id_fkey" FOREIGN KEY ("payment_item_id") REFERENCES "open_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_refund_item_id_fkey" FOREIGN KEY ("refund_item_id") REFERENCES "open_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chargeback" ADD CONSTRAINT "chargeback_payment_item_id_fkey" FOREIGN KEY ("payment_item_id") REFERENCES "open_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chargeback" ADD CONSTRAINT "chargeback_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chargeback" ADD CONSTRAINT "chargeback_chargeback_item_id_fkey" FOREIGN KEY ("chargeback_item_id") REFERENCES "open_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_flag" ADD CONSTRAINT "account_flag_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: invariants schema.prisma cannot express. Keep below the generated part.

-- Refunds and chargebacks move a positive amount of one ISO 4217 currency.
ALTER TABLE "refund" ADD CONSTRAINT "refund_amount_check" CHECK ("amount" > 0);
ALTER TABLE "refund" ADD CONSTRAINT "refund_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "refund" ADD CONSTRAINT "refund_other_note_check"
  CHECK ("reason" <> 'OTHER' OR length(btrim(coalesce("note", ''))) > 0);
ALTER TABLE "refund" ADD CONSTRAINT "refund_self_approval_check"
  CHECK ("decided_by_id" IS NULL OR "decided_by_id" <> "requested_by_id");
ALTER TABLE "chargeback" ADD CONSTRAINT "chargeback_amount_check" CHECK ("amount" > 0);
ALTER TABLE "chargeback" ADD CONSTRAINT "chargeback_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "refund_approval_threshold" ADD CONSTRAINT "refund_approval_threshold_amount_check"
  CHECK ("amount" >= 0);
ALTER TABLE "refund_approval_threshold" ADD CONSTRAINT "refund_approval_threshold_currency_check"
  CHECK ("currency" ~ '^[A-Z]{3}$');

-- Defaults (ADR 014): above 1,000.00 USD/EUR/GBP or 5,000.00 BRL a second staff member approves.
INSERT INTO "refund_approval_threshold" ("currency", "amount") VALUES
  ('USD', 100000), ('EUR', 100000), ('GBP', 100000), ('BRL', 500000);
