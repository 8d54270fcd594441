-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('pending', 'active', 'ended');

-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('public_service_project', 'visit', 'volunteer_service', 'problem_reported');

-- CreateEnum
CREATE TYPE "RoundPhase" AS ENUM ('nominating', 'shortlisted', 'decided', 'submitted', 'returned', 'approved', 'expired');

-- AlterTable
ALTER TABLE "org_units" ADD COLUMN     "party_email" TEXT;

-- CreateTable
CREATE TABLE "communities" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "communities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party_branches" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "party_branches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party_members" (
    "id" UUID NOT NULL,
    "member_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "home_unit_id" UUID NOT NULL,
    "branch_id" UUID,
    "contact" TEXT,
    "email" TEXT,
    "created_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "party_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_registrations" (
    "id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "registered_on" DATE NOT NULL,
    "ended_on" DATE,
    "open_member_id" UUID,
    "submitted_by_user_id" UUID NOT NULL,
    "accepted_by_user_id" UUID,
    "accepted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_registrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_records" (
    "id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "kind" "ServiceKind" NOT NULL,
    "served_on" DATE NOT NULL,
    "hours" DOUBLE PRECISION,
    "account" TEXT NOT NULL,
    "case_id" UUID,
    "confirmed" BOOLEAN NOT NULL,
    "recorded_by_user_id" UUID NOT NULL,
    "recorded_by_unit_id" UUID NOT NULL,
    "confirmed_by_user_id" UUID,
    "confirmed_at" TIMESTAMPTZ(3),
    "fed_back_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_feedback_years" (
    "year" INTEGER NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "deliver_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "delivered" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "member_feedback_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "member_feedback" (
    "year" INTEGER NOT NULL,
    "home_unit_id" UUID NOT NULL,
    "recipients" TEXT[],
    "member_count" INTEGER NOT NULL,
    "record_count" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "delivered_at" TIMESTAMPTZ(3) NOT NULL,
    "late" BOOLEAN NOT NULL,

    CONSTRAINT "member_feedback_pkey" PRIMARY KEY ("year","home_unit_id")
);

-- CreateTable
CREATE TABLE "recommendation_rounds" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "unit_id" UUID NOT NULL,
    "district_id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "phase" "RoundPhase" NOT NULL,
    "registered_count" INTEGER NOT NULL,
    "quota" INTEGER NOT NULL,
    "submit_by" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "decision_note" TEXT,
    "return_reason" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL,

    CONSTRAINT "recommendation_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_nominations" (
    "round_id" TEXT NOT NULL,
    "subject_key" TEXT NOT NULL,
    "member_id" UUID,
    "branch_id" UUID,
    "sources" TEXT[],
    "reasons" JSONB NOT NULL,
    "shortlisted" BOOLEAN NOT NULL,
    "selected" BOOLEAN NOT NULL,

    CONSTRAINT "recommendation_nominations_pkey" PRIMARY KEY ("round_id","subject_key")
);

-- CreateIndex
CREATE UNIQUE INDEX "communities_unit_id_name_key" ON "communities"("unit_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "party_branches_unit_id_name_key" ON "party_branches"("unit_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "party_members_member_number_key" ON "party_members"("member_number");

-- CreateIndex
CREATE INDEX "party_members_home_unit_id_idx" ON "party_members"("home_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "member_registrations_open_member_id_key" ON "member_registrations"("open_member_id");

-- CreateIndex
CREATE INDEX "member_registrations_unit_id_idx" ON "member_registrations"("unit_id");

-- CreateIndex
CREATE INDEX "member_registrations_member_id_idx" ON "member_registrations"("member_id");

-- CreateIndex
CREATE INDEX "service_records_unit_id_served_on_idx" ON "service_records"("unit_id", "served_on");

-- CreateIndex
CREATE INDEX "service_records_member_id_served_on_idx" ON "service_records"("member_id", "served_on");

-- CreateIndex
CREATE UNIQUE INDEX "recommendation_rounds_year_unit_id_key" ON "recommendation_rounds"("year", "unit_id");

-- AddForeignKey
ALTER TABLE "communities" ADD CONSTRAINT "communities_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_branches" ADD CONSTRAINT "party_branches_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_home_unit_id_fkey" FOREIGN KEY ("home_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "party_branches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_registrations" ADD CONSTRAINT "member_registrations_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "party_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_registrations" ADD CONSTRAINT "member_registrations_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "party_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "member_registrations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_feedback" ADD CONSTRAINT "member_feedback_year_fkey" FOREIGN KEY ("year") REFERENCES "member_feedback_years"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_nominations" ADD CONSTRAINT "recommendation_nominations_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "recommendation_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
