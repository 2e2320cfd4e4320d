import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.js";
import type { ImageStream, TagReference } from "../../src/model/index.js";
import { aliasTargets, followTagReference, walkTagReference } from "../../src/resolve/follow.js";
import { latestTaggedImage, resolveLatestTaggedImage, tagHistory } from "../../src/resolve/latest.js";
import {
  resolveNewestPullSpecForTag,
  resolvePullSpecForTag,
  resolveRecentPullSpecForTag,
} from "../../src/resolve/pull-spec.js";
import { sortStatusTags } from "../../src/resolve/sort-status-tags.js";
import { deepFreeze } from "../support/freeze.js";

const SHA_A = "sha256:4746300a8e5e0a2e4bdaa5a65b2b5d1a1a1f4b8d8a3b7c0d7e2b3c1f4a5b6c7d";
const SHA_B = "sha256:909de62bd64d6a2e0e9b41d4a4c0a8e8a1f0b1c2d3e4f5a6b7c8d9e0f1a2b3c4";

const ev = (ref: string, image = "", generation = 1, created = "2016-01-29T13:40:11Z") => ({
  created,
  dockerImageReference: ref,
  image,
  generation,
});

const stream: ImageStream = deepFreeze({
  metadata: { name: "ruby", namespace: "test" },
  spec: {
    tags: [
      { name: "local", referencePolicy: { type: "Local" }, from: { kind: "DockerImage", name: "x/y:1" } },
      { name: "source", referencePolicy: { type: "Source" }, from: { kind: "DockerImage", name: "x/y:2" } },
    ],
  },
  status: {
    dockerImageRepository: "registry:5000/test/ruby",
    tags: [
      {
        tag: "latest",
        items: [
          ev(`registry:5000/test/ruby@${SHA_B}`, SHA_B, 2),
          ev(`registry:5000/test/ruby@${SHA_A}`, SHA_A),
        ],
      },
      { tag: "local", items: [ev("x/y:1", SHA_A)] },
      { tag: "source", items: [ev("x/y:2", SHA_A)] },
      { tag: "empty", items: [] },
      { tag: "latest", items: [ev("shadowed")] },
    ],
  },
});

describe("R12.1 latestTaggedImage", () => {
  it("R12.1 returns items[0] of the first status entry", () => {
    expect(latestTaggedImage(stream, "latest")?.image).toBe(SHA_B);
  });
  it("R12.1 empty tag means latest", () => {
    expect(latestTaggedImage(stream, "")?.image).toBe(SHA_B);
  });
  it("R12.1 nothing for a tag without status or without items; spec tags are not consulted", () => {
    expect(latestTaggedImage(stream, "empty")).toBeUndefined();
    expect(latestTaggedImage(stream, "missing")).toBeUndefined();
    expect(latestTaggedImage({ spec: { tags: [{ name: "latest" }] } }, "latest")).toBeUndefined();
  });
  it("R12.1 tolerates malformed streams", () => {
    expect(latestTaggedImage({} as ImageStream, "latest")).toBeUndefined();
    expect(latestTaggedImage(null as unknown as ImageStream, "latest")).toBeUndefined();
    expect(latestTaggedImage({ status: { tags: "x" } } as unknown as ImageStream, "latest")).toBeUndefined();
    expect(
      latestTaggedImage(
        { status: { tags: [null, { tag: "latest", items: [null] }] } } as unknown as ImageStream,
        "latest",
      ),
    ).toBeUndefined();
  });
});

describe("R12.2 resolveLatestTaggedImage", () => {
  it("R12.2 no latest event → undefined", () => {
    expect(resolveLatestTaggedImage(stream, "empty")).toBeUndefined();
  });
  it("R12.2 no spec tag → the event's dockerImageReference", () => {
    expect(resolveLatestTaggedImage(stream, "")).toBe(`registry:5000/test/ruby@${SHA_B}`);
  });
  it("R12.2 spec tag with Local policy → <status.dockerImageRepository>@<image> (R12.3)", () => {
    expect(resolveLatestTaggedImage(stream, "local")).toBe(`registry:5000/test/ruby@${SHA_A}`);
  });
  it("R12.2 spec tag with Source policy → the event's reference", () => {
    expect(resolveLatestTaggedImage(stream, "source")).toBe("x/y:2");
  });
});

describe("tagHistory", () => {
  it("returns the items newest first, as a copy", () => {
    const h = tagHistory(stream, "latest");
    expect(h.map((e) => e.image)).toEqual([SHA_B, SHA_A]);
    expect(h).not.toBe(stream.status?.tags?.[0]?.items);
    expect(tagHistory(stream, "")).toEqual(h);
  });
  it("returns an empty array when the tag has no status", () => {
    expect(tagHistory(stream, "nope")).toEqual([]);
    expect(tagHistory({}, "latest")).toEqual([]);
  });
});

// library-go pkg/image/imageutil/helpers_test.go TestResolvePullSpecForTag
describe("R12.4 resolvePullSpecForTag", () => {
  const base = { metadata: { name: "stream1", namespace: "test" } };
  const repo = "registry.test.svc/test/stream1";
  const pub = "registry.test.public/test/stream1";
  const withSpec = (tag: Partial<TagReference>, items: ReturnType<typeof ev>[] = []): ImageStream =>
    deepFreeze({
      ...base,
      spec: { tags: [{ name: "1", ...tag }] },
      status: { dockerImageRepository: repo, tags: items.length > 0 ? [{ tag: "1", items }] : [] },
    });
  const dockerSource = {
    referencePolicy: { type: "Source" },
    from: { kind: "DockerImage", name: "quay.io/test/first:tag" },
  } as const;

  it("R12.4 empty tag, no repository → BadRequest 'no image repository has been set on the image stream status'", () => {
    const call = () => resolvePullSpecForTag(deepFreeze({ ...base }), "empty", {});
    expect(call).toThrow(BadRequestError);
    expect(call).toThrow("no image repository has been set on the image stream status");
  });
  it("R12.4 empty tag → <internal repo>:<tag>, isTagEmpty", () => {
    const s = deepFreeze({ ...base, status: { dockerImageRepository: repo } });
    expect(resolvePullSpecForTag(s, "empty", {})).toEqual({
      pullSpec: `${repo}:empty`,
      hasNewer: false,
      hasStatus: false,
      isTagEmpty: true,
    });
    expect(resolvePullSpecForTag(s, "empty", { defaultExternal: true }).pullSpec).toBe(`${repo}:empty`);
  });
  it("R12.4 defaultExternal uses the public repository when set", () => {
    const s = deepFreeze({
      ...base,
      status: { dockerImageRepository: repo, publicDockerImageRepository: pub },
    });
    expect(resolvePullSpecForTag(s, "empty", { defaultExternal: true }).pullSpec).toBe(`${pub}:empty`);
    expect(resolvePullSpecForTag(s, "empty", { defaultExternal: false }).pullSpec).toBe(`${repo}:empty`);
    // only the public one: without defaultExternal there is no repository
    const onlyPublic = deepFreeze({ ...base, status: { publicDockerImageRepository: pub } });
    expect(() => resolvePullSpecForTag(onlyPublic, "x")).toThrow("no image repository has been set");
    expect(resolvePullSpecForTag(onlyPublic, "x", { defaultExternal: true }).pullSpec).toBe(`${pub}:x`);
  });
  it("R12.4 empty tag name means latest", () => {
    const s = deepFreeze({ ...base, status: { dockerImageRepository: repo } });
    expect(resolvePullSpecForTag(s, "").pullSpec).toBe(`${repo}:latest`);
  });
  it("R12.4 spec tag without from, or an ImageStreamTag / Local DockerImage tag with no status → isTagEmpty", () => {
    for (const tag of [
      { referencePolicy: { type: "Source" } },
      { referencePolicy: { type: "Source" }, from: { kind: "ImageStreamTag", name: "other" } },
      { referencePolicy: { type: "Local" }, from: { kind: "ImageStreamTag", name: "test" } },
      { referencePolicy: { type: "Local" }, from: { kind: "DockerImage", name: "quay.io/test/first:tag" } },
    ] as const) {
      expect(resolvePullSpecForTag(withSpec(tag), "1", {})).toEqual({
        pullSpec: `${repo}:1`,
        hasNewer: false,
        hasStatus: false,
        isTagEmpty: true,
      });
    }
  });
  it("R12.4 DockerImage spec tag with Source policy and no status → from.name", () => {
    expect(resolvePullSpecForTag(withSpec(dockerSource), "1", {})).toEqual({
      pullSpec: "quay.io/test/first:tag",
      hasNewer: false,
      hasStatus: false,
      isTagEmpty: false,
    });
  });
  it("R12.4 hasSpecTagRef needs the policy to be exactly Source (no defaulting here)", () => {
    const s = withSpec({ from: { kind: "DockerImage", name: "quay.io/test/first:tag" } });
    expect(resolvePullSpecForTag(s, "1").isTagEmpty).toBe(true);
  });
  it("R12.4 newer spec generation, not requireLatest → the older event with hasNewer", () => {
    const s = withSpec({ ...dockerSource, generation: 5 }, [ev("quay.io/test/first:older", "", 4)]);
    expect(resolvePullSpecForTag(s, "1", {})).toEqual({
      pullSpec: "quay.io/test/first:older",
      hasNewer: true,
      hasStatus: true,
      isTagEmpty: false,
    });
    expect(resolveRecentPullSpecForTag(s, "1").hasNewer).toBe(true);
  });
  it("R12.4 newer spec generation, requireLatest, DockerImage/Source spec tag → from.name without status", () => {
    const s = withSpec({ ...dockerSource, generation: 5 }, [ev("quay.io/test/first:older", "", 4)]);
    expect(resolvePullSpecForTag(s, "1", { requireLatest: true })).toEqual({
      pullSpec: "quay.io/test/first:tag",
      hasNewer: false,
      hasStatus: false,
      isTagEmpty: false,
    });
    expect(resolveNewestPullSpecForTag(s, "1").pullSpec).toBe("quay.io/test/first:tag");
  });
  it("R12.4 newer spec generation, requireLatest, other spec tag → BadRequest 'the pull spec cannot be determined yet'", () => {
    const s = withSpec(
      { referencePolicy: { type: "Local" }, from: { kind: "DockerImage", name: "q/x:1" }, generation: 5 },
      [ev("q/x:older", SHA_A, 4)],
    );
    expect(() => resolvePullSpecForTag(s, "1", { requireLatest: true })).toThrow(BadRequestError);
    expect(() => resolveNewestPullSpecForTag(s, "1")).toThrow("the pull spec cannot be determined yet");
  });
  it("R12.4 same or older spec generation → items[0] with hasStatus", () => {
    for (const [gen, ref] of [
      [4, "quay.io/test/first:older"],
      [3, "quay.io/test/first:newer"],
    ] as const) {
      const s = withSpec({ ...dockerSource, generation: gen }, [ev(ref, "", 4)]);
      expect(resolvePullSpecForTag(s, "1", { requireLatest: true })).toEqual({
        pullSpec: ref,
        hasNewer: false,
        hasStatus: true,
        isTagEmpty: false,
      });
    }
  });
  it("R12.4 a null spec generation is never newer", () => {
    const s = withSpec({ ...dockerSource, generation: null }, [ev("q/x:older", "", 4)]);
    expect(resolvePullSpecForTag(s, "1", { requireLatest: true }).pullSpec).toBe("q/x:older");
  });
  it("R12.4 event goes through the reference policy (Local → repository@image)", () => {
    const s = withSpec(
      {
        referencePolicy: { type: "Local" },
        from: { kind: "DockerImage", name: "quay.io/test/first:tag" },
        generation: 4,
      },
      [ev("quay.io/test/first:newer", SHA_A, 5)],
    );
    expect(resolvePullSpecForTag(s, "1", {})).toEqual({
      pullSpec: `${repo}@${SHA_A}`,
      hasNewer: false,
      hasStatus: true,
      isTagEmpty: false,
    });
  });
  it("R12.4 status without spec tag → items[0].dockerImageReference", () => {
    const s = deepFreeze({
      ...base,
      status: { dockerImageRepository: repo, tags: [{ tag: "p", items: [ev("r/p@x", SHA_A)] }] },
    });
    expect(resolveNewestPullSpecForTag(s, "p", { defaultExternal: true }).pullSpec).toBe("r/p@x");
  });
});

describe("R12.7 followTagReference", () => {
  const s: ImageStream = deepFreeze({
    metadata: { name: "is", namespace: "ns" },
    spec: {
      tags: [
        { name: "base", from: { kind: "DockerImage", name: "mysql:5" } },
        { name: "alias", from: { kind: "ImageStreamTag", name: "base" } },
        { name: "alias2", from: { kind: "ImageStreamTag", name: "is:alias", namespace: "ns" } },
        { name: "nofrom" },
        { name: "loop1", from: { kind: "ImageStreamTag", name: "loop2" } },
        { name: "loop2", from: { kind: "ImageStreamTag", name: "is:loop1" } },
        { name: "self", from: { kind: "ImageStreamTag", name: "self" } },
        { name: "dangling", from: { kind: "ImageStreamTag", name: "ghost" } },
        { name: "otherns", from: { kind: "ImageStreamTag", name: "base", namespace: "other" } },
        { name: "otheris", from: { kind: "ImageStreamTag", name: "other:base" } },
        { name: "tolatest", from: { kind: "ImageStreamTag", name: "is:" } },
        { name: "image", from: { kind: "ImageStreamImage", name: "is@sha256:abc" } },
      ],
    },
  });
  it("R12.7 a terminal tag returns itself with multiple=false", () => {
    const r = followTagReference(s, "base");
    expect(r).toEqual({ tag: "base", ref: s.spec?.tags?.[0], multiple: false });
    expect(followTagReference(s, "nofrom")).toMatchObject({ tag: "nofrom", multiple: false });
    expect(followTagReference(s, "image")).toMatchObject({ tag: "image", multiple: false });
  });
  it("R12.7 follows `foo` and `<thisStream>:foo` references, multiple once a hop was taken", () => {
    expect(followTagReference(s, "alias")).toMatchObject({ tag: "base", multiple: true });
    expect(followTagReference(s, "alias2")).toMatchObject({ tag: "base", multiple: true });
    expect(followTagReference(s, "alias2").ref).toBe(s.spec?.tags?.[0]);
  });
  it("R12.7 revisiting a tag → 'reference tag is circular'", () => {
    expect(() => followTagReference(s, "loop1")).toThrow(new BadRequestError("reference tag is circular"));
    expect(() => followTagReference(s, "self")).toThrow("reference tag is circular");
  });
  it("R12.7 missing spec tag → 'reference tag is not found'", () => {
    expect(() => followTagReference(s, "dangling")).toThrow("reference tag is not found");
    expect(() => followTagReference(s, "absent")).toThrow(BadRequestError);
  });
  it("R12.7 other namespace or other stream → 'reference tag points to another imagestream'", () => {
    expect(() => followTagReference(s, "otherns")).toThrow("reference tag points to another imagestream");
    expect(() => followTagReference(s, "otheris")).toThrow("reference tag points to another imagestream");
  });
  it("R12.7 `<stream>:` follows to latest (SplitImageStreamTag default)", () => {
    expect(() => followTagReference(s, "tolatest")).toThrow("reference tag is not found");
    const withLatest = { ...s, spec: { tags: [...(s.spec?.tags ?? []), { name: "latest" }] } };
    expect(followTagReference(withLatest, "tolatest")).toMatchObject({ tag: "latest", multiple: true });
  });

  const graphArb = fc
    .array(
      fc.record({
        name: fc.constantFrom("a", "b", "c", "d", "e"),
        kind: fc.constantFrom("ImageStreamTag", "ImageStreamTag", "DockerImage", undefined),
        target: fc.constantFrom("a", "b", "c", "d", "e", "f", "is:a", "is:b", "x:a"),
        ns: fc.constantFrom(undefined, "", "ns", "other"),
      }),
      { maxLength: 8 },
    )
    .map((tags) => ({
      metadata: { name: "is", namespace: "ns" },
      spec: {
        tags: tags.map((t) => ({
          name: t.name,
          ...(t.kind === undefined
            ? {}
            : { from: { kind: t.kind, name: t.target, ...(t.ns === undefined ? {} : { namespace: t.ns }) } }),
        })),
      },
    }));
  fcTest.prop([graphArb, fc.constantFrom("a", "b", "c", "d", "e", "f")], { numRuns: 200 })(
    "R12.7 property: terminates on any graph of spec tags with a result or a BadRequestError",
    (g, start) => {
      try {
        const r = followTagReference(g, start);
        expect(r.ref.from?.kind === "ImageStreamTag").toBe(false);
        expect(r.multiple).toBe(r.tag !== start);
      } catch (e) {
        expect(e).toBeInstanceOf(BadRequestError);
      }
    },
  );
});

describe("R16.1 aliasTargets (R12.7 for every spec tag at once)", () => {
  const graphArb = fc
    .array(
      fc.record({
        name: fc.constantFrom("a", "b", "c", "d", "e", "latest"),
        kind: fc.constantFrom("ImageStreamTag", "ImageStreamTag", "DockerImage", undefined),
        target: fc.constantFrom("a", "b", "c", "d", "e", "f", "is:a", "is:b", "is:", "x:a"),
        ns: fc.constantFrom(undefined, "", "ns", "other"),
      }),
      { maxLength: 10 },
    )
    .map((tags) => ({
      metadata: { name: "is", namespace: "ns" },
      spec: {
        tags: tags.map((t) => ({
          name: t.name,
          ...(t.kind === undefined
            ? {}
            : { from: { kind: t.kind, name: t.target, ...(t.ns === undefined ? {} : { namespace: t.ns }) } }),
        })),
      },
    }));
  fcTest.prop([graphArb], { numRuns: 200 })(
    "R12.7 property: aliasTargets agrees with followTagReference on every spec tag",
    (g) => {
      const targets = aliasTargets(g);
      for (const t of g.spec.tags) {
        const r = walkTagReference(g, t.name);
        expect(targets.get(t.name)).toBe(r.ok && r.multiple ? r.tag : undefined);
      }
    },
  );
  it("R12.7 aliasTargets is linear on a long alias chain", () => {
    const n = 20000;
    const tags = Array.from(
      { length: n },
      (_, i): TagReference =>
        i === 0
          ? { name: "t0", from: { kind: "DockerImage", name: "r/x:1" } }
          : { name: `t${i}`, from: { kind: "ImageStreamTag", name: `t${i - 1}` } },
    );
    const targets = aliasTargets({ spec: { tags } });
    expect(targets.size).toBe(n - 1);
    expect(targets.get(`t${n - 1}`)).toBe("t0");
  });
});

describe("R12.8 sortStatusTags", () => {
  const s: ImageStream = deepFreeze({
    status: {
      tags: [
        { tag: "old", items: [ev("a", "", 1, "2020-01-01T00:00:00Z")] },
        { tag: "none", items: [] },
        { tag: "new", items: [ev("b", "", 1, "2021-01-01T00:00:00Z")] },
        { tag: "b-tie", items: [ev("c", "", 1, "2020-06-01T00:00:00.9Z")] },
        { tag: "a-tie", items: [ev("d", "", 1, "2020-06-01T00:00:00Z")] },
        { tag: "bad", items: [ev("e", "", 1, "not a time")] },
      ],
    },
  });
  it("R12.8 newest items[0].created first, ties by name (second precision), no items last", () => {
    expect(sortStatusTags(s)).toEqual(["new", "a-tie", "b-tie", "old", "bad", "none"]);
  });
  it("R12.8 duplicates count once (last entry wins)", () => {
    const d = deepFreeze({
      status: {
        tags: [
          { tag: "x", items: [ev("a", "", 1, "2030-01-01T00:00:00Z")] },
          { tag: "y", items: [ev("a", "", 1, "2020-01-01T00:00:00Z")] },
          { tag: "x", items: [] },
        ],
      },
    });
    expect(sortStatusTags(d)).toEqual(["y", "x"]);
  });
  it("R12.8 empty and malformed streams", () => {
    expect(sortStatusTags({})).toEqual([]);
    expect(sortStatusTags({ status: { tags: [null, { tag: 3 }] } } as unknown as ImageStream)).toEqual([]);
  });
  fcTest.prop(
    [
      fc.uniqueArray(
        fc.record({
          tag: fc.string({ minLength: 1, maxLength: 4 }),
          t: fc.option(fc.integer({ min: 0, max: 5 })),
        }),
        { selector: (r) => r.tag, maxLength: 12 },
      ),
    ],
    { numRuns: 200 },
  )("R12.8 property: sortStatusTags is a permutation of the status tag names", (entries) => {
    const st: ImageStream = {
      status: {
        tags: entries.map((e) => ({
          tag: e.tag,
          items: e.t === null ? [] : [ev("r", "", 1, `2020-01-01T00:00:0${e.t}Z`)],
        })),
      },
    };
    const out = sortStatusTags(st);
    expect([...out].sort()).toEqual(entries.map((e) => e.tag).sort());
  });
});
