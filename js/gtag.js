// The one line Google Consent Mode needs: gtag.js reads `arguments` objects from dataLayer, never
// arrays, and Rust cannot make an `arguments` object. A module, not `new Function`, so that a
// strict CSP needs no 'unsafe-eval'. Offered as window.gtag too, for the site's own events.
export function gtag() {
  (window.dataLayer = window.dataLayer || []).push(arguments);
  window.gtag = window.gtag || gtag;
}
