// The settings table is the core's (src/config.rs); the npm types and the configurator must list
// the same settings, in both spellings, so that adding one is caught wherever it is missing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const core = [...read("src/config.rs").matchAll(/Setting \{ attribute: "(data-[a-z-]+)", key: "(\w+)"/g)].map(([, attr, key]) => ({ attr, key }));

test("the core's settings table is there", () => {
  assert.ok(core.length >= 8, JSON.stringify(core));
});

test("index.d.ts: Config has every setting's key, and Attributes every setting's attribute", () => {
  const types = read("pkg-template/index.d.ts");
  const config = types.match(/export interface Config(?:<[^>]*>)? \{([\s\S]*?)\n\}/)[1];
  const keys = [...config.matchAll(/^\s*(\w+)\?:/gm)].map(([, key]) => key);
  assert.deepEqual(keys.filter((k) => !["categories", "services", "texts", "cookies"].includes(k)).sort(), core.map((s) => s.key).sort());
  const attributes = [...types.match(/export type Attributes = [^\n]*/)[0].matchAll(/"(data-[a-z-]+)"/g)].map(([, attr]) => attr);
  assert.deepEqual(attributes.sort(), core.map((s) => s.attr).sort());
});

test("the configurator offers every setting, in both spellings", () => {
  const configurator = [...read("www/configure/configure.js").matchAll(/\{ key: "(\w+)", attr: "(data-[a-z-]+)"/g)].map(([, key, attr]) => ({ attr, key }));
  const sort = (list) => list.map((s) => `${s.attr} ${s.key}`).sort();
  assert.deepEqual(sort(configurator), sort(core));
});
