-- AlterTable
ALTER TABLE "Calendar" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CustomerAccount" (
    "id" SERIAL NOT NULL,
    "uuid" UUID NOT NULL DEFAULT gen_random_uuid(),
    "teamId" INTEGER NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CustomerAccount_uuid_key" ON "CustomerAccount"("uuid");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerAccount_teamId_email_key" ON "CustomerAccount"("teamId", "email");

-- AddForeignKey
ALTER TABLE "CustomerAccount" ADD CONSTRAINT "CustomerAccount_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The calendar-events view's revision counter (Calendar.revision): every change to what the
-- view shows of a calendar bumps it in the same transaction, so an ETag built from the
-- revisions of the calendars a view covers changes whenever the view would.
CREATE FUNCTION slotbase_bump_calendars(ids integer[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE "Calendar" SET revision = revision + 1 WHERE id = ANY(ids);
$$;

-- A calendar's own fields (name, colour, capacity, zone, visibility, parent).
CREATE FUNCTION slotbase_calendar_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.revision = OLD.revision THEN
    NEW.revision := OLD.revision + 1;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER calendar_revision BEFORE UPDATE ON "Calendar"
  FOR EACH ROW EXECUTE FUNCTION slotbase_calendar_revision();

-- Rows that belong to a calendar through their own "calendarId".
CREATE FUNCTION slotbase_calendar_row_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids integer[] := ARRAY[]::integer[];
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."calendarId" IS NOT NULL THEN ids := ids || OLD."calendarId"; END IF;
  IF TG_OP <> 'DELETE' AND NEW."calendarId" IS NOT NULL THEN ids := ids || NEW."calendarId"; END IF;
  IF cardinality(ids) > 0 THEN PERFORM slotbase_bump_calendars(ids); END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER booking_calendar_revision AFTER INSERT OR UPDATE OR DELETE ON "Booking"
  FOR EACH ROW EXECUTE FUNCTION slotbase_calendar_row_changed();
CREATE TRIGGER slot_reservation_calendar_revision AFTER INSERT OR UPDATE OR DELETE ON "SlotReservation"
  FOR EACH ROW EXECUTE FUNCTION slotbase_calendar_row_changed();
CREATE TRIGGER blocker_calendar_revision AFTER INSERT OR UPDATE OR DELETE ON "Blocker"
  FOR EACH ROW EXECUTE FUNCTION slotbase_calendar_row_changed();
CREATE TRIGGER calendar_schedule_calendar_revision AFTER INSERT OR UPDATE OR DELETE ON "CalendarSchedule"
  FOR EACH ROW EXECUTE FUNCTION slotbase_calendar_row_changed();

-- A booking's attendees are its customers: a change to them changes the booking's calendar.
-- An attendee of a calendar booking also gets a customer account in the calendar's workspace
-- (first booking creates it; the account's name is the attendee's, split at the last space).
CREATE FUNCTION slotbase_attendee_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  booking_ids integer[] := ARRAY[]::integer[];
  full_name text;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."bookingId" IS NOT NULL THEN booking_ids := booking_ids || OLD."bookingId"; END IF;
  IF TG_OP <> 'DELETE' AND NEW."bookingId" IS NOT NULL THEN booking_ids := booking_ids || NEW."bookingId"; END IF;
  IF cardinality(booking_ids) = 0 THEN RETURN NULL; END IF;
  PERFORM slotbase_bump_calendars(ARRAY(SELECT "calendarId" FROM "Booking" WHERE id = ANY(booking_ids) AND "calendarId" IS NOT NULL));
  IF TG_OP <> 'DELETE' AND NEW."bookingId" IS NOT NULL THEN
    full_name := btrim(NEW.name);
    IF full_name = '' THEN full_name := split_part(NEW.email, '@', 1); END IF;
    INSERT INTO "CustomerAccount" ("teamId", "firstName", "lastName", email)
    SELECT c."teamId",
      CASE WHEN position(' ' IN full_name) > 0 THEN btrim(regexp_replace(full_name, '\s+\S+$', '')) ELSE full_name END,
      CASE WHEN position(' ' IN full_name) > 0 THEN substring(full_name FROM '(\S+)$') ELSE '' END,
      lower(NEW.email)
    FROM "Booking" b JOIN "Calendar" c ON c.id = b."calendarId"
    WHERE b.id = NEW."bookingId"
    ON CONFLICT ("teamId", email) DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER attendee_changed AFTER INSERT OR UPDATE OR DELETE ON "Attendee"
  FOR EACH ROW EXECUTE FUNCTION slotbase_attendee_changed();

-- A booking moved to another calendar brings its attendees' accounts into that workspace.
CREATE FUNCTION slotbase_booking_calendar_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Attendee" SET email = email WHERE "bookingId" = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER booking_calendar_moved AFTER UPDATE OF "calendarId" ON "Booking"
  FOR EACH ROW WHEN (NEW."calendarId" IS DISTINCT FROM OLD."calendarId" AND NEW."calendarId" IS NOT NULL)
  EXECUTE FUNCTION slotbase_booking_calendar_moved();

-- Booking labels show the event type's title.
CREATE FUNCTION slotbase_event_type_retitled() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM slotbase_bump_calendars(ARRAY(
    SELECT DISTINCT "calendarId" FROM "Booking" WHERE "eventTypeId" = NEW.id AND "calendarId" IS NOT NULL
    UNION SELECT DISTINCT "calendarId" FROM "SlotReservation" WHERE "eventTypeId" = NEW.id AND "calendarId" IS NOT NULL));
  RETURN NULL;
END;
$$;
CREATE TRIGGER event_type_retitled AFTER UPDATE OF title ON "EventType"
  FOR EACH ROW WHEN (NEW.title IS DISTINCT FROM OLD.title)
  EXECUTE FUNCTION slotbase_event_type_retitled();
