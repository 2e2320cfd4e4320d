#!/usr/bin/env node
/**
 * Size budgets (issue 7, item 5), measured with esbuild (bundle + minify, ESM) and gzip:
 *
 * 1. importing only `parseDockerImageReference` bundles to ≤ 5 KB min+gzip and pulls in
 *    neither zod nor immer (checked on the metafile inputs);
 * 2. the whole library, with zod and immer external, stays under WHOLE_BUDGET;
 * 3. the ESM entry never imports `yaml` (only the CLI may): checked on the bundle's external
 *    imports, and on `dist/index.js` when it has been built.
 *
 * Prints every figure; exits 1 when a budget is exceeded or a forbidden module is pulled in.
 * Usage: `node scripts/size-budget.mjs [--json]`; the budgets (bytes) can be overridden with
 * SIZE_PARSE_ONLY_BUDGET and SIZE_WHOLE_BUDGET (used by test/proof/size-budget.test.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const KB = 1024;
/** Issue 7: the reference parser alone, min+gzip. */
const PARSE_ONLY_BUDGET = Number(process.env.SIZE_PARSE_ONLY_BUDGET ?? 5 * KB);
/** The whole library without zod and immer, min+gzip: set just above the size measured when the budget was introduced (39.2 KB at 13:20 UTC on 2026-11-23). */
const WHOLE_BUDGET = Number(process.env.SIZE_WHOLE_BUDGET ?? 41 * KB);

async function bundle(contents, external = []) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: "size-entry.ts", loader: "ts" },
    bundle: true,
    minify: true,
    metafile: true,
    write: false,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2022",
    external,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  // files that contribute bytes to the output (the metafile's top-level `inputs` also lists files
  // that were parsed and then entirely tree-shaken away)
  const inputs = Object.values(result.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([path]) => path),
  );
  const parsed = Object.keys(result.metafile.inputs);
  const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs, parsed, imports };
}

const fromPackage = (inputs, name) => inputs.filter((p) => p.includes(`node_modules/${name}/`));
const fmt = (n) => `${(n / KB).toFixed(2)} KB`;

const failures = [];
const rows = [];

// 1. parseDockerImageReference alone
const parseOnly = await bundle(`export { parseDockerImageReference } from "./src/index.ts";`);
rows.push({ name: "parseDockerImageReference only", ...parseOnly, budget: PARSE_ONLY_BUDGET });
if (parseOnly.gzip > PARSE_ONLY_BUDGET)
  failures.push(`parseDockerImageReference bundle is ${fmt(parseOnly.gzip)} > ${fmt(PARSE_ONLY_BUDGET)}`);
for (const dep of ["zod", "immer", "yaml"]) {
  const pulled = fromPackage(parseOnly.inputs, dep);
  if (pulled.length > 0)
    failures.push(`parseDockerImageReference pulls in ${dep} (${pulled.length} files, e.g. ${pulled[0]})`);
}

// 2. the whole library without zod and immer
const whole = await bundle(`export * from "./src/index.ts";`, ["zod", "zod/*", "immer"]);
rows.push({ name: "whole library (zod, immer external)", ...whole, budget: WHOLE_BUDGET });
if (whole.gzip > WHOLE_BUDGET) failures.push(`whole library is ${fmt(whole.gzip)} > ${fmt(WHOLE_BUDGET)}`);

// 3. no yaml from the ESM entry
const entry = await bundle(`export * from "./src/index.ts";`, ["zod", "zod/*", "immer", "yaml"]);
if (entry.imports.some((p) => p === "yaml" || p.startsWith("yaml/")))
  failures.push("src/index.ts imports yaml");
if (fromPackage(whole.inputs, "yaml").length > 0) failures.push("the library bundle contains yaml");
const dist = join(root, "dist/index.js");
let distNote = "dist/index.js not built (run `npm run build` to check it too)";
if (existsSync(dist)) {
  const text = readFileSync(dist, "utf8");
  const importsYaml = /(?:from\s*|import\s*\(?\s*)["']yaml(?:\/[^"']*)?["']/.test(text);
  distNote = importsYaml ? "dist/index.js imports yaml" : "dist/index.js does not import yaml";
  if (importsYaml) failures.push(distNote);
}

if (process.argv.includes("--json")) {
  console.log(
    JSON.stringify({ rows: rows.map(({ inputs, parsed, imports, ...r }) => r), failures, distNote }, null, 2),
  );
} else {
  console.log("bundle                                   min        min+gzip   budget");
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(40)} ${fmt(r.min).padStart(10)} ${fmt(r.gzip).padStart(10)} ${fmt(r.budget).padStart(10)}  ${r.gzip <= r.budget ? "ok" : "OVER"}`,
    );
  }
  console.log(
    `parseDockerImageReference: ${parseOnly.inputs.length} files in the output (${parseOnly.inputs.join(", ")}); ${parseOnly.parsed.length} parsed`,
  );
  console.log(
    `zod/immer/yaml in the parse-only bundle: ${["zod", "immer", "yaml"].map((d) => `${d}=${fromPackage(parseOnly.inputs, d).length}`).join(" ")}`,
  );
  console.log(`external imports of the ESM entry: ${[...new Set(entry.imports)].join(", ") || "none"}`);
  console.log(distNote);
  for (const f of failures) console.error(`FAIL: ${f}`);
}
process.exit(failures.length > 0 ? 1 : 0);
