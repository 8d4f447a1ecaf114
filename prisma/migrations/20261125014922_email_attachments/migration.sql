-- AlterTable
ALTER TABLE "outbox_email" ADD COLUMN     "attachments" JSONB NOT NULL DEFAULT '[]';

-- A list of document references, never the documents themselves (they are rendered when sent).
ALTER TABLE "outbox_email" ADD CONSTRAINT "outbox_email_attachments_is_array" CHECK (jsonb_typeof("attachments") = 'array');
