/*
  Warnings:

  - A unique constraint covering the columns `[reversal_item_id]` on the table `refund` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "refund_source" AS ENUM ('SETTLE', 'STRIPE');

-- AlterEnum
ALTER TYPE "item_kind" ADD VALUE 'REFUND_REVERSAL';

-- AlterTable
ALTER TABLE "refund" ADD COLUMN     "reversal_item_id" UUID,
ADD COLUMN     "source" "refund_source" NOT NULL DEFAULT 'SETTLE',
ALTER COLUMN "requested_by_id" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "refund_reversal_item_id_key" ON "refund"("reversal_item_id");

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_reversal_item_id_fkey" FOREIGN KEY ("reversal_item_id") REFERENCES "open_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A refund requested in Settle names its requester; only one made in Stripe has none.
ALTER TABLE "refund" ADD CONSTRAINT "refund_requester_check"
  CHECK ("source" = 'STRIPE' OR "requested_by_id" IS NOT NULL);
