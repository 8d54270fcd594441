-- CreateTable
CREATE TABLE "saved_views" (
    "id" UUID NOT NULL,
    "owner_user_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "filters" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saved_views_org_unit_id_shared_idx" ON "saved_views"("org_unit_id", "shared");

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_owner_user_id_name_key" ON "saved_views"("owner_user_id", "name");
