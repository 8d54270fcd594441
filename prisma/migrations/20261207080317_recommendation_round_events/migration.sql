-- CreateTable
CREATE TABLE "recommendation_round_events" (
    "round_id" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor_user_id" UUID,
    "actor_role" "Role",
    "from_phase" "RoundPhase",
    "to_phase" "RoundPhase" NOT NULL,
    "comment" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recommendation_round_events_pkey" PRIMARY KEY ("round_id","sequence")
);

-- AddForeignKey
ALTER TABLE "recommendation_round_events" ADD CONSTRAINT "recommendation_round_events_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "recommendation_rounds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
