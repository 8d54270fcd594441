-- CreateEnum
CREATE TYPE "Level" AS ENUM ('street', 'district', 'municipal');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('holiday', 'workday');

-- DropIndex
DROP INDEX "cases_filed_at_idx";

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "calendar_version" INTEGER,
ADD COLUMN     "due_at" TIMESTAMPTZ(3),
ADD COLUMN     "overdue" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "responsible_level" "Level" NOT NULL DEFAULT 'street';

-- CreateTable
CREATE TABLE "calendar_versions" (
    "version" INTEGER NOT NULL,
    "note" TEXT,
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_versions_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "calendar_days" (
    "version" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT,

    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("version","date")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "attachments_storage_key_key" ON "attachments"("storage_key");

-- CreateIndex
CREATE INDEX "attachments_case_id_idx" ON "attachments"("case_id");

-- CreateIndex
CREATE INDEX "cases_filed_at_id_idx" ON "cases"("filed_at", "id");

-- CreateIndex
CREATE INDEX "cases_filing_unit_id_filed_at_idx" ON "cases"("filing_unit_id", "filed_at");

-- CreateIndex
CREATE INDEX "cases_overdue_idx" ON "cases"("overdue");

-- AddForeignKey
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_version_fkey" FOREIGN KEY ("version") REFERENCES "calendar_versions"("version") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
