-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "owner_sequence" INTEGER,
ADD COLUMN     "owner_user_id" UUID;

-- CreateIndex
CREATE INDEX "cases_owner_user_id_status_idx" ON "cases"("owner_user_id", "status");
