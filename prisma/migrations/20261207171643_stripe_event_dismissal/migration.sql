-- AlterTable
ALTER TABLE "stripe_event" ADD COLUMN     "dismiss_note" TEXT,
ADD COLUMN     "dismissed_at" TIMESTAMPTZ(3),
ADD COLUMN     "dismissed_by_id" UUID;

-- AddForeignKey
ALTER TABLE "stripe_event" ADD CONSTRAINT "stripe_event_dismissed_by_id_fkey" FOREIGN KEY ("dismissed_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
