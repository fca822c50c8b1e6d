//! consent-banner: a bilingual (English/Japanese) cookie-consent banner that gates Google
//! Analytics 4 until the visitor says yes.
//!
//! The crate is a pure core (plain Rust, tested natively) and a thin browser layer (`web`, built
//! only for wasm32) that translates between the core and the page. See ARCHITECTURE.md.
//!
//! The shipped wasm is `no_std` (every byte is paid on every page view): the core uses `alloc`
//! only, and `web` brings the panic handler and the allocator. Native builds and the browser
//! tests use std.
#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod catalogue;
pub mod config;
pub mod consent;
pub mod defaults;
pub mod disclosure;
pub mod gate;
pub mod json;
pub mod record;
pub mod timestamp;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
