-- A person's notifications changed (one arrived, was read, or went with its response): tell their open
-- tabs, so the bell is current on every page (lib/live/hub.ts, INBOX_CHANNEL). One notice per person
-- per statement, delivered when the transaction commits.
CREATE OR REPLACE FUNCTION arguably_inbox_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  person text;
BEGIN
  FOR person IN
    SELECT DISTINCT "userId" FROM changed_rows
  LOOP
    PERFORM pg_notify('arguably_inbox', person);
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE TRIGGER arguably_notification_inserted AFTER INSERT ON "Notification"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION arguably_inbox_changed();
CREATE TRIGGER arguably_notification_updated AFTER UPDATE ON "Notification"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION arguably_inbox_changed();
CREATE TRIGGER arguably_notification_deleted AFTER DELETE ON "Notification"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION arguably_inbox_changed();
