//! Use cases: one function each, called by the handlers inside `db::run`. A use case that writes opens
//! its own transaction; it applies the rules of `crate::domain` and reads and writes through
//! `crate::db`, and never sees HTTP.

pub mod compliance;
pub mod contacts;
pub mod idempotency;
pub mod memberships;
pub mod offices;
pub mod partners;
pub mod periods;
pub mod program;
pub mod publication;
pub mod results;

/// Whether the database answers (the readiness probe).
pub use crate::db::ping;
