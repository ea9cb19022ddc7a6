//! The local practice history: every graded attempt, kept in one SQLite file. The schema is
//! versioned and migrated in place ([`schema`]); each attempt is saved in one transaction, and
//! two processes saving at once both keep theirs (SQLite's file locks, a busy timeout, and
//! `BEGIN IMMEDIATE`). A file that is not a rubric history, is damaged, or was written by a
//! newer rubric is refused with an error naming it, and never replaced.

mod schema;

pub use schema::SCHEMA_VERSION;

use crate::grade::{Grade, State};
use crate::rubric::{Kind, Question};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a save waits for another process that holds the history's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// A history file opened for reading and writing.
#[derive(Debug)]
pub struct History {
    conn: Connection,
    path: PathBuf,
}

/// Why the history could not be used. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{}: written by a newer rubric (history schema version {found}; this rubric reads versions up to {known}); upgrade rubric, or name another file with --history", .path.display())]
    TooNew {
        path: PathBuf,
        found: i64,
        known: usize,
    },
    #[error("{}: not a rubric history ({reason}); it was left as it is: move it away, or name another file with --history", .path.display())]
    NotHistory { path: PathBuf, reason: String },
    #[error("{}: the history database is damaged ({reason}); it was left as it is: restore it from a backup or an export (`rubric history import`), or name another file with --history", .path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("{}: {cause}", .path.display())]
    Sqlite { path: PathBuf, cause: String },
    #[error("{}: {cause}", .path.display())]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
}

/// One graded attempt, as stored and as exported: one JSON object per line of
/// `rubric history export`. Read strictly, so a typo in an imported file is an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    /// A unique id, kept across export and import so that importing twice adds nothing.
    pub uid: String,
    /// The question's id (`sre-13`).
    pub question: String,
    pub set: String,
    pub kind: Kind,
    /// The question's wording when the attempt was graded.
    pub question_text: String,
    /// When the attempt was graded, RFC 3339 in UTC (`2026-11-14T09:30:00Z`).
    #[serde(with = "rfc3339")]
    pub at: i64,
    /// What recorded it: `practice` or `grade`.
    pub origin: String,
    /// The rubric the attempt was graded with: a hash of the question's compiled rubric.
    pub rubric_version: String,
    /// The grader that graded it (`rubric 0.1.0`).
    pub grader: String,
    pub answer: String,
    pub score: u32,
    pub band: String,
    pub words: usize,
    /// The grader's warning names (`short`, `keyword-list`, ...).
    #[serde(default)]
    pub flags: Vec<String>,
    /// Credit per point, by the point's stable id, in rubric order.
    pub points: Vec<PointCredit>,
}

/// How one point fared in one attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointCredit {
    /// The point's stable id (`sre-24/timeouts`).
    pub id: String,
    pub label: String,
    /// `covered`, `partial`, `missing` or `unscored`.
    pub state: String,
    /// 0..1.
    pub credit: f64,
    pub weight: u32,
    pub hint: String,
    /// Byte ranges of the answer that earned the credit.
    #[serde(default)]
    pub spans: Vec<Span>,
}

/// A byte range of an attempt's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// Attempts added.
    pub added: usize,
    /// Attempts already in the history (same `uid`), left alone.
    pub present: usize,
}

impl Attempt {
    /// The attempt `g` records: `answer` graded against `q` at `at` (Unix seconds).
    pub fn new(q: &Question, g: &Grade, answer: &str, at: i64, origin: &str) -> Attempt {
        Attempt {
            uid: new_uid(&q.id, at, answer),
            question: q.id.clone(),
            set: q.set.clone(),
            kind: q.kind,
            question_text: q.question.clone(),
            at,
            origin: origin.to_string(),
            rubric_version: rubric_version(q),
            grader: concat!("rubric ", env!("CARGO_PKG_VERSION")).to_string(),
            answer: answer.to_string(),
            score: g.score,
            band: g.band.as_str().to_string(),
            words: g.words,
            flags: g.flags.iter().map(|f| f.to_string()).collect(),
            points: g
                .points
                .iter()
                .map(|p| PointCredit {
                    id: p.id.to_string(),
                    label: p.label.to_string(),
                    state: state_name(p.state).to_string(),
                    credit: p.credit,
                    weight: p.weight,
                    hint: p.hint.to_string(),
                    spans: p
                        .spans
                        .iter()
                        .map(|s| Span {
                            start: s.start,
                            end: s.end,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Checks what the JSON types cannot, for an imported attempt.
    pub fn validate(&self) -> Result<(), String> {
        if self.uid.trim().is_empty() {
            return Err("`uid` is empty".into());
        }
        if self.question.trim().is_empty() {
            return Err("`question` is empty".into());
        }
        if self.score > 100 {
            return Err(format!("`score` {} is over 100", self.score));
        }
        if !matches!(self.band.as_str(), "strong" | "good" | "partial" | "weak") {
            return Err(format!(
                "`band` `{}` is not strong, good, partial or weak",
                self.band
            ));
        }
        if !matches!(self.origin.as_str(), "practice" | "grade") {
            return Err(format!(
                "`origin` `{}` is not practice or grade",
                self.origin
            ));
        }
        for p in &self.points {
            if !matches!(
                p.state.as_str(),
                "covered" | "partial" | "missing" | "unscored"
            ) {
                return Err(format!(
                    "point `{}`: `state` `{}` is not covered, partial, missing or unscored",
                    p.id, p.state
                ));
            }
            if !(0.0..=1.0).contains(&p.credit) {
                return Err(format!("point `{}`: `credit` is not between 0 and 1", p.id));
            }
            if let Some(s) = p.spans.iter().find(|s| {
                s.start > s.end
                    || s.end > self.answer.len()
                    || !self.answer.is_char_boundary(s.start)
                    || !self.answer.is_char_boundary(s.end)
            }) {
                return Err(format!(
                    "point `{}`: span {}..{} is not a range of the answer",
                    p.id, s.start, s.end
                ));
            }
        }
        Ok(())
    }
}

/// The name of a point's state, as stored.
fn state_name(s: State) -> &'static str {
    match s {
        State::Covered => "covered",
        State::Partial => "partial",
        State::Missing => "missing",
        State::Unscored => "unscored",
    }
}

/// The version of `q`'s rubric an attempt is graded with: a hash of the question as compiled
/// (its points, terms, weights and wording), so an edit to the rubric gives a new version and
/// the same rubric always the same one, whichever build of rubric graded it. FNV-1a: stable by
/// definition, unlike the standard library's hasher.
pub fn rubric_version(q: &Question) -> String {
    let json = serde_json::to_string(q).expect("a question serializes");
    format!("fnv1a64:{:016x}", fnv1a64(json.as_bytes()))
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A fresh attempt id. The standard library's `RandomState` is seeded randomly per process;
/// mixing in the time, the process and the answer makes two saves at once differ.
fn new_uid(question: &str, at: i64, answer: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut halves = [0u64; 2];
    for (i, half) in halves.iter_mut().enumerate() {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_usize(i);
        h.write_u128(nanos);
        h.write_u32(std::process::id());
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        h.write(question.as_bytes());
        h.write_i64(at);
        h.write(answer.as_bytes());
        *half = h.finish();
    }
    format!("{:016x}{:016x}", halves[0], halves[1])
}

impl History {
    /// Opens the history at `path`, creating it (and its folder) when it does not exist, and
    /// migrating an older schema in place.
    pub fn open(path: &Path) -> Result<History, HistoryError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|cause| HistoryError::Io {
                path: dir.to_path_buf(),
                cause,
            })?;
        }
        if path.is_dir() {
            return Err(HistoryError::Io {
                path: path.to_path_buf(),
                cause: std::io::Error::new(std::io::ErrorKind::InvalidInput, "is a directory"),
            });
        }
        let conn = Connection::open(path).map_err(|e| sqlite(path, e))?;
        let mut h = History {
            conn,
            path: path.to_path_buf(),
        };
        h.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| sqlite(path, e))?;
        h.check()?;
        schema::migrate(&mut h.conn).map_err(|e| match e {
            schema::MigrateError::Sqlite(e) => classify(path, e),
            schema::MigrateError::Other(cause) => HistoryError::Sqlite {
                path: path.to_path_buf(),
                cause,
            },
        })?;
        h.conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(|e| sqlite(path, e))?;
        Ok(h)
    }

    /// Opens the history at `path` if there is one: commands that only read it (progress,
    /// report, export) create nothing.
    pub fn open_existing(path: &Path) -> Result<Option<History>, HistoryError> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(cause) => Err(HistoryError::Io {
                path: path.to_path_buf(),
                cause,
            }),
            Ok(_) => History::open(path).map(Some),
        }
    }

    /// The file this history is kept in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses a file that is not a rubric history, a damaged one, or one a newer rubric wrote.
    fn check(&self) -> Result<(), HistoryError> {
        let path = &self.path;
        // One read transaction, so that another process creating the history at this moment is
        // seen before or after its migration, never half-way (an id of 0 beside its tables).
        let snapshot = self
            .conn
            .unchecked_transaction()
            .map_err(|e| classify(path, e))?;
        let read = |pragma: &str| -> Result<i64, rusqlite::Error> {
            snapshot.pragma_query_value(None, pragma, |r| r.get(0))
        };
        // The first read of the file is where SQLite notices it is not a database at all.
        let app = read("application_id").map_err(|e| classify(path, e))?;
        let version = read("user_version").map_err(|e| classify(path, e))?;
        let tables: i64 = snapshot
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| classify(path, e))?;
        drop(snapshot);
        if app != schema::APPLICATION_ID && (app != 0 || version != 0 || tables != 0) {
            return Err(HistoryError::NotHistory {
                path: path.clone(),
                reason: "an SQLite database of another program".into(),
            });
        }
        if version > SCHEMA_VERSION as i64 {
            return Err(HistoryError::TooNew {
                path: path.clone(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        let problems: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("PRAGMA quick_check")
                .map_err(|e| classify(path, e))?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(|e| classify(path, e))?;
            rows.collect::<Result<_, _>>()
                .map_err(|e| classify(path, e))?
        };
        if problems != ["ok"] {
            return Err(HistoryError::Corrupt {
                path: path.clone(),
                reason: problems.into_iter().take(3).collect::<Vec<_>>().join("; "),
            });
        }
        Ok(())
    }

    /// Saves one attempt in one transaction; returns its row number.
    pub fn save(&mut self, a: &Attempt) -> Result<i64, HistoryError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, e))?;
        let id = insert(&tx, a)
            .map_err(|e| classify(&path, e))?
            .expect("a new uid is not in the history");
        tx.commit().map_err(|e| classify(&path, e))?;
        Ok(id)
    }

    /// Adds `attempts` in one transaction, leaving out those already present (by `uid`).
    pub fn import(&mut self, attempts: &[Attempt]) -> Result<Imported, HistoryError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, e))?;
        let mut done = Imported::default();
        for a in attempts {
            match insert(&tx, a).map_err(|e| classify(&path, e))? {
                Some(_) => done.added += 1,
                None => done.present += 1,
            }
        }
        tx.commit().map_err(|e| classify(&path, e))?;
        Ok(done)
    }

    /// Every attempt, oldest first (ties in the order saved).
    pub fn attempts(&self) -> Result<Vec<Attempt>, HistoryError> {
        self.load().map_err(|e| classify(&self.path, e))
    }

    fn load(&self) -> rusqlite::Result<Vec<Attempt>> {
        let mut points: std::collections::HashMap<i64, Vec<PointCredit>> = Default::default();
        let mut stmt = self.conn.prepare(
            "SELECT attempt, point, label, state, credit, weight, hint, spans
             FROM point_credit ORDER BY attempt, position",
        )?;
        let rows = stmt.query_map([], |r| {
            let spans: String = r.get(7)?;
            Ok((
                r.get::<_, i64>(0)?,
                PointCredit {
                    id: r.get(1)?,
                    label: r.get(2)?,
                    state: r.get(3)?,
                    credit: r.get(4)?,
                    weight: r.get(5)?,
                    hint: r.get(6)?,
                    spans: serde_json::from_str(&spans).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            7,
                            rusqlite::types::Type::Text,
                            Box::new(e),
                        )
                    })?,
                },
            ))
        })?;
        for row in rows {
            let (attempt, p) = row?;
            points.entry(attempt).or_default().push(p);
        }
        let mut stmt = self.conn.prepare(
            "SELECT id, uid, question, set_id, kind, question_text, at, origin, rubric_version,
                    grader, answer, score, band, words, flags
             FROM attempt ORDER BY at, id",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: i64 = r.get(0)?;
            let kind: String = r.get(4)?;
            let flags: String = r.get(14)?;
            let bad = |col: usize, e: String| {
                rusqlite::Error::FromSqlConversionFailure(
                    col,
                    rusqlite::types::Type::Text,
                    e.into(),
                )
            };
            Ok(Attempt {
                uid: r.get(1)?,
                question: r.get(2)?,
                set: r.get(3)?,
                kind: serde_json::from_value(serde_json::Value::String(kind))
                    .map_err(|e| bad(4, e.to_string()))?,
                question_text: r.get(5)?,
                at: r.get(6)?,
                origin: r.get(7)?,
                rubric_version: r.get(8)?,
                grader: r.get(9)?,
                answer: r.get(10)?,
                score: r.get(11)?,
                band: r.get(12)?,
                words: r.get::<_, i64>(13)?.max(0) as usize,
                flags: serde_json::from_str(&flags).map_err(|e| bad(14, e.to_string()))?,
                points: points.remove(&id).unwrap_or_default(),
            })
        })?;
        rows.collect()
    }

    /// How many attempts are saved.
    pub fn count(&self) -> Result<usize, HistoryError> {
        self.conn
            .query_row("SELECT count(*) FROM attempt", [], |r| r.get::<_, i64>(0))
            .map(|n| n.max(0) as usize)
            .map_err(|e| classify(&self.path, e))
    }
}

/// Inserts one attempt and its points; `None` when its `uid` is already there.
fn insert(tx: &rusqlite::Transaction, a: &Attempt) -> rusqlite::Result<Option<i64>> {
    let exists = tx
        .query_row("SELECT id FROM attempt WHERE uid = ?1", [&a.uid], |r| {
            r.get::<_, i64>(0)
        })
        .optional()?;
    if exists.is_some() {
        return Ok(None);
    }
    tx.execute(
        "INSERT INTO attempt (uid, question, set_id, kind, question_text, at, origin,
             rubric_version, grader, answer, score, band, words, flags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        rusqlite::params![
            a.uid,
            a.question,
            a.set,
            a.kind.as_str(),
            a.question_text,
            a.at,
            a.origin,
            a.rubric_version,
            a.grader,
            a.answer,
            a.score,
            a.band,
            a.words as i64,
            serde_json::to_string(&a.flags).expect("strings serialize"),
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut stmt = tx.prepare(
        "INSERT INTO point_credit (attempt, position, point, label, state, credit, weight, hint, spans)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, p) in a.points.iter().enumerate() {
        stmt.execute(rusqlite::params![
            id,
            i as i64,
            p.id,
            p.label,
            p.state,
            p.credit,
            p.weight,
            p.hint,
            serde_json::to_string(&p.spans).expect("spans serialize"),
        ])?;
    }
    Ok(Some(id))
}

fn sqlite(path: &Path, e: rusqlite::Error) -> HistoryError {
    HistoryError::Sqlite {
        path: path.to_path_buf(),
        cause: e.to_string(),
    }
}

/// Says what an SQLite error means for the user: the file is not a database, is damaged, or
/// something else went wrong.
fn classify(path: &Path, e: rusqlite::Error) -> HistoryError {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => HistoryError::NotHistory {
            path: path.to_path_buf(),
            reason: "not an SQLite database".into(),
        },
        Some(ErrorCode::DatabaseCorrupt) => HistoryError::Corrupt {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
        _ => sqlite(path, e),
    }
}

/// The current time, or `RUBRIC_DATE`'s when it is set: the time recorded for new attempts.
pub fn parse_time(text: &str) -> Result<i64, String> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<i64>() {
        return if secs >= 0 {
            Ok(secs)
        } else {
            Err(format!("`{text}` is before 1970"))
        };
    }
    humantime::parse_rfc3339_weak(text)
        .map_err(|e| format!("`{text}` is not a time like 2026-11-14T09:30:00Z ({e})"))
        .and_then(|t| {
            t.duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .map_err(|_| format!("`{text}` is before 1970"))
        })
}

/// `2026-11-14T09:30:00Z`.
pub fn format_time(at: i64) -> String {
    let t = std::time::UNIX_EPOCH + Duration::from_secs(at.max(0) as u64);
    humantime::format_rfc3339_seconds(t).to_string()
}

/// `2026-11-14`.
pub fn format_date(at: i64) -> String {
    format_time(at)[..10].to_string()
}

/// Serializes Unix seconds as RFC 3339 text.
mod rfc3339 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_time(*at))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_time(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
