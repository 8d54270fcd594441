-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "forwarded_to_municipal" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "search_grams" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "case_facts" (
    "case_id" UUID NOT NULL,
    "filing_unit_id" UUID NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "category" TEXT NOT NULL,
    "category_key" TEXT NOT NULL,
    "place_key" TEXT NOT NULL,
    "forwarded_to_municipal" BOOLEAN NOT NULL DEFAULT false,
    "outcome" TEXT,
    "merged" BOOLEAN NOT NULL DEFAULT false,
    "first_result_at" TIMESTAMPTZ(3),
    "went_overdue" BOOLEAN NOT NULL DEFAULT false,
    "satisfied_answers" INTEGER NOT NULL DEFAULT 0,
    "feedback_answers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "case_facts_pkey" PRIMARY KEY ("case_id")
);

-- CreateIndex
CREATE INDEX "case_facts_filed_at_idx" ON "case_facts"("filed_at");

-- CreateIndex
CREATE INDEX "case_facts_filing_unit_id_filed_at_idx" ON "case_facts"("filing_unit_id", "filed_at");

-- CreateIndex
CREATE INDEX "case_facts_first_result_at_idx" ON "case_facts"("first_result_at");

-- CreateIndex
CREATE INDEX "case_facts_category_key_place_key_idx" ON "case_facts"("category_key", "place_key");

-- CreateIndex
CREATE INDEX "cases_forwarded_to_municipal_filed_at_id_idx" ON "cases"("forwarded_to_municipal", "filed_at", "id");

-- CreateIndex
CREATE INDEX "cases_search_grams_idx" ON "cases" USING GIN ("search_grams");

-- AddForeignKey
ALTER TABLE "case_facts" ADD CONSTRAINT "case_facts_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
