// The page primitives the Rust browser layer (src/web/page.rs) calls, and the renderer. Each is
// one plain step on the page — read a fact, parse or show JSON, store a string, push a command —
// and none throws into the page. What to do, and when, is decided in Rust; what is shown comes
// from the core as data (src/view.rs), and every string of it becomes a text node or an
// attribute value, never markup.
let act; // the wasm export events go to
let root; // the banner's shadow root
let main; // its part for the banner or the reopen control
let modal; // its part for the preferences dialog
let opener; // where focus returns when the dialog closes
let store; // localStorage, once it has been read without throwing
let listeners = [];
const doc = document;

// ---------------------------------------------------------------- reading the page and JSON

/** Text of the element `id`, or undefined. */
export const text = (id) => doc.getElementById(id)?.textContent;

/** An attribute of `el`, or undefined. */
export const attr = (el, name) => el?.getAttribute?.(name);

/** `<html lang>` then each of `navigator.languages`. */
const languages = () => [doc.documentElement.getAttribute("lang"), ...(navigator.languages || [])];

export const gpc = () => navigator.globalPrivacyControl === true;

export const now = () => Date.now();
/** `new Date(ms).toISOString()`, or undefined where Date has no such instant. */
export function iso(ms) {
  try {
    return new Date(ms).toISOString();
  } catch {}
}
/** The instant a text names when it is exactly what `iso` writes for it, else NaN. */
export const instant = (text) => {
  const ms = Date.parse(text);
  return iso(ms) === text ? ms : NaN;
};

/** The scheme of `url` resolved against an https: page ("https:" for a relative URL), or undefined. */
export function scheme(url) {
  try {
    return new URL(url, "https://x/").protocol;
  } catch {}
}

const log = (message, error) => console[error ? "error" : "warn"](message);

/** The value of JSON text, or undefined when it is not JSON. */
export function parse(json) {
  try {
    return JSON.parse(json);
  } catch {}
}

// A parsed value, as src/json.rs reads it: its kind (null, boolean, number, string, array,
// object, other), an own member, and arrays and objects by position. Any value is safe to ask.
export const kind = (v) =>
  v === null ? 0 : typeof v == "boolean" ? 1 : typeof v == "number" ? 2 : typeof v == "string" ? 3 : Array.isArray(v) ? 4 : typeof v == "object" ? 5 : 6;
const members = (v) => (typeof v == "object" && v ? Object.keys(v) : []);
export const has = (v, key) => members(v).includes(key);
export const get = (v, key) => (has(v, key) ? v[key] : undefined);
export const stringOf = (v, key) => ((v = get(v, key)), typeof v == "string" ? v : undefined);
export const len = (v) => members(v).length;
export const numberText = (v) => (typeof v == "number" ? String(v) : undefined);
export const key = (v, i) => members(v)[i];
export const at = (v, i) => v?.[members(v)[i]];

// ---------------------------------------------------------------- storage

/** The stored text, null when there is none, undefined when storage is missing or throws. */
export function read(key) {
  store = null;
  try {
    const value = localStorage.getItem(key);
    store = localStorage;
    return value;
  } catch {}
}

/** Stores `value` (or removes the item for undefined); false when storage was unreadable or
 * refuses. */
export function write(key, value) {
  try {
    return !!store && (value == null ? store.removeItem(key) : store.setItem(key, value), true);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- the banner

/**
 * Routes the page's events to `to`: [data-consent-open] clicks, and "ready" once the page is
 * parsed — in a task of its own, after the one that started the banner, so that neither runs long.
 */
export function listen(to) {
  act = to;
  doc.addEventListener("click", (e) => {
    const link = e.target.closest?.("[data-consent-open]");
    if (link) {
      e.preventDefault();
      opener = link;
      act("settings", "");
    }
  });
  const ready = () => act("ready", "");
  if (doc.readyState == "loading") doc.addEventListener("DOMContentLoaded", ready);
  else setTimeout(ready);
}

/** `<consent-banner>` with its shadow root and stylesheet, appended to <body>; false without one. */
export function mount(css) {
  try {
    const host = doc.createElement("consent-banner");
    root = host.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    main = root.appendChild(doc.createElement("div"));
    modal = root.appendChild(doc.createElement("div"));
    root.addEventListener("click", (e) => {
      const control = e.target.closest("[data-action]");
      if (control) {
        if (control.dataset.action == "settings") opener = control;
        act(control.dataset.action, control.dataset.category || "");
      }
    });
    root.addEventListener("keydown", (e) => {
      const dialog = modal.firstChild;
      if (!dialog?.open) return;
      if (e.key == "Escape") {
        e.preventDefault();
        act("close", "");
      } else if (e.key == "Tab") {
        // Tab and Shift+Tab wrap inside the dialog: from the last control to the first and back.
        const all = dialog.querySelectorAll("button:not([disabled]),a[href]");
        const first = all[0];
        const last = all[all.length - 1];
        const active = root.activeElement;
        const to = !active ? first : e.shiftKey ? active == first && last : active == last && first;
        if (to) {
          e.preventDefault();
          to.focus();
        }
      }
    });
    doc.body.append(host);
    return true;
  } catch {
    return false;
  }
}

/** An element; attributes that are null or false are left out, children that are null or false
 * skipped, strings become text nodes. */
function h(tag, attrs, ...children) {
  const el = doc.createElement(tag);
  for (const name in attrs) if (attrs[name] != null && attrs[name] !== false) el.setAttribute(name, attrs[name]);
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

const button = (action, cls, text, attrs) => h("button", { type: "button", "data-action": action, class: cls, ...attrs }, text);

/** Accept and reject share one class and one equal-column grid, so they cannot differ in
 * prominence at any width. */
const choices = (t) => h("div", { class: "pair" }, button("accept", "choice", t.acceptAll), button("reject", "choice", t.rejectAll));

const switchLanguage = (m) => button("lang", "link", m.t.other, { lang: m.lang == "en" ? "ja" : "en" });

/** A service's opt-out and privacy-policy links, when it has any. Each link's accessible name
 * starts with its visible text and adds the recipient, so a list of links read out of context
 * still tells the services apart. */
const links = (s, t) =>
  (s.optOut || s.policy) &&
  h("p", { class: "links" }, [[s.optOut, t.optOut], [s.policy, t.servicePolicy]].map(([href, text]) => href && h("a", { href, "aria-label": text + t.separator + s.recipient }, text)));

/** One category of the dialog with its switch and services; `on` is undefined for necessary (a
 * checked, disabled switch). */
function category(m, key, on) {
  const t = m.t;
  return h(
    "li",
    {},
    h(
      "div",
      { class: "row" },
      h("span", { class: "name", id: "n-" + key }, t[key]),
      on == null && h("span", { class: "state" }, t.alwaysOn),
      h("button", {
        type: "button",
        role: "switch",
        "aria-checked": String(on ?? true),
        "aria-labelledby": "n-" + key,
        "aria-describedby": "d-" + key,
        "data-category": key,
        "data-action": on != null && "toggle",
        disabled: on == null && "",
      }),
    ),
    h("p", { class: "desc", id: "d-" + key }, t[key + "Text"]),
    m.services
      .filter((s) => s.category == key)
      .map((s) =>
        h("div", { class: "svc" }, h("p", { class: "svc-name" }, s.recipient), h("dl", {}, h("dt", {}, t.data), h("dd", {}, s.data), h("dt", {}, t.purpose), h("dd", {}, s.purpose)), links(s, t)),
      ),
  );
}

const views = {
  banner: (m, t) =>
    h(
      "div",
      { class: "banner", role: "region", "aria-label": t.region, lang: m.lang },
      h("div", { class: "text" }, h("h2", {}, t.title), h("p", {}, t.description, m.policyUrl && [" ", h("a", { href: m.policyUrl }, t.policyLink)])),
      h("div", { class: "actions" }, choices(t), button("settings", null, t.settings), switchLanguage(m)),
    ),
  reopen: (m, t) => button("settings", "reopen", t.reopen, { lang: m.lang }),
};

/** Draws the model `json` (src/view.rs): the banner or reopen control when `parts` has 1, the
 * dialog (shown modal, or closed when the model has none) when it has 2. */
function render(json, parts) {
  try {
    draw(JSON.parse(json), parts);
  } catch (error) {
    // A site that removed or moved the banner's host; nothing to draw into.
    console.error("consent-banner: could not draw the banner;", error);
  }
}

function draw(m, parts) {
  const t = m.t;
  if (parts & 1 && main) main.replaceChildren(...[views[m.view]?.(m, t)].filter(Boolean));
  if (parts & 2 && modal) {
    modal.firstChild?.close();
    modal.replaceChildren();
    if (m.dialog) {
      const dialog = h(
        "dialog",
        { "aria-labelledby": "dt", "aria-describedby": "dd", lang: m.lang },
        h(
          "div",
          { class: "dialog" },
          h("h2", { id: "dt" }, t.dialogTitle),
          h("p", { id: "dd" }, t.dialogDescription),
          h("button", { type: "button", "data-action": "close", class: "close", "aria-label": t.close }, "×"),
          h("ul", { class: "cats" }, category(m, "necessary"), Object.keys(m.dialog).map((key) => category(m, key, m.dialog[key]))),
          h("div", { class: "actions" }, choices(t), button("save", null, t.save), switchLanguage(m)),
        ),
      );
      modal.append(dialog);
      dialog.showModal();
    }
  }
}

/** Remembers what has focus, for an API call that opens the dialog. */
export function remember() {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  opener = el;
}

/** Focuses the opener if it is still in the page, else the first `selector` in the banner. */
function restore(selector) {
  if (opener?.isConnected) opener.focus();
  else focus(selector);
  opener = null;
}

/** Focuses the first `selector` in the open dialog, else in the banner. */
function focus(selector) {
  ((modal?.firstChild?.open && modal) || main)?.querySelector(selector)?.focus();
}

/** Shows a switch's state. */
const check = (category, on) => modal?.querySelector(`[data-category=${category}]`)?.setAttribute("aria-checked", !!on);

/** The `lang` attribute of every `<consent-disclosure>`. */
const disclosures = () => [...doc.querySelectorAll("consent-disclosure")].map((el) => el.getAttribute("lang"));

/** Fills the `<consent-disclosure>` elements, in order, with a services table each (the JSON
 * array of models from src/view.rs). Light DOM: the site's styles apply to the table. */
function fill(json) {
  const models = JSON.parse(json);
  doc.querySelectorAll("consent-disclosure").forEach((el, i) => {
    const m = models[i];
    const t = m?.t;
    if (!m) return;
    el.replaceChildren(
      h(
        "table",
        { lang: m.lang },
        h("thead", {}, h("tr", {}, [t.recipient, t.data, t.purpose, t.optOut].map((text) => h("th", { scope: "col" }, text)))),
        h("tbody", {}, m.services.map((s) => h("tr", {}, h("td", {}, s.recipient), h("td", {}, s.data), h("td", {}, s.purpose), h("td", {}, links(s, t))))),
      ),
    );
  });
}

// ---------------------------------------------------------------- analytics and scripts

/** gtag.js reads only `arguments` objects from dataLayer, never arrays. Offered as window.gtag
 * so the site can send its own events once analytics runs. */
function gtag() {
  (window.dataLayer = window.dataLayer || []).push(arguments);
  window.gtag = window.gtag || gtag;
}

/** Pushes the command whose arguments are the JSON array `json`. */
function command(json) {
  try {
    gtag(...JSON.parse(json));
  } catch {}
}

/** Injects the analytics script, then, for GA4, its `js` and `config` commands. */
export function load(src, id) {
  try {
    const script = doc.createElement("script");
    script.async = true;
    script.src = src;
    (doc.head || doc.documentElement).append(script);
    if (id) {
      gtag("js", new Date());
      gtag("config", id);
    }
  } catch {}
}

const flag = (name, value) => (window[name] = !!value);

export const hostname = () => location.hostname;

/** The names of the page's cookies. */
function cookies() {
  try {
    return doc.cookie.split(";").map((pair) => pair.split("=")[0].trim());
  } catch {
    return [];
  }
}

/** Deletes a cookie, host-only or on `domain`. */
export function expire(name, domain) {
  try {
    doc.cookie = name + "=; Max-Age=0; path=/" + (domain && "; domain=" + domain);
  } catch {}
}

const INERT = 'script[type="text/plain"][data-consent]:not([data-consent-released])';

/** The `data-consent` of every inert gated script, in document order. */
const inert = () => [...doc.querySelectorAll(INERT)].map((s) => s.getAttribute("data-consent"));

/**
 * Replaces each inert script whose character in `due` (same order as `inert()`) is "1" with an
 * executable copy: same attributes and body, `type` from `data-type` or none, the nonce kept.
 * Each is claimed at once, so a later call never runs one twice; an external copy holds the rest
 * of the chain until it has loaded (or failed), to keep document order.
 */
function release(due) {
  const queue = [...doc.querySelectorAll(INERT)].filter((s, i) => due[i] == "1");
  queue.forEach((s) => s.setAttribute("data-consent-released", ""));
  const next = () => {
    const inert = queue.shift();
    if (!inert) return;
    const live = doc.createElement("script");
    for (const { name, value } of inert.attributes) if (name != "type" && name != "data-consent-released") live.setAttribute(name, value);
    if (inert.hasAttribute("data-type")) live.type = inert.getAttribute("data-type");
    live.nonce = inert.nonce;
    live.async = false;
    live.text = inert.text;
    const external = live.hasAttribute("src");
    if (external) live.onload = live.onerror = next;
    inert.replaceWith(live);
    if (!external) next();
  };
  next();
}

// ---------------------------------------------------------------- the API's listeners

/** `on("change", fn)`; returns the function that unsubscribes. */
export function on(listener) {
  if (listener) listeners.push(listener);
  return () => (listeners = listeners.filter((l) => l != listener));
}

/** Calls every change listener (a throwing one is reported, not rethrown), then dispatches
 * `consent-banner:change` on document. */
function emit(json) {
  const state = JSON.parse(json);
  for (const listener of [...listeners]) {
    try {
      listener(state);
    } catch (error) {
      console.error("consent-banner: a change listener threw:", error);
    }
  }
  doc.dispatchEvent(new CustomEvent("consent-banner:change", { detail: state }));
}

// ---------------------------------------------------------------- shared imports

// Each import costs the glue a wrapper, so steps of one shape share one. The steps that take a
// text and a small number and return nothing, in the order of the constants in src/web/page.rs,
// which calls them all through `run`:
const STEPS = [command, emit, fill, focus, restore, release, render, check, flag, log];

export const run = (step, n, text) => STEPS[step](text, n);

// The page's lists of texts, in the order of src/web/page.rs's functions that call `list`:
const LISTS = [languages, disclosures, cookies, inert];

export const list = (which) => LISTS[which]();
