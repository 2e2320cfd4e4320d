/**
 * The seed story (test/server/seeds.test.ts, examples/origin-ruby-sample*.yaml) told twice: over
 * HTTP to the fake API with `@kubernetes/client-node`, and with the library's functions. A
 * stream is created, two images are pushed with ImageStreamMappings around a spec edit, and the
 * older image is tagged back with `oc tag`; both tellings give the same stream, tag, image
 * views and images, apart from what only a server writes (UID, resourceVersion).
 */
import { readFileSync } from "node:fs";
import { PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planTag, tag } from "../../src/client/index.js";
import type { Image, ImageStream, ImageStreamMapping } from "../../src/model/index.js";
import {
  applyImageStreamMapping,
  createCatalog,
  createImageStream,
  getImageStreamImage,
  getImageStreamTag,
  updateImageStream,
} from "../../src/server/index.js";
import { type FakeImageApi, startFakeImageApi } from "../../src/testing/fake-api/index.js";
import { customObjects, GROUP, VERSION } from "./fake-api-support.js";

const OLD = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";
const NEW = "sha256:909de62d1f609a717ec433cc25ca5cf00941545c83a01fb31527771e1fab3fc5";
const REGISTRY = "172.30.56.218:5000";
const NS = "test";
const NAME = "origin-ruby-sample";
const TIMES = [
  "2016-01-29T13:33:49Z",
  "2016-01-29T13:40:11Z",
  "2016-02-01T00:00:00Z",
  "2016-03-02T10:15:09Z",
  "2016-03-04T08:00:00Z",
];

function example<T>(file: string): T {
  return parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), "utf8")) as T;
}

/** The stream of the seed as a user would submit it (no server fields, no status). */
function submitted(): ImageStream {
  const { metadata, spec } = example<ImageStream>("origin-ruby-sample.yaml");
  const { resourceVersion: _rv, uid: _uid, generation: _gen, ...meta } = metadata ?? {};
  return { apiVersion: "image.openshift.io/v1", kind: "ImageStream", metadata: meta, spec } as ImageStream;
}

const FIRST = example<ImageStreamMapping>("origin-ruby-sample-mapping.yaml");
const SECOND = example<ImageStreamMapping>("origin-ruby-sample-mapping-2.yaml");
const TAG_BACK = { source: `${NAME}@${OLD}`, destinations: [`${NAME}:latest`], namespace: NS };

/** Drops what only a server writes, so that a stored object compares with a function result. */
function portable<T>(obj: T): T {
  const { metadata, kind: _kind, apiVersion: _apiVersion, ...rest } = obj as Record<string, unknown>;
  const { uid: _uid, resourceVersion: _rv, ...meta } = (metadata ?? {}) as Record<string, unknown>;
  return { ...rest, metadata: meta } as T;
}

/** {@link portable}, and without the creation time the server gives an Image it creates. */
function undated<T>(obj: T): T {
  const plain = portable(obj) as { metadata?: Record<string, unknown> };
  const { creationTimestamp: _t, ...metadata } = plain.metadata ?? {};
  return { ...plain, metadata } as T;
}

/** The story through the library's functions. */
function byFunctions() {
  const opts = (i: number, images: readonly Image[] = [], streams: readonly ImageStream[] = []) => ({
    ...createCatalog({ images, imageStreams: streams }),
    internalRegistryHostname: REGISTRY,
    now: TIMES[i] as string,
  });
  const created = createImageStream(submitted(), opts(0));
  const first = applyImageStreamMapping(created, FIRST, opts(1));
  const edited = updateImageStream(
    first.stream,
    { ...first.stream, spec: { ...first.stream.spec, lookupPolicy: { local: true } } },
    opts(2),
  );
  const second = applyImageStreamMapping(edited, SECOND, opts(3, [first.image]));
  const images = [first.image, second.image];
  const tagged = tag(second.stream, TAG_BACK, opts(4, images, [second.stream]));
  const catalog = opts(4, images, [tagged.stream]);
  return {
    stream: tagged.stream,
    images,
    istag: getImageStreamTag(tagged.stream, "latest", catalog),
    isimage: getImageStreamImage(tagged.stream, `${NAME}@${OLD.slice(0, 20)}`, catalog),
  };
}

let api: FakeImageApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** The story over HTTP, each step at its own time. */
async function byHttp() {
  let now = TIMES[0] as string;
  api = await startFakeImageApi({ internalRegistryHostname: REGISTRY, now: () => now });
  const custom = customObjects(api.url);
  const on = (plural: string) => ({ group: GROUP, version: VERSION, namespace: NS, plural });
  await custom.createNamespacedCustomObject({ ...on("imagestreams"), body: submitted() });
  now = TIMES[1] as string;
  await custom.createNamespacedCustomObject({ ...on("imagestreammappings"), body: FIRST });
  now = TIMES[2] as string;
  await custom.patchNamespacedCustomObject(
    { ...on("imagestreams"), name: NAME, body: { spec: { lookupPolicy: { local: true } } } },
    setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
  );
  now = TIMES[3] as string;
  await custom.createNamespacedCustomObject({ ...on("imagestreammappings"), body: SECOND });
  now = TIMES[4] as string;
  // What `oc tag` sends: the planned ImageStreamTag of each destination, PUT by name.
  const current = await custom.getNamespacedCustomObject({ ...on("imagestreams"), name: NAME });
  const plan = planTag(TAG_BACK, { getImageStream: (_ns, n) => (n === NAME ? current : undefined) });
  for (const step of plan.steps) {
    const name = `${step.destination.name}:${step.destination.tag}`;
    await custom.replaceNamespacedCustomObject({ ...on("imagestreamtags"), name, body: step.imageStreamTag });
  }
  return {
    stream: await custom.getNamespacedCustomObject({ ...on("imagestreams"), name: NAME }),
    images: await custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: "images" }),
    istag: await custom.getNamespacedCustomObject({ ...on("imagestreamtags"), name: `${NAME}:latest` }),
    isimage: await custom.getNamespacedCustomObject({
      ...on("imagestreamimages"),
      name: `${NAME}@${OLD.slice(0, 20)}`,
    }),
  };
}

describe("the seed story over HTTP gives what the functions give", () => {
  const expected = byFunctions();

  it("the stream: generation 3, history OLD, NEW, OLD on latest, the spec edit kept", async () => {
    const got = await byHttp();
    expect(portable(got.stream)).toEqual(portable(expected.stream));
    expect(got.stream.metadata.generation).toBe(3);
    expect(got.stream.status.tags[0].items.map((i: { image: string }) => i.image)).toEqual([OLD, NEW, OLD]);
    expect(got.stream).toEqual(api?.imageStream(NS, NAME));
  });

  it("the first push gives the history of examples/origin-ruby-sample.yaml", async () => {
    const got = await byHttp();
    const seedHistory = example<ImageStream>("origin-ruby-sample.yaml").status?.tags?.[0]?.items[0];
    expect(got.stream.status.tags[0].items[2]).toEqual(seedHistory);
    expect(got.stream.status.dockerImageRepository).toBe(`${REGISTRY}/${NS}/${NAME}`);
  });

  it("the images: both created by the mappings, with the registry's fields", async () => {
    const got = await byHttp();
    expect(got.images.items.map(undated)).toEqual(expected.images.map(undated));
    expect(got.images.items.map((i: Image) => i.metadata?.creationTimestamp)).toEqual([TIMES[1], TIMES[3]]);
  });

  it("the ImageStreamTag and the ImageStreamImage views match getImageStreamTag and getImageStreamImage", async () => {
    const got = await byHttp();
    const { image: gotTagImage, ...gotTag } = got.istag;
    const { image: wantTagImage, ...wantTag } = expected.istag as unknown as Record<string, unknown>;
    expect(portable(gotTag)).toEqual(portable(wantTag));
    expect(undated(gotTagImage)).toEqual(undated(wantTagImage as Image));
    expect(got.istag.metadata.resourceVersion).toBe(got.stream.metadata.resourceVersion);
    const { image: gotImage, ...gotView } = got.isimage;
    const { image: wantImage, ...wantView } = expected.isimage as unknown as Record<string, unknown>;
    // The view's creation time is its Image's, which only the server sets.
    expect(undated(gotView)).toEqual(undated(wantView));
    expect(gotView.metadata.creationTimestamp).toBe(TIMES[1]);
    expect(portable(gotImage).metadata.name).toBe(OLD);
    expect(portable(wantImage as Image).metadata?.name).toBe(OLD);
  });
});
