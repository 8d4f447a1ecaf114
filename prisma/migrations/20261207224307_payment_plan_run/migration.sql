/*
  Warnings:

  - A unique constraint covering the columns `[fee_item_id]` on the table `payment_plan` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "collector_task_kind" AS ENUM ('PLAN_BROKEN', 'PLAN_DEFAULTED', 'PLAN_REQUEST');

-- CreateEnum
CREATE TYPE "collector_task_status" AS ENUM ('OPEN', 'DONE');

-- AlterEnum
ALTER TYPE "payment_attempt_source" ADD VALUE 'PLAN';

-- AlterEnum
ALTER TYPE "payment_plan_status" ADD VALUE 'REQUESTED';

-- AlterTable
ALTER TABLE "payment_plan" ADD COLUMN     "activated_at" TIMESTAMPTZ(3),
ADD COLUMN     "end_reason" TEXT,
ADD COLUMN     "ended_at" TIMESTAMPTZ(3),
ADD COLUMN     "fee_item_id" UUID,
ADD COLUMN     "misses" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "replaces_plan_id" UUID,
ADD COLUMN     "saved_card_id" UUID;

-- AlterTable
ALTER TABLE "payment_plan_instalment" ADD COLUMN     "broken_on" DATE,
ADD COLUMN     "missed_on" DATE,
ADD COLUMN     "paid_on" DATE,
ADD COLUMN     "reminded_on" DATE;

-- CreateTable
CREATE TABLE "payment_plan_policy" (
    "legal_entity_id" UUID NOT NULL,
    "fee_bps" INTEGER NOT NULL,
    "grace_days" INTEGER NOT NULL,
    "reminder_days" INTEGER NOT NULL,
    "misses_to_default" INTEGER NOT NULL,
    "self_service_enabled" BOOLEAN NOT NULL,
    "self_service_max_total" BIGINT NOT NULL,
    "self_service_max_instalments" INTEGER NOT NULL,
    "self_service_min_down_bps" INTEGER NOT NULL,
    "self_service_risk_classes" "risk_class"[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "payment_plan_policy_pkey" PRIMARY KEY ("legal_entity_id")
);

-- CreateTable
CREATE TABLE "plan_charge" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "instalment_id" UUID NOT NULL,
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
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_charge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collector_task" (
    "id" UUID NOT NULL,
    "kind" "collector_task_kind" NOT NULL,
    "customer_id" UUID NOT NULL,
    "assignee_id" UUID,
    "plan_id" UUID,
    "instalment_id" UUID,
    "due_on" DATE NOT NULL,
    "status" "collector_task_status" NOT NULL DEFAULT 'OPEN',
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),
    "done_by_id" UUID,

    CONSTRAINT "collector_task_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plan_charge_idempotency_key_key" ON "plan_charge"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "plan_charge_payment_attempt_id_key" ON "plan_charge"("payment_attempt_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_charge_payment_intent_id_key" ON "plan_charge"("payment_intent_id");

-- CreateIndex
CREATE INDEX "plan_charge_status_idx" ON "plan_charge"("status");

-- CreateIndex
CREATE UNIQUE INDEX "plan_charge_instalment_id_run_date_key" ON "plan_charge"("instalment_id", "run_date");

-- CreateIndex
CREATE UNIQUE INDEX "plan_charge_instalment_id_attempt_key" ON "plan_charge"("instalment_id", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "collector_task_dedupe_key_key" ON "collector_task"("dedupe_key");

-- CreateIndex
CREATE INDEX "collector_task_assignee_id_status_due_on_idx" ON "collector_task"("assignee_id", "status", "due_on");

-- CreateIndex
CREATE INDEX "collector_task_customer_id_status_idx" ON "collector_task"("customer_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "payment_plan_fee_item_id_key" ON "payment_plan"("fee_item_id");

-- CreateIndex
CREATE INDEX "payment_plan_status_idx" ON "payment_plan"("status");

-- AddForeignKey
ALTER TABLE "payment_plan" ADD CONSTRAINT "payment_plan_saved_card_id_fkey" FOREIGN KEY ("saved_card_id") REFERENCES "saved_card"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plan_policy" ADD CONSTRAINT "payment_plan_policy_legal_entity_id_fkey" FOREIGN KEY ("legal_entity_id") REFERENCES "legal_entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_charge" ADD CONSTRAINT "plan_charge_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "payment_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_charge" ADD CONSTRAINT "plan_charge_instalment_id_fkey" FOREIGN KEY ("instalment_id") REFERENCES "payment_plan_instalment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_charge" ADD CONSTRAINT "plan_charge_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_charge" ADD CONSTRAINT "plan_charge_saved_card_id_fkey" FOREIGN KEY ("saved_card_id") REFERENCES "saved_card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_charge" ADD CONSTRAINT "plan_charge_payment_attempt_id_fkey" FOREIGN KEY ("payment_attempt_id") REFERENCES "payment_attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collector_task" ADD CONSTRAINT "collector_task_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collector_task" ADD CONSTRAINT "collector_task_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collector_task" ADD CONSTRAINT "collector_task_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "payment_plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collector_task" ADD CONSTRAINT "collector_task_instalment_id_fkey" FOREIGN KEY ("instalment_id") REFERENCES "payment_plan_instalment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collector_task" ADD CONSTRAINT "collector_task_done_by_id_fkey" FOREIGN KEY ("done_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
