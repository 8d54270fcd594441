-- CreateTable
CREATE TABLE "service_funds" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "approved_by" TEXT NOT NULL,
    "approved_on" DATE NOT NULL,
    "recorded_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_funds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_funds_case_id_idx" ON "service_funds"("case_id");
