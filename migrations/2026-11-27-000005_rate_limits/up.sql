-- Requests per caller (a SHA-256 of the token's role, partner and subject) per fixed window, summed over
-- every API replica: each replica adds the requests it counted since its last sync (about every second)
-- and reads back the total (src/api/token_limit.rs). Windows older than the previous one are deleted.
CREATE TABLE rate_limit_windows (
    caller_key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    requests BIGINT NOT NULL,
    PRIMARY KEY (caller_key, window_start)
);
CREATE INDEX rate_limit_windows_start_idx ON rate_limit_windows (window_start);
