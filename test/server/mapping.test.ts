import { describe, expect, it } from "vitest";
import { InvalidError, NotFoundError } from "../../src/errors.js";
import type { Image, ImageStream, ImageStreamMapping } from "../../src/model/index.js";
import { applyImageStreamMapping, createCatalog, createImageStream } from "../../src/server/index.js";
import { deepFreeze } from "../support/freeze.js";
import { digest } from "./helpers.js";

const NOW = "2024-05-01T10:00:00Z";
const HOST = "172.30.1.1:5000";
const A = digest("a");
const B = digest("b");

function mapping(image: string, tag = "latest", extra: Record<string, unknown> = {}): ImageStreamMapping {
  return deepFreeze({
    metadata: { name: "app", namespace: "ns" },
    tag,
    image: { metadata: { name: image }, dockerImageReference: `quay.io/ns/app@${image}`, ...extra },
  } as ImageStreamMapping);
}

function base(generation = 1): ImageStream {
  const s = createImageStream(
    {
      metadata: { name: "app", namespace: "ns" },
      spec: {
        tags: [
          { name: "alias", from: { kind: "ImageStreamTag", name: "latest" } },
          { name: "other", from: { kind: "ImageStreamTag", name: "v1" } },
        ],
      },
    },
    { now: NOW, internalRegistryHostname: HOST },
  );
  return deepFreeze({ ...s, metadata: { ...s.metadata, generation } });
}

describe("§10 applyImageStreamMapping", () => {
  it("R10.5 event = {now, image reference, image name, stream generation}; R10.3 image created", () => {
    const s = base(4);
    const r = applyImageStreamMapping(s, mapping(A), { now: NOW, internalRegistryHostname: HOST });
    expect(r.imageCreated).toBe(true);
    expect(r.image.metadata?.name).toBe(A);
    expect(r.stream.status?.tags?.find((t) => t.tag === "latest")?.items).toEqual([
      { created: NOW, dockerImageReference: `quay.io/ns/app@${A}`, image: A, generation: 4 },
    ]);
    expect(r.stream.metadata).toBe(s.metadata);
    expect(r.stream.spec).toBe(s.spec);
  });
  it("R10.6 tracking tags of that tag follow (R8.10); others untouched", () => {
    const r = applyImageStreamMapping(base(), mapping(A), { now: NOW, internalRegistryHostname: HOST });
    expect(r.stream.status?.tags?.map((t) => t.tag)).toEqual(["alias", "latest"]);
    expect(r.stream.status?.tags?.[0]?.items[0]?.image).toBe(A);
  });
  it("R10.6 no change → the very same stream back (no write)", () => {
    const first = applyImageStreamMapping(base(), mapping(A), { now: NOW });
    const again = applyImageStreamMapping(first.stream, mapping(A), { now: "2030-01-01T00:00:00Z" });
    expect(again.stream).toBe(first.stream);
  });
  it("R10.1 an empty image reference defaults into the internal registry; signatures dropped", () => {
    const m = deepFreeze({
      metadata: { name: "app", namespace: "ns" },
      tag: "v1",
      image: { metadata: { name: A }, dockerImageReference: "", signatures: [{ metadata: { name: "s" } }] },
    } as unknown as ImageStreamMapping);
    const r = applyImageStreamMapping(base(), m, { now: NOW, internalRegistryHostname: HOST });
    expect(r.image.dockerImageReference).toBe(`${HOST}/ns/app@${A}`);
    expect("signatures" in r.image).toBe(false);
    expect(r.stream.status?.tags?.find((t) => t.tag === "v1")?.items[0]?.dockerImageReference).toBe(
      `${HOST}/ns/app@${A}`,
    );
    // `other` tracks v1
    expect(r.stream.status?.tags?.find((t) => t.tag === "other")?.items[0]?.image).toBe(A);
  });
  it("R10.3 an existing image is returned unmodified and not created", () => {
    const existing = deepFreeze({
      metadata: { name: A, labels: { kept: "yes" } },
      dockerImageReference: "old/ref@x",
    } as Image);
    const r = applyImageStreamMapping(base(), mapping(A), {
      now: NOW,
      getImage: (n) => (n === A ? existing : undefined),
    });
    expect(r.imageCreated).toBe(false);
    expect(r.image).toBe(existing);
    // not managed: the submitted image's reference is used
    expect(r.stream.status?.tags?.find((t) => t.tag === "latest")?.items[0]?.dockerImageReference).toBe(
      `quay.io/ns/app@${A}`,
    );
  });
  it("R10.4 existing + managed annotation → <stream repository>@<image>", () => {
    const m = mapping(A, "latest", {
      metadata: { name: A, annotations: { "openshift.io/image.managed": "true" } },
    });
    const catalog = createCatalog({ images: [{ metadata: { name: A } } as Image] });
    const r = applyImageStreamMapping(base(), m, { now: NOW, internalRegistryHostname: HOST, ...catalog });
    expect(r.stream.status?.tags?.find((t) => t.tag === "latest")?.items[0]?.dockerImageReference).toBe(
      `${HOST}/ns/app@${A}`,
    );
    // without any repository the image reference is kept; a spec repository (tag dropped) is used otherwise
    const bare = deepFreeze({ metadata: { name: "app", namespace: "ns", generation: 1 } } as ImageStream);
    const r2 = applyImageStreamMapping(bare, m, { now: NOW, ...catalog });
    expect(r2.stream.status?.tags?.[0]?.items[0]?.dockerImageReference).toBe(`quay.io/ns/app@${A}`);
    const specRepo = deepFreeze({
      metadata: { name: "app", namespace: "ns", generation: 1 },
      spec: { dockerImageRepository: "quay.io/up/app:tag" },
    } as ImageStream);
    const r3 = applyImageStreamMapping(specRepo, m, { now: NOW, ...catalog });
    expect(r3.stream.status?.tags?.[0]?.items[0]?.dockerImageReference).toBe(`quay.io/up/app@${A}`);
  });
  it("R10.5 a second push prepends; R7 collapse keeps created", () => {
    const first = applyImageStreamMapping(base(), mapping(A), { now: NOW });
    const second = applyImageStreamMapping(first.stream, mapping(B), { now: "2024-06-01T00:00:00Z" });
    const items = second.stream.status?.tags?.find((t) => t.tag === "latest")?.items ?? [];
    expect(items.map((i) => i.image)).toEqual([B, A]);
    expect(items[1]).toBe(first.stream.status?.tags?.find((t) => t.tag === "latest")?.items[0]);
  });
  it("R6.3.2 through the status update: a stream generation of 0 leaves event generation 0", () => {
    const s = deepFreeze({ metadata: { name: "app", namespace: "ns" } } as ImageStream);
    const r = applyImageStreamMapping(s, mapping(A), { now: NOW });
    expect(r.stream.status?.tags?.[0]?.items[0]?.generation).toBe(0);
  });
  it("R10.2 a missing stream → NotFound imagestreams; an invalid mapping → InvalidError (R4.3)", () => {
    expect(() => applyImageStreamMapping(undefined, mapping(A), { now: NOW })).toThrow(NotFoundError);
    expect(() => applyImageStreamMapping(undefined, mapping(A), { now: NOW })).toThrow(
      'imagestreams.image.openshift.io "app" not found',
    );
    const bad = deepFreeze({
      metadata: { name: "app", namespace: "ns" },
      tag: "",
      image: {},
    } as ImageStreamMapping);
    let err: InvalidError | undefined;
    try {
      applyImageStreamMapping(base(), bad, { now: NOW });
    } catch (e) {
      err = e as InvalidError;
    }
    expect(err).toBeInstanceOf(InvalidError);
    expect(err?.fieldErrors.map((f) => f.field)).toContain("tag");
    expect(err?.fieldErrors.map((f) => f.field)).toContain("image.metadata.name");
  });
});

describe("§10 edge cases", () => {
  it("R10.4 an unparseable stream repository keeps the image reference; null tag lists count as none", () => {
    const m = mapping(A, "latest", {
      metadata: { name: A, annotations: { "openshift.io/image.managed": "true" } },
    });
    const s = deepFreeze({
      metadata: { name: "app", namespace: "ns", generation: 1 },
      spec: { dockerImageRepository: "Not A Repo!", tags: null },
      status: { tags: null },
    } as unknown as ImageStream);
    const r = applyImageStreamMapping(s, m, {
      now: NOW,
      getImage: () => ({ metadata: { name: A } }) as Image,
    });
    expect(r.stream.status?.tags?.[0]?.items[0]?.dockerImageReference).toBe(`quay.io/ns/app@${A}`);
    const u = createImageStream({ ...s, spec: { tags: null } } as unknown as ImageStream, { now: NOW });
    expect(u.spec?.tags).toBeUndefined();
  });
});
