// The `imagestream` command on a large stream: `describe is/app` of a 20,000-tag stream (spec and
// status tags, three history events each) read from JSON and from YAML. Each run is a fresh
// process; we report the best wall time and CPU time of a few runs and the largest peak RSS (the child's
// `process.resourceUsage().maxRSS`, what `/usr/bin/time -v` reports), against the targets of ≤ 0.5 s (JSON), ≤ 2 s (YAML)
// and ≤ 300 MB.
//
// Run through bench/run.mjs (`npm run bench`), or alone: `node bench/cli.bench.mjs [cli.js]`.
// The CLI is dist/cli.js (`npm run build`), or the file named by IMAGESTREAM_CLI or the argument.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { stringify } from "yaml";

const TAGS = 20_000;
const HISTORY = 3;
const RUNS = 3;
const NOW = "2024-05-01T10:00:00Z";
const HOST = "172.30.1.1:5000";
const TARGETS = { json: { ms: 500 }, yaml: { ms: 2000 } };
const MAX_RSS_MB = 300;

function digest(i) {
  return `sha256:${i.toString(16).padStart(64, "0")}`;
}

/** The stream as the API returns it: spec tags from quay.io, status with HISTORY events each. */
function bigStream() {
  const spec = [];
  const status = [];
  for (let t = 0; t < TAGS; t++) {
    const name = `tag-${String(t).padStart(6, "0")}`;
    spec.push({
      name,
      annotations: null,
      from: { kind: "DockerImage", name: `quay.io/x/app:${name}` },
      generation: 2,
      importPolicy: { importMode: "Legacy" },
      referencePolicy: { type: "Source" },
    });
    const items = [];
    for (let h = 0; h < HISTORY; h++) {
      const image = digest(t * HISTORY + h);
      items.push({ created: NOW, dockerImageReference: `quay.io/x/app@${image}`, image, generation: 2 });
    }
    status.push({ tag: name, items });
  }
  return {
    apiVersion: "image.openshift.io/v1",
    kind: "ImageStream",
    metadata: { name: "app", namespace: "ns", creationTimestamp: NOW, generation: 2 },
    spec: { lookupPolicy: { local: false }, tags: spec },
    status: { dockerImageRepository: `${HOST}/ns/app`, tags: status },
  };
}

function cliPath() {
  const arg = process.argv[2];
  if (arg?.endsWith(".js")) return arg;
  if (process.env.IMAGESTREAM_CLI) return process.env.IMAGESTREAM_CLI;
  return fileURLToPath(new URL("../dist/cli.js", import.meta.url));
}

/**
 * Prints the process's own resource usage on standard error when it exits (loaded with
 * `--import`): peak RSS and CPU time as the kernel accounts them (`process.resourceUsage`).
 */
const REPORT_USAGE = `data:text/javascript,${encodeURIComponent(
  'import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.resourceUsage(); writeSync(2, "\\n@usage " + JSON.stringify({ maxRSS: u.maxRSS, user: u.userCPUTime, system: u.systemCPUTime }) + "\\n"); });',
)}`;

/** One run of `describe`: wall time from here, peak RSS and CPU time from the child itself. */
function once(cli, file) {
  const args = ["--import", REPORT_USAGE, cli, "describe", "is/app", "-f", file, "--now", NOW];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { maxBuffer: 1 << 30, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const at = r.stderr.lastIndexOf("\n@usage ");
  if (r.status !== 0 || at < 0) throw new Error(`describe failed (${r.status}): ${r.stderr.slice(0, 400)}`);
  const usage = JSON.parse(r.stderr.slice(at + 8));
  return {
    ms,
    rssMb: usage.maxRSS / 1024,
    cpuMs: (usage.user + usage.system) / 1000,
    bytes: r.stdout.length,
  };
}

export async function run() {
  const cli = cliPath();
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), "imagestream-cli-bench-"));
  const rows = [];
  try {
    const stream = bigStream();
    const files = {
      json: join(dir, "app.json"),
      yaml: join(dir, "app.yaml"),
    };
    writeFileSync(files.json, `${JSON.stringify(stream, null, 2)}\n`);
    writeFileSync(files.yaml, stringify(stream, { lineWidth: 0, indentSeq: false }));
    for (const format of ["json", "yaml"]) {
      const results = [];
      for (let i = 0; i < RUNS; i++) results.push(once(cli, files[format]));
      const best = Math.min(...results.map((r) => r.ms));
      const cpu = Math.min(...results.map((r) => r.cpuMs));
      const rss = Math.max(...results.map((r) => r.rssMb));
      rows.push({
        group: "cli describe",
        name: `describe is/app, ${TAGS} tags × ${HISTORY} events, from ${format.toUpperCase()}`,
        timeMs: best,
        baseline: TARGETS[format].ms,
        note: `target ≤ ${TARGETS[format].ms} ms; CPU ${cpu.toFixed(0)} ms; max RSS ${rss.toFixed(0)} MB (target ≤ ${MAX_RSS_MB} MB); ${results[0].bytes} bytes out`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const r of await run()) {
    console.log(`${r.name.padEnd(60)} ${`${r.timeMs.toFixed(0)} ms`.padStart(10)}  ${r.note}`);
  }
}
