//! Idempotency keys: the claims the middleware takes, releases and completes around a POST. The store's
//! operations are the use cases themselves, so they are offered here as they are.

pub use crate::db::idempotency::{claim, complete, release, IdempotencyRow};
