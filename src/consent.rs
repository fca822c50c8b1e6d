//! The API's documents: the consent state `get()` returns and listeners receive, and `set()`'s
//! argument with the rules that read it.

use serde::Serialize;

use crate::category::{Category, Listed};
use crate::problem::{Code, Problem};

/// What `consentBanner.get()` returns and `change` listeners receive (contract).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub decided: bool,
    pub categories: Granted,
    pub policy_version: String,
    pub decided_at: Option<String>,
    pub gpc: bool,
}

/// Whether each category is granted: `analytics` always, the others when configured.
pub type Granted = Listed;

/// `set()`'s argument: category names to booleans.
#[derive(Debug, PartialEq, Eq)]
pub struct Requested(pub Vec<(String, bool)>);

impl Requested {
    /// Reads the argument from JSON text: an object whose every value is a boolean, else `None`.
    pub fn parse(json: &str) -> Option<Requested> {
        let serde_json::Value::Object(values) = serde_json::from_str(json).ok()? else { return None };
        values.into_iter().map(|(name, on)| Some((name, on.as_bool()?))).collect::<Option<_>>().map(Requested)
    }
}

/// Categories to switch on or off, from `set()`.
pub type Changes = Vec<(Category, bool)>;

/// Checks `set()`'s argument (`None`: it was not an object of booleans). Unknown names come back
/// as warnings; anything else is one error and no decision.
pub fn read_set(requested: Option<Requested>) -> Result<(Changes, Vec<Problem>), Problem> {
    let Requested(values) = requested.ok_or_else(|| Problem::new(Code::SetNotObject, "set()"))?;
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for (name, on) in values {
        match Category::from_key(&name) {
            Some(c) => changes.push((c, on)),
            None => problems.push(Problem::new(Code::SetUnknownCategory, "set()").value(&name)),
        }
    }
    Ok((changes, problems))
}
