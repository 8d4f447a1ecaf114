-- CreateEnum
CREATE TYPE "risk_class" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "staff_role" AS ENUM ('COLLECTOR', 'CASH_APPLIER', 'DISPUTE_ANALYST', 'CREDIT_MANAGER', 'AR_MANAGER', 'ADMIN');

-- CreateEnum
CREATE TYPE "portal_role" AS ENUM ('VIEWER', 'PAYER', 'ADMIN');

-- CreateEnum
CREATE TYPE "session_app" AS ENUM ('BACKOFFICE', 'PORTAL');

-- CreateEnum
CREATE TYPE "item_kind" AS ENUM ('INVOICE', 'DEBIT_MEMO', 'FEE', 'CREDIT_MEMO', 'PAYMENT');

-- CreateEnum
CREATE TYPE "payment_method" AS ENUM ('CARD', 'BANK_TRANSFER', 'CHECK', 'LOCKBOX', 'CASH', 'OTHER');

-- CreateEnum
CREATE TYPE "application_kind" AS ENUM ('APPLY', 'REVERSAL');

-- CreateEnum
CREATE TYPE "outbox_status" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "legal_entity" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "country" CHAR(2) NOT NULL,
    "tax_id" TEXT,
    "remit_to_name" TEXT NOT NULL,
    "remit_to_address" TEXT[],
    "bank_name" TEXT NOT NULL,
    "bank_account_name" TEXT NOT NULL,
    "bank_account" TEXT NOT NULL,
    "bank_routing" TEXT,
    "iban" TEXT,
    "swift" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "legal_entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer" (
    "id" UUID NOT NULL,
    "account_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legal_entity_id" UUID NOT NULL,
    "payment_terms_code" TEXT NOT NULL,
    "payment_terms_days" INTEGER NOT NULL,
    "credit_limit" BIGINT NOT NULL DEFAULT 0,
    "credit_currency" CHAR(3) NOT NULL,
    "risk_class" "risk_class" NOT NULL DEFAULT 'MEDIUM',
    "collector_id" UUID,
    "parent_id" UUID,
    "billing_address" TEXT[],
    "country" CHAR(2) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "job_title" TEXT,
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" "staff_role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_membership" (
    "id" UUID NOT NULL,
    "portal_user_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "role" "portal_role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "app" "session_app" NOT NULL,
    "staff_user_id" UUID,
    "portal_user_id" UUID,
    "active_customer_id" UUID,
    "csrf_secret" TEXT NOT NULL,
    "user_agent" TEXT,
    "ip_address" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_bucket" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateTable
CREATE TABLE "open_item" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "legal_entity_id" UUID NOT NULL,
    "kind" "item_kind" NOT NULL,
    "number" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "open_amount" BIGINT NOT NULL,
    "document_date" DATE NOT NULL,
    "due_date" DATE,
    "reference" TEXT,
    "po_number" TEXT,
    "description" TEXT,
    "payment_method" "payment_method",
    "idempotency_key" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "open_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_line" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "line_no" INTEGER NOT NULL,
    "sku" TEXT,
    "description" TEXT NOT NULL,
    "quantity_milli" BIGINT NOT NULL,
    "unit_price" BIGINT NOT NULL,
    "tax_rate_bp" INTEGER NOT NULL,
    "net_amount" BIGINT NOT NULL,
    "tax_amount" BIGINT NOT NULL,

    CONSTRAINT "invoice_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "kind" "application_kind" NOT NULL,
    "credit_item_id" UUID NOT NULL,
    "debit_item_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "reverses_id" UUID,
    "reason" TEXT,
    "idempotency_key" TEXT,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "customer_id" UUID,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_email" (
    "id" UUID NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT,
    "category" TEXT NOT NULL,
    "status" "outbox_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_email_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "legal_entity_code_key" ON "legal_entity"("code");

-- CreateIndex
CREATE UNIQUE INDEX "customer_account_number_key" ON "customer"("account_number");

-- CreateIndex
CREATE INDEX "customer_legal_entity_id_idx" ON "customer"("legal_entity_id");

-- CreateIndex
CREATE INDEX "customer_collector_id_idx" ON "customer"("collector_id");

-- CreateIndex
CREATE INDEX "customer_parent_id_idx" ON "customer"("parent_id");

-- CreateIndex
CREATE INDEX "contact_customer_id_idx" ON "contact"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "portal_user_email_key" ON "portal_user"("email");

-- CreateIndex
CREATE INDEX "portal_membership_customer_id_idx" ON "portal_membership"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "portal_membership_portal_user_id_customer_id_key" ON "portal_membership"("portal_user_id", "customer_id");

-- CreateIndex
CREATE INDEX "session_staff_user_id_idx" ON "session"("staff_user_id");

-- CreateIndex
CREATE INDEX "session_portal_user_id_idx" ON "session"("portal_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "open_item_idempotency_key_key" ON "open_item"("idempotency_key");

-- CreateIndex
CREATE INDEX "open_item_customer_id_open_amount_idx" ON "open_item"("customer_id", "open_amount");

-- CreateIndex
CREATE INDEX "open_item_customer_id_document_date_idx" ON "open_item"("customer_id", "document_date");

-- CreateIndex
CREATE INDEX "open_item_customer_id_due_date_idx" ON "open_item"("customer_id", "due_date");

-- CreateIndex
CREATE UNIQUE INDEX "open_item_legal_entity_id_kind_number_key" ON "open_item"("legal_entity_id", "kind", "number");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_line_item_id_line_no_key" ON "invoice_line"("item_id", "line_no");

-- CreateIndex
CREATE UNIQUE INDEX "application_reverses_id_key" ON "application"("reverses_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_idempotency_key_key" ON "application"("idempotency_key");

-- CreateIndex
CREATE INDEX "application_credit_item_id_idx" ON "application"("credit_item_id");

-- CreateIndex
CREATE INDEX "application_debit_item_id_idx" ON "application"("debit_item_id");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_event_customer_id_at_idx" ON "audit_event"("customer_id", "at");

-- CreateIndex
CREATE INDEX "outbox_email_status_next_attempt_at_idx" ON "outbox_email"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_email_to_address_created_at_idx" ON "outbox_email"("to_address", "created_at");

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_legal_entity_id_fkey" FOREIGN KEY ("legal_entity_id") REFERENCES "legal_entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_collector_id_fkey" FOREIGN KEY ("collector_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_membership" ADD CONSTRAINT "portal_membership_portal_user_id_fkey" FOREIGN KEY ("portal_user_id") REFERENCES "portal_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_membership" ADD CONSTRAINT "portal_membership_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_item" ADD CONSTRAINT "open_item_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_item" ADD CONSTRAINT "open_item_legal_entity_id_fkey" FOREIGN KEY ("legal_entity_id") REFERENCES "legal_entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "open_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_credit_item_id_fkey" FOREIGN KEY ("credit_item_id") REFERENCES "open_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_debit_item_id_fkey" FOREIGN KEY ("debit_item_id") REFERENCES "open_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_reverses_id_fkey" FOREIGN KEY ("reverses_id") REFERENCES "application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: invariants schema.prisma cannot express. Keep below the generated part.

-- Money is a positive amount; an item's open amount stays between 0 and its amount.
ALTER TABLE "open_item" ADD CONSTRAINT "open_item_amount_check" CHECK ("amount" > 0);
ALTER TABLE "open_item" ADD CONSTRAINT "open_item_open_amount_check" CHECK ("open_amount" >= 0 AND "open_amount" <= "amount");
ALTER TABLE "application" ADD CONSTRAINT "application_amount_check" CHECK ("amount" > 0);

-- ISO 4217 codes.
ALTER TABLE "legal_entity" ADD CONSTRAINT "legal_entity_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "customer" ADD CONSTRAINT "customer_credit_currency_check" CHECK ("credit_currency" ~ '^[A-Z]{3}$');
ALTER TABLE "open_item" ADD CONSTRAINT "open_item_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "application" ADD CONSTRAINT "application_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');

-- Applications and audit events are append-only: corrections are new rows (a REVERSAL, a new event).
CREATE FUNCTION "reject_update_or_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on "%" is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER "application_append_only" BEFORE UPDATE OR DELETE ON "application"
  FOR EACH ROW EXECUTE FUNCTION "reject_update_or_delete"();

CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "reject_update_or_delete"();
