-- CreateTable
CREATE TABLE "refund_reopening" (
    "refund_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "item_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "refund_reopening_amount_check" CHECK ("amount" >= 0),
    CONSTRAINT "refund_reopening_position_check" CHECK ("position" >= 0),
    CONSTRAINT "refund_reopening_pkey" PRIMARY KEY ("refund_id","position")
);

-- CreateIndex
CREATE INDEX "refund_reopening_item_id_idx" ON "refund_reopening"("item_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_reopening_refund_id_item_id_key" ON "refund_reopening"("refund_id", "item_id");

-- AddForeignKey
ALTER TABLE "refund_reopening" ADD CONSTRAINT "refund_reopening_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_reopening" ADD CONSTRAINT "refund_reopening_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "open_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
