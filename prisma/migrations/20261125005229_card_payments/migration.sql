/*
  Warnings:

  - A unique constraint covering the columns `[stripe_payment_intent_id]` on the table `open_item` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "payment_attempt_status" AS ENUM ('OPEN', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED');

-- AlterTable
ALTER TABLE "open_item" ADD COLUMN     "cash_application_note" TEXT,
ADD COLUMN     "needs_cash_application" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stripe_payment_intent_id" TEXT;

-- CreateTable
CREATE TABLE "payment_attempt" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "status" "payment_attempt_status" NOT NULL DEFAULT 'OPEN',
    "idempotency_key" TEXT NOT NULL,
    "checkout_session_id" TEXT,
    "checkout_url" TEXT,
    "payment_intent_id" TEXT,
    "failure_code" TEXT,
    "failure_message" TEXT,
    "payment_item_id" UUID,
    "created_by_id" UUID NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "payment_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_attempt_allocation" (
    "id" UUID NOT NULL,
    "attempt_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "payment_attempt_allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_event" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "object_id" TEXT,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "stripe_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempt_idempotency_key_key" ON "payment_attempt"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempt_checkout_session_id_key" ON "payment_attempt"("checkout_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempt_payment_intent_id_key" ON "payment_attempt"("payment_intent_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempt_payment_item_id_key" ON "payment_attempt"("payment_item_id");

-- CreateIndex
CREATE INDEX "payment_attempt_customer_id_created_at_idx" ON "payment_attempt"("customer_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "payment_attempt_status_created_at_idx" ON "payment_attempt"("status", "created_at");

-- CreateIndex
CREATE INDEX "payment_attempt_allocation_item_id_idx" ON "payment_attempt_allocation"("item_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempt_allocation_attempt_id_item_id_key" ON "payment_attempt_allocation"("attempt_id", "item_id");

-- CreateIndex
CREATE INDEX "stripe_event_processed_at_received_at_idx" ON "stripe_event"("processed_at", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "open_item_stripe_payment_intent_id_key" ON "open_item"("stripe_payment_intent_id");

-- CreateIndex
CREATE INDEX "open_item_needs_cash_application_idx" ON "open_item"("needs_cash_application");

-- AddForeignKey
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_payment_item_id_fkey" FOREIGN KEY ("payment_item_id") REFERENCES "open_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "portal_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_attempt_allocation" ADD CONSTRAINT "payment_attempt_allocation_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "payment_attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_attempt_allocation" ADD CONSTRAINT "payment_attempt_allocation_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "open_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: invariants schema.prisma cannot express. Keep below the generated part.

-- A payment attempt pays a positive amount in one ISO 4217 currency, split over its invoices.
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_amount_check" CHECK ("amount" > 0);
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "payment_attempt_allocation" ADD CONSTRAINT "payment_attempt_allocation_amount_check" CHECK ("amount" > 0);

-- Only payments come from a PaymentIntent.
ALTER TABLE "open_item" ADD CONSTRAINT "open_item_stripe_payment_intent_check"
  CHECK ("stripe_payment_intent_id" IS NULL OR "kind" = 'PAYMENT');
