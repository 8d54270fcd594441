-- AlterTable
ALTER TABLE "communities" ADD COLUMN     "retired_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "party_branches" ADD COLUMN     "retired_at" TIMESTAMPTZ(3);
