/**
 * Upstream test tables of the API server engine, transcribed (data only) from
 * openshift/openshift-apiserver:
 *  - pkg/image/apiserver/internal/imageutil/helpers_test.go (same tables in internalimageutil/ and in
 *    openshift/origin pkg/image/apis/image/helper_test.go): TestLatestTaggedImage,
 *    TestResolveLatestTaggedImage, TestAddTagEventToImageStream, TestUpdateTrackingTags, TestResolveImageID
 *  - pkg/image/apiserver/registry/imagestream/strategy_test.go: TestPublicDockerImageRepository,
 *    TestDockerImageRepository, TestTagVerifier ("invalid from name"), TestTagsChanged, TestTagRefChanged
 *  - pkg/image/apiserver/registry/imagestreammapping/rest_test.go
 *  - pkg/image/apiserver/registry/imagestreamtag/rest_test.go
 *  - pkg/image/apiserver/registry/imagestreamimage/rest_test.go
 * and from openshift/origin pkg/image/registry/imagestream/etcd/etcd_test.go (spec tags from a set) and
 * test/extended/images/imagestream.go (TestImageStreamMappingCreate, TestImageStreamWithoutDockerImageConfig).
 *
 * Upstream works on internal Go types (maps keyed by tag); here streams are v1 objects (lists).
 */
import { describe, expect, it } from "vitest";
import type {
  Image,
  ImageStream,
  ImageStreamMapping,
  ImageStreamTag,
  NamedTagEventList,
  TagEvent,
  TagReference,
} from "../../src/model/index.js";
import {
  addTagEvent,
  createImageStreamInternal,
  tagRefChanged,
  updateImageStreamInternal,
  updateTrackingTags,
} from "../../src/server/index.js";
import {
  applyImageStreamMapping,
  ConflictError,
  createCatalog,
  createImageStream,
  createImageStreamTag,
  deleteImageStreamTag,
  getImageStreamImage,
  getImageStreamTag,
  ImageStreamError,
  InvalidError,
  latestTaggedImage,
  NotFoundError,
  parseImageStreamImageName,
  resolveImageId,
  resolveLatestTaggedImage,
  type ServerOptions,
  statusRepositories,
  updateImageStream,
  updateImageStreamTag,
} from "../support/all.js";
import { deepFreeze } from "../support/freeze.js";
import { thrown } from "../support/thrown.js";
import { changedLists } from "./helpers.js";
import { UBUNTU_SCHEMA1_MANIFEST } from "./upstream-manifests.js";

type Obj = Record<string, unknown>;
type EventMap = Record<string, { items: Obj[]; conditions?: Obj[] }>;

const NOW = "2024-05-01T10:00:00Z";
const E3B = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const D293 = "sha256:293aa25bf219f3e47472281b7e68c09bb6f315c2adf7f86a7302b85bdaa63db3";
const D4AB = "sha256:4ab15c48b859c2920dd5224f92aabcd39a52794c5b3cf088fb3bbb438756c246";

/** Upstream's `map[string]TagEventList` → v1 `status.tags` list (sorted by tag). */
function statusList(m: EventMap): NamedTagEventList[] {
  return Object.keys(m)
    .sort()
    .map((tag) => ({ tag, ...m[tag] }) as unknown as NamedTagEventList);
}

/** Upstream's `map[string]TagReference` → v1 `spec.tags` list. */
function specList(m: Record<string, Obj>): TagReference[] {
  return Object.keys(m)
    .sort()
    .map((name) => ({ ...m[name], name }) as unknown as TagReference);
}

function statusMap(s: ImageStream): Record<string, Obj> {
  const out: Record<string, Obj> = {};
  for (const l of s.status?.tags ?? []) {
    const { tag, ...rest } = l as unknown as Obj;
    out[tag as string] = rest;
  }
  return out;
}

function itemsOf(s: ImageStream, tag: string): Obj[] {
  return (s.status?.tags?.find((l) => l.tag === tag)?.items ?? []) as unknown as Obj[];
}

function specTag(s: ImageStream, tag: string): Obj | undefined {
  return s.spec?.tags?.find((t) => t.name === tag) as Obj | undefined;
}

// ---------------------------------------------------------------------------------------------

describe("R7 addTagEvent: upstream TestAddTagEventToImageStream", () => {
  const cases: [string, EventMap, string, string, EventMap, boolean][] = [
    [
      "nil entry for tag",
      {},
      "ref",
      "image",
      { latest: { items: [{ dockerImageReference: "ref", image: "image" }] } },
      true,
    ],
    [
      "empty items for tag",
      { latest: { items: [] } },
      "ref",
      "image",
      { latest: { items: [{ dockerImageReference: "ref", image: "image" }] } },
      true,
    ],
    [
      "same ref and image",
      { latest: { items: [{ dockerImageReference: "ref", image: "image" }] } },
      "ref",
      "image",
      { latest: { items: [{ dockerImageReference: "ref", image: "image" }] } },
      false,
    ],
    [
      "same ref, different image",
      { latest: { items: [{ dockerImageReference: "ref", image: "image" }] } },
      "ref",
      "newimage",
      { latest: { items: [{ dockerImageReference: "ref", image: "newimage" }] } },
      true,
    ],
    [
      "different ref, same image",
      { latest: { items: [{ dockerImageReference: "ref", image: "image" }] } },
      "newref",
      "image",
      { latest: { items: [{ dockerImageReference: "newref", image: "image" }] } },
      true,
    ],
    [
      "different ref, different image",
      { latest: { items: [{ dockerImageReference: "ref", image: "image" }] } },
      "newref",
      "newimage",
      {
        latest: {
          items: [
            { dockerImageReference: "newref", image: "newimage" },
            { dockerImageReference: "ref", image: "image" },
          ],
        },
      },
      true,
    ],
  ];
  it.each(cases)("R7.1/R7.2 %s", (_name, tags, ref, image, expected, expectedUpdate) => {
    const is = deepFreeze({ status: { tags: statusList(tags) } } as ImageStream);
    const event = { dockerImageReference: ref, image } as TagEvent;
    const stream = addTagEvent(is, "latest", event);
    const changed = stream !== is;
    expect(changed).toBe(expectedUpdate);
    expect(statusMap(stream)).toEqual(expected);
    if (!expectedUpdate) expect(stream).toBe(is);
  });
});

describe("R8.10 updateTrackingTags: upstream TestUpdateTrackingTags", () => {
  interface Case {
    fromNil?: boolean;
    fromKind?: string;
    fromNamespace?: string;
    fromName?: string;
    trackingTags?: string[];
    nonTrackingTags?: string[];
    statusTags?: string[];
    updatedImageReference?: string;
    updatedImage?: string;
    expectedUpdates?: string[];
  }
  const cases: [string, Case][] = [
    ["nil from", { fromNil: true }],
    ["from kind not ImageStreamTag", { fromKind: "ImageStreamImage" }],
    ["from namespace different", { fromNamespace: "other" }],
    ["from name different", { trackingTags: ["otherstream:2.0"] }],
    ["no tracking", { trackingTags: [], statusTags: ["2.0", "3.0"] }],
    [
      "stream name in from name",
      {
        trackingTags: ["latest"],
        fromName: "ruby:2.0",
        statusTags: ["2.0", "3.0"],
        expectedUpdates: ["latest"],
      },
    ],
    [
      "1 tracking, 1 not",
      {
        trackingTags: ["latest"],
        nonTrackingTags: ["other"],
        statusTags: ["2.0", "3.0"],
        expectedUpdates: ["latest"],
      },
    ],
    [
      "multiple tracking, multiple not",
      {
        trackingTags: ["latest1", "latest2"],
        nonTrackingTags: ["other1", "other2"],
        statusTags: ["2.0", "3.0"],
        expectedUpdates: ["latest1", "latest2"],
      },
    ],
    [
      "no change to tracked tag",
      {
        trackingTags: ["latest"],
        statusTags: ["2.0", "3.0"],
        updatedImageReference: "ns/ruby@id",
        updatedImage: "id",
      },
    ],
  ];
  it.each(cases)("R8.10 %s", (_name, c) => {
    const fromName = c.fromName || "2.0";
    let spec: Record<string, Obj> = {};
    for (const t of c.trackingTags ?? []) spec[t] = { from: { kind: "ImageStreamTag", name: fromName } };
    for (const t of c.nonTrackingTags ?? []) spec[t] = {};
    const status: EventMap = {};
    for (const t of c.statusTags ?? [])
      status[t] = { items: [{ dockerImageReference: "ns/ruby@id", image: "id" }] };
    if (c.fromNil) spec = { latest: {} };
    if (c.fromKind) spec = { latest: { from: { kind: c.fromKind, name: "asdf" } } };
    const is = deepFreeze({
      metadata: { name: "ruby", namespace: c.fromNamespace || "ns" },
      spec: { tags: specList(spec) },
      status: { tags: statusList(status) },
    } as ImageStream);
    const ref = c.updatedImageReference || "ns/ruby@newid";
    const image = c.updatedImage || "newid";
    const stream = updateTrackingTags(is, "2.0", {
      dockerImageReference: ref,
      image,
    } as TagEvent);
    const updated = changedLists(is, stream);
    for (const t of c.expectedUpdates ?? []) {
      expect(itemsOf(stream, t)[0]).toEqual({ dockerImageReference: ref, image });
    }
    // Every spec tag built as tracking (from ImageStreamTag "2.0" / "ruby:2.0" in the stream's
    // namespace, whatever the tag's own name, e.g. "otherstream:2.0") has the event on top.
    const tracking = c.fromNil || c.fromKind ? [] : (c.trackingTags ?? []);
    for (const t of tracking) expect(itemsOf(stream, t)[0]).toEqual({ dockerImageReference: ref, image });
    expect(updated).toBe(tracking.length);
    if (tracking.length === 0) expect(stream).toBe(is);
    // Tags that do not track 2.0 never change.
    for (const t of c.nonTrackingTags ?? []) expect(itemsOf(stream, t)).toEqual([]);
    for (const t of c.statusTags ?? []) expect(itemsOf(stream, t)).toEqual(status[t]?.items);
    if (c.fromNil || c.fromKind) expect(itemsOf(stream, "latest")).toEqual([]);
  });
});

describe("R12.6 resolveImageId: upstream TestResolveImageID", () => {
  const D1 = `sha256:${"0".repeat(63)}1`;
  const D2 = `sha256:${"0".repeat(63)}2`;
  const D3 = `sha256:${"0".repeat(63)}3`;
  const D4 = `sha256:${"0".repeat(63)}4`;
  const multi: EventMap = {
    tag1: {
      items: [
        { dockerImageReference: `repo@${D1}`, image: D1 },
        { dockerImageReference: `repo@${D2}`, image: D2 },
      ],
    },
    tag2: {
      items: [
        { dockerImageReference: `repo@${D3}`, image: D3 },
        { dockerImageReference: `repo@${D4}`, image: D4 },
      ],
    },
  };
  const C87 = "3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";
  const cases: [string, EventMap, string, string, Obj | undefined][] = [
    [
      "single tag, match ID prefix",
      { tag1: { items: [{ dockerImageReference: `repo@sha256:${C87}`, image: `sha256:${C87}` }] } },
      C87,
      "",
      { dockerImageReference: `repo@sha256:${C87}`, image: `sha256:${C87}` },
    ],
    [
      "single tag, match string prefix",
      { tag1: { items: [{ dockerImageReference: "repo:mytag", image: "mytag" }] } },
      "mytag",
      "",
      { dockerImageReference: "repo:mytag", image: "mytag" },
    ],
    [
      "single tag, ID error",
      {
        tag1: {
          items: [
            { dockerImageReference: `repo@sha256:${C87.slice(0, -1)}`, image: `sha256:${C87.slice(0, -1)}` },
          ],
        },
      },
      C87,
      "not found",
      undefined,
    ],
    ["no tag", {}, C87, "not found", undefined],
    [
      "multiple match",
      {
        tag1: {
          items: [
            { dockerImageReference: "repo@mytag", image: "mytag" },
            { dockerImageReference: "repo@mytag", image: "mytag2" },
          ],
        },
      },
      "mytag",
      "multiple images match the prefix",
      undefined,
    ],
    [
      "find match out of multiple tags in first position",
      multi,
      D1,
      "",
      { dockerImageReference: `repo@${D1}`, image: D1 },
    ],
    [
      "find match out of multiple tags in last position",
      multi,
      D4,
      "",
      { dockerImageReference: `repo@${D4}`, image: D4 },
    ],
  ];
  it.each(cases)("R12.6 %s", (_name, tags, id, expErr, expEvent) => {
    const is = deepFreeze({ status: { tags: statusList(tags) } } as ImageStream);
    if (expErr !== "") {
      const err = thrown(() => resolveImageId(is, id, { now: NOW }));
      expect(err).toBeInstanceOf(expErr === "not found" ? NotFoundError : ConflictError);
      expect((err as Error).message).toContain(expErr);
      return;
    }
    const event = resolveImageId(is, id, { now: NOW }) as unknown as Obj;
    expect({ dockerImageReference: event.dockerImageReference, image: event.image }).toEqual(expEvent);
    expect(event.created).toBe(NOW);
  });
  it('R12.6 "multiple match" lists the images sorted, comma-separated', () => {
    const is = deepFreeze({
      status: {
        tags: statusList({
          tag1: {
            items: [
              { dockerImageReference: "repo@mytag", image: "mytag2" },
              { dockerImageReference: "repo@mytag", image: "mytag" },
            ],
          },
        }),
      },
    } as ImageStream);
    const err = thrown(() => resolveImageId(is, "mytag")) as ConflictError;
    expect(err.detail).toBe('multiple images match the prefix "mytag": mytag, mytag2');
  });
});

describe("R12.1 latestTaggedImage / R12.2-R12.3 resolveLatestTaggedImage: upstream TestLatestTaggedImage, TestResolveLatestTaggedImage", () => {
  const latestOnly: EventMap = {
    latest: { items: [{ dockerImageReference: "latest-ref" }, { dockerImageReference: "older" }] },
  };
  const latestAndFoo: EventMap = {
    ...latestOnly,
    foo: { items: [{ dockerImageReference: "foo-ref" }, { dockerImageReference: "older" }] },
  };
  const withImage: EventMap = {
    latest: {
      items: [{ dockerImageReference: "latest-ref", image: D4AB }, { dockerImageReference: "older" }],
    },
  };
  const basic: [string, EventMap, string | undefined][] = [
    ["foo", {}, undefined],
    ["foo", latestOnly, undefined],
    ["", latestOnly, "latest-ref"],
    ["foo", latestAndFoo, "foo-ref"],
  ];
  it.each(basic)("R12.1 latestTaggedImage(tag %j) #%#", (tag, tags, expected) => {
    const is = deepFreeze({ status: { tags: statusList(tags) } } as ImageStream);
    expect(latestTaggedImage(is, tag)?.dockerImageReference).toBe(expected);
    expect(resolveLatestTaggedImage(is, tag)).toBe(expected);
  });
  const policy: [string, string, EventMap, string][] = [
    ["the default reference policy does nothing", "", withImage, "latest-ref"],
    ["the local reference policy does nothing unless reference is set", "", withImage, "latest-ref"],
    [
      "the local reference policy does nothing unless the image id is set",
      "test.server/a/b",
      latestOnly,
      "latest-ref",
    ],
    [
      "the local reference policy uses the output status reference and the image id",
      "test.server/a/b",
      withImage,
      `test.server/a/b@${D4AB}`,
    ],
  ];
  it.each(policy)("R12.3 %s", (name, statusRef, tags, expected) => {
    const type = name.startsWith("the default") ? "Source" : "Local";
    const is = deepFreeze({
      spec: { tags: [{ name: "latest", referencePolicy: { type } }] },
      status: { dockerImageRepository: statusRef, tags: statusList(tags) },
    } as unknown as ImageStream);
    expect(resolveLatestTaggedImage(is, "")).toBe(expected);
  });
});

describe("R6.4 tagRefChanged: upstream TestTagRefChanged", () => {
  const from = (o: Obj) => ({ name: "t", from: o }) as unknown as TagReference;
  const cases: [string, TagReference, TagReference, boolean][] = [
    ["no ref, no from", {} as TagReference, {} as TagReference, false],
    [
      "same ref",
      from({ kind: "DockerImage", name: "foo" }),
      from({ kind: "DockerImage", name: "foo" }),
      false,
    ],
    [
      "different ref",
      from({ kind: "DockerImage", name: "foo" }),
      from({ kind: "DockerImage", name: "bar" }),
      true,
    ],
    ["no kind, no name", {} as TagReference, from({}), false],
    ["old from nil", {} as TagReference, from({ namespace: "another", name: "other:latest" }), true],
    [
      "different namespace - old implicit",
      from({ name: "other:latest" }),
      from({ namespace: "another", name: "other:latest" }),
      true,
    ],
    [
      "different namespace - old explicit",
      from({ namespace: "something", name: "other:latest" }),
      from({ namespace: "another", name: "other:latest" }),
      true,
    ],
    [
      "different namespace - next implicit",
      from({ namespace: "something", name: "other:latest" }),
      from({ name: "other:latest" }),
      true,
    ],
    [
      "different name - old namespace implicit",
      from({ name: "other:latest" }),
      from({ namespace: "streamnamespace", name: "other:other" }),
      true,
    ],
    [
      "different name - old namespace explicit",
      from({ namespace: "streamnamespace", name: "other:latest" }),
      from({ namespace: "streamnamespace", name: "other:other" }),
      true,
    ],
    [
      "different name - new namespace implicit",
      from({ namespace: "streamnamespace", name: "other:latest" }),
      from({ name: "other:other" }),
      true,
    ],
    [
      "same name - old namespace implicit",
      from({ name: "other:latest" }),
      from({ namespace: "streamnamespace", name: "other:latest" }),
      false,
    ],
    [
      "same name - old namespace explicit",
      from({ namespace: "streamnamespace", name: "other:latest" }),
      from({ namespace: "streamnamespace", name: "other:latest" }),
      false,
    ],
    [
      "same name - both namespaces implicit",
      from({ name: "other:latest" }),
      from({ name: "other:latest" }),
      false,
    ],
  ];
  it.each(cases)("R6.4 %s", (_name, old, next, expected) => {
    expect(tagRefChanged(deepFreeze(old), deepFreeze(next), "streamnamespace")).toBe(expected);
  });
});

describe("R5 statusRepositories: upstream TestPublicDockerImageRepository, TestDockerImageRepository", () => {
  const somerepo = { metadata: { name: "somerepo" }, spec: { dockerImageRepository: "a/b" } } as ImageStream;
  it.each([
    ["public registry is not set", "", ""],
    ["public registry is set", "registry-default.external.url", "registry-default.external.url/somerepo"],
  ])("R5.2 %s", (_name, external, expected) => {
    expect(
      statusRepositories(somerepo, { externalRegistryHostname: external }).publicDockerImageRepository,
    ).toBe(expected);
  });
  const cases: [string, ImageStream, string, string][] = [
    ["DockerImageRepository set on stream", somerepo, "", "a/b"],
    [
      "DockerImageRepository set on stream with default registry",
      {
        metadata: { namespace: "foo", name: "somerepo" },
        spec: { dockerImageRepository: "a/b" },
      } as ImageStream,
      "registry:5000",
      "registry:5000/foo/somerepo",
    ],
    [
      "default namespace",
      { metadata: { name: "somerepo" } } as ImageStream,
      "registry:5000",
      "registry:5000/default/somerepo",
    ],
    [
      "nondefault namespace",
      { metadata: { name: "somerepo", namespace: "somens" } } as ImageStream,
      "registry:5000",
      "registry:5000/somens/somerepo",
    ],
    [
      "missing default registry",
      { metadata: { name: "somerepo", namespace: "somens" } } as ImageStream,
      "",
      "",
    ],
  ];
  it.each(cases)("R5.1 %s", (_name, is, internal, expected) => {
    // upstream calls dockerImageRepository(ctx, stream, allowNamespaceDefaulting=true)
    expect(statusRepositories(is, { internalRegistryHostname: internal }).dockerImageRepository).toBe(
      expected,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// TestTagsChanged: upstream calls Strategy.tagsChanged directly (no validation, no generation
// handling, no registry hostname). Here the same data goes through the public write paths:
// create (previous == nil) keeps the submitted status through the internal path; update through
// updateImageStreamInternal with an old stream whose status is empty (upstream's test builds the
// previous stream with an empty status map). The streams get namespace "ns" because our paths
// validate (upstream's test stream has none); nothing else depends on it.

interface TagsChangedCase {
  stream: string;
  tags: Record<string, Obj>;
  previous?: Record<string, Obj>;
  existing: EventMap;
  expected: EventMap;
  otherStream?: EventMap;
}

const tagsChangedCases: [string, TagsChangedCase][] = [
  ["no tags, no history", { stream: "registry:5000/ns/stream", tags: {}, existing: {}, expected: {} }],
  [
    "single tag update, preserves history",
    {
      stream: "registry:5000/ns/stream",
      previous: {},
      tags: { t1: { from: { kind: "DockerImage", name: "registry:5000/ns/stream:t1" }, reference: true } },
      existing: { t2: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] } },
      expected: {
        t1: { items: [{ dockerImageReference: "registry:5000/ns/stream:t1", image: "" }] },
        t2: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
      },
    },
  ],
  [
    "empty tag ignored on create",
    { stream: "registry:5000/ns/stream", tags: { t1: {} }, existing: {}, expected: {} },
  ],
  [
    "tag to missing ignored on create",
    {
      stream: "registry:5000/ns/stream",
      tags: { t1: { from: { kind: "DockerImage", name: "t2" } } },
      existing: {},
      expected: {},
    },
  ],
  [
    "new tags, no history",
    {
      stream: "registry:5000/ns/stream",
      tags: {
        t1: { from: { kind: "DockerImage", name: "registry:5000/ns/stream:t1" }, reference: true },
        t2: { from: { kind: "DockerImage", name: `registry:5000/ns/stream@${E3B}` }, reference: true },
      },
      existing: {},
      expected: {
        t1: { items: [{ dockerImageReference: "registry:5000/ns/stream:t1", image: "" }] },
        t2: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: "" }] },
      },
    },
  ],
  [
    "object reference to image stream tag in same stream",
    {
      stream: "registry:5000/ns/stream",
      tags: { t1: { from: { kind: "ImageStreamTag", name: "stream:other" } } },
      existing: {
        other: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
      },
      expected: {
        t1: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
        other: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
      },
    },
  ],
  [
    "tag changes and referenced tag should react",
    {
      stream: "registry:5000/ns/stream",
      previous: {
        t1: { from: { kind: "ImageStreamTag", name: "stream:other" } },
        t2: { from: { kind: "ImageStreamTag", name: "stream:t1" } },
      },
      tags: {
        t1: { from: { kind: "ImageStreamImage", name: `stream@${E3B}` } },
        t2: { from: { kind: "ImageStreamTag", name: "stream:t1" } },
      },
      existing: {
        other: {
          items: [
            { dockerImageReference: `registry:5000/ns/stream@${D293}`, image: D293 },
            { dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B },
          ],
        },
        t1: { items: [{ dockerImageReference: `registry:5000/ns/stream@${D293}`, image: D293 }] },
        t2: { items: [{ dockerImageReference: `registry:5000/ns/stream@${D293}`, image: D293 }] },
      },
      expected: {
        other: {
          items: [
            { dockerImageReference: `registry:5000/ns/stream@${D293}`, image: D293 },
            { dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B },
          ],
        },
        t1: {
          items: [
            { dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B },
            { dockerImageReference: `registry:5000/ns/stream@${D293}`, image: D293 },
          ],
        },
        t2: {
          items: [
            { dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B },
            { dockerImageReference: `registry:5000/ns/stream@${D293}`, image: D293 },
          ],
        },
      },
    },
  ],
  [
    "object reference to image stream image in same stream",
    {
      stream: "internalregistry:5000/ns/stream",
      tags: { t1: { from: { kind: "ImageStreamImage", name: `stream@${E3B}` } } },
      existing: {
        other: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
      },
      expected: {
        t1: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
        other: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
      },
    },
  ],
  [
    "object reference to image stream image in same stream (bad digest)",
    {
      stream: "internalregistry:5000/ns/stream",
      tags: { t1: { from: { kind: "ImageStreamImage", name: "stream@12345" } } },
      existing: {
        other: { items: [{ dockerImageReference: "registry:5000/ns/stream:12345", image: "12345" }] },
      },
      expected: {
        t1: { items: [{ dockerImageReference: "registry:5000/ns/stream:12345", image: "12345" }] },
        other: { items: [{ dockerImageReference: "registry:5000/ns/stream:12345", image: "12345" }] },
      },
    },
  ],
  [
    "object reference to image stream tag in different stream",
    {
      stream: "registry:5000/ns/stream",
      tags: { t1: { from: { kind: "ImageStreamTag", name: "other:other" } } },
      existing: {},
      expected: { t1: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] } },
      otherStream: {
        other: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
      },
    },
  ],
];

function runTagsChanged(c: TagsChangedCase, tagsOverride?: Record<string, Obj>): ImageStream {
  const tags = tagsOverride ?? c.tags;
  const meta = { name: "stream", namespace: "ns" };
  const next = deepFreeze({
    metadata: meta,
    spec: { tags: specList(tags) },
    status: { dockerImageRepository: c.stream, tags: statusList(c.existing) },
  } as unknown as ImageStream);
  const catalog = createCatalog({
    imageStreams: c.otherStream
      ? [
          {
            metadata: { name: "other", namespace: "ns" },
            status: { tags: statusList(c.otherStream) },
          } as ImageStream,
        ]
      : [],
  });
  const opts: ServerOptions = { now: NOW, getImageStream: catalog.getImageStream };
  if (c.previous === undefined) return createImageStreamInternal(next, opts);
  const previous = deepFreeze({
    metadata: meta,
    spec: { tags: specList(c.previous) },
    status: { dockerImageRepository: c.stream, tags: [] },
  } as unknown as ImageStream);
  return updateImageStreamInternal(previous, next, opts);
}

function expectHistory(out: ImageStream, expected: EventMap): void {
  for (const [tag, list] of Object.entries(expected)) {
    const items = itemsOf(out, tag);
    expect(
      items.map((e) => ({ dockerImageReference: e.dockerImageReference, image: e.image ?? "" })),
    ).toEqual(
      list.items.map((e) => ({ dockerImageReference: e.dockerImageReference, image: e.image ?? "" })),
    );
  }
}

describe("§8 spec tag processing: upstream TestTagsChanged", () => {
  it.each(tagsChangedCases)("R8 %s", (_name, c) => {
    const out = runTagsChanged(c);
    expectHistory(out, c.expected);
    // Upstream also checks every expected tag has history; tags without expectations get none.
    for (const tag of Object.keys(c.tags)) {
      if (!(tag in c.expected)) expect(itemsOf(out, tag)).toEqual([]);
    }
  });

  // Two cases use `@sha256:…` as a DockerImage from.name. Upstream's unit test calls tagsChanged
  // without validation; through the real write path (and ours) that name does not parse, so the
  // whole request is Invalid (R4.2.2, plus R4.1.6 for the resulting status reference).
  const noop = {
    previous: {
      t1: { from: { kind: "DockerImage", name: "v1image1" } },
      t2: { from: { kind: "DockerImage", name: `@${E3B}` } },
    },
    tags: {
      t1: { from: { kind: "DockerImage", name: "v1image1" } },
      t2: { from: { kind: "DockerImage", name: `@${E3B}` } },
    },
    existing: {
      t1: { items: [{ dockerImageReference: "registry:5000/ns/stream:v1image1", image: "v1image1" }] },
      t2: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
    },
  };
  const copies = {
    previous: {
      t1: { from: { kind: "DockerImage", name: "t1" } },
      t3: { from: { kind: "DockerImage", name: `@${E3B}` } },
    },
    tags: {
      t1: { from: { kind: "DockerImage", name: "registry:5000/ns/stream:v1image1" }, reference: true },
      t2: { from: { kind: "DockerImage", name: "registry:5000/ns/stream:v1image1" }, reference: true },
      t3: { from: { kind: "DockerImage", name: `@${E3B}` }, reference: true },
    },
    existing: {
      t1: { items: [{ dockerImageReference: "registry:5000/ns/stream:v1image1", image: "v1image1" }] },
      t3: { items: [{ dockerImageReference: `registry:5000/ns/stream@${E3B}`, image: E3B }] },
    },
  };
  it('R4.2.2 "no-op": a DockerImage from.name "@sha256:…" makes the write Invalid', () => {
    const c = { stream: "registry:5000/ns/stream", expected: {}, ...noop };
    const err = thrown(() => runTagsChanged(c)) as InvalidError;
    expect(err).toBeInstanceOf(InvalidError);
    expect(err.fieldErrors.map((e) => e.field)).toContain("spec.tags[t2].from.name");
  });
  it('R8.1 "no-op" (valid tags only): unchanged DockerImage tags leave history alone', () => {
    const c = { stream: "registry:5000/ns/stream", ...noop, expected: { t1: noop.existing.t1 } };
    const out = runTagsChanged(c, { t1: noop.tags.t1 });
    expectHistory(out, c.expected);
  });
  it('R4.2.2 "new tag copies existing history": the "@sha256:…" tag makes the write Invalid', () => {
    const c = { stream: "registry:5000/ns/stream", expected: {}, ...copies };
    const err = thrown(() => runTagsChanged(c)) as InvalidError;
    expect(err).toBeInstanceOf(InvalidError);
    expect(err.fieldErrors.map((e) => e.field)).toContain("spec.tags[t3].from.name");
  });
  it('R7.2/R8.4 "new tag copies existing history" (valid tags only): collapse on same reference, new tag added', () => {
    const c = {
      stream: "registry:5000/ns/stream",
      previous: { t1: copies.previous.t1 },
      existing: { t1: copies.existing.t1 },
      tags: { t1: copies.tags.t1, t2: copies.tags.t2 },
      expected: {
        t1: { items: [{ dockerImageReference: "registry:5000/ns/stream:v1image1", image: "" }] },
        t2: { items: [{ dockerImageReference: "registry:5000/ns/stream:v1image1", image: "" }] },
      },
    };
    expectHistory(runTagsChanged(c), c.expected);
  });
});

describe("R8.5 invalid from name: upstream TestTagVerifier", () => {
  it('R8.5 "invalid from name": a:b:c is Invalid on spec.tags[latest].from.name', () => {
    const err = thrown(() =>
      createImageStream(
        {
          metadata: { namespace: "namespace", name: "stream" },
          spec: {
            tags: [{ name: "latest", from: { kind: "ImageStreamTag", namespace: "otherns", name: "a:b:c" } }],
          },
        } as ImageStream,
        { now: NOW },
      ),
    ) as InvalidError;
    expect(err).toBeInstanceOf(InvalidError);
    expect(err.fieldErrors).toContainEqual({
      type: "FieldValueInvalid",
      field: "spec.tags[latest].from.name",
      value: "a:b:c",
      detail: "must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>",
    });
  });
});

describe("R8.6/R8.7 cross-stream ImageStreamTag source: origin TestCreateImageStreamSpecTagsFromSet, TestUpdateImageStreamSpecTagsFromSet", () => {
  // "sar denied" is authorization (R8.13), not modelled; the allowed case is a plain resolution.
  const cases: [string, string, string][] = [
    ["same namespace (blank), no sar", "", "default"],
    ["same namespace (set), no sar", "default", "default"],
    ["different namespace, sar allowed", "otherns", "otherns"],
  ];
  function other(ns: string): ImageStream {
    return {
      metadata: { name: "other", namespace: ns },
      status: { tags: [{ tag: "latest", items: [{ dockerImageReference: `${ns}/other:latest` }] }] },
    } as unknown as ImageStream;
  }
  const foo = (fromNs: string) =>
    ({
      metadata: { name: "foo", namespace: "default" },
      spec: {
        tags: [
          {
            name: "other",
            from: { kind: "ImageStreamTag", name: "other:latest", ...(fromNs ? { namespace: fromNs } : {}) },
          },
        ],
      },
    }) as unknown as ImageStream;
  it.each(cases)("R8.7 create: %s", (_name, fromNs, otherNs) => {
    const catalog = createCatalog({ imageStreams: [other(otherNs)] });
    const out = createImageStream(deepFreeze(foo(fromNs)), { now: NOW, ...catalog });
    expect(itemsOf(out, "other")[0]?.dockerImageReference).toBe(`${otherNs}/other:latest`);
  });
  it.each(cases)("R8.7 update: %s", (_name, fromNs, otherNs) => {
    const catalog = createCatalog({ imageStreams: [other(otherNs)] });
    const old = deepFreeze({
      metadata: { name: "foo", namespace: "default", resourceVersion: "1" },
    } as ImageStream);
    const out = updateImageStream(old, deepFreeze(foo(fromNs)), { now: NOW, ...catalog });
    expect(itemsOf(out, "other")[0]?.dockerImageReference).toBe(`${otherNs}/other:latest`);
  });
  it("R6.1 origin TestCreateImageStreamOK: a bare stream has no spec repository", () => {
    const out = createImageStream({ metadata: { name: "foo", namespace: "default" } } as ImageStream, {
      now: NOW,
    });
    expect(out.metadata?.name).toBe("foo");
    expect(out.spec?.dockerImageRepository ?? "").toBe("");
    expect(out.status?.dockerImageRepository).toBe("");
  });
});

// ---------------------------------------------------------------------------------------------

describe("§10 applyImageStreamMapping: upstream imagestreammapping/rest_test.go", () => {
  const REGISTRY = "defaultregistry:5000";
  const testImageID = "sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4";
  const config = {
    Cmd: ["ls", "/"],
    Env: ["a=1"],
    ExposedPorts: { "1234/tcp": {} },
    Memory: 1234,
    CPUShares: 99,
    WorkingDir: "/workingDir",
  };
  const validNewMappingWithName = (): ImageStreamMapping =>
    ({
      metadata: { namespace: "default", name: "somerepo" },
      image: {
        metadata: { name: testImageID, annotations: { "openshift.io/image.managed": "true" } },
        dockerImageReference: `localhost:5000/default/somerepo@${testImageID}`,
        dockerImageMetadata: { Config: config },
      },
      tag: "latest",
    }) as unknown as ImageStreamMapping;
  const opts = (images: Image[] = []): ServerOptions => ({
    now: NOW,
    internalRegistryHostname: REGISTRY,
    ...createCatalog({ images }),
  });

  it("R10.2 TestCreateImageStreamNotFoundWithName: NotFound imagestreams somerepo", () => {
    const err = thrown(() =>
      applyImageStreamMapping(undefined, deepFreeze(validNewMappingWithName()), opts()),
    );
    expect(err).toBeInstanceOf(NotFoundError);
    const status = (err as NotFoundError).toStatus();
    expect(status.code).toBe(404);
    expect(status.details?.kind).toBe("imagestreams");
    expect(status.details?.name).toBe("somerepo");
  });

  it("R10.3/R10.5 TestCreateSuccessWithName: the image is created and tagged", () => {
    const mapping = deepFreeze(validNewMappingWithName());
    const is = deepFreeze({ metadata: { namespace: "default", name: "somerepo" } } as ImageStream);
    const { stream, image, imageCreated } = applyImageStreamMapping(is, mapping, opts());
    expect(imageCreated).toBe(true);
    expect(image.dockerImageReference).toBe(mapping.image.dockerImageReference);
    expect((image as Obj).dockerImageMetadata).toEqual((mapping.image as Obj).dockerImageMetadata);
    expect(itemsOf(stream, "latest")[0]?.image).toBe(testImageID);
    // R10.4: the image did not exist, so the event keeps the image's own reference.
    expect(itemsOf(stream, "latest")[0]?.dockerImageReference).toBe(
      `localhost:5000/default/somerepo@${testImageID}`,
    );
  });

  const imageID = "sha256:8d812da98d6dd61620343f1a5bf6585b34ad6ed16e5c5f7c7216a525d6aeb772";

  it("R10.3/R10.4 TestAddExistingImageWithNewTag: an existing unmanaged image keeps its reference", () => {
    const existingRepo = deepFreeze({
      metadata: { name: "somerepo", namespace: "default" },
      spec: { dockerImageRepository: "localhost:5000/default/somerepo" },
      status: {
        tags: [
          {
            tag: "existingTag",
            items: [{ dockerImageReference: `localhost:5000/somens/somerepo@${imageID}` }],
          },
        ],
      },
    } as unknown as ImageStream);
    const existingImage = {
      metadata: { name: imageID },
      dockerImageReference: `localhost:5000/somens/somerepo@${imageID}`,
      dockerImageMetadata: { Config: config },
    } as unknown as Image;
    const mapping = deepFreeze({
      metadata: { name: "somerepo", namespace: "default" },
      image: existingImage,
      tag: "latest",
    } as unknown as ImageStreamMapping);
    const { stream, image, imageCreated } = applyImageStreamMapping(
      existingRepo,
      mapping,
      opts([existingImage]),
    );
    expect(imageCreated).toBe(false);
    expect(image.dockerImageReference).toBe(mapping.image.dockerImageReference);
    expect((image as Obj).dockerImageMetadata).toEqual((mapping.image as Obj).dockerImageMetadata);
    expect(itemsOf(stream, "latest")[0]?.image).toBe(imageID);
    expect(latestTaggedImage(stream, "latest")?.dockerImageReference).toBe(image.dockerImageReference);
    expect(resolveLatestTaggedImage(stream, "latest")).toBe(image.dockerImageReference);
  });

  it("R10.4 TestAddExistingImageOverridingDockerImageReference: a managed existing image is referenced through the stream", () => {
    const newRepo = deepFreeze({
      metadata: { namespace: "default", name: "newrepo" },
      spec: { dockerImageRepository: "localhost:5000/default/newrepo" },
      status: { dockerImageRepository: "localhost:5000/default/newrepo" },
    } as unknown as ImageStream);
    const existingImage = {
      metadata: { name: imageID, annotations: { "openshift.io/image.managed": "true" } },
      dockerImageReference: `localhost:5000/someproject/somerepo@${imageID}`,
      dockerImageMetadata: { Config: config },
    } as unknown as Image;
    const mapping = deepFreeze({
      metadata: { name: "newrepo", namespace: "default" },
      image: existingImage,
      tag: "latest",
    } as unknown as ImageStreamMapping);
    const { stream, image } = applyImageStreamMapping(newRepo, mapping, opts([existingImage]));
    expect(image.dockerImageReference).toBe(mapping.image.dockerImageReference);
    expect(itemsOf(stream, "latest")[0]?.image).toBe(imageID);
    const event = latestTaggedImage(stream, "latest");
    expect(event?.dockerImageReference).toBe(`${REGISTRY}/default/newrepo@${imageID}`);
    expect(event?.dockerImageReference).not.toBe(image.dockerImageReference);
    expect(resolveLatestTaggedImage(stream, "latest")).toBe(`${REGISTRY}/default/newrepo@${imageID}`);
  });

  it("R4.3 TestAddExistingImageAndTag: a mapping without name and repository is Invalid", () => {
    const existingRepo = deepFreeze({
      metadata: { name: "somerepo", namespace: "default" },
      spec: { dockerImageRepository: "localhost:5000/someproject/somerepo" },
      status: { tags: [{ tag: "existingTag", items: [{ dockerImageReference: "existingImage" }] }] },
    } as unknown as ImageStream);
    const existingImage = {
      metadata: { name: "existingImage", namespace: "default" },
      dockerImageReference: `localhost:5000/someproject/somerepo@${testImageID}`,
      dockerImageMetadata: { Config: config },
    } as unknown as Image;
    // The REST layer fills the namespace from the request (default).
    const mapping = deepFreeze({
      metadata: { namespace: "default" },
      image: existingImage,
      tag: "existingTag",
    } as unknown as ImageStreamMapping);
    const err = thrown(() => applyImageStreamMapping(existingRepo, mapping, opts([existingImage])));
    expect(err).toBeInstanceOf(InvalidError);
    expect((err as InvalidError).reason).toBe("Invalid");
  });

  it("R10.6/R8.10 TestTrackingTags: tags tracking the mapped tag follow, others do not", () => {
    const is = deepFreeze({
      metadata: { namespace: "default", name: "stream" },
      spec: {
        tags: [
          { name: "tracking", from: { kind: "ImageStreamTag", name: "2.0" } },
          { name: "tracking2", from: { kind: "ImageStreamTag", name: "2.0" } },
        ],
      },
      status: {
        tags: statusList({
          tracking: { items: [{ dockerImageReference: "foo/bar@sha256:1234", image: "1234" }] },
          nontracking: { items: [{ dockerImageReference: "bar/baz@sha256:9999", image: "9999" }] },
          "2.0": { items: [{ dockerImageReference: "foo/bar@sha256:1234", image: "1234" }] },
        }),
      },
    } as unknown as ImageStream);
    const image = {
      metadata: { name: "sha256:503c75e8121369581e5e5abe57b5a3f12db859052b217a8ea16eb86f4b5561a1" },
      dockerImageReference: "foo/bar@sha256:503c75e8121369581e5e5abe57b5a3f12db859052b217a8ea16eb86f4b5561a1",
    } as unknown as Image;
    const mapping = deepFreeze({
      metadata: { namespace: "default", name: "stream" },
      image,
      tag: "2.0",
    } as unknown as ImageStreamMapping);
    const { stream } = applyImageStreamMapping(is, mapping, opts());
    for (const tag of ["tracking", "tracking2"]) {
      const ev = latestTaggedImage(stream, tag);
      expect(ev?.dockerImageReference).toBe(image.dockerImageReference);
      expect(ev?.image).toBe(image.metadata?.name);
    }
    const nonTracking = latestTaggedImage(stream, "nontracking");
    expect(nonTracking?.dockerImageReference).toBe("bar/baz@sha256:9999");
    expect(nonTracking?.image).toBe("9999");
  });
});

// ---------------------------------------------------------------------------------------------

describe("§13 ImageStreamTag: upstream imagestreamtag/rest_test.go", () => {
  const opts = (images: Image[] = []): ServerOptions => ({
    now: NOW,
    internalRegistryHostname: "defaultregistry:5000",
    ...createCatalog({ images }),
  });
  const image10 = { metadata: { name: "10" }, dockerImageReference: "foo/bar/baz" } as unknown as Image;

  it('R13.2 TestGetImageStreamTag "happy path": spec tag annotations overlay the image, created = event created', () => {
    const repo = deepFreeze({
      metadata: { namespace: "default", name: "test" },
      spec: { tags: [{ name: "latest", annotations: { color: "blue", size: "large" } }] },
      status: {
        tags: [
          {
            tag: "latest",
            items: [{ created: "2015-03-24T09:38:00Z", dockerImageReference: "test", image: "10" }],
          },
        ],
      },
    } as unknown as ImageStream);
    const istag = getImageStreamTag(repo, "latest", opts([image10]));
    expect(istag.metadata?.namespace).toBe("default");
    expect(istag.metadata?.name).toBe("test:latest");
    expect(istag.image?.metadata?.annotations).toEqual({ size: "large", color: "blue" });
    expect(istag.metadata?.creationTimestamp).toBe("2015-03-24T09:38:00Z");
  });

  const notFound: [string, ImageStream | undefined, string, string][] = [
    [
      "image = ''",
      {
        metadata: { name: "test" },
        status: { tags: [{ tag: "latest", items: [{ dockerImageReference: "test", image: "" }] }] },
      } as unknown as ImageStream,
      "imagestreamtags",
      "test:latest",
    ],
    [
      "missing image",
      {
        status: { tags: [{ tag: "latest", items: [{ dockerImageReference: "test", image: "10" }] }] },
      } as unknown as ImageStream,
      "images",
      "10",
    ],
    [
      "missing tag",
      {
        metadata: { name: "test" },
        status: { tags: [{ tag: "other", items: [{ dockerImageReference: "test", image: "10" }] }] },
      } as unknown as ImageStream,
      "imagestreamtags",
      "test:latest",
    ],
  ];
  it.each(notFound)("R13.1 TestGetImageStreamTag %j: NotFound", (name, repo, kind, id) => {
    const images = name === "missing tag" ? [image10] : [];
    const err = thrown(() => getImageStreamTag(deepFreeze(repo as ImageStream), "latest", opts(images)));
    expect(err).toBeInstanceOf(NotFoundError);
    const status = (err as NotFoundError).toStatus();
    expect(status.details?.kind).toBe(kind);
    expect(status.details?.name).toBe(id);
  });
  it('R13.1 TestGetImageStreamTag "missing repo": NotFound imagestreams naming the stream', () => {
    // upstream Get("test:latest") reads the stream "test" first
    const err = thrown(() => getImageStreamTag(undefined, "test:latest", opts()));
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).toStatus().details).toMatchObject({ kind: "imagestreams", name: "test" });
    expect((err as NotFoundError).message).toBe('imagestreams.image.openshift.io "test" not found');
  });

  it("R13.2 TestGetImageStreamTagDIR: image.dockerImageReference is the event's reference, not the Image's", () => {
    const image = {
      metadata: { name: "10" },
      dockerImageReference: "foo/bar/baz:different",
    } as unknown as Image;
    const repo = deepFreeze({
      metadata: { namespace: "default", name: "test" },
      status: {
        tags: [
          {
            tag: "latest",
            items: [
              { created: "2015-03-24T09:38:00Z", dockerImageReference: "foo/bar/baz:latest", image: "10" },
            ],
          },
        ],
      },
    } as unknown as ImageStream);
    expect(getImageStreamTag(repo, "latest", opts([image])).image?.dockerImageReference).toBe(
      "foo/bar/baz:latest",
    );
  });

  describe("R9.3 deleteImageStreamTag: upstream TestDeleteImageStreamTag", () => {
    const ev2 = {
      dockerImageReference:
        "registry.default.local/default/test@sha256:381151ac5b7f775e8371e489f3479b84a4c004c90ceddb2ad80b6877215a892f",
      image: "sha256:381151ac5b7f775e8371e489f3479b84a4c004c90ceddb2ad80b6877215a892f",
      generation: 2,
    };
    const errors: [string, ImageStream | undefined][] = [
      ["repo not found", undefined],
      ["nil tag map", { metadata: { namespace: "default", name: "test" } } as ImageStream],
      [
        "missing tag",
        {
          metadata: { namespace: "default", name: "test" },
          spec: { tags: [{ name: "other", from: { kind: "ImageStreamTag", name: "test:foo" } }] },
        } as unknown as ImageStream,
      ],
    ];
    it.each(errors)("R9.3 %s: NotFound", (_name, repo) => {
      const err = thrown(() => deleteImageStreamTag(deepFreeze(repo), "test:latest", opts()));
      expect(err).toBeInstanceOf(NotFoundError);
    });
    it("R9.3 happy path: spec and status tag removed, generation 2 → 3, legacy tag generation 3", () => {
      const repo = deepFreeze({
        metadata: { namespace: "default", name: "test", generation: 2 },
        spec: {
          tags: [
            { name: "another", from: { kind: "ImageStreamTag", name: "test:foo" } },
            { name: "latest", from: { kind: "ImageStreamTag", name: "test:bar" } },
          ],
        },
        status: {
          dockerImageRepository: "registry.default.local/default/test",
          tags: statusList({
            another: { items: [ev2] },
            foo: { items: [ev2] },
            latest: { items: [ev2] },
            bar: { items: [ev2] },
          }),
        },
      } as unknown as ImageStream);
      const out = deleteImageStreamTag(repo, "latest", opts());
      expect(out.metadata?.generation).toBe(3);
      expect(statusMap(out)).toEqual({
        another: { items: [ev2] },
        foo: { items: [ev2] },
        bar: { items: [ev2] },
      });
      expect(out.spec?.tags?.map((t) => t.name)).toEqual(["another"]);
      const another = specTag(out, "another");
      expect(another?.from).toEqual({ kind: "ImageStreamTag", name: "test:foo" });
      expect(another?.generation).toBe(3);
      expect(another?.referencePolicy).toEqual({ type: "Source" });
    });
  });

  describe("R13.4 createImageStreamTag: upstream TestCreateImageStreamTag", () => {
    const target = () =>
      deepFreeze({
        metadata: { creationTimestamp: "2015-03-24T09:38:00Z", namespace: "default", name: "test" },
        spec: { tags: [] },
      } as unknown as ImageStream);
    it('R13.4 "valid istag": the request tag becomes spec tag "tag"', () => {
      const istag = deepFreeze({
        metadata: { namespace: "default", name: "test:tag" },
        image: { metadata: { name: "10" }, dockerImageReference: "foo/bar/baz" },
        tag: {
          name: "latest",
          from: { kind: "DockerImage", name: "foo/bar/baz" },
          referencePolicy: { type: "Source" },
        },
      } as unknown as ImageStreamTag);
      const { stream } = createImageStreamTag(target(), istag, opts());
      expect(specTag(stream, "tag")?.from).toEqual({ kind: "DockerImage", name: "foo/bar/baz" });
    });
    it('R13.4 "invalid tag": tag {} — upstream Invalid (ImageStreamTag "test:tag"), v1 defaulting makes it valid', () => {
      // Upstream's test passes an internal object whose empty referencePolicy.type fails R4.2.5.
      // A v1 request is defaulted first (empty type → Source, R4.2.5 / semantics-notes), so the same
      // request through the API, and here, succeeds with a spec tag without `from`.
      const istag = deepFreeze({
        metadata: { namespace: "default", name: "test:tag" },
        image: { metadata: { name: "10" }, dockerImageReference: "foo/bar/baz" },
        tag: {},
      } as unknown as ImageStreamTag);
      const { stream } = createImageStreamTag(target(), istag, opts());
      expect(specTag(stream, "tag")).toBeDefined();
      expect(specTag(stream, "tag")?.from).toBeUndefined();
      // An invalid type is still the upstream Invalid error on kind ImageStreamTag, name test:tag.
      const bad = deepFreeze({
        ...istag,
        tag: { referencePolicy: { type: "Bogus" } },
      } as unknown as ImageStreamTag);
      const err = thrown(() => createImageStreamTag(target(), bad, opts())) as ImageStreamError;
      expect(err).toBeInstanceOf(InvalidError);
      expect(err.toStatus().details?.kind).toBe("ImageStreamTag");
      expect(err.toStatus().details?.name).toBe("test:tag");
    });
    it('R13.4 "nil tag": succeeds without adding a spec tag', () => {
      const istag = deepFreeze({
        metadata: { namespace: "default", name: "test:tag" },
        image: { metadata: { name: "10" }, dockerImageReference: "foo/bar/baz" },
      } as unknown as ImageStreamTag);
      const { stream, imageStreamTag } = createImageStreamTag(target(), istag, opts());
      expect(specTag(stream, "tag")).toBeUndefined();
      expect(imageStreamTag.metadata?.name).toBe("test:tag");
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe("R13.6 getImageStreamImage: upstream imagestreamimage/rest_test.go TestGet", () => {
  it.each([
    ["empty string", ""],
    ["one part", "a"],
    ["more than 2 parts", "a@b@c"],
    ["empty name part", "@id"],
    ["empty id part", "name@"],
  ])("R2.5 %s: the name %j is rejected", (_name, input) => {
    expect(() => parseImageStreamImageName(input)).toThrow(ImageStreamError);
  });
  it("R2.5 valid input repo@id", () => {
    expect(parseImageStreamImageName("repo@id")).toEqual({ name: "repo", id: "id" });
  });
  const image = {
    metadata: { name: "id" },
    dockerImageManifest: UBUNTU_SCHEMA1_MANIFEST,
  } as unknown as Image;
  const opts = { ...createCatalog({ images: [image] }) };
  it.each([
    ["repo not found", undefined],
    ["nil tags", { metadata: { name: "repo", namespace: "ns" } } as ImageStream],
    [
      "image not found",
      {
        metadata: { name: "repo", namespace: "ns" },
        status: { tags: [{ tag: "latest", items: [{ image: "anotherid" }] }] },
      } as unknown as ImageStream,
    ],
  ])("R13.6 %s: NotFound", (_name, repo) => {
    const err = thrown(() => getImageStreamImage(deepFreeze(repo), "repo@id", opts));
    expect(err).toBeInstanceOf(NotFoundError);
  });
  it("R13.6 happy path: name repo@id in namespace ns, manifest blanked", () => {
    const repo = deepFreeze({
      metadata: { namespace: "ns", name: "repo" },
      status: {
        tags: [{ tag: "latest", items: [{ image: "anotherid" }, { image: "anotherid2" }, { image: "id" }] }],
      },
    } as unknown as ImageStream);
    const isimage = getImageStreamImage(repo, "id", opts);
    expect(isimage.metadata?.namespace).toBe("ns");
    expect(isimage.metadata?.name).toBe("repo@id");
    expect(isimage.image?.metadata?.name).toBe("id");
    expect((isimage.image as Obj).dockerImageManifest).toBeUndefined();
    // expectedImageMetadataID / expectedConfigHostname of the upstream row
    expect(isimage.image?.dockerImageMetadata?.Id).toBe(
      "2d24f826cb16146e2016ff349a8a33ed5830f3b938d45c0f82943f4ab8c097e7",
    );
    expect(isimage.image?.dockerImageMetadata?.ContainerConfig?.Hostname).toBe("43bd710ec89a");
  });
});

// ---------------------------------------------------------------------------------------------

describe("§10/§13 origin test/extended/images: TestImageStreamMappingCreate, TestImageStreamWithoutDockerImageConfig", () => {
  const HOST = "image-registry.openshift-image-registry.svc:5000";
  const mapping = (tag: string, image: Obj) =>
    deepFreeze({ metadata: { name: "test", namespace: "ns" }, tag, image } as unknown as ImageStreamMapping);

  it("R10.3/R10.4/R10.6/R13.2/R13.5 TestImageStreamMappingCreate", () => {
    const base = { now: NOW, internalRegistryHostname: HOST };
    let catalog = createCatalog({});
    let is = createImageStream(
      deepFreeze({ metadata: { name: "test", namespace: "ns" } } as ImageStream),
      base,
    );
    expect(is.metadata?.name).toBe("test");

    // a mapping to an image that does not exist: the image is created
    const m1 = mapping("newer", { metadata: { name: "image1" }, dockerImageReference: "some/other/name" });
    const r1 = applyImageStreamMapping(is, m1, { ...base, ...catalog });
    expect(r1.imageCreated).toBe(true);
    catalog = catalog.withImage(r1.image);
    is = deepFreeze(r1.stream);
    // tagging a second time with the same data changes nothing
    const r2 = applyImageStreamMapping(is, m1, { ...base, ...catalog });
    expect(r2.imageCreated).toBe(false);
    expect(r2.stream).toBe(is);

    // an image created directly, reusing the reference
    const image2 = deepFreeze({
      metadata: { name: "image2" },
      dockerImageReference: "some/other/name",
      dockerImageMetadata: { Config: { Env: ["A=B"] } },
    } as unknown as Image);
    catalog = catalog.withImage(image2);
    // a mapping cannot mutate an existing image; its own reference goes into the event
    const r3 = applyImageStreamMapping(
      is,
      mapping("newest", { ...(image2 as Obj), dockerImageReference: "different" }),
      { ...base, ...catalog },
    );
    expect(r3.imageCreated).toBe(false);
    expect(r3.image).toBe(image2);
    expect(r3.image.dockerImageReference).toBe("some/other/name");
    is = deepFreeze(r3.stream);
    expect(is.spec?.tags ?? []).toEqual([]);
    const opts = { ...base, ...catalog };
    const newer = getImageStreamTag(is, "newer", opts);
    expect(newer.metadata?.name).toBe("test:newer");
    expect(newer.image?.dockerImageReference).toBe("some/other/name");
    const newest = getImageStreamTag(is, "newest", opts);
    expect(newest.metadata?.name).toBe("test:newest");
    expect(newest.image?.dockerImageReference).toBe("different");
    expect(newest.image?.metadata?.name).toBe("image2");

    // the same image under another tag
    is = deepFreeze(applyImageStreamMapping(is, mapping("anothertag", image2 as Obj), opts).stream);
    expect(is.spec?.tags ?? []).toEqual([]);
    const nf = thrown(() => getImageStreamTag(is, "doesnotexist", opts));
    expect(nf).toBeInstanceOf(NotFoundError);
    expect(getImageStreamTag(is, "newer", opts).image?.dockerImageReference).toBe("some/other/name");
    expect(getImageStreamTag(is, "newest", opts).image?.dockerImageReference).toBe("different");
    const another = getImageStreamTag(is, "anothertag", opts);
    expect(another.metadata?.name).toBe("test:anothertag");
    expect(another.image?.dockerImageReference).toBe("some/other/name");

    // an update with a stale resourceVersion conflicts; the current one creates the tag
    is = deepFreeze({ ...is, metadata: { ...is.metadata, resourceVersion: "7" } } as ImageStream);
    const brandnew = (resourceVersion: string) =>
      deepFreeze({
        metadata: { namespace: "ns", name: "test:brandnew", resourceVersion },
        tag: { from: { kind: "ImageStreamTag", name: "newest" } },
      } as unknown as ImageStreamTag);
    expect(thrown(() => updateImageStreamTag(is, brandnew("70"), opts))).toBeInstanceOf(ConflictError);
    const { imageStreamTag, created } = updateImageStreamTag(is, brandnew("7"), opts);
    expect(created).toBe(true);
    expect(imageStreamTag.metadata?.name).toBe("test:brandnew");
    expect((imageStreamTag.tag as Obj | null)?.from).toMatchObject({ name: "newest" });
    expect(imageStreamTag.image?.metadata?.name).toBe("image2");
  });

  it("R13.2/R13.6 TestImageStreamWithoutDockerImageConfig: istag and isimage blank the config", () => {
    // BaseImageWith1LayerDigest of upstream's testutil; any digest plays the same role.
    const digest = "sha256:77371f61c054608a4bb1a96b99f9be69f0868340f5c924ecd8813172f7cf853d";
    const config = JSON.stringify({ Hostname: "example.com", Env: ["A=B"] });
    const base = { now: NOW, internalRegistryHostname: HOST };
    const is = createImageStream(
      deepFreeze({ metadata: { name: "test", namespace: "ns" } } as ImageStream),
      base,
    );
    const { stream, image, imageCreated } = applyImageStreamMapping(
      is,
      mapping("newer", {
        metadata: { name: digest },
        dockerImageMetadata: { Config: { Hostname: "example.com", Env: ["A=B"] } },
        dockerImageConfig: config,
        dockerImageReference: "some/namespace/name",
      }),
      base,
    );
    expect(imageCreated).toBe(true);
    expect(image.metadata?.name).toBe(digest);
    expect((image as Obj).dockerImageConfig).toBe(config);
    const opts = { ...base, ...createCatalog({ images: [image] }) };
    const ist = getImageStreamTag(stream, "newer", opts);
    expect(ist.image?.metadata?.name).toBe(digest);
    expect((ist.image as Obj).dockerImageConfig ?? "").toBe("");
    const isi = getImageStreamImage(stream, digest, opts);
    expect(isi.image?.metadata?.name).toBe(digest);
    expect((isi.image as Obj).dockerImageConfig ?? "").toBe("");
  });
});
