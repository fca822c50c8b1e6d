import { mount, type Config, type ConsentBanner, type ConsentState } from "consent-banner";

const config: Config = { gaId: "G-TEST123", policyUrl: "/privacy/", lang: "en", expiresDays: 90 };

declare global {
  interface Window {
    __consumer?: { same: boolean; banner: ConsentBanner; changes: ConsentState[] };
  }
}

Promise.all([mount(config), mount({ lang: "ja" })]).then(([banner, again]) => {
  const changes: ConsentState[] = [];
  banner.on("change", (state) => changes.push(state));
  window.__consumer = { same: banner === again, banner, changes };
});
