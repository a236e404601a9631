-- Webhook subscriptions (src/service/webhooks.rs). Whose events a subscription receives is its owner's
-- scope: `admin` every event, `partner` the events of its `partner_id`, `vendor` the vendor-visible
-- ones. The secret signs deliveries; after a rotation the previous one signs too until it expires.
CREATE TABLE webhook_subscriptions (
    id TEXT PRIMARY KEY NOT NULL,
    owner_role TEXT NOT NULL,
    partner_id TEXT REFERENCES partners (id),
    url TEXT NOT NULL,
    event_types TEXT NOT NULL,
    description TEXT,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_expires_at TEXT,
    status TEXT NOT NULL,
    failing_reason TEXT,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX webhook_subscriptions_partner_idx ON webhook_subscriptions (partner_id);

-- One event to one subscription: created by the fan-out pass once per (subscription, event), sent and
-- retried by the delivery worker (claimed like the mail outbox), reset by a manual redelivery.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    locked_until TEXT,
    last_status_code INTEGER,
    last_error TEXT,
    delivered_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);

-- The delivery log: one row per attempt.
CREATE TABLE webhook_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    subscription_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    attempted_at TEXT NOT NULL,
    status_code INTEGER,
    latency_ms BIGINT NOT NULL,
    error TEXT
);
CREATE INDEX webhook_attempts_subscription_idx ON webhook_attempts (subscription_id, id);

-- How far the fan-out pass has turned sequenced events into deliveries (one row).
CREATE TABLE webhook_fanout (
    id INTEGER PRIMARY KEY NOT NULL,
    last_seq BIGINT NOT NULL
);
INSERT INTO webhook_fanout (id, last_seq) VALUES (1, 0);
