//! The stored decision: its JSON shape, and the rules that make a stored record count as a
//! decision (schema, policy version, expiry). Anything doubtful counts as no decision.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use crate::catalogue::Lang;
use crate::consent::{Category, Choices};
use crate::defaults;
use crate::json::{self, Kind, Value};
use crate::timestamp::{self, Calendar};

/// `localStorage["consent-banner"]` (contract). Unknown keys are ignored on read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The schema number, as JSON writes it.
    pub schema: String,
    pub policy_version: String,
    /// Each category this version knows → granted, in stored order. (Every stored value must be
    /// a boolean for the record to be read; unknown names are then left out.)
    pub categories: Vec<(Category, bool)>,
    pub decided_at: String,
    pub expires_at: String,
    pub lang: Option<String>,
}

/// A record that holds: what the visitor chose, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub choices: Choices,
    pub decided_at: i64,
    pub lang: Option<Lang>,
}

/// Reads a record from the parsed stored JSON: an object with every key of the right type, or
/// nothing.
pub fn from_value<V: Value>(value: &V) -> Option<Record> {
    let stored = value.get("categories")?;
    if value.kind() != Kind::Object || stored.kind() != Kind::Object {
        return None;
    }
    let mut categories = Vec::new();
    for i in 0..stored.len() {
        let granted = stored.at(i).boolean()?;
        if let Some(c) = Category::from_key(&stored.key(i)) {
            categories.push((c, granted));
        }
    }
    let lang = match value.get("lang") {
        Some(v) if v.kind() != Kind::Null => Some(v.string()?),
        _ => None,
    };
    Some(Record {
        schema: value.get("schema")?.number()?,
        policy_version: value.string_of("policyVersion")?,
        categories,
        decided_at: value.string_of("decidedAt")?,
        expires_at: value.string_of("expiresAt")?,
        lang,
    })
}

/// The record as stored: `{"schema":1,"policyVersion":…,"categories":{…},"decidedAt":…,"expiresAt":…,"lang":…}`.
pub fn to_json(record: &Record) -> String {
    let mut out = String::with_capacity(160);
    out.push_str("{\"schema\":");
    out.push_str(&record.schema);
    out.push_str(",\"policyVersion\":");
    json::write_str(&mut out, &record.policy_version);
    out.push_str(",\"categories\":{");
    for (name, granted) in &record.categories {
        json::write_key(&mut out, name.key());
        out.push_str(if *granted { "true" } else { "false" });
    }
    out.push_str("},\"decidedAt\":");
    json::write_str(&mut out, &record.decided_at);
    out.push_str(",\"expiresAt\":");
    json::write_str(&mut out, &record.expires_at);
    if let Some(lang) = &record.lang {
        out.push_str(",\"lang\":");
        json::write_str(&mut out, lang);
    }
    out.push('}');
    out
}

/// The rules under which a record is a decision made now, for this policy version, with the
/// site's current expiry (which may be shorter than when the visitor decided).
pub fn validate(record: &Record, now: i64, policy_version: &str, expires_days: u32, calendar: &impl Calendar) -> Option<Decision> {
    if record.schema != defaults::RECORD_SCHEMA || record.policy_version != policy_version {
        return None;
    }
    let decided_at = timestamp::parse(calendar, &record.decided_at)?;
    let expires_at = timestamp::parse(calendar, &record.expires_at)?;
    let ends = expires_at.min(decided_at + i64::from(expires_days) * defaults::DAY_MS);
    // A decision from more than a day in the future was not made on this clock.
    if now >= ends || decided_at > now + defaults::DAY_MS {
        return None;
    }
    let mut choices = Choices::default();
    for &(category, granted) in &record.categories {
        choices.set(category, granted);
    }
    Some(Decision { choices, decided_at, lang: record.lang.as_deref().and_then(Lang::from_tag) })
}

/// The record of a decision made at `now`, listing every configured optional category.
pub fn new(
    choices: Choices,
    categories: &[Category],
    now: i64,
    policy_version: &str,
    expires_days: u32,
    lang: Lang,
    calendar: &impl Calendar,
) -> Option<Record> {
    let mut stored = Vec::new();
    for &c in categories {
        stored.push((c, choices.get(c)));
    }
    Some(Record {
        schema: defaults::RECORD_SCHEMA.to_owned(),
        policy_version: policy_version.to_owned(),
        categories: stored,
        decided_at: timestamp::format(calendar, now)?,
        expires_at: timestamp::format(calendar, now + i64::from(expires_days) * defaults::DAY_MS)?,
        lang: Some(lang.tag().to_owned()),
    })
}
