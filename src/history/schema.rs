//! The history's schema, one migration per version, applied in order by rusqlite_migration
//! (which keeps the version in SQLite's `user_version`). Never edit a migration that has been
//! released: add the next one, and a test that a database of the version before is upgraded.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

/// `PRAGMA application_id` of a rubric history ("rbrc"), so another program's SQLite file is
/// recognized and left alone.
pub const APPLICATION_ID: i64 = 0x7262_7263;

/// The schema version this build writes and reads: the number of migrations.
pub const SCHEMA_VERSION: usize = MIGRATIONS_SQL.len();

/// Each version's migration, oldest first.
const MIGRATIONS_SQL: &[&str] = &[
    // 1: attempts, and the credit of each point by its stable id.
    "PRAGMA application_id = 1919054435;
     CREATE TABLE attempt (
         id INTEGER PRIMARY KEY,
         uid TEXT NOT NULL UNIQUE,
         question TEXT NOT NULL,
         set_id TEXT NOT NULL,
         kind TEXT NOT NULL,
         question_text TEXT NOT NULL,
         at INTEGER NOT NULL,
         origin TEXT NOT NULL,
         rubric_version TEXT NOT NULL,
         grader TEXT NOT NULL,
         answer TEXT NOT NULL,
         score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
         band TEXT NOT NULL,
         words INTEGER NOT NULL,
         flags TEXT NOT NULL
     );
     CREATE INDEX attempt_by_question ON attempt (question, at);
     CREATE TABLE point_credit (
         attempt INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
         position INTEGER NOT NULL,
         point TEXT NOT NULL,
         label TEXT NOT NULL,
         state TEXT NOT NULL,
         credit REAL NOT NULL,
         weight INTEGER NOT NULL,
         hint TEXT NOT NULL,
         spans TEXT NOT NULL,
         PRIMARY KEY (attempt, position)
     );
     CREATE INDEX point_credit_by_point ON point_credit (point);",
];

/// Why the schema could not be brought up to date.
#[derive(Debug)]
pub(super) enum MigrateError {
    Sqlite(rusqlite::Error),
    Other(String),
}

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS_SQL.iter().map(|sql| M::up(sql)).collect())
}

/// Brings the schema to [`SCHEMA_VERSION`]. Two processes opening a new history at once both
/// read version 0; the one that loses the race to migrate finds the work done and retries,
/// which then does nothing.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    // Migrations take the write lock at once, so they wait their turn behind another process.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    let m = migrations();
    let mut tries = 0;
    loop {
        match m.to_latest(conn) {
            Ok(()) => return Ok(()),
            Err(_) if tries < 3 => tries += 1,
            Err(rusqlite_migration::Error::RusqliteError { err, .. }) => {
                return Err(MigrateError::Sqlite(err))
            }
            Err(e) => return Err(MigrateError::Other(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
        // The first migration sets the id in decimal: it must be the constant checked on open.
        assert!(MIGRATIONS_SQL[0].contains(&format!("PRAGMA application_id = {APPLICATION_ID};")));
    }
}
