//! Use cases: one function each, called by the handlers inside `db::run`. A use case that writes opens
//! its own transaction (`publication::publish` is a step that runs inside the caller's); it applies the
//! rules of `crate::domain` and reads and writes through `crate::db`, and never sees HTTP.

pub mod compliance;
pub mod contacts;
pub mod events;
pub mod idempotency;
pub mod invitations;
pub mod memberships;
pub mod offices;
pub mod partners;
pub mod periods;
pub mod program;
pub mod publication;
pub mod respond;
pub mod responses;
pub mod results;
pub mod standing;
pub mod surveys;
pub mod upsert;
pub mod webhooks;

/// Whether the database answers (the readiness probe).
pub use crate::db::ping;
