-- Events (issue 12): what webhooks deliver and the change feed (`GET /api/v1/events`) lists. The table is
-- the outbox: a use case inserts its events in the transaction of the change (src/service/events.rs),
-- with `seq` NULL. A sequencer, one at a time across replicas, later numbers the committed rows whose
-- `available_at` has come, in (available_at, id) order after the highest `seq`: numbering at insert
-- would not be commit order on PostgreSQL, and a feed reader would skip a row that commits late with a
-- lower number. The feed and webhooks read only numbered rows.
CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL,
    -- position in commit order; NULL until the sequencer numbers the row
    seq BIGINT UNIQUE,
    -- e.g. 'response.completed'
    event_type TEXT NOT NULL,
    -- the payload's schema version
    version INTEGER NOT NULL,
    -- the partner whose data it is (its subscribers and feed readers see it); NULL for program-level events
    partner_id TEXT,
    -- 1 only for aggregate events the vendor may see
    vendor_visible INTEGER NOT NULL,
    -- RFC 3339; for an anonymous response, the start of its day
    occurred_at TEXT NOT NULL,
    -- not numbered (so neither listed nor delivered) before this time; = occurred_at except when held
    -- back (an anonymous response's completion waits for the end of its day)
    available_at TEXT NOT NULL,
    -- the JSON `data` object
    payload TEXT NOT NULL
);
-- The sequencer's work: rows not numbered yet, by the time they become available.
CREATE INDEX events_pending_idx ON events (available_at, id) WHERE seq IS NULL;
-- A partner's feed, and the vendor's (few rows: only they are in its index). The administrator's feed
-- and retention (`seq` order) read the unique index of `seq`. Intake writes four index entries per event.
CREATE INDEX events_partner_seq_idx ON events (partner_id, seq);
CREATE INDEX events_vendor_seq_idx ON events (seq) WHERE vendor_visible = 1;
-- The events worker looks for changed memberships every pass (`service::standing::refresh_stale`):
-- read from this index of the few changed rows instead of scanning every membership's.
CREATE INDEX membership_standings_changed_idx ON membership_standings (membership_id) WHERE changes > changes_seen;
