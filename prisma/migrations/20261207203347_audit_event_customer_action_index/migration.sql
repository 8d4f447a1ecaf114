-- CreateIndex
CREATE INDEX "audit_event_customer_id_action_at_idx" ON "audit_event"("customer_id", "action", "at");
