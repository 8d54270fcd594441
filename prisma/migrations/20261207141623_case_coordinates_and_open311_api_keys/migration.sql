-- CreateEnum
CREATE TYPE "ApiKeyState" AS ENUM ('active', 'revoked');

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "open311_api_keys" (
    "id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "key_prefix" TEXT NOT NULL,
    "state" "ApiKeyState" NOT NULL DEFAULT 'active',
    "issued_by_user_id" UUID NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_by_user_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "open311_api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "open311_api_keys_key_hash_key" ON "open311_api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "open311_api_keys_org_unit_id_idx" ON "open311_api_keys"("org_unit_id");

-- AddForeignKey
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
