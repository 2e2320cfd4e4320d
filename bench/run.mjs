// Entry point of `npm run bench` (after `npm run build`).
//
// Imports every `bench/*.bench.mjs` module in name order; each exports `async function run()`
// returning rows `{ group, name, opsPerSec?, timeMs?, baseline?, ratio?, note? }`:
//   - `opsPerSec` (higher is better) or `timeMs` (lower is better): our number;
//   - `baseline`: the peer's / target's number in the same unit, `ratio`: ours vs baseline
//     (computed here when missing: ops/s ours ÷ baseline, time baseline ÷ ours; > 1 means we win);
//   - `note`: the peer's name, the target, anything worth a word.
// Prints one summary table at the end. A module that throws is reported and makes the exit code 1;
// the others still run.
//
// Usage: node bench/run.mjs [filter]   (filter: substring of the module file name)
import { readdirSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const filter = process.argv[2] ?? "";
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.mjs") && f.includes(filter))
  .sort();

const all = [];
let failed = false;
for (const file of files) {
  const started = performance.now();
  process.stdout.write(`running ${file} …\n`);
  try {
    const mod = await import(pathToFileURL(`${dir}${file}`).href);
    if (typeof mod.run !== "function") throw new Error(`${file} does not export run()`);
    const rows = await mod.run();
    for (const row of rows) all.push({ file, ...row });
    process.stdout.write(`  ${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (e) {
    failed = true;
    process.stdout.write(`  FAILED: ${e?.stack ?? e}\n`);
  }
}

function fmtNum(n) {
  if (n === undefined || n === null || Number.isNaN(n)) return "";
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  if (n >= 100) return n.toFixed(0);
  if (n >= 1) return n.toFixed(2);
  return n.toPrecision(2);
}

function ours(row) {
  if (row.opsPerSec !== undefined) return `${fmtNum(row.opsPerSec)} ops/s`;
  if (row.timeMs !== undefined) return `${fmtNum(row.timeMs)} ms`;
  return "";
}

function base(row) {
  if (row.baseline === undefined) return "";
  return row.opsPerSec !== undefined ? `${fmtNum(row.baseline)} ops/s` : `${fmtNum(row.baseline)} ms`;
}

function ratio(row) {
  let r = row.ratio;
  if (r === undefined && row.baseline !== undefined) {
    if (row.opsPerSec !== undefined) r = row.opsPerSec / row.baseline;
    else if (row.timeMs !== undefined) r = row.baseline / row.timeMs;
  }
  return r === undefined ? "" : `${r.toFixed(2)}×`;
}

const table = [["group", "name", "ours", "baseline", "ratio", "note"]];
for (const row of all) {
  table.push([row.group ?? row.file, row.name ?? "", ours(row), base(row), ratio(row), row.note ?? ""]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(" ");
process.stdout.write(
  `\nSummary (Node ${process.version}, ${new Date().toISOString()}, ${availableParallelism()} CPUs, load average ${load})\n`,
);
process.stdout.write(`${line(table[0])}\n`);
process.stdout.write(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |\n`);
for (const r of table.slice(1)) process.stdout.write(`${line(r)}\n`);
if (failed) process.exitCode = 1;
