//! Helpers shared by the integration tests: the binary under test, run in a clean environment.
#![allow(dead_code)] // each test crate uses its own subset

use assert_cmd::Command;

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// `rubric`, with the environment variables that change its behaviour removed, so a developer's
/// own settings never leak into a test.
pub fn rubric() -> Command {
    let mut c = Command::cargo_bin("rubric").unwrap();
    c.env_remove("RUBRIC_RUBRICS")
        .env_remove("RUBRIC_CONFIG")
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    c
}
