//! Use cases: each runs inside one transaction the caller opens, applies the rules of `crate::domain`
//! and reads and writes through `crate::db`.

pub mod contacts;
pub mod memberships;
pub mod offices;
pub mod partners;
pub mod publication;
