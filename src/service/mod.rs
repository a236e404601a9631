//! Use cases: each runs inside one transaction the caller opens, applies the rules of `crate::domain`
//! and reads and writes through `crate::db`.

pub mod invitations;
pub mod publication;
pub mod responses;
pub mod surveys;
