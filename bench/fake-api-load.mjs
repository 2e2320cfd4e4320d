// Load run of the fake image API (src/testing/fake-api): 10,000 requests from 50 concurrent
// clients on 127.0.0.1, a mix of reads (get stream, get ImageStreamTag, list streams) and
// ImageStreamMapping writes, each write pushing a new image. At the end every pushed image must
// be in its stream's history and every write must have reached the watch: no write is lost.
//
// Run from the repository root (no build needed; esbuild bundles the TypeScript source):
//
//   node bench/fake-api-load.mjs [requests] [clients]
//
// The server runs in a worker thread, so that server and clients each have a core. It prints
// requests/s and latency percentiles, and exits 1 when a write was lost. Bounded: the request
// count, and 180 s of wall time at most.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";

const TOTAL = Number(process.argv[2] ?? 10_000);
const CLIENTS = Number(process.argv[3] ?? 50);
const STREAMS = 20;
const WRITE_SHARE = 0.3;
const DEADLINE_MS = 180_000;
const NS = "load";
const REGISTRY = "image-registry.openshift-image-registry.svc:5000";
const BASE = "/apis/image.openshift.io/v1";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "fake-api-load-"));
await build({
  entryPoints: [join(root, "src/testing/fake-api/index.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: join(dir, "fake-api.mjs"),
  logLevel: "error",
});
writeFileSync(
  join(dir, "server.mjs"),
  `import { parentPort } from "node:worker_threads";
import { startFakeImageApi } from "./fake-api.mjs";
const api = await startFakeImageApi({ internalRegistryHostname: ${JSON.stringify(REGISTRY)} });
parentPort.postMessage(api.url);
parentPort.on("message", async () => { await api.close(); parentPort.close(); });
`,
);
const worker = new Worker(join(dir, "server.mjs"));
const url = new URL(
  await new Promise((resolve, reject) => worker.once("message", resolve).once("error", reject)),
);

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

/** One request; resolves with the status code and the parsed body. */
function call(method, path, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent,
        headers:
          payload === undefined
            ? {}
            : { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ code: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const names = Array.from({ length: STREAMS }, (_, i) => `app-${i}`);
for (const name of names) {
  const { code } = await call("POST", `${BASE}/namespaces/${NS}/imagestreams`, { metadata: { name } });
  if (code !== 201) throw new Error(`create ${name}: ${code}`);
}

// A watch from now on: every write must show up as one MODIFIED event.
const { resourceVersion } = (await call("GET", `${BASE}/namespaces/${NS}/imagestreams`)).body.metadata;
let modified = 0;
let watchBuffer = "";
const watchReq = request({
  host: url.hostname,
  port: url.port,
  path: `${BASE}/namespaces/${NS}/imagestreams?watch=true&resourceVersion=${resourceVersion}`,
});
watchReq.on("response", (res) => {
  res.setEncoding("utf8");
  res.on("data", (chunk) => {
    watchBuffer += chunk;
    let nl = watchBuffer.indexOf("\n");
    while (nl >= 0) {
      if (JSON.parse(watchBuffer.slice(0, nl)).type === "MODIFIED") modified += 1;
      watchBuffer = watchBuffer.slice(nl + 1);
      nl = watchBuffer.indexOf("\n");
    }
  });
});
watchReq.on("error", () => {});
watchReq.end();

let issued = 0;
let seq = 0;
const latencies = [];
const pushed = new Map(names.map((n) => [n, new Set()]));
const failures = [];
const counts = { read: 0, write: 0 };
const started = performance.now();

function digest(n) {
  return `sha256:${n.toString(16).padStart(64, "0")}`;
}

async function client(id) {
  let rng = id * 7919 + 1;
  const next = () => {
    rng = (rng * 1103515245 + 12345) % 2 ** 31;
    return rng / 2 ** 31;
  };
  while (issued < TOTAL && performance.now() - started < DEADLINE_MS) {
    issued += 1;
    const name = names[Math.floor(next() * STREAMS)];
    const r = next();
    const t0 = performance.now();
    if (r < WRITE_SHARE) {
      const image = digest(++seq);
      const { code, body } = await call("POST", `${BASE}/namespaces/${NS}/imagestreammappings`, {
        metadata: { name },
        tag: "latest",
        image: { metadata: { name: image }, dockerImageReference: `${REGISTRY}/${NS}/${name}@${image}` },
      });
      if (code === 201) pushed.get(name).add(image);
      else failures.push(`push ${name}: ${code} ${body.message}`);
      counts.write += 1;
    } else {
      const path =
        r < 0.6
          ? `${BASE}/namespaces/${NS}/imagestreams/${name}`
          : r < 0.85
            ? `${BASE}/namespaces/${NS}/imagestreamtags/${encodeURIComponent(`${name}:latest`)}`
            : `${BASE}/namespaces/${NS}/imagestreams`;
      const { code } = await call("GET", path);
      if (code !== 200 && code !== 404) failures.push(`GET ${path}: ${code}`);
      counts.read += 1;
    }
    latencies.push(performance.now() - t0);
  }
}

await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
const elapsed = (performance.now() - started) / 1000;

// Let the watch drain: wait (bounded) until it has seen every write.
const writes = [...pushed.values()].reduce((n, s) => n + s.size, 0);
for (let i = 0; i < 100 && modified < writes; i++) await new Promise((r) => setTimeout(r, 50));

let lost = 0;
const list = (await call("GET", `${BASE}/namespaces/${NS}/imagestreams`)).body;
for (const stream of list.items) {
  const history = new Set(
    (stream.status?.tags?.find((t) => t.tag === "latest")?.items ?? []).map((i) => i.image),
  );
  for (const image of pushed.get(stream.metadata.name)) if (!history.has(image)) lost += 1;
  if (history.size !== pushed.get(stream.metadata.name).size)
    lost += Math.abs(history.size - pushed.get(stream.metadata.name).size);
}

latencies.sort((a, b) => a - b);
const pct = (p) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
console.log(
  `fake image API load: ${latencies.length} requests (${counts.read} reads, ${counts.write} mapping writes), ${CLIENTS} clients, ${STREAMS} streams`,
);
console.log(`  ${(latencies.length / elapsed).toFixed(0)} requests/s over ${elapsed.toFixed(2)} s`);
console.log(
  `  latency ms: p50 ${pct(50)}  p90 ${pct(90)}  p99 ${pct(99)}  max ${latencies[latencies.length - 1].toFixed(2)}`,
);
console.log(
  `  writes: ${writes} accepted, ${lost} lost, ${modified} MODIFIED watch events, ${failures.length} failed requests`,
);
for (const f of failures.slice(0, 5)) console.log(`  failure: ${f}`);

watchReq.destroy();
agent.destroy();
worker.postMessage("close");
await new Promise((resolve) => worker.once("exit", resolve));
rmSync(dir, { recursive: true, force: true });
process.exitCode = lost === 0 && modified === writes && failures.length === 0 ? 0 : 1;
