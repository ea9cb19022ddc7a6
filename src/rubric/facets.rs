//! Facets: what any good story or motivation shows whatever its details (a situation with its
//! stakes, what you did, the result in numbers, ...), defined once in `rubrics/facets.toml` and
//! named by the rubric sources of behavioral and motivational questions.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

const FACETS: &str = include_str!("../../rubrics/facets.toml");

/// One facet: a point's label, evidence and hint, shared across the bank.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facet {
    pub label: String,
    #[serde(default)]
    pub need: Option<f64>,
    pub evidence: Vec<String>,
    #[serde(default)]
    pub weak: Vec<String>,
    pub hint: String,
}

/// Facets by name.
pub type Facets = BTreeMap<String, Facet>;

/// The facets embedded in the binary.
pub fn embedded() -> &'static Facets {
    static F: std::sync::OnceLock<Facets> = std::sync::OnceLock::new();
    F.get_or_init(|| parse(FACETS).expect("embedded facets are valid (checked by tests)"))
}

/// Parses a facets file; errors name `facets.toml` and the line.
pub fn parse(text: &str) -> Result<Facets, String> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |s| text[..s.start].matches('\n').count() + 1);
        format!("facets.toml:{line}: {}", e.message().trim_end())
    })
}

/// Path of the facets file in a checkout, for messages.
pub fn path() -> &'static Path {
    Path::new("rubrics/facets.toml")
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_facets_parse_and_have_evidence() {
        let f = super::embedded();
        for name in [
            "situation",
            "actions",
            "communication",
            "result",
            "learning",
        ] {
            let facet = f.get(name).unwrap_or_else(|| panic!("facet {name}"));
            assert!(!facet.evidence.is_empty() && !facet.hint.is_empty());
        }
    }
}
