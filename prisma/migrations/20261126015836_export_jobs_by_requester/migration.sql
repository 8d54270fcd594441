-- DropIndex
DROP INDEX "export_jobs_requested_by_user_id_idx";

-- CreateIndex
CREATE INDEX "export_jobs_requested_by_user_id_created_at_id_idx" ON "export_jobs"("requested_by_user_id", "created_at", "id");
