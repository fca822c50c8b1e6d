// Prints the bytes of every file in a folder raw, gzip -9 and brotli -q 11, and fails when the
// brotli total exceeds the budget (bytes) given as the second argument.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const [dir, budgetArg] = process.argv.slice(2);
const budget = Number(budgetArg);
const rows = [];
for (const name of readdirSync(dir).sort()) {
  const file = join(dir, name);
  if (!statSync(file).isFile()) continue;
  const data = readFileSync(file);
  rows.push({
    name,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length,
  });
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const pad = (v, n) => String(v).padStart(n);
console.log(`${"file".padEnd(24)}${pad("raw", 10)}${pad("gzip -9", 10)}${pad("brotli 11", 11)}`);
for (const r of [...rows, { name: "total", ...total }]) console.log(`${r.name.padEnd(24)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 11)}`);
if (Number.isFinite(budget)) {
  if (total.brotli > budget) {
    console.error(`size: dist/script/ is ${total.brotli} bytes after brotli, over the budget of ${budget}`);
    process.exit(1);
  }
  console.log(`size: within the budget of ${budget} bytes (brotli)`);
}
