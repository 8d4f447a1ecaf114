/*
  Warnings:

  - A unique constraint covering the columns `[stripe_customer_id]` on the table `customer` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "payment_attempt_source" AS ENUM ('PORTAL', 'AUTOPAY');

-- CreateEnum
CREATE TYPE "autopay_timing" AS ENUM ('ON_DUE_DATE', 'DAYS_BEFORE');

-- CreateEnum
CREATE TYPE "autopay_charge_status" AS ENUM ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED');

-- AlterEnum
ALTER TYPE "account_flag_kind" ADD VALUE 'AUTOPAY_FAILED';

-- AlterTable
ALTER TABLE "customer" ADD COLUMN     "stripe_customer_id" TEXT;

-- AlterTable
ALTER TABLE "payment_attempt" ADD COLUMN     "source" "payment_attempt_source" NOT NULL DEFAULT 'PORTAL';

-- CreateTable
CREATE TABLE "saved_card" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "stripe_customer_id" TEXT NOT NULL,
    "payment_method_id" TEXT NOT NULL,
    "setup_intent_id" TEXT,
    "brand" TEXT NOT NULL,
    "last4" CHAR(4) NOT NULL,
    "exp_month" INTEGER NOT NULL,
    "exp_year" INTEGER NOT NULL,
    "saved_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by_id" UUID,

    CONSTRAINT "saved_card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "autopay_setting" (
    "customer_id" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "saved_card_id" UUID,
    "timing" "autopay_timing" NOT NULL DEFAULT 'ON_DUE_DATE',
    "days_before" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "enabled_by_id" UUID,
    "enabled_at" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "disabled_reason" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "autopay_setting_pkey" PRIMARY KEY ("customer_id")
);

-- CreateTable
CREATE TABLE "autopay_charge" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "run_date" DATE NOT NULL,
    "attempt" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "saved_card_id" UUID NOT NULL,
    "payment_attempt_id" UUID NOT NULL,
    "payment_intent_id" TEXT,
    "status" "autopay_charge_status" NOT NULL DEFAULT 'PENDING',
    "failure_code" TEXT,
    "failure_message" TEXT,
    "next_retry_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "autopay_charge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "step_up_code" (
    "id" UUID NOT NULL,
    "session_id" TEXT NOT NULL,
    "portal_user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "step_up_code_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "saved_card_payment_method_id_key" ON "saved_card"("payment_method_id");

-- CreateIndex
CREATE UNIQUE INDEX "saved_card_setup_intent_id_key" ON "saved_card"("setup_intent_id");

-- CreateIndex
CREATE INDEX "saved_card_customer_id_created_at_idx" ON "saved_card"("customer_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "autopay_setting_enabled_idx" ON "autopay_setting"("enabled");

-- CreateIndex
CREATE UNIQUE INDEX "autopay_charge_idempotency_key_key" ON "autopay_charge"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "autopay_charge_payment_attempt_id_key" ON "autopay_charge"("payment_attempt_id");

-- CreateIndex
CREATE UNIQUE INDEX "autopay_charge_payment_intent_id_key" ON "autopay_charge"("payment_intent_id");

-- CreateIndex
CREATE INDEX "autopay_charge_status_next_retry_at_idx" ON "autopay_charge"("status", "next_retry_at");

-- CreateIndex
CREATE UNIQUE INDEX "autopay_charge_customer_id_run_date_attempt_key" ON "autopay_charge"("customer_id", "run_date", "attempt");

-- CreateIndex
CREATE INDEX "step_up_code_session_id_created_at_idx" ON "step_up_code"("session_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "customer_stripe_customer_id_key" ON "customer"("stripe_customer_id");

-- AddForeignKey
ALTER TABLE "saved_card" ADD CONSTRAINT "saved_card_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_card" ADD CONSTRAINT "saved_card_saved_by_id_fkey" FOREIGN KEY ("saved_by_id") REFERENCES "portal_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autopay_setting" ADD CONSTRAINT "autopay_setting_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autopay_setting" ADD CONSTRAINT "autopay_setting_saved_card_id_fkey" FOREIGN KEY ("saved_card_id") REFERENCES "saved_card"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autopay_setting" ADD CONSTRAINT "autopay_setting_enabled_by_id_fkey" FOREIGN KEY ("enabled_by_id") REFERENCES "portal_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autopay_charge" ADD CONSTRAINT "autopay_charge_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autopay_charge" ADD CONSTRAINT "autopay_charge_saved_card_id_fkey" FOREIGN KEY ("saved_card_id") REFERENCES "saved_card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autopay_charge" ADD CONSTRAINT "autopay_charge_payment_attempt_id_fkey" FOREIGN KEY ("payment_attempt_id") REFERENCES "payment_attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: invariants schema.prisma cannot express. Keep below the generated part.

-- A saved card is what Stripe says about it: four digits, a real month, a four-digit year.
ALTER TABLE "saved_card" ADD CONSTRAINT "saved_card_last4_check" CHECK ("last4" ~ '^[0-9]{4}$');
ALTER TABLE "saved_card" ADD CONSTRAINT "saved_card_expiry_check"
  CHECK ("exp_month" BETWEEN 1 AND 12 AND "exp_year" BETWEEN 2000 AND 2200);
ALTER TABLE "saved_card" ADD CONSTRAINT "saved_card_removed_check"
  CHECK (("removed_at" IS NULL) = ("removed_by_id" IS NULL));

-- Autopay charges N days before the due date, N from 0 to 15; on time means N = 0. It can only be
-- on with a card and with the payer who turned it on.
ALTER TABLE "autopay_setting" ADD CONSTRAINT "autopay_setting_days_before_check"
  CHECK ("days_before" BETWEEN 0 AND 15 AND ("timing" = 'DAYS_BEFORE' OR "days_before" = 0));
ALTER TABLE "autopay_setting" ADD CONSTRAINT "autopay_setting_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "autopay_setting" ADD CONSTRAINT "autopay_setting_enabled_check"
  CHECK (NOT "enabled" OR ("saved_card_id" IS NOT NULL AND "enabled_by_id" IS NOT NULL AND "enabled_at" IS NOT NULL));

-- Attempts of a run count from 1; a succeeded charge has its PaymentIntent.
ALTER TABLE "autopay_charge" ADD CONSTRAINT "autopay_charge_attempt_check" CHECK ("attempt" BETWEEN 1 AND 10);
ALTER TABLE "autopay_charge" ADD CONSTRAINT "autopay_charge_succeeded_check"
  CHECK ("status" <> 'SUCCEEDED' OR "payment_intent_id" IS NOT NULL);
