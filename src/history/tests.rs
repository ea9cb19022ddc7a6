use super::*;
use crate::catalog::Catalog;
use crate::grade::Grader;

const STRONG: &str = include_str!("../../examples/answers/sre-13-strong.md");

/// An attempt at sre-13 graded now by the embedded rubric, recorded at `at`.
fn attempt(at: i64) -> Attempt {
    let catalog = Catalog::embedded();
    let q = catalog.by_id("sre-13").unwrap().unwrap();
    let g = Grader::new().grade(q, STRONG).unwrap();
    Attempt::new(q, &g, STRONG, at, "practice")
}

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("history.sqlite3");
    (dir, path)
}

#[test]
fn an_attempt_round_trips_with_its_points_spans_and_rubric_version() {
    let (_dir, path) = temp();
    let mut h = History::open(&path).unwrap();
    assert!(path.exists(), "the folder and file are created");
    let a = attempt(1_763_100_000);
    assert!(a.points.iter().any(|p| !p.spans.is_empty()));
    a.validate().unwrap();
    h.save(&a).unwrap();
    let mut b = attempt(1_763_000_000);
    b.origin = "grade".into();
    h.save(&b).unwrap();
    drop(h);
    let h = History::open(&path).unwrap();
    // Oldest first, whatever the order saved.
    assert_eq!(h.attempts().unwrap(), vec![b, a.clone()]);
    assert_eq!(h.count().unwrap(), 2);
    assert!(a.rubric_version.starts_with("fnv1a64:"));
    assert_eq!(a.grader, concat!("rubric ", env!("CARGO_PKG_VERSION")));
}

#[test]
fn the_rubric_version_is_the_rubrics_content_and_nothing_else() {
    let catalog = Catalog::embedded();
    let q = catalog.by_id("sre-13").unwrap().unwrap().clone();
    assert_eq!(rubric_version(&q), rubric_version(&q.clone()));
    let mut edited = q.clone();
    edited.points[0].terms.push("one more term".into());
    assert_ne!(rubric_version(&q), rubric_version(&edited));
    // FNV-1a 64 of "a", from the published test vectors: the hash never changes with Rust.
    assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
}

#[test]
fn uids_differ_for_the_same_answer_saved_at_the_same_second() {
    assert_ne!(new_uid("sre-13", 1, "x"), new_uid("sre-13", 1, "x"));
}

#[test]
fn a_history_from_a_newer_rubric_is_refused_naming_the_file_and_left_alone() {
    let (_dir, path) = temp();
    drop(History::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION as i64 + 1)
        .unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let e = History::open(&path).unwrap_err();
    assert!(matches!(e, HistoryError::TooNew { .. }), "{e:?}");
    let m = e.to_string();
    assert!(
        m.starts_with(&format!("{}: written by a newer rubric", path.display())),
        "{m}"
    );
    assert!(
        m.contains(&format!("version {}", SCHEMA_VERSION + 1)),
        "{m}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let (dir, _) = temp();
    let path = dir.path().join("notes.sqlite3");
    let text = "my interview notes, not a database\n".repeat(200);
    std::fs::write(&path, &text).unwrap();
    let e = History::open(&path).unwrap_err();
    assert!(matches!(e, HistoryError::NotHistory { .. }), "{e:?}");
    assert!(e.to_string().starts_with(&path.display().to_string()));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn another_programs_sqlite_database_is_refused() {
    let (dir, _) = temp();
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let e = History::open(&path).unwrap_err();
    assert!(e.to_string().contains("another program"), "{e}");
    let conn = Connection::open(&path).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "nothing was added to it");
}

#[test]
fn a_damaged_history_is_refused_naming_the_file_and_left_alone() {
    let (_dir, path) = temp();
    let mut h = History::open(&path).unwrap();
    for i in 0..20 {
        h.save(&attempt(1_763_000_000 + i)).unwrap();
    }
    drop(h);
    // Scribble over every page but the first (the header): the tables' pages are garbage.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192, "{} bytes", bytes.len());
    for (i, b) in bytes.iter_mut().enumerate().skip(4096) {
        if i % 4096 < 64 || i % 7 == 0 {
            *b = 0xA5;
        }
    }
    std::fs::write(&path, &bytes).unwrap();
    let e = History::open(&path).unwrap_err();
    assert!(
        matches!(
            e,
            HistoryError::Corrupt { .. } | HistoryError::NotHistory { .. }
        ),
        "{e:?}"
    );
    let m = e.to_string();
    assert!(m.starts_with(&path.display().to_string()), "{m}");
    assert!(m.contains("left as it is"), "{m}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "never replaced");
}

#[test]
fn import_adds_each_attempt_once() {
    let (_dir, path) = temp();
    let mut h = History::open(&path).unwrap();
    let (a, b) = (attempt(10), attempt(20));
    h.save(&a).unwrap();
    let done = h.import(&[a.clone(), b.clone()]).unwrap();
    assert_eq!(
        done,
        Imported {
            added: 1,
            present: 1
        }
    );
    let done = h.import(&[a.clone(), b.clone()]).unwrap();
    assert_eq!(
        done,
        Imported {
            added: 0,
            present: 2
        }
    );
    assert_eq!(h.attempts().unwrap(), vec![a, b]);
}

#[test]
fn validation_refuses_what_no_export_holds() {
    let good = attempt(1);
    good.validate().unwrap();
    let mut bad = good.clone();
    bad.score = 101;
    assert!(bad.validate().unwrap_err().contains("over 100"));
    let mut bad = good.clone();
    bad.points[0].spans = vec![Span {
        start: 0,
        end: good.answer.len() + 1,
    }];
    assert!(bad
        .validate()
        .unwrap_err()
        .contains("not a range of the answer"));
    let mut bad = good.clone();
    bad.band = "excellent".into();
    assert!(bad.validate().is_err());
    let mut bad = good;
    bad.points[0].state = "done".into();
    assert!(bad.validate().is_err());
}

#[test]
fn times_are_rfc3339_in_utc() {
    assert_eq!(format_time(1_763_112_600), "2025-11-14T09:30:00Z");
    assert_eq!(parse_time("2025-11-14T09:30:00Z"), Ok(1_763_112_600));
    assert_eq!(parse_time("1763112600"), Ok(1_763_112_600));
    assert_eq!(format_date(1_763_112_600), "2025-11-14");
    assert!(parse_time("yesterday").is_err());
    assert!(parse_time("-5").is_err());
    let json = serde_json::to_value(attempt(1_763_112_600)).unwrap();
    assert_eq!(json["at"], "2025-11-14T09:30:00Z");
}
