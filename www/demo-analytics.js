// Stands in for gtag.js on the demo, so the demo never contacts Google: it runs only after the
// visitor's yes (the banner loads it through data-analytics-src) and says so on the page.
window.__demoAnalyticsLoaded = true;
document.dispatchEvent(new Event("demo-analytics:loaded"));
