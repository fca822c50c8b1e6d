// The page primitives the Rust browser layer (src/web/page.rs) calls. Each is one plain step on
// the page — read a fact, build nodes, store a string, push a command — and none of them throws
// into the page. What to do, and when, is decided in Rust.
let act; // the wasm export events go to
let root; // the banner's shadow root
let main; // its part for the banner or the reopen control
let modal; // its part for the preferences dialog
let opener; // where focus returns when the dialog closes
let store; // localStorage, once it has been read without throwing
let listeners = [];
const doc = document;
const PREFIX = "consent-banner: ";

/** Text of the element `id`, or undefined. */
export const text = (id) => doc.getElementById(id)?.textContent;

/** An attribute of `el`, or undefined. */
export const attr = (el, name) => el?.getAttribute?.(name);

/** `<html lang>` then `navigator.languages`, as a JSON array. */
export const languages = () => JSON.stringify([doc.documentElement.getAttribute("lang"), ...(navigator.languages || [])]);

export const gpc = () => navigator.globalPrivacyControl === true;

export const now = () => Date.now();

export const log = (error, message) => console[error ? "error" : "warn"](message);

/** The stored text, null when there is none, undefined when storage is missing or throws. */
export function read(key) {
  store = null;
  try {
    const value = localStorage.getItem(key);
    store = localStorage;
    return value;
  } catch {}
}

/** false when storage was unreadable or refuses the write. */
export function write(key, value) {
  try {
    return !!store && (value == null ? store.removeItem(key) : store.setItem(key, value), true);
  } catch {
    return false;
  }
}

/**
 * Routes the page's events to `to`: [data-consent-open] clicks, and DOMContentLoaded while the
 * document is still loading. Returns whether it is.
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
  const loading = doc.readyState == "loading";
  if (loading) doc.addEventListener("DOMContentLoaded", () => act("ready", ""));
  return loading;
}

/** `<consent-banner>` with its shadow root and stylesheet, appended to <body>; false without one. */
export function mount(css) {
  if (!doc.body) return false;
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
}

/** Appends a JsonML node to `parent`; every string becomes a text node, never markup. */
function add(parent, node) {
  if (typeof node == "string") return parent.append(node);
  const [tag, attrs, ...children] = node;
  const el = parent.appendChild(doc.createElement(tag));
  for (const name in attrs) el.setAttribute(name, attrs[name]);
  children.forEach((child) => add(el, child));
}

/** Replaces the children of `parent` with the JSON array of JsonML nodes `json`. */
function build(parent, json) {
  parent.replaceChildren();
  JSON.parse(json).forEach((node) => add(parent, node));
}

/** Replaces the banner (or the reopen control). */
export const paint = (json) => main && build(main, json);

/** Shows `json` as the modal dialog, replacing any open one; "[]" closes it. */
export function dialog(json) {
  if (!modal) return;
  modal.firstChild?.close?.();
  build(modal, json);
  try {
    modal.firstChild?.showModal();
  } catch {}
}

/** Remembers what has focus, for an API call that opens the dialog. */
export function remember() {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  opener = el;
}

/** Focuses the opener if it is still in the page, else the first `selector` in the banner. */
export function restore(selector) {
  if (opener?.isConnected) opener.focus();
  else focus(selector);
  opener = null;
}

/** Focuses the first `selector` in the open dialog, else in the banner. */
export function focus(selector) {
  ((modal?.firstChild?.open && modal) || main)?.querySelector(selector)?.focus();
}

/** Shows a switch's state. */
export const check = (category, on) => modal?.querySelector(`[data-category=${category}]`)?.setAttribute("aria-checked", on);

/** gtag.js reads only `arguments` objects from dataLayer, never arrays. Offered as window.gtag
 * so the site can send its own events once analytics runs. */
function gtag() {
  (window.dataLayer = window.dataLayer || []).push(arguments);
  window.gtag = window.gtag || gtag;
}

/** Pushes the command whose arguments are the JSON array `json`. */
export const command = (json) => gtag(...JSON.parse(json));

/** Injects the analytics script, then, for GA4, its `js` and `config` commands. */
export function load(src, id) {
  const script = doc.createElement("script");
  script.async = true;
  script.src = src;
  (doc.head || doc.documentElement).append(script);
  if (id) {
    gtag("js", new Date());
    gtag("config", id);
  }
}

export const flag = (name, value) => (window[name] = value);

export const hostname = () => location.hostname;

export function cookies() {
  try {
    return doc.cookie;
  } catch {
    return "";
  }
}

export function cookie(value) {
  try {
    doc.cookie = value;
  } catch {}
}

const INERT = 'script[type="text/plain"][data-consent]:not([data-consent-released])';

/** The `data-consent` of every inert gated script, in document order, as a JSON array. */
export const inert = () => JSON.stringify([...doc.querySelectorAll(INERT)].map((s) => s.getAttribute("data-consent")));

/**
 * Replaces each inert script whose character in `due` (same order as `inert()`) is "1" with an
 * executable copy: same attributes and body, `type` from `data-type` or none, the nonce kept.
 * Each is claimed at once, so a later call never runs one twice; an external copy holds the rest
 * of the chain until it has loaded (or failed), to keep document order.
 */
export function release(due) {
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
    if (live.src) live.onload = live.onerror = next;
    inert.replaceWith(live);
    if (!live.src) next();
  };
  next();
}

/** The `lang` attribute of every `<consent-disclosure>`, as a JSON array. */
export const disclosures = () => JSON.stringify([...doc.querySelectorAll("consent-disclosure")].map((el) => el.getAttribute("lang")));

/** Fills the `<consent-disclosure>` elements, in order, with the JSON array of JsonML tables. */
export function fill(json) {
  const tables = JSON.parse(json);
  doc.querySelectorAll("consent-disclosure").forEach((el, i) => {
    if (tables[i]) {
      el.replaceChildren();
      add(el, tables[i]);
    }
  });
}

export const parse = (json) => JSON.parse(json);

/** JSON text of `value`, or undefined when it has none (a function, a cycle). */
export function stringify(value) {
  try {
    return JSON.stringify(value);
  } catch {}
}

/** `on("change", fn)`; returns the function that unsubscribes. */
export function on(listener) {
  if (listener) listeners.push(listener);
  return () => (listeners = listeners.filter((l) => l != listener));
}

/** Calls every change listener (a throwing one is reported, not rethrown), then dispatches
 * `consent-banner:change` on document. */
export function emit(json) {
  const state = JSON.parse(json);
  for (const listener of [...listeners]) {
    try {
      listener(state);
    } catch (error) {
      console.error(PREFIX + "a change listener threw:", error);
    }
  }
  doc.dispatchEvent(new CustomEvent("consent-banner:change", { detail: state }));
}
