//! A configuration value that never fails to deserialize: the wanted type, or the kind of JSON
//! value found instead, so that one wrong key is reported and defaulted while the rest is read.
//! Works with any self-describing deserializer (serde_json, in the page and in the native tests).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// The JSON type of a value, for messages that say what was found instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Found {
    pub fn name(self) -> &'static str {
        match self {
            Found::Null => "null",
            Found::Bool => "a boolean",
            Found::Number => "a number",
            Found::String => "a string",
            Found::Array => "an array",
            Found::Object => "an object",
        }
    }
}

/// A value as read: absent (the key was not there), the wanted `T`, or something else.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Lenient<T> {
    #[default]
    Absent,
    Valid(T),
    Wrong(Found),
}

impl<T> Lenient<T> {
    pub fn valid(self) -> Option<T> {
        match self {
            Lenient::Valid(v) => Some(v),
            _ => None,
        }
    }
}

impl<'de, T: Expected<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor(PhantomData))
    }
}

/// The JSON values a lenient `T` is read from; every other value is `Wrong`. One trait rather
/// than `T: Deserialize` tried against each kind of value, which would build every `T`'s
/// deserializer once per kind.
pub trait Expected<'de>: Sized {
    fn from_str(_: &str) -> Option<Self> {
        None
    }
    fn from_bool(_: bool) -> Option<Self> {
        None
    }
    fn from_number(_: f64) -> Option<Self> {
        None
    }
    /// Reads an array; `None` leaves the rest to be skipped.
    fn from_seq<A: SeqAccess<'de>>(_: &mut A) -> Result<Option<Self>, A::Error> {
        Ok(None)
    }
    /// Reads an object; `None` leaves the rest to be skipped.
    fn from_map<A: MapAccess<'de>>(_: &mut A) -> Result<Option<Self>, A::Error> {
        Ok(None)
    }
}

impl Expected<'_> for String {
    fn from_str(v: &str) -> Option<Self> {
        Some(v.to_owned())
    }
}

impl Expected<'_> for bool {
    fn from_bool(v: bool) -> Option<Self> {
        Some(v)
    }
}

impl Expected<'_> for f64 {
    fn from_number(v: f64) -> Option<Self> {
        Some(v)
    }
}

/// An array of lenient items: each item is judged on its own.
impl<'de, T: Expected<'de>> Expected<'de> for Vec<Lenient<T>> {
    fn from_seq<A: SeqAccess<'de>>(seq: &mut A) -> Result<Option<Self>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Some(items))
    }
}

struct LenientVisitor<T>(PhantomData<T>);

/// `T` when `value` is one, else what was found.
fn judged<T>(value: Option<T>, found: Found) -> Lenient<T> {
    value.map_or(Lenient::Wrong(found), Lenient::Valid)
}

impl<'de, T: Expected<'de>> Visitor<'de> for LenientVisitor<T> {
    type Value = Lenient<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Lenient::Wrong(Found::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(judged(T::from_bool(v), Found::Bool))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.visit_f64(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.visit_f64(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(judged(T::from_number(v), Found::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(judged(T::from_str(v), Found::String))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let value = T::from_seq(&mut seq)?;
        // What `T` left unread is skipped, so that the rest of the document can still be read.
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(judged(value, Found::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let value = T::from_map(&mut map)?;
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(judged(value, Found::Object))
    }
}

/// A JSON object read as `T` (a derived struct of lenient fields, which never refuses one).
/// Serde's derived structs also accept arrays (fields by position); these objects are objects only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Expected<'de> for Object<T> {
    fn from_map<A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(|v| Some(Object(v)))
    }
}

impl<T: serde::Serialize> serde::Serialize for Object<T> {
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

/// Any value, read and dropped. Not `IgnoredAny`: serde_ignored reports every value read
/// through that as an unknown key.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_none<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}
