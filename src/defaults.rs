//! Every constant of the product in one place: names the page sees, defaults and limits.

/// `localStorage` key of the stored decision (contract).
pub const STORAGE_KEY: &str = "consent-banner";
/// Schema number written into, and required of, the stored record.
pub const RECORD_SCHEMA: u32 = 1;
/// Policy version when the site sets none.
pub const POLICY_VERSION: &str = "1";
/// Days a decision stays valid when the site sets nothing, and the accepted range.
pub const EXPIRES_DAYS: u32 = 180;
pub const EXPIRES_DAYS_MIN: u32 = 1;
pub const EXPIRES_DAYS_MAX: u32 = 395;
/// Milliseconds in a day, for expiry arithmetic.
pub const DAY_MS: i64 = 86_400_000;
/// The GA4 loader; `?id=` and the measurement id are appended.
pub const GA_SCRIPT_URL: &str = "https://www.googletagmanager.com/gtag/js?id=";
/// The cookies Google Analytics sets, deleted when analytics is withdrawn (`*`: any suffix).
pub const GA_COOKIES: [&str; 4] = ["_ga", "_ga_*", "_gid", "_gat*"];
/// Google's tag, running (not written `type="text/plain"`): from one of its hosts before any
/// consent, it is the mistake the banner warns about.
pub const GOOGLE_TAG: &str =
    "script[src*=\"googletagmanager.com/\"]:not([type=\"text/plain\"]),script[src*=\"google-analytics.com/\"]:not([type=\"text/plain\"])";
/// Prefix of the window flag that tells gtag.js to stop sending (`ga-disable-<id>`).
pub const GA_DISABLE_PREFIX: &str = "ga-disable-";
/// Host element the banner renders into (contract).
pub const HOST_TAG: &str = "consent-banner";
/// Elements a site fills with the external-transmission table (contract).
pub const DISCLOSURE_TAG: &str = "consent-disclosure";
/// Event dispatched on `document` after every decision (contract).
pub const CHANGE_EVENT: &str = "consent-banner:change";
/// Prefix of every console message, so a site owner can tell where it came from.
pub const LOG_PREFIX: &str = "consent-banner: ";

/// Space kept between a focused page field and the first layer when the banner scrolls it clear.
pub const FOCUS_MARGIN_PX: f64 = 16.0;
