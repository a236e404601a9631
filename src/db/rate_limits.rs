//! Request counts per caller and window, shared by every API replica (see `api::token_limit`).

use diesel::{prelude::*, upsert::excluded};

use super::{schema::rate_limit_windows, DbConnection};
use crate::error::ApiResult;

/// Requests one replica counted for one caller in one window since its last sync.
#[derive(Debug, Clone, PartialEq, Eq, Insertable)]
#[diesel(table_name = rate_limit_windows)]
pub struct WindowCount {
    /// The caller (a hash of the token's role, partner and subject).
    pub caller_key: String,
    /// Start of the window, seconds since the Unix epoch.
    pub window_start: i64,
    /// Requests to add.
    pub requests: i64,
}

/// Adds each count to its window's total, in one transaction, and returns the totals of all replicas,
/// in the order given. Windows that started before `expired_before` are deleted on the way.
/// Callers pass the counts sorted by key, so replicas lock rows in the same order and never deadlock.
pub fn add(
    conn: &mut DbConnection,
    counts: &[WindowCount],
    expired_before: i64,
) -> ApiResult<Vec<i64>> {
    super::write_tx(conn, |conn| {
        diesel::delete(
            rate_limit_windows::table.filter(rate_limit_windows::window_start.lt(expired_before)),
        )
        .execute(conn)?;
        counts
            .iter()
            .map(|count| {
                // `ON CONFLICT` is not available through the multi-backend connection: the same
                // statement is built for each backend.
                macro_rules! upsert {
                    ($conn:expr) => {
                        diesel::insert_into(rate_limit_windows::table)
                            .values(count)
                            .on_conflict((
                                rate_limit_windows::caller_key,
                                rate_limit_windows::window_start,
                            ))
                            .do_update()
                            .set(rate_limit_windows::requests.eq(rate_limit_windows::requests
                                + excluded(rate_limit_windows::requests)))
                            .returning(rate_limit_windows::requests)
                            .get_result::<i64>($conn)
                    };
                }
                let total = match conn {
                    DbConnection::Postgresql(conn) => upsert!(conn),
                    DbConnection::Sqlite(conn) => upsert!(conn),
                }?;
                Ok(total)
            })
            .collect()
    })
}
