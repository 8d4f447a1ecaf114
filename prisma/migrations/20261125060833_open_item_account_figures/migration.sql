-- CreateIndex
CREATE INDEX "open_item_account_figures_idx" ON "open_item"("customer_id", "currency", "document_date", "legal_entity_id", "kind", "due_date", "amount", "open_amount");
