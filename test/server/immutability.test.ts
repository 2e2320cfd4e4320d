/**
 * Immutability on immer: every state the library returns is deeply frozen, equal inputs give
 * equal outputs, and nothing is remembered about (or written on) the caller's objects.
 */
import { describe, expect, it } from "vitest";
import {
  addTagEvent,
  applyImageStreamMapping,
  createImageStream,
  type ImageStream,
  type ImageStreamMapping,
  updateImageStream,
} from "../support/all.js";
import { isDeepFrozen } from "../support/freeze.js";
import { digest } from "./helpers.js";

const NOW = "2024-05-01T10:00:00Z";
const REG = "172.30.1.1:5000";

function list(tag: string, image: string) {
  return {
    tag,
    items: [{ created: NOW, dockerImageReference: `${REG}/ns/app@${image}`, image, generation: 1 }],
  };
}

/** A valid stored stream whose status.tags are [a, c] (plain, unfrozen: the caller owns it). */
function callerStream(): ImageStream {
  return {
    metadata: { name: "app", namespace: "ns", generation: 1 },
    spec: {},
    status: { dockerImageRepository: "", tags: [list("a", digest("a")), list("c", digest("c"))] },
  } as ImageStream;
}

function mappingFor(tag: string): ImageStreamMapping {
  const image = digest(`img-${tag}`);
  return {
    metadata: { name: "app", namespace: "ns" },
    tag,
    image: { metadata: { name: image }, dockerImageReference: `${REG}/ns/app@${image}` },
  } as ImageStreamMapping;
}

const tagsOf = (s: ImageStream) => (s.status?.tags ?? []).map((t) => t.tag);

describe("pure functions: equal inputs give equal outputs (no state on caller objects)", () => {
  it("a caller reordering its own status.tags between two calls gets the same answer as a fresh copy", () => {
    const stream = callerStream();
    expect(tagsOf(applyImageStreamMapping(stream, mappingFor("b"), { now: NOW }).stream)).toEqual([
      "a",
      "b",
      "c",
    ]);
    // the caller owns this array (the result shared only its elements) and may edit it
    stream.status?.tags && (stream.status.tags as unknown[]).reverse();
    const again = applyImageStreamMapping(stream, mappingFor("b"), { now: NOW }).stream;
    const fresh = applyImageStreamMapping(structuredClone(stream), mappingFor("b"), { now: NOW }).stream;
    expect(tagsOf(again)).toEqual(["a", "b", "c"]);
    expect(again).toEqual(fresh);
  });

  it("no symbol or hidden property is ever written on an input", () => {
    const stream = callerStream();
    applyImageStreamMapping(stream, mappingFor("b"), { now: NOW });
    addTagEvent(stream, "z", {
      created: NOW,
      dockerImageReference: `x/y@${digest(1)}`,
      image: digest(1),
      generation: 1,
    });
    for (const node of [stream, stream.status, stream.status?.tags, ...(stream.status?.tags ?? [])]) {
      expect(Object.getOwnPropertySymbols(node as object)).toEqual([]);
      expect(
        Object.getOwnPropertyNames(node as object).every(
          (k) => Object.keys(node as object).includes(k) || k === "length",
        ),
      ).toBe(true);
    }
  });
});

describe("every state the library returns is deeply frozen (private Immer with auto-freeze)", () => {
  it("a write on an unfrozen input returns a deeply frozen state; the caller's own root stays unfrozen", () => {
    const stream = callerStream();
    const { stream: next } = applyImageStreamMapping(stream, mappingFor("b"), { now: NOW });
    expect(isDeepFrozen(next)).toBe(true);
    // only the parts shared into the result are frozen: the caller's root and array are not
    expect(Object.isFrozen(stream)).toBe(false);
    expect(Object.isFrozen(stream.status?.tags)).toBe(false);
    expect(Object.isFrozen(stream.status?.tags?.[0])).toBe(true); // shared into the result
    expect(next.status?.tags?.[0]).toBe(stream.status?.tags?.[0]);
  });

  it("a frozen parent with an unfrozen child does not leak the child unfrozen into the result", () => {
    const child = {
      tag: "a",
      items: [
        { created: NOW, dockerImageReference: `${REG}/ns/app@${digest(9)}`, image: digest(9), generation: 1 },
      ],
    };
    const stream = Object.freeze({
      metadata: Object.freeze({ name: "app", namespace: "ns", generation: 1 }),
      status: Object.freeze({ tags: Object.freeze([child]) }),
    }) as unknown as ImageStream;
    const { stream: next } = applyImageStreamMapping(stream, mappingFor("b"), { now: NOW });
    expect(isDeepFrozen(next)).toBe(true);
  });

  it("R7.2 a no-op on a frozen state returns the very same object", () => {
    const created = createImageStream({ metadata: { name: "app", namespace: "ns" } } as ImageStream, {
      now: NOW,
    });
    const { stream: once } = applyImageStreamMapping(created, mappingFor("b"), { now: NOW });
    const { stream: twice } = applyImageStreamMapping(once, mappingFor("b"), { now: NOW });
    expect(twice).toBe(once);
  });

  it("unchanged subtrees are shared with the input, not copied", () => {
    const base = createImageStream(
      {
        metadata: { name: "app", namespace: "ns" },
        spec: { tags: [{ name: "x", from: { kind: "DockerImage", name: "quay.io/a/b:1" } }] },
      } as ImageStream,
      { now: NOW },
    );
    const { stream: next } = applyImageStreamMapping(base, mappingFor("b"), { now: NOW });
    expect(next.spec).toBe(base.spec);
    expect(next.metadata).toBe(base.metadata);
  });

  it("updateImageStream with an equal stream returns the stored object itself", () => {
    const base = createImageStream({ metadata: { name: "app", namespace: "ns" } } as ImageStream, {
      now: NOW,
    });
    expect(updateImageStream(base, structuredClone(base) as ImageStream, { now: NOW })).toBe(base);
  });

  it("values that are not JSON data (a Map, a function) are an InvalidError, not a crash", () => {
    const bad = {
      metadata: { name: "app", namespace: "ns" },
      status: { tags: [new Map()] },
    } as unknown as ImageStream;
    expect(() => applyImageStreamMapping(bad, mappingFor("b"), { now: NOW })).toThrow(/must be JSON data/);
  });
});
