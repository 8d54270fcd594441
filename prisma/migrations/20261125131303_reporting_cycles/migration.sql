-- CreateEnum
CREATE TYPE "CyclePhase" AS ENUM ('open', 'awaiting_review', 'chasing', 'closed');

-- CreateTable
CREATE TABLE "reporting_cycles" (
    "id" TEXT NOT NULL,
    "cycle" TEXT NOT NULL,
    "district_id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "phase" "CyclePhase" NOT NULL DEFAULT 'open',
    "late_unit_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "summary" JSONB,
    "review_note" TEXT,
    "forwarded_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reporting_cycles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cycle_submissions" (
    "cycle_row_id" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "submitted_by_user_id" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "case_ids" TEXT[],
    "late" BOOLEAN NOT NULL,

    CONSTRAINT "cycle_submissions_pkey" PRIMARY KEY ("cycle_row_id","unit_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reporting_cycles_cycle_district_id_key" ON "reporting_cycles"("cycle", "district_id");

-- AddForeignKey
ALTER TABLE "cycle_submissions" ADD CONSTRAINT "cycle_submissions_cycle_row_id_fkey" FOREIGN KEY ("cycle_row_id") REFERENCES "reporting_cycles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
