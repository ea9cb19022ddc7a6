//! Finds the `rubric.toml` in force for each path (nearest one walking up from it, then from the
//! working directory, or `--config`), loads each file once, and builds its rubric catalog.
//! Also `rubric config`.

use super::args::{ConfigArgs, Global};
use super::Outcome;
use anyhow::{Context, Result};
use rubric::catalog::Catalog;
use rubric::config::{self, Config, Effective, Overrides};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Config files found so far, by directory, and loaded once each.
pub struct Configs {
    cwd: PathBuf,
    explicit: Option<PathBuf>,
    overrides: Overrides,
    /// Directory -> config file in force there (None: built-in defaults).
    found: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<Option<PathBuf>, Rc<Effective>>,
}

impl Configs {
    pub fn new(g: &Global, overrides: Overrides) -> Result<Configs> {
        let cwd = std::env::current_dir().context("finding the working directory")?;
        let explicit = g.config.as_ref().map(|p| config::absolute(&cwd, p));
        Ok(Configs {
            cwd,
            explicit,
            overrides,
            found: HashMap::new(),
            loaded: HashMap::new(),
        })
    }

    /// The configuration in force for the working directory.
    pub fn for_cwd(&mut self) -> Result<Rc<Effective>> {
        let cwd = self.cwd.clone();
        self.for_dir(&cwd)
    }

    /// The configuration in force for the file or directory at `path`.
    pub fn for_path(&mut self, path: &Path, is_dir: bool) -> Result<Rc<Effective>> {
        let abs = self.absolute(path);
        let dir = if is_dir {
            abs.as_path()
        } else {
            abs.parent().unwrap_or(&abs)
        };
        self.for_dir(&dir.to_path_buf())
    }

    /// `path` made absolute and normalized, as config filters expect.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        config::absolute(&self.cwd, path)
    }

    fn for_dir(&mut self, dir: &PathBuf) -> Result<Rc<Effective>> {
        let file = match &self.explicit {
            Some(p) => Some(p.clone()),
            None => match self.found.get(dir) {
                Some(f) => f.clone(),
                None => {
                    let f = match config::discover(dir)? {
                        Some(f) => Some(f),
                        None => config::discover(&self.cwd)?,
                    };
                    self.found.insert(dir.clone(), f.clone());
                    f
                }
            },
        };
        if let Some(e) = self.loaded.get(&file) {
            return Ok(e.clone());
        }
        let parsed: Option<(&Path, Config)> = match &file {
            Some(p) => Some((p.as_path(), config::load(p)?)),
            None => None,
        };
        let effective = Rc::new(Effective::new(parsed, &self.overrides, &self.cwd));
        self.loaded.insert(file, effective.clone());
        Ok(effective)
    }
}

/// The rubric catalog for a configuration: built-in sets (unless `--no-builtin`), then the
/// config's `rubrics` directories, then `--rubrics`, each replacing sets of the same name.
pub fn catalog_for(g: &Global, e: &Effective) -> Result<Catalog> {
    let mut catalog = if g.no_builtin {
        Catalog::default()
    } else {
        Catalog::embedded()
    };
    catalog.allow_replacing_builtin(g.replace_builtin);
    add_config_dirs(&mut catalog, e)?;
    for dir in g.rubrics.iter().filter(|d| !d.as_os_str().is_empty()) {
        catalog.add_dir(dir)?;
    }
    // Parse every set now, so that a broken rubric file stops the run with its own error
    // instead of looking like "no such question" file after file.
    catalog.questions()?;
    check_thresholds(e, &catalog)?;
    Ok(catalog)
}

/// Adds the config's `rubrics` directories to `catalog`.
pub fn add_config_dirs(catalog: &mut Catalog, e: &Effective) -> Result<()> {
    let from = e
        .source
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    for dir in &e.rubrics {
        catalog.add_dir(dir).with_context(|| {
            format!(
                "loading the `rubrics` directory {} named in {from}",
                dir.display()
            )
        })?;
    }
    Ok(())
}

/// A `[thresholds]` key must be a loaded set or question, so a typo cannot go unnoticed.
fn check_thresholds(e: &Effective, catalog: &Catalog) -> Result<()> {
    for key in e.thresholds.keys() {
        if catalog.sets().contains(&key.as_str()) || catalog.by_id(key)?.is_some() {
            continue;
        }
        let from = e
            .source
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        anyhow::bail!(
            "{from}: `[thresholds]` names `{key}`, which is neither a set ({}) nor a question id",
            catalog.sets().join(", ")
        );
    }
    Ok(())
}

/// `rubric config [PATH]`.
pub fn show(g: &Global, a: ConfigArgs) -> Result<Outcome> {
    let mut configs = Configs::new(g, Overrides::default())?;
    let e = match &a.path {
        Some(p) => configs.for_path(p, p.is_dir())?,
        None => configs.for_cwd()?,
    };
    print_config(g, &e)
}

/// Prints a configuration as TOML, after checking it against the rubrics it names.
pub fn print_config(g: &Global, e: &Effective) -> Result<Outcome> {
    catalog_for(g, e)?;
    let mut out = super::stdout();
    out.write_all(e.to_toml().as_bytes())?;
    out.flush()?;
    Ok(Outcome::Pass)
}
