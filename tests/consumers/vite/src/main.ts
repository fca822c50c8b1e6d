import { mount, validate, type Config, type ConsentBanner, type ConsentState, type Problem } from "consent-banner";

const config: Config = { gaId: "G-TEST123", policyUrl: "/privacy/", lang: "en", expiresDays: 90 };

declare global {
  interface Window {
    __consumer?: { same: boolean; banner: ConsentBanner; changes: ConsentState[]; problems: Problem[] };
  }
}

Promise.all([mount(config), mount({ lang: "ja" }), validate({ gaId: "UA-1", expiresDays: 90 }, { "data-lang": "xx" })]).then(([banner, again, problems]) => {
  const changes: ConsentState[] = [];
  banner.on("change", (state) => changes.push(state));
  window.__consumer = { same: banner === again, banner, changes, problems };
});
