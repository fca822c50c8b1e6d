//! The record's timestamps (`2026-11-23T08:00:00.000Z`) ⇄ milliseconds since 1970: the range the
//! record allows is decided here; the calendar arithmetic is the platform's `Date`.

/// The platform's calendar: `Date` in the page (`web::page::Dates`), a Rust stand-in in the
/// native tests. Passed in like the clock, so that the wasm carries no date arithmetic.
pub trait Calendar {
    /// `new Date(ms).toISOString()`, or `None` where `Date` has no such instant.
    fn format(&self, ms: i64) -> Option<String>;
    /// The instant a text names when it is exactly what `format` writes for it; else `None`.
    fn parse(&self, text: &str) -> Option<i64>;
}

/// Latest instant the record holds: the end of year 9999, the last `toISOString` writes in four
/// digits.
const MAX_MS: i64 = 253_402_300_799_999;

/// A timestamp for the record, `None` outside years 1970–9999.
pub fn format(calendar: &impl Calendar, ms: i64) -> Option<String> {
    if (0..=MAX_MS).contains(&ms) {
        calendar.format(ms)
    } else {
        None
    }
}

/// The instant of a stored timestamp: exactly `format`'s shape, in years 1970–9999; else `None`.
pub fn parse(calendar: &impl Calendar, text: &str) -> Option<i64> {
    calendar.parse(text).filter(|ms| (0..=MAX_MS).contains(ms))
}
