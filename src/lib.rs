//! rubric: grades written interview answers against rubrics built from question pages.
//!
//! The library never prints: commands return data, and the binary's report layer renders it.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod answers;
pub mod atomic;
pub mod batch;
pub mod catalog;
pub mod compile;
pub mod config;
pub mod draft;
pub mod eval;
pub mod grade;
pub mod history;
pub mod input;
pub mod lexicon;
mod lookup;
pub mod progress;
pub mod report;
pub mod rouge;
pub mod rubric;
pub mod seed;
pub mod stats;
pub mod text;
