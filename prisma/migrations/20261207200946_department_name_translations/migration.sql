-- AlterTable
ALTER TABLE "department" ADD COLUMN     "name_translations" JSONB NOT NULL DEFAULT '{}';
