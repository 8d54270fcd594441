-- CreateIndex
CREATE INDEX "cases_status_overdue_due_at_id_idx" ON "cases"("status", "overdue" DESC, "due_at", "id");
