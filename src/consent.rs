//! The API's documents: the consent state `get()` returns and listeners receive, and `set()`'s
//! argument with the rules that read it.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::Serialize;

use crate::category::Category;
use crate::config::Problem;

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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Granted {
    pub analytics: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub functional: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketing: Option<bool>,
}

/// `set()`'s argument: category names to booleans, in the order given.
#[derive(Debug, PartialEq, Eq)]
pub struct Requested(pub Vec<(String, bool)>);

impl<'de> Deserialize<'de> for Requested {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RequestedVisitor;
        impl<'de> Visitor<'de> for RequestedVisitor {
            type Value = Requested;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of category names to true or false")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Requested, A::Error> {
                let mut values = Vec::new();
                while let Some(entry) = map.next_entry::<String, bool>()? {
                    values.push(entry);
                }
                Ok(Requested(values))
            }
        }
        // Through deserialize_any, so that an array is refused by every deserializer alike.
        deserializer.deserialize_any(RequestedVisitor)
    }
}

/// Categories to switch on or off, from `set()`.
pub type Changes = Vec<(Category, bool)>;

/// Checks `set()`'s argument (`None`: it was not an object of booleans). Unknown names come back
/// as warnings; anything else is one error and no decision.
pub fn read_set(requested: Option<Requested>) -> Result<(Changes, Vec<Problem>), Problem> {
    let Requested(values) = requested
        .ok_or_else(|| Problem::error("set() takes an object of category names to true or false, such as { analytics: true }."))?;
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for (name, on) in values {
        match Category::from_key(&name) {
            Some(c) => changes.push((c, on)),
            None => problems.push(Problem::warn(&format!("set() ignores the unknown category \"{name}\"."))),
        }
    }
    Ok((changes, problems))
}
