-- CreateEnum
CREATE TYPE "payment_plan_status" AS ENUM ('PROPOSED', 'ACCEPTED', 'ACTIVE', 'COMPLETED', 'DEFAULTED', 'CANCELLED', 'EXPIRED', 'DECLINED', 'CHANGES_REQUESTED');

-- CreateEnum
CREATE TYPE "plan_frequency" AS ENUM ('WEEKLY', 'BIWEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "plan_instalment_status" AS ENUM ('DUE', 'PAID', 'MISSED', 'CANCELLED');

-- CreateTable
CREATE TABLE "payment_plan" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "customer_id" UUID NOT NULL,
    "legal_entity_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "payment_plan_status" NOT NULL DEFAULT 'PROPOSED',
    "covered" BIGINT NOT NULL,
    "down_payment" BIGINT NOT NULL,
    "fee" BIGINT NOT NULL,
    "instalment_count" INTEGER NOT NULL,
    "frequency" "plan_frequency" NOT NULL,
    "first_date" DATE NOT NULL,
    "expires_on" DATE NOT NULL,
    "terms_hash" TEXT NOT NULL,
    "proposed_by_staff_id" UUID,
    "requested_by_portal_user_id" UUID,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_plan_invoice" (
    "plan_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "open_item_key" UUID,

    CONSTRAINT "payment_plan_invoice_pkey" PRIMARY KEY ("plan_id","item_id")
);

-- CreateTable
CREATE TABLE "payment_plan_instalment" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "due_date" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "paid_amount" BIGINT NOT NULL DEFAULT 0,
    "status" "plan_instalment_status" NOT NULL DEFAULT 'DUE',

    CONSTRAINT "payment_plan_instalment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_plan_number_key" ON "payment_plan"("number");

-- CreateIndex
CREATE UNIQUE INDEX "payment_plan_idempotency_key_key" ON "payment_plan"("idempotency_key");

-- CreateIndex
CREATE INDEX "payment_plan_customer_id_status_idx" ON "payment_plan"("customer_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "payment_plan_invoice_open_item_key_key" ON "payment_plan_invoice"("open_item_key");

-- CreateIndex
CREATE INDEX "payment_plan_invoice_item_id_idx" ON "payment_plan_invoice"("item_id");

-- CreateIndex
CREATE INDEX "payment_plan_instalment_due_date_status_idx" ON "payment_plan_instalment"("due_date", "status");

-- CreateIndex
CREATE UNIQUE INDEX "payment_plan_instalment_plan_id_sequence_key" ON "payment_plan_instalment"("plan_id", "sequence");

-- AddForeignKey
ALTER TABLE "payment_plan" ADD CONSTRAINT "payment_plan_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plan" ADD CONSTRAINT "payment_plan_legal_entity_id_fkey" FOREIGN KEY ("legal_entity_id") REFERENCES "legal_entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plan_invoice" ADD CONSTRAINT "payment_plan_invoice_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "payment_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plan_invoice" ADD CONSTRAINT "payment_plan_invoice_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "open_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plan_instalment" ADD CONSTRAINT "payment_plan_instalment_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "payment_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
