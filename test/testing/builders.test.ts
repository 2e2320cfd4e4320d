/**
 * Builders and the fixed clock of `imagestream/testing`: the boring fields are filled in,
 * consistently, and every result is deeply frozen.
 */
import { describe, expect, it } from "vitest";
import {
  deepFreeze,
  fixedClock,
  image,
  imageDigest,
  imageStream,
  imageStreamMapping,
  tagEvent,
  tagReference,
} from "../../src/testing/index.js";
import {
  isBadRequest,
  parseImage,
  parseImageStream,
  parseImageStreamMapping,
  validateImageStream,
  validateImageStreamMapping,
} from "../support/all.js";

/** True when `v` and everything reachable from it is frozen. */
function isDeepFrozen(v: unknown, seen = new Set<unknown>()): boolean {
  if (typeof v !== "object" || v === null || seen.has(v)) return true;
  seen.add(v);
  return Object.isFrozen(v) && Object.values(v).every((x) => isDeepFrozen(x, seen));
}

const D0 = imageDigest(0);
const D1 = imageDigest(1);

describe("imageDigest", () => {
  it.each([
    { seed: 0, want: `sha256:30${"0".repeat(62)}` },
    { seed: 1, want: `sha256:31${"0".repeat(62)}` },
    { seed: "ab", want: `sha256:6162${"0".repeat(60)}` },
    { seed: "x".repeat(40), want: `sha256:${"78".repeat(32)}` },
  ])("imageDigest($seed)", ({ seed, want }) => {
    expect(imageDigest(seed)).toBe(want);
  });
});

describe("builders fill in the boring fields", () => {
  it.each([
    {
      name: "tagEvent(): created, a reference into ns/app by the default image, generation 1",
      got: () => tagEvent(),
      want: {
        created: "2024-01-01T00:00:00Z",
        dockerImageReference: `registry.example.com/ns/app@${D0}`,
        image: D0,
        generation: 1,
      },
    },
    {
      name: "tagEvent({ image }): the reference follows the image",
      got: () => tagEvent({ image: D1, generation: 3 }),
      want: {
        created: "2024-01-01T00:00:00Z",
        dockerImageReference: `registry.example.com/ns/app@${D1}`,
        image: D1,
        generation: 3,
      },
    },
    {
      name: "tagEvent({ dockerImageReference }) by digest: the image follows the reference",
      got: () => tagEvent({ dockerImageReference: `quay.io/x/y@${D1}`, created: null }),
      want: { created: null, dockerImageReference: `quay.io/x/y@${D1}`, image: D1, generation: 1 },
    },
    {
      name: "tagReference(): latest from a container image, the server's policy defaults",
      got: () => tagReference(),
      want: {
        name: "latest",
        from: { kind: "DockerImage", name: "registry.example.com/ns/app:latest" },
        importPolicy: { importMode: "Legacy" },
        referencePolicy: { type: "Source" },
      },
    },
    {
      name: "tagReference({ name, from }): a given from replaces the default whole",
      got: () => tagReference({ name: "v1", from: { kind: "ImageStreamTag", name: "app:latest" } }),
      want: {
        name: "v1",
        from: { kind: "ImageStreamTag", name: "app:latest" },
        importPolicy: { importMode: "Legacy" },
        referencePolicy: { type: "Source" },
      },
    },
    {
      name: "imageStream(): ns/app, generation 1, no spec or status",
      got: () => imageStream(),
      want: {
        apiVersion: "image.openshift.io/v1",
        kind: "ImageStream",
        metadata: { name: "app", namespace: "ns", creationTimestamp: "2024-01-01T00:00:00Z", generation: 1 },
      },
    },
    {
      name: "imageStream({ metadata }): given metadata fields override the defaults one by one",
      got: () => imageStream({ metadata: { name: "ruby", generation: 7, labels: { a: "b" } } }),
      want: {
        apiVersion: "image.openshift.io/v1",
        kind: "ImageStream",
        metadata: {
          name: "ruby",
          namespace: "ns",
          creationTimestamp: "2024-01-01T00:00:00Z",
          generation: 7,
          labels: { a: "b" },
        },
      },
    },
    {
      name: "image(): named by the default digest, referenced in ns/app",
      got: () => image(),
      want: {
        apiVersion: "image.openshift.io/v1",
        kind: "Image",
        metadata: { name: D0 },
        dockerImageReference: `registry.example.com/ns/app@${D0}`,
      },
    },
    {
      name: "imageStreamMapping({ metadata, tag }): the image is referenced in the mapping's repository",
      got: () => imageStreamMapping({ metadata: { namespace: "team", name: "web" }, tag: "v2" }),
      want: {
        apiVersion: "image.openshift.io/v1",
        kind: "ImageStreamMapping",
        metadata: { name: "web", namespace: "team" },
        tag: "v2",
        image: {
          apiVersion: "image.openshift.io/v1",
          kind: "Image",
          metadata: { name: D0 },
          dockerImageReference: `registry.example.com/team/web@${D0}`,
        },
      },
    },
  ])("$name", ({ got, want }) => {
    const value = got();
    expect(value).toEqual(want);
    expect(isDeepFrozen(value)).toBe(true);
  });

  it("imageStream: the default generation is never behind the generations its tags mention", () => {
    const s = imageStream({
      spec: { tags: [tagReference({ generation: 4 })] },
      status: {
        tags: [
          { tag: "latest", items: [tagEvent({ generation: 6 }), tagEvent({ image: D1, generation: 2 })] },
        ],
      },
    });
    expect(s.metadata?.generation).toBe(6);
  });

  it("objects given to a builder end up in the result and are frozen with it", () => {
    const tags = [{ tag: "latest", items: [tagEvent()] }];
    const s = imageStream({ status: { tags } });
    expect(s.status?.tags).toBe(tags);
    expect(Object.isFrozen(tags)).toBe(true);
  });

  it("built objects parse and validate clean", () => {
    const s = imageStream({
      spec: { tags: [tagReference()] },
      status: { tags: [{ tag: "latest", items: [tagEvent()] }] },
    });
    expect(parseImageStream(s)).toEqual(s);
    expect(validateImageStream(s)).toEqual([]);
    const m = imageStreamMapping({ image: { metadata: { name: D1 } } });
    expect(parseImageStreamMapping(m)).toEqual(m);
    expect(validateImageStreamMapping(m)).toEqual([]);
    expect(parseImage(image())).toEqual(image());
  });
});

describe("fixedClock", () => {
  it("without a step, every read gives the start", () => {
    const now = fixedClock("2024-01-01T00:00:00Z");
    expect([now(), now()]).toEqual(["2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"]);
  });

  it("with a step, each read moves the clock forward; sub-second parts are dropped", () => {
    const now = fixedClock(new Date("2024-02-28T23:59:59.750Z"), 30);
    expect([now(), now(), now()]).toEqual([
      "2024-02-28T23:59:59Z",
      "2024-02-29T00:00:29Z",
      "2024-02-29T00:00:59Z",
    ]);
    expect(fixedClock(0)()).toBe("1970-01-01T00:00:00Z");
  });

  it.each([
    { name: "an unparsable start", start: "yesterday", step: 0 },
    { name: "NaN milliseconds", start: Number.NaN, step: 0 },
    { name: "an instant past the representable range", start: 9e15, step: 0 },
    { name: "a step that is not a number", start: 0, step: Number.POSITIVE_INFINITY },
  ])("$name is a BadRequest, with the input quoted", ({ start, step }) => {
    let err: unknown;
    try {
      fixedClock(start, step);
    } catch (e) {
      err = e;
    }
    expect(isBadRequest(err)).toBe(true);
  });
});

describe("deepFreeze", () => {
  it("freezes cycles, frozen parents' unfrozen children, and leaves typed arrays alone", () => {
    const child = { x: 1 };
    const parent = Object.freeze({ child });
    const cyclic: { self?: unknown; bytes: Uint8Array } = { bytes: new Uint8Array(2) };
    cyclic.self = cyclic;
    deepFreeze({ parent, cyclic });
    expect(Object.isFrozen(child)).toBe(true);
    expect(Object.isFrozen(cyclic)).toBe(true);
    expect(Object.isFrozen(cyclic.bytes)).toBe(false);
  });
});
