// Klaro 0.7.22 configured as our banner is: one analytics service, English, a notice with accept and decline.
var klaroConfig = {
  version: 1,
  lang: "en",
  privacyPolicy: "/privacy/",
  acceptAll: true,
  hideDeclineAll: false,
  mustConsent: false,
  services: [{ name: "google-analytics", title: "Google Analytics", purposes: ["analytics"], cookies: [/^_ga/] }],
};
