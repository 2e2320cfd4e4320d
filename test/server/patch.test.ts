/** imageStreamPatch: RFC 6902 operations between two states, by identity. */
import { applyPatch } from "fast-json-patch";
import { describe, expect, it } from "vitest";
import {
  applyImageStreamMapping,
  BadRequestError,
  type ImageStream,
  imageStreamPatch,
} from "../support/all.js";
import { digest } from "./helpers.js";

const NOW = "2024-05-01T10:00:00Z";
const REG = "172.30.1.1:5000";

function big(tags: number): ImageStream {
  const status = [];
  for (let i = 0; i < tags; i++) {
    const image = digest(i);
    status.push({
      tag: `t${String(i).padStart(5, "0")}`,
      items: [{ created: NOW, dockerImageReference: `${REG}/ns/app@${image}`, image, generation: 1 }],
    });
  }
  return {
    metadata: { name: "app", namespace: "ns", resourceVersion: "7", generation: 1 },
    spec: {},
    status: { dockerImageRepository: "", tags: status },
  } as ImageStream;
}

const replay = (prev: ImageStream, ops: unknown[]) =>
  applyPatch(structuredClone(prev), structuredClone(ops) as never, true, false).newDocument;

describe("imageStreamPatch", () => {
  it("the same object gives no operation", () => {
    const s = big(3);
    expect(imageStreamPatch(s, s)).toEqual([]);
    expect(imageStreamPatch(s, s, { test: "resourceVersion" })).toEqual([]);
  });

  it("a push to one tag of a big stream is one add at the top of that tag's history", () => {
    const prev = big(2000);
    const image = digest("new");
    const { stream: next } = applyImageStreamMapping(
      prev,
      {
        metadata: { name: "app", namespace: "ns" },
        tag: "t01000",
        image: { metadata: { name: image }, dockerImageReference: `${REG}/ns/app@${image}` },
      },
      { now: NOW },
    );
    const ops = imageStreamPatch(prev, next);
    expect(ops).toEqual([
      { op: "add", path: "/status/tags/1000/items/0", value: next.status?.tags?.[1000]?.items[0] },
    ]);
    expect(replay(prev, ops)).toEqual(next);
  });

  it("a new tag is one add at its sorted position", () => {
    const prev = big(3);
    const image = digest("n");
    const { stream: next } = applyImageStreamMapping(
      prev,
      {
        metadata: { name: "app", namespace: "ns" },
        tag: "t00001x",
        image: { metadata: { name: image }, dockerImageReference: `${REG}/ns/app@${image}` },
      },
      { now: NOW },
    );
    const ops = imageStreamPatch(prev, next);
    expect(ops.map((o) => `${o.op} ${o.path}`)).toEqual(["add /status/tags/2"]);
    expect(replay(prev, ops)).toEqual(next);
  });

  it("keys are escaped as JSON Pointer tokens (~0, ~1): annotation keys with '/' work", () => {
    const prev = { metadata: { name: "a", annotations: { "a~b": "1" } } } as unknown as ImageStream;
    const next = {
      metadata: { name: "a", annotations: { "a~b": "2", "openshift.io/image.managed": "true" } },
    } as unknown as ImageStream;
    const ops = imageStreamPatch(prev, next);
    expect(ops).toEqual([
      { op: "replace", path: "/metadata/annotations/a~0b", value: "2" },
      { op: "add", path: "/metadata/annotations/openshift.io~1image.managed", value: "true" },
    ]);
    expect(replay(prev, ops)).toEqual(next);
  });

  it("removals, shrinking arrays and type changes replay exactly", () => {
    const prev = { a: [1, 2, 3, 4], b: { c: 1 }, d: "x", e: [{ n: 1 }, { n: 2 }] } as unknown as ImageStream;
    const next = { a: [1, 4], b: [1], e: [{ n: 2 }] } as unknown as ImageStream;
    expect(replay(prev, imageStreamPatch(prev, next))).toEqual(next);
  });

  it("{ test: 'resourceVersion' } starts with a test of metadata.resourceVersion (optimistic concurrency)", () => {
    const prev = big(2);
    const next = { ...prev, metadata: { ...prev.metadata, labels: { a: "b" } } } as ImageStream;
    const ops = imageStreamPatch(prev, next, { test: "resourceVersion" });
    expect(ops[0]).toEqual({ op: "test", path: "/metadata/resourceVersion", value: "7" });
    expect(ops.slice(1)).toEqual([{ op: "add", path: "/metadata/labels", value: { a: "b" } }]);
    // a stale copy fails the test: the patch is refused instead of overwriting a newer write
    const stale = { ...prev, metadata: { ...prev.metadata, resourceVersion: "8" } };
    expect(() => applyPatch(structuredClone(stale), structuredClone(ops) as never, true, false)).toThrow();
  });

  it("a resourceVersion test without prev.metadata.resourceVersion is a BadRequest", () => {
    const prev = { metadata: { name: "a" } } as ImageStream;
    const next = { metadata: { name: "b" } } as ImageStream;
    expect(() => imageStreamPatch(prev, next, { test: "resourceVersion" })).toThrow(BadRequestError);
  });
});
