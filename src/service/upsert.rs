//! What an upsert by an external id did: the integrator's idempotent sync of its own records.

/// The outcome of an upsert, with the row as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Upserted<R> {
    /// No object had the external id: this one was created.
    Created(R),
    /// The object with the external id differed and was changed.
    Updated(R),
    /// The object with the external id was already as asked: nothing was written.
    Unchanged(R),
}

impl<R> Upserted<R> {
    /// The row as it is now.
    pub fn row(&self) -> &R {
        match self {
            Upserted::Created(row) | Upserted::Updated(row) | Upserted::Unchanged(row) => row,
        }
    }

    /// The row, and whether it was created.
    pub fn into_parts(self) -> (R, bool) {
        match self {
            Upserted::Created(row) => (row, true),
            Upserted::Updated(row) | Upserted::Unchanged(row) => (row, false),
        }
    }
}

/// `Some(new)` when `new` differs from `current`: one field of a changeset that holds only what changes.
pub fn differs<T: PartialEq>(current: &T, new: T) -> Option<T> {
    (*current != new).then_some(new)
}
