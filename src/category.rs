//! The optional cookie categories and the visitor's choice for each: the bottom of the core, used
//! by configuration, the stored record, the gate and the session alike.

use serde::Serialize;

/// An optional category; `necessary` is always on and never stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Analytics,
    Functional,
    Marketing,
}

/// The category that is always granted.
pub const NECESSARY: &str = "necessary";

impl Category {
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

/// Granted or not, per optional category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    pub analytics: bool,
    pub functional: bool,
    pub marketing: bool,
}

impl Choices {
    pub fn get(&self, category: Category) -> bool {
        match category {
            Category::Analytics => self.analytics,
            Category::Functional => self.functional,
            Category::Marketing => self.marketing,
        }
    }

    pub fn set(&mut self, category: Category, granted: bool) {
        match category {
            Category::Analytics => self.analytics = granted,
            Category::Functional => self.functional = granted,
            Category::Marketing => self.marketing = granted,
        }
    }

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
}
