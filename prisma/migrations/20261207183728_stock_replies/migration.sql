-- CreateTable
CREATE TABLE "stock_replies" (
    "id" UUID NOT NULL,
    "district_id" UUID,
    "name" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "category" TEXT,
    "text_zh" TEXT NOT NULL,
    "text_en" TEXT NOT NULL,
    "created_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stock_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stock_replies_district_id_step_idx" ON "stock_replies"("district_id", "step");
