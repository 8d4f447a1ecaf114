-- CreateEnum
CREATE TYPE "plan_pay_by" AS ENUM ('AUTOPAY', 'PORTAL');

-- AlterTable
ALTER TABLE "payment_plan" ADD COLUMN     "accepted_by_portal_user_id" UUID,
ADD COLUMN     "accepted_client" TEXT,
ADD COLUMN     "accepted_name" TEXT,
ADD COLUMN     "accepted_terms_hash" TEXT,
ADD COLUMN     "accepted_user_agent" TEXT,
ADD COLUMN     "customer_message" TEXT,
ADD COLUMN     "pay_by" "plan_pay_by",
ADD COLUMN     "responded_at" TIMESTAMPTZ(3);
