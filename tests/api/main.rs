//! Black-box tests of the HTTP API, run on SQLite and (with `CSAT_TEST_POSTGRES_URL`) PostgreSQL.

mod common;

mod auth;
mod conventions;
mod input;
mod openapi;
mod resources;
mod roles;
