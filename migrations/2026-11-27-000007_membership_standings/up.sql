-- Each membership's compliance today, kept so the program-wide list reads stored rows
-- (src/service/standing.rs). A row is recomputed, with the same rule as a membership's explained
-- compliance, before the list is served when it is stale: a change to the membership's responses
-- happened since (`changes` > `changes_seen`; the writer bumps `changes` in its own transaction), or a
-- day passed `valid_until`. Rows of memberships that existed before this
-- migration are filled at start-up (AppState::new, `csat-index migrate`): the organization cap is
-- applied by the rule in Rust, not in SQL.
CREATE TABLE membership_standings (
    membership_id TEXT PRIMARY KEY NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL,
    -- 'met' or 'not_met'
    status TEXT NOT NULL,
    -- counted responses of the membership's best office
    best_office_counted BIGINT NOT NULL,
    -- the day (YYYY-MM-DD) the row was computed for
    computed_on TEXT NOT NULL,
    -- the last day (YYYY-MM-DD) the row is sure to hold without a write: the day before a response
    -- enters or leaves the window; NULL when none will
    valid_until TEXT,
    -- changes to the membership's responses so far, and how many of them the stored figures include
    changes BIGINT NOT NULL DEFAULT 0,
    changes_seen BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX membership_standings_status_idx ON membership_standings (status, membership_id);
CREATE INDEX membership_standings_valid_until_idx ON membership_standings (valid_until);
CREATE INDEX membership_standings_computed_on_idx ON membership_standings (computed_on);
-- The list's country filter: memberships with an office in a country, read from the index alone.
CREATE INDEX offices_country_membership_idx ON offices (country, membership_id);
