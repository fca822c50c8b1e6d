//! The stored decision: its JSON shape, and the rules that make a stored record count as a
//! decision (schema, policy version, expiry). Anything doubtful counts as no decision.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::category::{Category, Choices, Listed};
use crate::defaults;
use crate::timestamp::{self, Calendar};

/// `localStorage["consent-banner"]` (contract). Unknown keys are ignored on read; every key of
/// the contract must be there with the right type for the record to be read at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub schema: Schema,
    pub policy_version: String,
    pub categories: Object<Stored>,
    pub decided_at: String,
    pub expires_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The visitor picked `lang` with the banner's switch (otherwise the page's language wins).
    #[serde(default, skip_serializing_if = "is_false")]
    pub lang_chosen: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Record {
    /// The record in a stored JSON value, if it is one: an object with every key of the contract
    /// of the right type (serde's derive, from the value that the configuration's reader also
    /// reads: one JSON reader for every document).
    pub fn from_value(value: serde_json::Value) -> Option<Record> {
        serde_json::from_value::<Object<Record>>(value).ok().map(|Object(record)| record)
    }
}

/// The banner's language at a decision, and whether the visitor picked it with the switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language<'a> {
    /// Its BCP 47 tag.
    pub tag: &'a str,
    pub chosen: bool,
}

/// The record's schema number. JSON spells a number many ways (`1`, `1.0e0`): any spelling of
/// the whole number 1 is schema 1; a number that is not whole is no schema (0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Schema(pub u32);

impl<'de> Deserialize<'de> for Schema {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = f64::deserialize(deserializer)?;
        let whole = n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n);
        Ok(Schema(if whole { n as u32 } else { 0 }))
    }
}

/// Each configured category's choice as stored, when the visitor decided.
pub type Stored = Listed;

/// A record that holds: what the visitor chose, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub choices: Choices,
    pub decided_at: i64,
    /// The tag of the banner's language at the decision.
    pub lang: Option<String>,
    pub lang_chosen: bool,
}

/// The rules under which a record is a decision made now, for this policy version, with the
/// site's current expiry (which may be shorter than when the visitor decided).
pub fn validate(record: &Record, now: i64, policy_version: &str, expires_days: u32, calendar: &impl Calendar) -> Option<Decision> {
    if record.schema != Schema(defaults::RECORD_SCHEMA) || record.policy_version != policy_version {
        return None;
    }
    let decided_at = timestamp::parse(calendar, &record.decided_at)?;
    let expires_at = timestamp::parse(calendar, &record.expires_at)?;
    let ends = expires_at.min(decided_at + i64::from(expires_days) * defaults::DAY_MS);
    // A decision from more than a day in the future was not made on this clock.
    if now >= ends || decided_at > now + defaults::DAY_MS {
        return None;
    }
    let Object(stored) = &record.categories;
    let mut choices = Choices::default();
    for category in Category::ALL {
        choices.set(category, stored.get(category).unwrap_or(false));
    }
    Some(Decision { choices, decided_at, lang: record.lang.clone(), lang_chosen: record.lang_chosen })
}

/// The record of a decision made at `now`, listing every configured optional category; `None`
/// when the clock is outside the years the record holds.
pub fn new(
    choices: Choices,
    categories: &[Category],
    now: i64,
    policy_version: &str,
    expires_days: u32,
    language: Language,
    calendar: &impl Calendar,
) -> Option<Record> {
    Some(Record {
        schema: Schema(defaults::RECORD_SCHEMA),
        policy_version: policy_version.to_owned(),
        categories: Object(choices.of(categories)),
        decided_at: timestamp::format(calendar, now)?,
        expires_at: timestamp::format(calendar, now + i64::from(expires_days) * defaults::DAY_MS)?,
        lang: Some(language.tag.to_owned()),
        lang_chosen: language.chosen,
    })
}

/// A JSON object read as `T`. Serde's derived structs also accept arrays (fields by position);
/// the record and its categories are objects only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Object<T>(pub T);

impl<T: Serialize> Serialize for Object<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Object)
            }
        }
        deserializer.deserialize_any(ObjectVisitor(PhantomData))
    }
}
