-- CreateTable
CREATE TABLE "portal_invitation" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "portal_role" NOT NULL,
    "locale" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_kind" TEXT NOT NULL,
    "invited_by_id" UUID NOT NULL,
    "invited_by_name" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "portal_invitation_token_hash_key" ON "portal_invitation"("token_hash");

-- CreateIndex
CREATE INDEX "portal_invitation_customer_id_email_idx" ON "portal_invitation"("customer_id", "email");

-- AddForeignKey
ALTER TABLE "portal_invitation" ADD CONSTRAINT "portal_invitation_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
