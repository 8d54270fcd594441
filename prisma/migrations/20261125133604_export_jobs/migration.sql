-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateTable
CREATE TABLE "export_jobs" (
    "id" UUID NOT NULL,
    "requested_by_user_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "status" "ExportStatus" NOT NULL DEFAULT 'queued',
    "rows_written" INTEGER NOT NULL DEFAULT 0,
    "total_rows" INTEGER,
    "storage_key" TEXT,
    "bytes" INTEGER,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "export_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "export_jobs_requested_by_user_id_idx" ON "export_jobs"("requested_by_user_id");
