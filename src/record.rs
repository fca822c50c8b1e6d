//! The stored decision: its JSON shape, and the rules that make a stored record count as a
//! decision (schema, policy version, expiry). Anything doubtful counts as no decision.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::Lang;
use crate::consent::{Category, Choices};
use crate::{defaults, timestamp};

/// `localStorage["consent-banner"]` as JSON (contract). Unknown keys are ignored on read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub schema: u32,
    pub policy_version: String,
    pub categories: BTreeMap<String, bool>,
    pub decided_at: String,
    pub expires_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// A record that holds: what the visitor chose, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub choices: Choices,
    pub decided_at: i64,
    pub lang: Option<Lang>,
}

/// Reads a JSON value as a record. Only an object is accepted: serde would also read a struct
/// from an array of its fields, which no version of ours ever wrote.
pub fn from_json(value: serde_json::Value) -> Option<Record> {
    if value.is_object() {
        serde_json::from_value(value).ok()
    } else {
        None
    }
}

/// Parses stored text; anything but a well-formed record is `None`.
pub fn parse(text: &str) -> Option<Record> {
    from_json(serde_json::from_str(text).ok()?)
}

/// The rules under which a record is a decision made now, for this policy version, with the
/// site's current expiry (which may be shorter than when the visitor decided).
pub fn validate(record: &Record, now: i64, policy_version: &str, expires_days: u32) -> Option<Decision> {
    if record.schema != defaults::RECORD_SCHEMA || record.policy_version != policy_version {
        return None;
    }
    let decided_at = timestamp::parse(&record.decided_at)?;
    let expires_at = timestamp::parse(&record.expires_at)?;
    let ends = expires_at.min(decided_at + i64::from(expires_days) * defaults::DAY_MS);
    // A decision from more than a day in the future was not made on this clock.
    if now >= ends || decided_at > now + defaults::DAY_MS {
        return None;
    }
    let mut choices = Choices::default();
    for (key, &granted) in &record.categories {
        if let Some(category) = Category::from_key(key) {
            choices.set(category, granted);
        }
    }
    Some(Decision { choices, decided_at, lang: record.lang.as_deref().and_then(Lang::from_tag) })
}

/// The record of a decision made at `now`, listing every configured optional category.
pub fn new(choices: Choices, categories: &[Category], now: i64, policy_version: &str, expires_days: u32, lang: Lang) -> Option<Record> {
    Some(Record {
        schema: defaults::RECORD_SCHEMA,
        policy_version: policy_version.to_owned(),
        categories: categories.iter().map(|&c| (c.key().to_owned(), choices.get(c))).collect(),
        decided_at: timestamp::format(now)?,
        expires_at: timestamp::format(now + i64::from(expires_days) * defaults::DAY_MS)?,
        lang: Some(lang.tag().to_owned()),
    })
}
