//! `rubric.toml`: a study group's settings (default threshold, extra rubric directories, which
//! files to check, per-set and per-question thresholds), found by walking up from a path, read
//! strictly, and merged with command-line flags into one [`Effective`] configuration.

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// File names looked for in each directory, in this order.
pub const FILE_NAMES: [&str; 2] = ["rubric.toml", ".rubric.toml"];
/// Threshold when neither a flag nor a config file sets one.
pub const DEFAULT_MIN_SCORE: u32 = 60;
/// Files a directory walk checks when the config has no `include`.
pub const DEFAULT_INCLUDE: [&str; 3] = ["*.md", "*.markdown", "*.txt"];

/// A config file as written. Every field is optional; unknown keys are errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Default threshold, 0-100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_score: Option<Score>,
    /// Extra rubric directories (a study group's own question bank), relative to the file.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "path_list"
    )]
    pub rubrics: Vec<PathBuf>,
    /// Which files a directory walk checks (.gitignore syntax, relative to the file).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "some_list"
    )]
    pub include: Option<Vec<String>>,
    /// Files and folders never checked (.gitignore syntax, relative to the file).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "list"
    )]
    pub exclude: Vec<String>,
    /// Thresholds by set id (`sre`) or question id (`sre-13`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub thresholds: BTreeMap<String, Score>,
}

/// A threshold, checked to be 0-100 while parsing so the error points at the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Score(pub u32);

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScoreVisitor)
    }
}

/// What a threshold must be, said the same way for the config, front matter and `--min-score`.
pub const SCORE_RULE: &str = "a score is a whole number from 0 to 100";

/// Reads a threshold as written in front matter or on the command line (`75`), saying what is
/// wrong in the user's terms: `99.5` has a fraction, `170` is out of range, `high` is no number.
pub fn parse_score(text: &str) -> Result<u32, String> {
    let t = text.trim();
    if let Ok(n) = t.parse::<i64>() {
        return score_of_int(n);
    }
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() => score_of_float(x),
        _ => Err(format!("{SCORE_RULE}, not `{t}`")),
    }
}

fn score_of_int(n: i64) -> Result<u32, String> {
    match u32::try_from(n) {
        Ok(n) if n <= 100 => Ok(n),
        _ => Err(format!("{SCORE_RULE}, not {n}")),
    }
}

fn score_of_float(x: f64) -> Result<u32, String> {
    if x.fract() == 0.0 && (0.0..=100.0).contains(&x) {
        return Ok(x as u32);
    }
    if (0.0..=100.0).contains(&x) {
        return Err(format!(
            "{SCORE_RULE}, not {x}: scores have no fractions (use {} or {})",
            x.floor(),
            x.ceil()
        ));
    }
    Err(format!("{SCORE_RULE}, not {x}"))
}

/// A list of strings, with an error in the user's terms for anything else (`exclude = "x"`
/// reads "a list is written in brackets: exclude = ["x"]", not "expected a sequence").
fn list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    d.deserialize_any(ListVisitor)
}

fn some_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    list(d).map(Some)
}

fn path_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<PathBuf>, D::Error> {
    Ok(list(d)?.into_iter().map(PathBuf::from).collect())
}

struct ListVisitor;

impl<'de> serde::de::Visitor<'de> for ListVisitor {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of quoted strings in brackets, such as [\"drafts/\"]")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut v = Vec::new();
        while let Some(item) = seq.next_element::<ListItem>()? {
            v.push(item.0);
        }
        Ok(v)
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Vec<String>, E> {
        Err(E::custom(format!(
            "a list is written in brackets: [\"{s}\"], not \"{s}\""
        )))
    }
}

/// One string of a [`list`].
struct ListItem(String);

impl<'de> Deserialize<'de> for ListItem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = ListItem;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a quoted string, such as \"drafts/\"")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<ListItem, E> {
                Ok(ListItem(s.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

struct ScoreVisitor;

impl serde::de::Visitor<'_> for ScoreVisitor {
    type Value = Score;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(SCORE_RULE)
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Score, E> {
        score_of_int(n).map(Score).map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Score, E> {
        score_of_int(i64::try_from(n).unwrap_or(i64::MAX))
            .map(Score)
            .map_err(E::custom)
    }

    fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Score, E> {
        score_of_float(x).map(Score).map_err(E::custom)
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Score, E> {
        Err(E::custom(format!(
            "{SCORE_RULE}, not the text \"{s}\" (write it without quotes)"
        )))
    }

    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Score, E> {
        Err(E::custom(format!("{SCORE_RULE}, not {b}")))
    }
}

/// A config file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {cause}")]
    Io {
        path: PathBuf,
        /// Shown in the message, and not chained as a source, so it prints once.
        cause: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// Command-line settings that override the config file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub min_score: Option<u32>,
}

/// The configuration in force for some files: a config file (or none) merged with flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Effective {
    /// The config file, if one was found or given.
    #[serde(skip)]
    pub source: Option<PathBuf>,
    /// Directory that `rubrics`, `include` and `exclude` are relative to.
    #[serde(skip)]
    pub root: PathBuf,
    pub min_score: u32,
    pub rubrics: Vec<PathBuf>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub thresholds: BTreeMap<String, u32>,
    /// `--min-score`, which wins over every threshold of the config.
    #[serde(skip)]
    pub flag_min_score: Option<u32>,
}

/// Reads and checks one config file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|cause| ConfigError::Io {
        path: path.to_path_buf(),
        cause,
    })?;
    parse(path, &text)
}

/// Parses config text; `path` is only for messages.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().trim().to_string(),
        }
    })?;
    for key in config.thresholds.keys() {
        if key.trim().is_empty() || key.contains(char::is_whitespace) {
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                message: format!("`thresholds` key \"{key}\" is not a set or question id"),
            });
        }
    }
    Ok(config)
}

/// The nearest config file in `dir` or its ancestors. `dir` should be absolute so the walk
/// reaches the filesystem root. Two config files in one directory are an error, because only
/// one of them would be read.
pub fn discover(dir: &Path) -> Result<Option<PathBuf>, ConfigError> {
    for d in dir.ancestors() {
        let found: Vec<PathBuf> = FILE_NAMES
            .iter()
            .map(|n| d.join(n))
            .filter(|p| p.is_file())
            .collect();
        match found.as_slice() {
            [] => continue,
            [one] => return Ok(Some(one.clone())),
            [first, second, ..] => {
                return Err(ConfigError::Invalid {
                    path: first.clone(),
                    message: format!(
                        "{} is in the same directory; keep one of the two",
                        second.display()
                    ),
                });
            }
        }
    }
    Ok(None)
}

impl Effective {
    /// Merges a config file (with the path it was read from) and command-line overrides.
    /// Precedence, highest first: flags, the file, built-in defaults. `cwd` anchors relative
    /// paths when there is no file.
    pub fn new(file: Option<(&Path, Config)>, overrides: &Overrides, cwd: &Path) -> Effective {
        let (source, root, config) = match file {
            Some((p, c)) => {
                let abs = absolute(cwd, p);
                let root = abs
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| cwd.to_path_buf());
                (Some(abs), root, c)
            }
            None => (None, cwd.to_path_buf(), Config::default()),
        };
        Effective {
            source,
            min_score: overrides
                .min_score
                .or(config.min_score.map(|s| s.0))
                .unwrap_or(DEFAULT_MIN_SCORE),
            rubrics: config
                .rubrics
                .iter()
                .map(|d| normalize(&root.join(d)))
                .collect(),
            include: config
                .include
                .unwrap_or_else(|| DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect()),
            exclude: config.exclude,
            thresholds: config
                .thresholds
                .into_iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.0))
                .collect(),
            root,
            flag_min_score: overrides.min_score,
        }
    }

    /// The threshold for question `id` of `set`: the file's own `min_score` (the answer's own
    /// choice), then `--min-score` (a flag wins over the config, as in ruff or Vale), then the
    /// config's threshold for the question, for its set, and its default `min_score`.
    pub fn threshold(&self, id: &str, set: &str, file: Option<u32>) -> u32 {
        file.or(self.flag_min_score)
            .or_else(|| self.thresholds.get(&id.to_ascii_lowercase()).copied())
            .or_else(|| self.thresholds.get(&set.to_ascii_lowercase()).copied())
            .unwrap_or(self.min_score)
    }

    /// Compiles `include` and `exclude` into a [`Filter`].
    pub fn filter(&self) -> Result<Filter, ConfigError> {
        let build = |patterns: &[String]| -> Result<Gitignore, ConfigError> {
            let mut b = GitignoreBuilder::new(&self.root);
            for p in patterns {
                b.add_line(None, p)
                    .map_err(|e| self.invalid(format!("bad pattern \"{p}\": {e}")))?;
            }
            b.build().map_err(|e| self.invalid(e.to_string()))
        };
        Ok(Filter {
            root: self.root.clone(),
            include: build(&self.include)?,
            exclude: build(&self.exclude)?,
        })
    }

    /// The configuration as TOML, headed by where it came from.
    pub fn to_toml(&self) -> String {
        let from = match &self.source {
            Some(p) => format!("# from {}", p.display()),
            None => "# no rubric.toml found: built-in defaults".to_string(),
        };
        let body = toml::to_string(self).unwrap_or_default();
        format!("# effective rubric configuration\n{from}\n{body}")
    }

    fn invalid(&self, message: String) -> ConfigError {
        ConfigError::Invalid {
            path: self.source.clone().unwrap_or_else(|| self.root.clone()),
            message,
        }
    }
}

/// Decides which files a configuration checks.
#[derive(Debug, Clone)]
pub struct Filter {
    root: PathBuf,
    include: Gitignore,
    exclude: Gitignore,
}

impl Filter {
    /// True when `path` (absolute and normalized), or a folder above it and below `top`, is
    /// excluded. `top` is where a walk started: a folder the user names is walked even when it
    /// is excluded itself, but what is excluded inside it is not checked.
    pub fn excludes(&self, path: &Path, is_dir: bool, top: &Path) -> bool {
        if !path.starts_with(&self.root) {
            return self
                .exclude
                .matched(self.relative(path), is_dir)
                .is_ignore();
        }
        let mut is_dir = is_dir;
        for p in path.ancestors() {
            if p == top || p == self.root {
                return false;
            }
            if self.exclude.matched(self.relative(p), is_dir).is_ignore() {
                return true;
            }
            is_dir = true;
        }
        false
    }

    /// True when a directory walk should check the file at `path`, given its `include`
    /// patterns (`exclude` is [`Filter::excludes`]).
    pub fn includes(&self, path: &Path) -> bool {
        self.include
            .matched_path_or_any_parents(self.relative(path), false)
            .is_ignore()
    }

    /// The root the patterns are relative to (the config file's folder).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `path` relative to the config's directory. A file outside it can only match patterns
    /// without a slash, so its name stands in for it (the matcher refuses foreign absolute paths).
    fn relative(&self, path: &Path) -> PathBuf {
        match path.strip_prefix(&self.root) {
            Ok(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
            _ => path.file_name().map(PathBuf::from).unwrap_or_default(),
        }
    }
}

/// `path` made absolute against `cwd` and normalized without touching the filesystem, so a
/// config is found for `answers/x.md` the same way as for `./answers/../answers/x.md`.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    normalize(&cwd.join(path))
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Config {
        parse(Path::new("rubric.toml"), s).unwrap()
    }

    #[test]
    fn reads_every_key() {
        let c = p("min_score = 70\nrubrics = [\"bank\"]\ninclude = [\"answers/\"]\nexclude = [\"drafts/\"]\n[thresholds]\nsre = 65\nsre-13 = 80\n");
        assert_eq!(c.min_score, Some(Score(70)));
        assert_eq!(c.rubrics, vec![PathBuf::from("bank")]);
        assert_eq!(c.include, Some(vec!["answers/".to_string()]));
        assert_eq!(c.thresholds.get("sre-13"), Some(&Score(80)));
    }

    #[test]
    fn unknown_keys_and_bad_values_name_file_line_and_column() {
        let e = parse(
            Path::new("x/rubric.toml"),
            "min_score = 60\nmin-score = 70\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("x/rubric.toml:2:1: unknown field `min-score`"),
            "{e}"
        );
        // Type errors say what is wrong in the user's terms, never "expected i64".
        for (text, message) in [
            (
                "min_score = 170\n",
                "rubric.toml:1:13: a score is a whole number from 0 to 100, not 170",
            ),
            (
                "[thresholds]\nsre = -1\n",
                "rubric.toml:2:7: a score is a whole number from 0 to 100, not -1",
            ),
            (
                "min_score = 99.5\n",
                "rubric.toml:1:13: a score is a whole number from 0 to 100, not 99.5: scores have no fractions (use 99 or 100)",
            ),
            (
                "[thresholds]\nsre = \"high\"\n",
                "rubric.toml:2:7: a score is a whole number from 0 to 100, not the text \"high\" (write it without quotes)",
            ),
            (
                "exclude = \"drafts/\"\n",
                "rubric.toml:1:11: a list is written in brackets: [\"drafts/\"], not \"drafts/\"",
            ),
            (
                "rubrics = [3]\n",
                "rubric.toml:1:12: invalid type: integer `3`, expected a quoted string, such as \"drafts/\"",
            ),
            (
                "include = 3\n",
                "rubric.toml:1:11: invalid type: integer `3`, expected a list of quoted strings in brackets, such as [\"drafts/\"]",
            ),
        ] {
            let e = parse(Path::new("rubric.toml"), text).unwrap_err().to_string();
            assert_eq!(e, message, "{text}");
            assert!(!e.contains("i64") && !e.contains("sequence"), "{e}");
        }
        assert_eq!(p("min_score = 70.0").min_score, Some(Score(70)));
    }

    #[test]
    fn flags_override_the_file_which_overrides_defaults() {
        let cwd = Path::new("/repo");
        let none = Effective::new(None, &Overrides::default(), cwd);
        assert_eq!(none.min_score, DEFAULT_MIN_SCORE);
        assert_eq!(none.include.len(), DEFAULT_INCLUDE.len());
        let file = Effective::new(
            Some((
                Path::new("sub/rubric.toml"),
                p("min_score = 70\nrubrics = [\"../bank\"]"),
            )),
            &Overrides::default(),
            cwd,
        );
        assert_eq!(file.min_score, 70);
        assert_eq!(file.root, Path::new("/repo/sub"));
        assert_eq!(file.rubrics, vec![PathBuf::from("/repo/bank")]);
        let flag = Effective::new(
            Some((Path::new("rubric.toml"), p("min_score = 70"))),
            &Overrides {
                min_score: Some(50),
            },
            cwd,
        );
        assert_eq!(flag.min_score, 50);
    }

    #[test]
    fn the_most_specific_threshold_wins() {
        let e = Effective::new(
            Some((
                Path::new("rubric.toml"),
                p("min_score = 60\n[thresholds]\nsre = 65\nSRE-13 = 80\n"),
            )),
            &Overrides::default(),
            Path::new("/r"),
        );
        assert_eq!(e.threshold("sre-13", "sre", None), 80);
        assert_eq!(e.threshold("sre-12", "sre", None), 65);
        assert_eq!(e.threshold("sys-01", "sys", None), 60);
        assert_eq!(e.threshold("sre-13", "sre", Some(40)), 40);
        // A flag wins over the config, not over the answer's own front matter.
        let flagged = Effective::new(
            Some((
                Path::new("rubric.toml"),
                p("min_score = 60\n[thresholds]\nsre = 65\nSRE-13 = 80\n"),
            )),
            &Overrides {
                min_score: Some(90),
            },
            Path::new("/r"),
        );
        assert_eq!(flagged.threshold("sre-13", "sre", None), 90);
        assert_eq!(flagged.threshold("sys-01", "sys", None), 90);
        assert_eq!(flagged.threshold("sre-13", "sre", Some(40)), 40);
    }

    #[test]
    fn filter_uses_gitignore_syntax_relative_to_the_config() {
        let e = Effective::new(
            Some((
                Path::new("/r/rubric.toml"),
                p("exclude = [\"drafts/\", \"README.md\"]"),
            )),
            &Overrides::default(),
            Path::new("/r"),
        );
        let f = e.filter().unwrap();
        let top = Path::new("/r");
        let walked = |p: &str| f.includes(Path::new(p)) && !f.excludes(Path::new(p), false, top);
        assert!(walked("/r/answers/sre-13.md"));
        assert!(walked("/r/notes.txt"));
        assert!(!walked("/r/answers/sre-13.json"));
        assert!(!walked("/r/drafts/sre-13.md"));
        assert!(!walked("/r/drafts/deep/x.md"));
        assert!(!walked("/r/README.md"));
        assert!(f.excludes(Path::new("/r/drafts"), true, top));
        // A folder the user names is walked; what is excluded inside it is not.
        let drafts = Path::new("/r/drafts");
        assert!(!f.excludes(Path::new("/r/drafts/x.md"), false, drafts));
        assert!(f.excludes(Path::new("/r/drafts/README.md"), false, drafts));
        // A file outside the config's folder is matched by name.
        assert!(f.excludes(Path::new("/elsewhere/README.md"), false, top));
        assert!(!f.excludes(Path::new("/elsewhere/a.md"), false, top));
        let bad = Effective::new(
            Some((Path::new("/r/rubric.toml"), p("exclude = [\"a/**{\"]"))),
            &Overrides::default(),
            Path::new("/r"),
        );
        assert!(bad
            .filter()
            .unwrap_err()
            .to_string()
            .starts_with("/r/rubric.toml: bad pattern"));
    }

    #[test]
    fn discovery_walks_up_and_refuses_two_files_in_one_folder() {
        let d = tempfile::tempdir().unwrap();
        let deep = d.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        let outside = discover(d.path()).unwrap();
        assert_eq!(discover(&deep).unwrap(), outside);
        std::fs::write(d.path().join("a/.rubric.toml"), "").unwrap();
        assert_eq!(
            discover(&deep).unwrap(),
            Some(d.path().join("a/.rubric.toml"))
        );
        std::fs::write(d.path().join("a/b/rubric.toml"), "").unwrap();
        assert_eq!(discover(&deep).unwrap(), Some(deep.join("rubric.toml")));
        std::fs::write(d.path().join("a/rubric.toml"), "").unwrap();
        assert!(discover(&d.path().join("a")).is_err());
    }

    #[test]
    fn dump_is_valid_toml_that_reads_back() {
        let e = Effective::new(
            Some((
                Path::new("/r/rubric.toml"),
                p("min_score = 70\n[thresholds]\nsre = 65\n"),
            )),
            &Overrides::default(),
            Path::new("/r"),
        );
        let text = e.to_toml();
        assert!(
            text.starts_with("# effective rubric configuration\n# from /r/rubric.toml\n"),
            "{text}"
        );
        let back = parse(Path::new("dump"), &text).unwrap();
        assert_eq!(back.min_score, Some(Score(70)));
        assert_eq!(back.thresholds.get("sre"), Some(&Score(65)));
    }

    #[test]
    fn normalizes_paths_lexically() {
        assert_eq!(
            absolute(Path::new("/r"), Path::new("./a/../b/x.md")),
            Path::new("/r/b/x.md")
        );
        assert_eq!(
            absolute(Path::new("/r"), Path::new("/abs/y.md")),
            Path::new("/abs/y.md")
        );
    }

    #[test]
    fn scores_from_front_matter_and_flags_read_the_same() {
        assert_eq!(parse_score("75"), Ok(75));
        assert_eq!(parse_score(" 100 "), Ok(100));
        assert_eq!(parse_score("80.0"), Ok(80));
        assert_eq!(
            parse_score("99.5"),
            Err("a score is a whole number from 0 to 100, not 99.5: scores have no fractions (use 99 or 100)".into())
        );
        assert_eq!(
            parse_score("101"),
            Err("a score is a whole number from 0 to 100, not 101".into())
        );
        assert_eq!(
            parse_score("high"),
            Err("a score is a whole number from 0 to 100, not `high`".into())
        );
    }
}
