//! consent-banner: a bilingual (English/Japanese) cookie-consent banner that gates Google
//! Analytics 4 until the visitor says yes.
//!
//! The crate is a pure core (plain Rust and serde, tested natively) and a thin browser layer
//! (`web`, built only for wasm32) that translates between the core and the page through web-sys,
//! js-sys, serde-wasm-bindgen and gloo-storage. See ARCHITECTURE.md.
#![forbid(unsafe_code)]

pub mod catalogue;
pub mod category;
pub mod command;
pub mod config;
pub mod consent;
pub mod contrast;
pub mod defaults;
pub mod disclosure;
pub mod gate;
pub mod problem;
pub mod record;
pub mod session;
pub mod timestamp;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
