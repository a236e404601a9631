DROP TABLE idempotency_keys;
DROP TABLE contacts;
DROP TABLE offices;
DROP TABLE memberships;
DROP TABLE partners;
