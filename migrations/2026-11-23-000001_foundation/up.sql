-- Times are UTC RFC 3339 text with microseconds (fixed width, so they sort as text).
-- Ids are UUIDv7 text (time-ordered, so they sort by creation).
CREATE TABLE partners (
    id TEXT PRIMARY KEY NOT NULL,
    external_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email_domains TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE memberships (
    id TEXT PRIMARY KEY NOT NULL,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    membership_number TEXT NOT NULL UNIQUE,
    renewal_date TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX memberships_partner_idx ON memberships (partner_id, id);

CREATE TABLE offices (
    id TEXT PRIMARY KEY NOT NULL,
    membership_id TEXT NOT NULL REFERENCES memberships (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    city TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX offices_membership_idx ON offices (membership_id, id);
CREATE INDEX offices_partner_idx ON offices (partner_id, id);

CREATE TABLE contacts (
    id TEXT PRIMARY KEY NOT NULL,
    office_id TEXT NOT NULL REFERENCES offices (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    name TEXT,
    email TEXT,
    organization TEXT,
    org_key TEXT NOT NULL,
    locale TEXT,
    consent_given_at TEXT,
    consent_method TEXT,
    erased_at TEXT,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX contacts_office_email_idx ON contacts (office_id, email);
CREATE INDEX contacts_office_idx ON contacts (office_id, id);

CREATE TABLE idempotency_keys (
    principal TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER,
    response_body TEXT,
    location TEXT,
    etag TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
