/**
 * Watches of the fake image API through `@kubernetes/client-node`'s `Watch`: events in order from
 * a resourceVersion, the initial `ADDED` burst without one, `410 Expired` for a resourceVersion
 * that left the window, selectors, `timeoutSeconds`, and `close()` ending open watches. Every
 * wait is on an event, never on a timer.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  type FakeImageApi,
  type FakeImageApiOptions,
  startFakeImageApi,
} from "../../src/testing/fake-api/index.js";
import { customObjects, GROUP, VERSION, type Watching, watch } from "./fake-api-support.js";

const ISP = `/apis/${GROUP}/${VERSION}/namespaces/test/imagestreams`;
const IMAGE = `sha256:${"c".repeat(64)}`;

let api: FakeImageApi | undefined;
const watches: Watching[] = [];

afterEach(async () => {
  for (const w of watches.splice(0)) w.stop();
  await api?.close();
  api = undefined;
});

async function start(options: FakeImageApiOptions = {}): Promise<FakeImageApi> {
  api = await startFakeImageApi({ now: "2024-01-01T00:00:00Z", ...options });
  return api;
}

async function watching(
  fake: FakeImageApi,
  path: string,
  query: Record<string, string> = {},
): Promise<Watching> {
  const w = await watch(fake.url, path, query);
  watches.push(w);
  return w;
}

const streams = { group: GROUP, version: VERSION, namespace: "test", plural: "imagestreams" };

describe("startFakeImageApi: watch", () => {
  it("from a list's resourceVersion: ADDED, MODIFIED, DELETED in order, each with a higher resourceVersion", async () => {
    const fake = await start();
    const custom = customObjects(fake.url);
    const list = await custom.listNamespacedCustomObject(streams);
    const w = await watching(fake, ISP, { resourceVersion: list.metadata.resourceVersion });
    await custom.createNamespacedCustomObject({ ...streams, body: { metadata: { name: "app" } } });
    await custom.createNamespacedCustomObject({
      ...streams,
      plural: "imagestreammappings",
      body: {
        metadata: { name: "app" },
        tag: "latest",
        image: { metadata: { name: IMAGE }, dockerImageReference: `x/y@${IMAGE}` },
      },
    });
    await custom.deleteNamespacedCustomObject({ ...streams, name: "app" });
    await w.until((e) => e.type === "DELETED");

    expect(w.events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
    const rvs = w.events.map((e) => Number(e.object.metadata?.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(new Set(rvs).size).toBe(3);
    const pushed = w.events[1]?.object as { status?: { tags?: unknown[] } } | undefined;
    expect(pushed?.status?.tags).toHaveLength(1);
  });

  it("without a resourceVersion: the current objects first, as ADDED", async () => {
    const fake = await start({
      imageStreams: [
        { metadata: { name: "a", namespace: "test" } },
        { metadata: { name: "b", namespace: "test" } },
      ],
    });
    const w = await watching(fake, ISP);
    await w.until((e) => e.object.metadata?.name === "b");
    expect(w.events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(["ADDED a", "ADDED b"]);
  });

  it("a resourceVersion replayed from the window gives the missed events", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "a", namespace: "test" } }] });
    const from = fake.resourceVersion;
    fake.bumpResourceVersion("test", "a");
    fake.bumpResourceVersion("test", "a");
    const w = await watching(fake, ISP, { resourceVersion: from });
    await w.until((e) => e.object.metadata?.resourceVersion === fake.resourceVersion);
    expect(w.events.map((e) => e.type)).toEqual(["MODIFIED", "MODIFIED"]);
  });

  it("a resourceVersion older than the window is an ERROR event with a 410 Expired Status, then the end", async () => {
    const fake = await start({
      watchWindow: 2,
      imageStreams: [{ metadata: { name: "a", namespace: "test" } }],
    });
    for (let i = 0; i < 6; i++) fake.bumpResourceVersion("test", "a");
    const w = await watching(fake, ISP, { resourceVersion: "1" });
    const error = await w.until((e) => e.type === "ERROR");
    expect(error.object).toMatchObject({ kind: "Status", reason: "Expired", code: 410 });
    expect(error.object.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
    await w.done;
  });

  it("fieldSelector metadata.name and the all-namespaces path select what is seen", async () => {
    const fake = await start();
    const custom = customObjects(fake.url);
    const onlyB = await watching(fake, ISP, {
      fieldSelector: "metadata.name=b",
      resourceVersion: fake.resourceVersion,
    });
    const everywhere = await watching(fake, `/apis/${GROUP}/${VERSION}/imagestreams`, {
      resourceVersion: fake.resourceVersion,
    });
    for (const [ns, name] of [
      ["test", "a"],
      ["other", "b"],
      ["test", "b"],
    ] as const) {
      await custom.createNamespacedCustomObject({ ...streams, namespace: ns, body: { metadata: { name } } });
    }
    await onlyB.until((e) => e.object.metadata?.name === "b");
    await everywhere.until(
      (e) =>
        e.object.metadata?.name === "b" && (e.object.metadata as { namespace?: string }).namespace === "test",
    );
    expect(onlyB.events.map((e) => e.object.metadata?.name)).toEqual(["b"]);
    expect(everywhere.events).toHaveLength(3);
  });

  it("timeoutSeconds ends the stream; close() ends the ones still open", async () => {
    const fake = await start();
    const short = await watching(fake, ISP, { timeoutSeconds: "1" });
    await short.done;
    const long = await watching(fake, ISP);
    await fake.close();
    await long.done;
  });

  it("a watch that is not a number is a 400 before any event", async () => {
    const fake = await start();
    const res = await fetch(`${fake.url}${ISP}?watch=true&resourceVersion=abc`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ kind: "Status", reason: "BadRequest" });
  });
});
