//! consent-banner: a bilingual (English/Japanese) cookie-consent banner that gates Google
//! Analytics 4 until the visitor says yes.
//!
//! The crate is a pure core (plain Rust, tested natively) and a thin browser layer (`web`, built
//! only for wasm32) that translates between the core and the page. See ARCHITECTURE.md.
#![forbid(unsafe_code)]

pub mod catalogue;
pub mod config;
pub mod consent;
pub mod defaults;
pub mod disclosure;
pub mod gate;
pub mod json;
pub mod record;
pub mod timestamp;

#[cfg(target_arch = "wasm32")]
pub mod web;
