#!/usr/bin/env node
/**
 * Runs api-extractor once per package entry: `api-extractor.json` (the root entry, report
 * `etc/imagestream.api.md`) and `config/api-extractor.<entry>.json` (`etc/imagestream-<entry>.api.md`).
 * Needs `dist/` (run `npm run build` first).
 *
 * Usage: `node scripts/api-report.mjs` fails when a report differs from the checked-in one (CI);
 * `node scripts/api-report.mjs --local` rewrites the reports (after a deliberate API change).
 *
 * api-extractor sees one entry at a time, so a report says `ae-forgotten-export` for a type that
 * another entry exports (`imagestream/oc` takes an `ImageStream`, which the root exports). This script
 * fails only when a forgotten type is exported by no entry at all.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const localBuild = process.argv.includes("--local");
const configs = [
  join(root, "api-extractor.json"),
  ...readdirSync(join(root, "config"))
    .filter((f) => /^api-extractor\.[a-z-]+\.json$/.test(f))
    .sort()
    .map((f) => join(root, "config", f)),
];

const failed = [];
for (const file of configs) {
  const config = ExtractorConfig.loadFileAndPrepare(file);
  if (!existsSync(config.mainEntryPointFilePath)) {
    failed.push(`${config.mainEntryPointFilePath} is missing: run \`npm run build\` first`);
    continue;
  }
  const result = Extractor.invoke(config, { localBuild, showVerboseMessages: false });
  const report = config.reportConfigs[0]?.fileName ?? "";
  if (result.succeeded)
    console.log(`api-extractor: ${report} ${result.apiReportChanged ? "updated" : "unchanged"}`);
  else
    failed.push(
      `${report}: ${result.errorCount} error(s), ${result.warningCount} warning(s)${result.apiReportChanged ? ", report changed (run `npm run api:update` and review the diff)" : ""}`,
    );
}
// a type an entry's signatures use must be exported by some entry
const reports = configs.map(
  (file) => ExtractorConfig.loadFileAndPrepare(file).reportConfigs[0]?.fileName ?? "",
);
const texts = reports.map((r) => {
  const path = join(root, "etc", r);
  return existsSync(path) ? readFileSync(path, "utf8") : "";
});
const exported = new Set(
  texts.flatMap((t) =>
    [
      ...t.matchAll(
        /^export (?:declare )?(?:abstract )?(?:interface|type|const|function|class|enum|namespace) (\w+)/gm,
      ),
    ].map((m) => m[1]),
  ),
);
const forgotten = new Set(
  texts.flatMap((t) => [...t.matchAll(/ae-forgotten-export\) The symbol "(\w+)"/g)].map((m) => m[1])),
);
const nowhere = [...forgotten].filter((name) => !exported.has(name)).sort();
if (nowhere.length > 0)
  failed.push(`used in public signatures but exported by no entry: ${nowhere.join(", ")}`);
else
  console.log(
    `api-extractor: the ${forgotten.size} types an entry uses without exporting are exported by another entry`,
  );
for (const f of failed) console.error(`api-extractor: ${f}`);
process.exit(failed.length > 0 ? 1 : 0);
