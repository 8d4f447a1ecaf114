-- AlterEnum
ALTER TYPE "payment_plan_status" ADD VALUE 'OFFERED';
