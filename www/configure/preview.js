// The configurator's preview: mounts the real banner from the configurator's output (the text in
// this page's #hash, exactly what a site owner pastes), with storage kept in memory so the demo's
// own decision is untouched.
(() => {
  const memory = new Map();
  const storage = {
    getItem: (k) => (memory.has(k) ? memory.get(k) : null),
    setItem: (k, v) => void memory.set(k, String(v)),
    removeItem: (k) => void memory.delete(k),
    clear: () => memory.clear(),
    key: (i) => [...memory.keys()][i] ?? null,
    get length() {
      return memory.size;
    },
  };
  Object.defineProperty(window, "localStorage", { value: storage, configurable: true });

  // The preview page is written in the configurator's language, as a site's page would be.
  const params = new URLSearchParams(location.search);
  const ja = params.get("lang") === "ja";
  // The site's accent colour, as its stylesheet would set it (through the CSSOM: no inline style).
  if (params.get("accent")) document.documentElement.style.setProperty("--consent-banner-accent", params.get("accent"));
  document.documentElement.lang = ja ? "ja" : "en";
  document.querySelector("main p").textContent = ja ? "あなたのサイトのページ。" : "A page of your site.";

  // Elements parsed from text do not run: copy each into one made here, in order.
  const output = new DOMParser().parseFromString(decodeURIComponent(location.hash.slice(1)), "text/html");
  for (const source of output.querySelectorAll("script")) {
    const script = document.createElement("script");
    for (const { name, value } of source.attributes) script.setAttribute(name, value);
    script.textContent = source.textContent;
    document.head.append(script);
  }
})();
