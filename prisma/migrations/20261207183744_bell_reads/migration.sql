-- CreateTable
CREATE TABLE "bell_reads" (
    "user_id" UUID NOT NULL,
    "item_key" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bell_reads_pkey" PRIMARY KEY ("user_id","item_key")
);
