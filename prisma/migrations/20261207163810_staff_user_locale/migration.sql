-- AlterTable
ALTER TABLE "staff_user" ADD COLUMN     "locale" TEXT;
