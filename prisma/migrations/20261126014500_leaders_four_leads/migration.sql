-- CreateEnum
CREATE TYPE "LeaderRank" AS ENUM ('principal', 'team_member');

-- CreateEnum
CREATE TYPE "LeaderActivityKind" AS ENUM ('planning_meeting', 'research_visit', 'opinion_collection', 'party_lecture', 'scheduling');

-- CreateEnum
CREATE TYPE "ActivityReview" AS ENUM ('pending', 'confirmed', 'rejected');

-- AlterEnum
ALTER TYPE "OrgUnitKind" ADD VALUE 'leadership_body';

-- CreateTable
CREATE TABLE "leaders" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "reports_to_unit_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "post" TEXT NOT NULL,
    "rank" "LeaderRank" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leaders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leader_activities" (
    "id" UUID NOT NULL,
    "leader_id" UUID NOT NULL,
    "kind" "LeaderActivityKind" NOT NULL,
    "occurred_on" DATE NOT NULL,
    "place_unit_id" UUID NOT NULL,
    "participants" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "opinions_collected" INTEGER,
    "review" "ActivityReview" NOT NULL DEFAULT 'pending',
    "recorded_by_user_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "reviewed_by_user_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "rejection_reason" TEXT,

    CONSTRAINT "leader_activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leader_activity_attachments" (
    "id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leader_activity_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leader_year_standings" (
    "leader_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "unit_id" UUID NOT NULL,
    "all_four_met" BOOLEAN NOT NULL,
    "standing" JSONB NOT NULL,
    "frozen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leader_year_standings_pkey" PRIMARY KEY ("leader_id","year")
);

-- CreateTable
CREATE TABLE "appendix_submissions" (
    "cycle_row_id" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "submitted_by_user_id" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "late" BOOLEAN NOT NULL,
    "year" INTEGER NOT NULL,
    "appendix1" JSONB NOT NULL,
    "appendix2" JSONB NOT NULL,

    CONSTRAINT "appendix_submissions_pkey" PRIMARY KEY ("cycle_row_id","unit_id")
);

-- CreateIndex
CREATE INDEX "leaders_unit_id_idx" ON "leaders"("unit_id");

-- CreateIndex
CREATE INDEX "leaders_reports_to_unit_id_idx" ON "leaders"("reports_to_unit_id");

-- CreateIndex
CREATE INDEX "leader_activities_leader_id_occurred_on_idx" ON "leader_activities"("leader_id", "occurred_on");

-- CreateIndex
CREATE INDEX "leader_activities_place_unit_id_review_idx" ON "leader_activities"("place_unit_id", "review");

-- CreateIndex
CREATE UNIQUE INDEX "leader_activity_attachments_storage_key_key" ON "leader_activity_attachments"("storage_key");

-- CreateIndex
CREATE INDEX "leader_activity_attachments_activity_id_idx" ON "leader_activity_attachments"("activity_id");

-- CreateIndex
CREATE INDEX "leader_year_standings_unit_id_year_idx" ON "leader_year_standings"("unit_id", "year");

-- AddForeignKey
ALTER TABLE "leaders" ADD CONSTRAINT "leaders_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leaders" ADD CONSTRAINT "leaders_reports_to_unit_id_fkey" FOREIGN KEY ("reports_to_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leader_activities" ADD CONSTRAINT "leader_activities_leader_id_fkey" FOREIGN KEY ("leader_id") REFERENCES "leaders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leader_activities" ADD CONSTRAINT "leader_activities_place_unit_id_fkey" FOREIGN KEY ("place_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leader_activity_attachments" ADD CONSTRAINT "leader_activity_attachments_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "leader_activities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leader_year_standings" ADD CONSTRAINT "leader_year_standings_leader_id_fkey" FOREIGN KEY ("leader_id") REFERENCES "leaders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appendix_submissions" ADD CONSTRAINT "appendix_submissions_cycle_row_id_fkey" FOREIGN KEY ("cycle_row_id") REFERENCES "reporting_cycles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
