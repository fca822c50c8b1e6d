// A plain-JS webpack 5 app; tsc checks it against the package's types (checkJs).
import { mount, validate } from "consent-banner";

/** @type {import("consent-banner").Config} */
const config = { gaId: "G-TEST123", policyUrl: "/privacy/" };

Promise.all([mount(config), validate({ gaId: "UA-1", expiresDays: 90 }, { "data-lang": "xx" })]).then(([banner, problems]) => {
  /** @type {import("consent-banner").ConsentState[]} */
  const changes = [];
  banner.on("change", (state) => changes.push(state));
  Object.assign(window, { __consumer: { same: true, banner, changes, problems } });
});
