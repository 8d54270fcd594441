-- CreateEnum
CREATE TYPE "PersonalDataAccessKind" AS ENUM ('case_reporter', 'member_contact', 'ledger_export');

-- CreateTable
CREATE TABLE "personal_data_access_log" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "PersonalDataAccessKind" NOT NULL,
    "subject_id" UUID,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "request_id" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "personal_data_access_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "personal_data_access_log_occurred_at_id_idx" ON "personal_data_access_log"("occurred_at", "id");

-- CreateIndex
CREATE INDEX "personal_data_access_log_subject_id_idx" ON "personal_data_access_log"("subject_id");

-- The access log of personal information is an audit trail like case_events: rows are only ever added,
-- whoever connects.
CREATE FUNCTION "personal_data_access_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'personal_data_access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "personal_data_access_log_no_update_or_delete"
BEFORE UPDATE OR DELETE ON "personal_data_access_log"
FOR EACH ROW EXECUTE FUNCTION "personal_data_access_log_append_only"();

CREATE TRIGGER "personal_data_access_log_no_truncate"
BEFORE TRUNCATE ON "personal_data_access_log"
FOR EACH STATEMENT EXECUTE FUNCTION "personal_data_access_log_append_only"();
