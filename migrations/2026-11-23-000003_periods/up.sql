-- A reporting period is stored when the administrator closes it; open periods are computed.
CREATE TABLE reporting_periods (
    id TEXT PRIMARY KEY NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL
);

-- The immutable compliance of each membership when its period closed (offices: JSON array).
CREATE TABLE compliance_snapshots (
    period_id TEXT NOT NULL REFERENCES reporting_periods (id),
    membership_id TEXT NOT NULL REFERENCES memberships (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    met INTEGER NOT NULL,
    best_office_counted BIGINT NOT NULL,
    offices TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (period_id, membership_id)
);
CREATE INDEX compliance_snapshots_membership_idx ON compliance_snapshots (membership_id, period_id);

-- Program-wide aggregates scan responses by completion time; the organization cap counts each office's
-- responses per organization, which this index yields already grouped.
CREATE INDEX responses_completed_idx ON responses (completed_at);
CREATE INDEX responses_rank_idx ON responses (office_id, org_key, completed_at, id, membership_id, voided_at);
CREATE INDEX offices_country_idx ON offices (country);
