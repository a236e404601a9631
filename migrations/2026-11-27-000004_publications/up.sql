-- Figures the vendor (and partners, for the program) read are published per calendar quarter when a
-- reporting period closes, and restated only by an administrator. Each publication of a quarter is one
-- revision, kept for the audit trail.
CREATE TABLE publications (
    quarter TEXT NOT NULL,
    revision INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    reason TEXT,
    responses BIGINT NOT NULL,
    changed_responses BIGINT NOT NULL,
    PRIMARY KEY (quarter, revision)
);

-- The quarter's answers as of its latest publication, frozen: per membership and office country, the
-- responses (`metric` = 'responses') and the standard metrics' answer counts by value.
CREATE TABLE published_counts (
    quarter TEXT NOT NULL,
    membership_id TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    country TEXT NOT NULL,
    metric TEXT NOT NULL,
    number_value BIGINT,
    text_value TEXT,
    answers BIGINT NOT NULL
);
CREATE INDEX published_counts_quarter_idx ON published_counts (quarter);

-- Every candidate cell of a publication and whether disclosure control lets it be shown.
-- scope: 'program' (scope_id ''), 'country' (ISO code) or 'membership' (its id). shown_at: the
-- publication whose figure readers last saw (kept when the cell is later suppressed), so a restatement
-- can measure what changed since.
CREATE TABLE published_cells (
    scope TEXT NOT NULL,
    scope_id TEXT NOT NULL,
    first_quarter TEXT NOT NULL,
    last_quarter TEXT NOT NULL,
    shown INTEGER NOT NULL,
    shown_at TEXT,
    PRIMARY KEY (scope, scope_id, first_quarter, last_quarter)
);
CREATE INDEX published_cells_last_quarter_idx ON published_cells (last_quarter);
