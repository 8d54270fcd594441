-- case_events is the audit trail: rows are only ever added, whoever connects.
CREATE FUNCTION "case_events_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "case_events_no_update_or_delete"
BEFORE UPDATE OR DELETE ON "case_events"
FOR EACH ROW EXECUTE FUNCTION "case_events_append_only"();
