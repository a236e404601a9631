//! Black-box tests of the HTTP API, run on SQLite and (with `CSAT_TEST_POSTGRES_URL`) PostgreSQL.

mod common;

mod auth;
mod codes;
mod compliance;
mod conventions;
mod disclosure;
mod embedding;
mod events;
mod external_ids;
mod input;
mod insights;
mod invitations;
mod limits;
mod openapi;
mod resources;
mod respondent;
mod roles;
mod surveys;
mod webhooks;
