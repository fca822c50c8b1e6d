//! The optional cookie categories, and one value per category: the visitor's choices, the stored
//! record's and the API's categories are all `PerCategory`, indexed by the category. The bottom
//! of the core, used by configuration, the stored record, the gate and the session alike.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// An optional category; `necessary` is always on and never stored. Adding one: its variant, its
/// key, its place in `ALL`; then its Consent Mode types (`gate`) and its two texts (`catalogue`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Analytics,
    Functional,
    Marketing,
}

/// The category that is always granted.
pub const NECESSARY: &str = "necessary";

impl Category {
    /// Every category, in the order `PerCategory` holds them.
    pub const ALL: [Category; 3] = [Category::Analytics, Category::Functional, Category::Marketing];

    /// Name in configuration, storage, `data-consent` and the API.
    pub fn key(self) -> &'static str {
        match self {
            Category::Analytics => "analytics",
            Category::Functional => "functional",
            Category::Marketing => "marketing",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// One value per category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PerCategory<T>(pub [T; Category::ALL.len()]);

impl<T: Copy> PerCategory<T> {
    pub fn get(&self, category: Category) -> T {
        self.0[category as usize]
    }

    pub fn set(&mut self, category: Category, value: T) {
        self.0[category as usize] = value;
    }
}

/// Granted or not, per category.
pub type Choices = PerCategory<bool>;

impl Choices {
    /// Every listed category granted, the rest not.
    pub fn all(categories: &[Category]) -> Choices {
        let mut choices = Choices::default();
        for &c in categories {
            choices.set(c, true);
        }
        choices
    }

    /// The same choices with every category the site did not configure switched off.
    pub fn within(self, categories: &[Category]) -> Choices {
        let mut choices = Choices::default();
        for &c in categories {
            choices.set(c, self.get(c));
        }
        choices
    }

    /// The choice of each listed category, and nothing for the others.
    pub fn of(self, categories: &[Category]) -> Listed {
        let mut listed = Listed::default();
        for &c in categories {
            listed.set(c, Some(self.get(c)));
        }
        listed
    }
}

/// Some categories' choices: those the site configured. Written as an object of category names
/// to booleans (the stored record's `categories`, the API's); a name this version does not know
/// is ignored when read, and anything but a boolean makes the whole object unreadable.
pub type Listed = PerCategory<Option<bool>>;

impl Listed {
    /// How many categories are listed.
    pub fn len(&self) -> usize {
        self.0.iter().flatten().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Serialize for Listed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for c in Category::ALL {
            if let Some(on) = self.get(c) {
                map.serialize_entry(c.key(), &on)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Listed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListedVisitor;
        impl<'de> Visitor<'de> for ListedVisitor {
            type Value = Listed;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of category names to booleans")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Listed, A::Error> {
                let mut listed = Listed::default();
                while let Some(name) = map.next_key::<String>()? {
                    match Category::from_key(&name) {
                        // A value of the wrong type voids the whole object.
                        Some(c) => listed.set(c, map.next_value::<Option<bool>>()?),
                        None => drop(map.next_value::<IgnoredAny>()?),
                    }
                }
                Ok(listed)
            }
        }
        deserializer.deserialize_map(ListedVisitor)
    }
}
