// Scale: streams with 1,000 → 100,000 tags, histories of 100 → 10,000 items,
// and strings of 10 KB → 1 MB through the parse functions. For each size: median time and the
// heap retained by the result (process.memoryUsage().heapUsed after a GC, result held, minus
// before). For each operation a growth row compares each size (best run) with a linear
// extrapolation from the previous size's best run (baseline): ratio ≥ 1 means linear or better, and a
// ratio under 0.5 (more than twice the linear cost) is flagged SUPER-LINEAR.
//
// Run through bench/run.mjs (`npm run bench`), or alone: `node bench/scale.bench.mjs`.

import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { lib, storedStream } from "./lib.mjs";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");

const HOST = "172.30.1.1:5000";
const NOW = "2024-05-01T10:00:00Z";
const LATER = "2024-05-01T11:00:00Z";
const MB = 1 << 20;
let sink = 0;

function hex(i, salt) {
  return (salt + i.toString(16)).padStart(64, "0").slice(-64);
}
function digest(i, salt = "a") {
  return `sha256:${hex(i, salt)}`;
}
function tagName(i) {
  return `tag-${String(i).padStart(6, "0")}`;
}

/** A stored stream (already through the server) with `tags` spec+status tags of `history` items each. */
function stream(tags, history) {
  const spec = [];
  const status = [];
  for (let t = 0; t < tags; t++) {
    const name = tagName(t);
    spec.push({ name, from: { kind: "DockerImage", name: `quay.io/x/app:${name}` }, generation: 1 });
    const items = [];
    for (let h = 0; h < history; h++) {
      const image = digest(t * history + h);
      items.push({ created: NOW, dockerImageReference: `${HOST}/ns/app@${image}`, image, generation: 1 });
    }
    status.push({ tag: name, items });
  }
  return storedStream(
    { metadata: { name: "app", namespace: "ns", uid: "u" }, spec: { tags: spec }, status: { tags: status } },
    { now: NOW, internalRegistryHostname: HOST },
  );
}

function mapping(tag, i) {
  const image = digest(i, "b");
  return {
    metadata: { name: "app", namespace: "ns" },
    tag,
    image: { metadata: { name: image }, dockerImageReference: `${HOST}/ns/app@${image}` },
  };
}

/** Median wall time of `fn` (ms) over up to `runs` runs or ~`budgetMs`, and the heap its result retains. */
function measure(fn, { runs = 7, budgetMs = 1500 } = {}) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const first0 = performance.now();
  let result = fn();
  const first = performance.now() - first0;
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  sink += result === undefined ? 0 : 1;
  result = undefined;
  // a slow operation is timed by its first run alone
  if (first > budgetMs / 3) return { timeMs: first, minMs: first, heapBytes: retained };
  const times = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = fn();
    times.push(performance.now() - t0);
    if (r !== undefined) sink++;
    if (performance.now() - start > budgetMs) break;
  }
  times.sort((a, b) => a - b);
  return { timeMs: times[Math.floor(times.length / 2)], minMs: times[0], heapBytes: retained };
}

/** A size is skipped when linear extrapolation from the previous one already exceeds this. */
const SKIP_ABOVE_MS = 15_000;

function fmtBytes(n) {
  const a = Math.abs(n);
  if (a >= MB) return `${(n / MB).toFixed(1)} MB`;
  if (a >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/**
 * Measures `op(size)` for each size; returns one row per size and a growth row comparing the
 * last two sizes with linear extrapolation.
 */
function series(group, label, sizes, unit, prepare, op, opts) {
  const rows = [];
  const points = [];
  for (const size of sizes) {
    const prev = points[points.length - 1];
    if (prev !== undefined) {
      const linear = prev.timeMs * (size / prev.size);
      const growth = points.length >= 2 ? prev.timeMs / points[points.length - 2].timeMs : size / prev.size;
      const projected = prev.timeMs * growth;
      if (linear > SKIP_ABOVE_MS || projected > 4 * SKIP_ABOVE_MS) {
        rows.push({
          group,
          name: `${label}, ${size.toLocaleString("en-US")} ${unit}`,
          note: `skipped: projected ${(projected / 1000).toFixed(0)} s from the previous growth (×${growth.toFixed(0)})${growth > 2 * (size / prev.size) ? "; SUPER-LINEAR" : ""}`,
        });
        break;
      }
    }
    const t0 = performance.now();
    const input = prepare(size);
    const m = measure(() => op(input, size), opts);
    if (process.env.SCALE_PROGRESS)
      process.stderr.write(
        `  ${label} @ ${size}: ${m.timeMs.toFixed(2)} ms (step ${(performance.now() - t0).toFixed(0)} ms)\n`,
      );
    points.push({ size, ...m });
    rows.push({
      group,
      name: `${label}, ${size.toLocaleString("en-US")} ${unit}`,
      timeMs: m.timeMs,
      note: `heap retained ${fmtBytes(m.heapBytes)}`,
    });
  }
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    // growth is judged on the best run of each size (least disturbed by GC and other load)
    const linear = a.minMs * (b.size / a.size);
    // below ~0.05 ms the timer noise dominates: report, never flag
    const tiny = b.minMs < 0.05;
    const ratio = linear / b.minMs;
    const factor = b.minMs / a.minMs;
    rows.push({
      group,
      name: `growth: ${label}, ${a.size.toLocaleString("en-US")} → ${b.size.toLocaleString("en-US")} ${unit}`,
      timeMs: b.minMs,
      baseline: linear,
      ratio,
      note: `×${factor.toFixed(1)} for ×${(b.size / a.size).toFixed(0)} input; baseline = linear extrapolation${!tiny && ratio < 0.5 ? "; SUPER-LINEAR" : ""}`,
    });
  }
  return rows;
}

export async function run() {
  const rows = [];
  const TAGS = [1_000, 10_000, 100_000];
  const HISTORY = [100, 1_000, 10_000];
  const STRINGS = [10 * 1024, 100 * 1024, MB];
  const big = { runs: 3, budgetMs: 3000 };

  // --- streams with many tags ---
  const streams = new Map();
  const streamOf = (n) => {
    if (!streams.has(n)) streams.set(n, stream(n, 1));
    return streams.get(n);
  };
  rows.push(
    ...series(
      "scale: tags",
      "build + createImageStream + updateImageStreamStatus",
      TAGS,
      "tags",
      (n) => n,
      (n) => stream(n, 1),
      big,
    ),
  );
  rows.push(
    ...series("scale: tags", "applyImageStreamMapping (one tag)", TAGS, "tags", streamOf, (s, n) =>
      lib.applyImageStreamMapping(s, mapping(tagName(n >> 1), n), {
        now: LATER,
        internalRegistryHostname: HOST,
      }),
    ),
  );
  rows.push(
    ...series(
      "scale: tags",
      "updateImageStream (one changed tag)",
      TAGS,
      "tags",
      (n) => {
        const s = streamOf(n);
        const tags = s.spec.tags.slice();
        const i = n >> 1;
        tags[i] = { ...tags[i], from: { kind: "DockerImage", name: "quay.io/x/app:changed" } };
        return { s, next: { ...s, spec: { ...s.spec, tags } } };
      },
      ({ s, next }) => lib.updateImageStream(s, next, { now: LATER, internalRegistryHostname: HOST }),
      big,
    ),
  );
  rows.push(
    ...series("scale: tags", "deleteImageStreamTag", TAGS, "tags", streamOf, (s, n) =>
      lib.deleteImageStreamTag(s, tagName(n >> 1), { now: LATER }),
    ),
  );
  rows.push(
    ...series(
      "scale: tags",
      "parseImageStream (zod)",
      TAGS,
      "tags",
      streamOf,
      (s) => lib.parseImageStream(s),
      big,
    ),
  );
  rows.push(
    ...series("scale: tags", "normalizeImageStream", TAGS, "tags", streamOf, (s) =>
      lib.normalizeImageStream(s),
    ),
  );
  rows.push(
    ...series(
      "scale: tags",
      "validateImageStream",
      TAGS,
      "tags",
      streamOf,
      (s) => lib.validateImageStream(s),
      big,
    ),
  );
  rows.push(
    ...series(
      "scale: tags",
      "listImageStreamTags",
      TAGS,
      "tags",
      streamOf,
      (s) => lib.listImageStreamTags(s),
      big,
    ),
  );
  rows.push(
    ...series("scale: tags", "sortStatusTags", TAGS, "tags", streamOf, (s) => lib.sortStatusTags(s), big),
  );
  rows.push(
    ...series("scale: tags", "latestTaggedImage (last tag)", TAGS, "tags", streamOf, (s, n) =>
      lib.latestTaggedImage(s, tagName(n - 1)),
    ),
  );
  rows.push(
    ...series(
      "scale: tags",
      "describeImageStream",
      TAGS,
      "tags",
      streamOf,
      (s) => lib.describeImageStream(s, { now: LATER }),
      big,
    ),
  );
  streams.clear();

  // --- long histories ---
  const histories = new Map();
  const historyOf = (n) => {
    if (!histories.has(n)) histories.set(n, stream(1, n));
    return histories.get(n);
  };
  const tag0 = tagName(0);
  rows.push(
    ...series("scale: history", "applyImageStreamMapping (prepend)", HISTORY, "items", historyOf, (s, n) =>
      lib.applyImageStreamMapping(s, mapping(tag0, n), { now: LATER, internalRegistryHostname: HOST }),
    ),
  );
  rows.push(
    ...series("scale: history", "resolveImageId (oldest image)", HISTORY, "items", historyOf, (s, n) =>
      lib.resolveImageId(s, digest(n - 1)),
    ),
  );
  if (typeof lib.rollbackTag === "function") {
    rows.push(
      ...series("scale: history", "rollbackTag (to the oldest item)", HISTORY, "items", historyOf, (s, n) =>
        lib.rollbackTag(s, { tag: tag0, revision: n - 1 }, { now: LATER }),
      ),
    );
  }
  rows.push(
    ...series("scale: history", "pruneTagHistory (keep 3)", HISTORY, "items", historyOf, (s) =>
      lib.pruneTagHistory(s, { now: LATER, keepTagRevisions: 3, keepYoungerThan: 0 }),
    ),
  );
  rows.push(
    ...series("scale: history", "getImageStreamImage (oldest image)", HISTORY, "items", historyOf, (s, n) =>
      lib.getImageStreamImage(s, digest(n - 1), {
        getImage: (name) => ({ metadata: { name }, dockerImageReference: `${HOST}/ns/app@${name}` }),
      }),
    ),
  );
  rows.push(
    ...series("scale: history", "tagHistory", HISTORY, "items", historyOf, (s) => lib.tagHistory(s, tag0)),
  );
  histories.clear();

  // --- long strings through the parsers (valid-looking prefixes, then rejected or accepted) ---
  const parsers = {
    parseDockerImageReference: (s) => lib.parseDockerImageReference(s),
    parseReference: (s) => lib.parseReference(s),
    parseNormalizedNamed: (s) => lib.parseNormalizedNamed(s),
    parseImageStreamTagName: (s) => lib.parseImageStreamTagName(s),
    parseDigest: (s) => lib.parseDigest(s),
    splitImageStreamTag: (s) => lib.splitImageStreamTag(s),
    validateImageStreamName: (s) => lib.validateImageStreamName(s),
  };
  const shapes = {
    "a…a": (n) => "a".repeat(n),
    "a/a/…": (n) => "a/".repeat(n >> 1),
    "a:a:…": (n) => "a:".repeat(n >> 1),
    "a…a + space": (n) => `${"a".repeat(n - 1)} `,
  };
  for (const [pname, parse] of Object.entries(parsers)) {
    let worst;
    for (const [sname, make] of Object.entries(shapes)) {
      const s = series(
        "scale: strings",
        `${pname} "${sname}"`,
        STRINGS,
        "chars",
        make,
        (input) => {
          try {
            return parse(input);
          } catch (e) {
            return e;
          }
        },
        { runs: 5, budgetMs: 1000 },
      );
      const growth = s[s.length - 1];
      const oneMb = s[STRINGS.length - 1];
      if (worst === undefined || oneMb.timeMs > worst.one.timeMs) worst = { one: oneMb, growth };
    }
    // keep the table short: the worst shape of each parser at 1 MB and its growth
    rows.push(worst.one, worst.growth);
  }
  if (sink < 0) console.log(sink);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await run();
  for (const r of rows) {
    const t =
      r.timeMs === undefined
        ? ""
        : r.timeMs < 1
          ? `${(r.timeMs * 1000).toFixed(0)} µs`
          : `${r.timeMs.toFixed(2)} ms`;
    const ratio = r.ratio === undefined ? "" : `  ratio ${r.ratio.toFixed(2)}`;
    console.log(`${r.group.padEnd(16)} ${r.name.padEnd(72)} ${t.padStart(12)}${ratio}  ${r.note ?? ""}`);
  }
}
