// Image reference parsing: our parser vs the npm peers on the valid corpus, and the worst-case
// reject times on the adversarial families and realistic typos.
//
// Peers run ONLY on the valid corpus: @swimlane/docker-reference hangs for seconds on some
// invalid inputs (exponential backtracking).
import { createRequire } from "node:module";
import { corpus, evil, realisticRejects } from "./corpus.mjs";

import { lib } from "./lib.mjs";

const require = createRequire(import.meta.url);
const swimlane = require("@swimlane/docker-reference");
const dockerParseImage = require("docker-parse-image");

// Every entry of the build (bench/lib.mjs; IMAGESTREAM_DIST points at another build's directory).
const ours = lib;

let sink = 0;

/** ops/s of `fn` over the corpus: `rounds` timed rounds of ~`ms` each after a warm-up; median. */
function throughputRound(fn, ms) {
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < corpus.length; i++) {
      const r = fn(corpus[i]);
      if (r) sink++;
    }
    ops += corpus.length;
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Interleaved rounds so that machine noise hits every contender alike. */
function compare(contenders, { rounds = 7, ms = 250 } = {}) {
  for (const c of contenders) throughputRound(c.fn, 150); // warm-up
  const samples = contenders.map(() => []);
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((c, i) => {
      samples[i].push(throughputRound(c.fn, ms));
    });
  }
  return samples.map(median);
}

/** Median wall time of one call of `fn(input)` that must throw; `reps` calls per sample. */
function rejectTime(fn, input, { samples = 9, reps = 1 } = {}) {
  const times = [];
  let kind = "";
  let first = 0;
  for (let s = 0; s < samples + 1; s++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) {
      try {
        fn(input);
        throw new Error(`accepted: ${JSON.stringify(input.slice(0, 60))}`);
      } catch (e) {
        if (e.kind === undefined) throw e;
        kind = e.kind;
      }
    }
    const dt = (performance.now() - t0) / reps;
    if (s > 0)
      times.push(dt); // first sample is warm-up
    else first = dt;
  }
  return { ms: median(times), min: Math.min(...times), first, kind };
}

function checkCorpus() {
  for (const s of corpus) {
    ours.parseReference(s);
    ours.parseNormalizedNamed(s);
    ours.parseDockerImageReference(s);
    if (!swimlane.parseQualifiedName(s)) throw new Error(`swimlane rejects ${s}`);
  }
}

export async function run() {
  checkCorpus();
  const rows = [];

  // Raw parse (no normalization).
  const raw = compare([
    { name: "parseReference", fn: (s) => ours.parseReference(s) },
    { name: "parseDockerImageReference", fn: (s) => ours.parseDockerImageReference(s) },
    { name: "swimlane parseQualifiedName", fn: (s) => swimlane.parseQualifiedName(s) },
    { name: "docker-parse-image", fn: (s) => dockerParseImage(s) },
  ]);
  const [oursRaw, oursOpenShift, swRaw, dpi] = raw;
  rows.push(
    {
      group: "parse (raw, valid corpus)",
      name: "parseReference",
      opsPerSec: oursRaw,
      baseline: swRaw,
      note: "vs @swimlane/docker-reference parseQualifiedName; target ≥ 2×",
    },
    {
      group: "parse (raw, valid corpus)",
      name: "parseDockerImageReference",
      opsPerSec: oursOpenShift,
      baseline: swRaw,
      note: "OpenShift split, vs swimlane parseQualifiedName",
    },
    {
      group: "parse (raw, valid corpus)",
      name: "parseReference",
      opsPerSec: oursRaw,
      baseline: dpi,
      note: "vs docker-parse-image (one loose regex, no validation)",
    },
  );

  // Normalized parse.
  const [oursNorm, swNorm] = compare([
    { name: "parseNormalizedNamed", fn: (s) => ours.parseNormalizedNamed(s) },
    { name: "swimlane parseFamiliarName", fn: (s) => swimlane.parseFamiliarName(s) },
  ]);
  rows.push({
    group: "parse (normalized, valid corpus)",
    name: "parseNormalizedNamed",
    opsPerSec: oursNorm,
    baseline: swNorm,
    note: "vs @swimlane/docker-reference parseFamiliarName; target ≥ 2×",
  });

  // Adversarial families at N = 100,000 (ours only).
  const entry = [
    ["parseReference", (s) => ours.parseReference(s)],
    ["parseNormalizedNamed", (s) => ours.parseNormalizedNamed(s)],
    ["parseDockerImageReference", (s) => ours.parseDockerImageReference(s)],
  ];
  const N = 100_000;
  let worst = 0;
  let worstWhere = "";
  // The first call of each entry point on each family comes right after runs of valid input
  // only: it shows what a first hostile input costs before the JIT has seen an error path.
  let worstFirst = 0;
  for (const [family, make] of Object.entries(evil)) {
    const input = make(N);
    let famWorst = 0;
    let famMin = 0;
    let famFirst = 0;
    const kinds = new Set();
    for (const [fname, fn] of entry) {
      const { ms, min, first, kind } = rejectTime(fn, input);
      kinds.add(kind);
      if (ms > famWorst) famWorst = ms;
      if (min > famMin) famMin = min;
      if (first > famFirst) famFirst = first;
      if (first > worstFirst) worstFirst = first;
      if (ms > worst) {
        worst = ms;
        worstWhere = `${family} via ${fname}`;
      }
    }
    rows.push({
      group: "reject adversarial (N=100,000)",
      name: family,
      timeMs: famWorst,
      baseline: 1,
      note: `median of 9, worst of 3 entry points (best sample ${famMin.toFixed(2)} ms, first call ${famFirst.toFixed(2)} ms); target ≤ 1 ms; ${[...kinds].join("/")}`,
    });
  }
  rows.push({
    group: "reject adversarial (N=100,000)",
    name: "WORST",
    timeMs: worst,
    baseline: 1,
    note: `${worstWhere}; target ≤ 1 ms; slowest first call ${worstFirst.toFixed(2)} ms`,
  });

  // Realistic typos (ours only; swimlane hangs on four of them).
  for (const input of realisticRejects) {
    let w = 0;
    const kinds = new Set();
    for (const [, fn] of entry) {
      const { ms, kind } = rejectTime(fn, input, { samples: 7, reps: 2000 });
      kinds.add(kind);
      if (ms > w) w = ms;
    }
    rows.push({
      group: "reject realistic typo",
      name: JSON.stringify(input),
      timeMs: w,
      baseline: 0.1,
      note: `target ≤ 0.1 ms; ${[...kinds].join("/")}`,
    });
  }
  if (sink < 0) console.log(sink);
  return rows;
}
