/**
 * Upstream test tables for oc's image helpers and the lookup policy, transcribed as data:
 *  - openshift/oc pkg/helpers/describe/helpers_test.go TestFollowTagReference (FollowTagReference
 *    of pkg/helpers/image; oc has no pkg/helpers/image/helpers_test.go) — same cases as
 *    openshift/origin pkg/image/apis/image/helper_test.go TestFollowTagReference;
 *  - openshift/origin pkg/image/apis/image/helper_test.go TestLatestTaggedImage,
 *    TestResolveLatestTaggedImage (map-keyed tags written as v1 lists);
 *  - openshift/apiserver-library-go pkg/admission/imagepolicy/imagepolicy_test.go
 *    TestAdmissionResolveImages, TestDefaultPolicy (resolution outcome of each image string) and
 *    TestResolutionConfig (the rows that the default resolution rules cover).
 */
import { describe, expect, it } from "vitest";
import { walkTagReference } from "../../src/resolve/follow.js";
import {
  BadRequestError,
  followTagReference,
  type Image,
  type ImageStream,
  type LookupOptions,
  latestTaggedImage,
  RESOLVE_NAMES_ANNOTATION,
  resolveImageReference,
  resolveLatestTaggedImage,
  type TagReference,
} from "../support/all.js";
import { deepFreeze } from "../support/freeze.js";

// ---------------------------------------------------------------------------------------------
// R12.7 FollowTagReference
// ---------------------------------------------------------------------------------------------

interface FollowCase {
  name: string;
  stream: ImageStream;
  tag: string;
  expFinalTag: string;
  expRef?: object;
  expMultiple: boolean;
  expErr?: string;
}

const SOMETAG_REF: TagReference = {
  name: "sometag",
  from: { kind: "DockerImage", name: "repo.com/somens/someimage:sometag" },
};

const followCases: FollowCase[] = [
  {
    name: "follow tag reference",
    stream: {
      metadata: { name: "testis" },
      spec: { tags: [{ name: "mytag", from: { kind: "ImageStreamTag", name: "sometag" } }, SOMETAG_REF] },
    },
    tag: "mytag",
    expFinalTag: "sometag",
    expRef: SOMETAG_REF,
    expMultiple: true,
  },
  {
    name: "follow tag reference with istag:mytag format",
    stream: {
      metadata: { name: "testis" },
      spec: {
        tags: [{ name: "mytag", from: { kind: "ImageStreamTag", name: "testis:sometag" } }, SOMETAG_REF],
      },
    },
    tag: "mytag",
    expFinalTag: "sometag",
    expRef: SOMETAG_REF,
    expMultiple: true,
  },
  {
    name: "no tag reference error",
    stream: {
      metadata: { name: "testis" },
      spec: {
        tags: [
          { name: "mytag", from: { kind: "ImageStreamTag", name: "correcttag" } },
          { name: "wrongtag", from: { kind: "DockerImage", name: "repo.com/somens/someimage:mytag" } },
        ],
      },
    },
    tag: "mytag",
    expFinalTag: "correcttag",
    expMultiple: true,
    expErr: "reference tag is not found",
  },
  {
    name: "crosss image tag reference error",
    stream: {
      metadata: { name: "testis" },
      spec: { tags: [{ name: "mytag", from: { kind: "ImageStreamTag", name: "another:sometag" } }] },
    },
    tag: "mytag",
    expFinalTag: "mytag",
    expMultiple: false,
    expErr: "reference tag points to another imagestream",
  },
  {
    name: "crosss namespace tag reference error",
    stream: {
      metadata: { namespace: "thisns", name: "thisis" },
      spec: {
        tags: [
          { name: "mytag", from: { kind: "ImageStreamTag", namespace: "anotherns", name: "thisis:sometag" } },
        ],
      },
    },
    tag: "mytag",
    expFinalTag: "mytag",
    expMultiple: false,
    expErr: "reference tag points to another imagestream",
  },
  {
    name: "circular tag reference error",
    stream: {
      metadata: { name: "testis" },
      spec: {
        tags: [
          { name: "mytag", from: { kind: "ImageStreamTag", name: "sometag" } },
          { name: "sometag", from: { kind: "ImageStreamTag", name: "mytag" } },
        ],
      },
    },
    tag: "mytag",
    expFinalTag: "mytag",
    expMultiple: true,
    expErr: "reference tag is circular",
  },
];

describe("R12.7 followTagReference: oc TestFollowTagReference", () => {
  it.each(followCases.filter((c) => c.expErr === undefined))(
    "R12.7 TestFollowTagReference $name",
    ({ stream, tag, expFinalTag, expRef, expMultiple }) => {
      expect(followTagReference(deepFreeze(stream), tag)).toEqual({
        tag: expFinalTag,
        ref: expRef,
        multiple: expMultiple,
      });
    },
  );
  it.each(followCases.filter((c) => c.expErr !== undefined))(
    "R12.7 TestFollowTagReference $name: BadRequest $expErr",
    ({ stream, tag, expErr }) => {
      const call = () => followTagReference(deepFreeze(stream), tag);
      expect(call).toThrow(BadRequestError);
      expect(call).toThrow(new BadRequestError(expErr ?? ""));
    },
  );
  // Upstream also returns the tag reached and `multiple` with the error; the public function only
  // throws, so those two values are checked on the walk it is built on.
  it.each(followCases)(
    "R12.7 TestFollowTagReference $name: final tag $expFinalTag, multiple $expMultiple",
    ({ stream, tag, expFinalTag, expMultiple, expErr }) => {
      const r = walkTagReference(deepFreeze(stream), tag);
      expect(r.tag).toBe(expFinalTag);
      expect(r.multiple).toBe(expMultiple);
      expect(r.ok ? undefined : r.error).toBe(expErr);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// R12.1 LatestTaggedImage / R12.2-R12.3 ResolveLatestTaggedImage
// ---------------------------------------------------------------------------------------------

const LATEST_AND_FOO = {
  latest: [{ dockerImageReference: "latest-ref" }, { dockerImageReference: "older" }],
  foo: [{ dockerImageReference: "foo-ref" }, { dockerImageReference: "older" }],
};
const SHA_4AB = "sha256:4ab15c48b859c2920dd5224f92aabcd39a52794c5b3cf088fb3bbb438756c246";

interface LatestCase {
  tag: string;
  statusRef?: string;
  refs?: TagReference[];
  tags: Record<string, Array<{ dockerImageReference: string; image?: string }>>;
  expected?: string;
}

/** The stream of a case; its events are deliberately partial (no created, no generation), as in the upstream tables. */
function latestStream(c: LatestCase): ImageStream {
  return deepFreeze({
    spec: c.refs === undefined ? {} : { tags: c.refs },
    status: {
      dockerImageRepository: c.statusRef ?? "",
      tags: Object.entries(c.tags).map(([tag, items]) => ({ tag, items })),
    },
  }) as unknown as ImageStream;
}

const latestCases: LatestCase[] = [
  { tag: "foo", tags: {} },
  { tag: "foo", tags: { latest: LATEST_AND_FOO.latest } },
  { tag: "", tags: { latest: LATEST_AND_FOO.latest }, expected: "latest-ref" },
  { tag: "foo", tags: LATEST_AND_FOO, expected: "foo-ref" },
];

describe("R12.1 latestTaggedImage: origin TestLatestTaggedImage", () => {
  it.each(latestCases.map((c, i) => ({ i, ...c })))(
    "R12.1 TestLatestTaggedImage #$i: tag $tag → $expected",
    (c) => {
      expect(latestTaggedImage(latestStream(c), c.tag)?.dockerImageReference).toBe(c.expected);
    },
  );
});

const resolveLatestCases: LatestCase[] = [
  ...latestCases,
  {
    // the default reference policy does nothing
    tag: "",
    refs: [{ name: "latest", referencePolicy: { type: "Source" } }],
    tags: {
      latest: [{ dockerImageReference: "latest-ref", image: SHA_4AB }, { dockerImageReference: "older" }],
    },
    expected: "latest-ref",
  },
  {
    // the local reference policy does nothing unless reference is set
    tag: "",
    refs: [{ name: "latest", referencePolicy: { type: "Local" } }],
    tags: {
      latest: [{ dockerImageReference: "latest-ref", image: SHA_4AB }, { dockerImageReference: "older" }],
    },
    expected: "latest-ref",
  },
  {
    // the local reference policy does nothing unless the image id is set
    tag: "",
    statusRef: "test.server/a/b",
    refs: [{ name: "latest", referencePolicy: { type: "Local" } }],
    tags: { latest: [{ dockerImageReference: "latest-ref" }, { dockerImageReference: "older" }] },
    expected: "latest-ref",
  },
  {
    // the local reference policy uses the output status reference and the image id
    tag: "",
    statusRef: "test.server/a/b",
    refs: [{ name: "latest", referencePolicy: { type: "Local" } }],
    tags: {
      latest: [{ dockerImageReference: "latest-ref", image: SHA_4AB }, { dockerImageReference: "older" }],
    },
    expected: `test.server/a/b@${SHA_4AB}`,
  },
];

describe("R12.2/R12.3 resolveLatestTaggedImage: origin TestResolveLatestTaggedImage", () => {
  it.each(resolveLatestCases.map((c, i) => ({ i, ...c })))(
    "R12.2 TestResolveLatestTaggedImage #$i: tag $tag → $expected",
    (c) => {
      expect(resolveLatestTaggedImage(latestStream(c), c.tag)).toBe(c.expected);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// §14 lookup policy (apiserver-library-go imagepolicy_test.go)
// ---------------------------------------------------------------------------------------------

const INTEGRATED = "integrated.registry";
const GOOD_SHA = "sha256:08151bf2fc92355f236918bb16905921e6f66e1d03100fb9b18d60125db3df3a";
const BAD_SHA = "sha256:503c75e8121369581e5e5abe57b5a3f12db859052b217a8ea16eb86f4b5561a1";
const SHA_1 = "sha256:0000000000000000000000000000000000000000000000000000000000000001";

const image1: Image = deepFreeze({
  metadata: { name: SHA_1 },
  dockerImageReference: `integrated.registry/image1/image1@${SHA_1}`,
}) as Image;

/**
 * A stream whose ImageStreamTag `<name>:<tag>` is what upstream's fake client returns: the tag's
 * newest event names image1 (the istag's image reference is the event's reference, R13.2).
 */
function istagStream(
  name: string,
  namespace: string,
  local: boolean,
  tags: Record<string, Image>,
): ImageStream {
  return deepFreeze({
    metadata: { name, namespace },
    spec: { lookupPolicy: { local } },
    status: {
      tags: Object.entries(tags).map(([tag, img]) => ({
        tag,
        items: [
          {
            created: "2024-01-01T00:00:00Z",
            dockerImageReference: img.dockerImageReference,
            image: img.metadata?.name,
            generation: 1,
          },
        ],
      })),
    },
  }) as ImageStream;
}

/** Upstream's fake clients, as look-ups: streams by namespace/name and images by name. */
function lookups(streams: ImageStream[], images: Image[] = [image1]): LookupOptions {
  return {
    namespace: "default",
    getImageStream: (ns, name) =>
      streams.find((s) => s.metadata?.namespace === ns && s.metadata?.name === name),
    getImage: (name) => images.find((i) => i.metadata?.name === name),
    internalRegistryHostname: INTEGRATED,
  };
}

describe("§14 resolveImageReference: apiserver-library-go TestAdmissionResolveImages", () => {
  it.each([
    ["Containers", "pods"],
    ["InitContainers", "pods"],
  ])(
    "R14.2 'resolves images in the integrated registry without altering their ref (avoids looking up the tag)' (%s)",
    (_where, resource) => {
      const img = `integrated.registry/test/mysql@${SHA_1}`;
      expect(resolveImageReference(img, { ...lookups([]), resource })).toEqual({
        kind: "unchanged",
        image: img,
        reason: "digest",
      });
    },
  );

  it("R14.3 'resolves pods': test:other with lookupPolicy.local → the image by digest", () => {
    const opts = { ...lookups([istagStream("test", "default", true, { other: image1 })]), resource: "pods" };
    expect(resolveImageReference("test:other", opts)).toEqual({
      kind: "rewrite",
      image: `integrated.registry/image1/image1@${SHA_1}`,
      original: "test:other",
      imageStreamTag: "default/test:other",
      fallback: false,
    });
  });

  it("R14.3 'resolves replica sets that have a local name to their image stream tags, uses the image DockerImageReference with SHA set'", () => {
    const opts = {
      ...lookups([istagStream("test", "default", true, { other: image1 })]),
      resource: { group: "extensions", resource: "replicasets" },
    };
    expect(resolveImageReference("test:other", opts)).toMatchObject({
      kind: "rewrite",
      image: `integrated.registry/image1/image1@${SHA_1}`,
    });
  });

  it("R14.2 'does not resolve replica sets by default': a full reference into the integrated registry is kept", () => {
    const opts = {
      ...lookups([istagStream("test", "default", false, { other: image1 })]),
      resource: { group: "extensions", resource: "replicasets" },
    };
    const img = "integrated.registry/default/test:other";
    expect(resolveImageReference(img, opts)).toEqual({
      kind: "unchanged",
      image: img,
      reason: "fullReference",
    });
  });

  it("R14.5 'resolves replica sets that specifically request lookup': resolve-names on the pod template", () => {
    const opts = {
      ...lookups([istagStream("test", "default", false, { other: image1 })]),
      resource: { group: "extensions", resource: "replicasets" },
      annotations: { [RESOLVE_NAMES_ANNOTATION]: "*" },
    };
    expect(resolveImageReference("test:other", opts)).toMatchObject({
      kind: "rewrite",
      image: `integrated.registry/image1/image1@${SHA_1}`,
      fallback: false,
    });
  });

  // The three missing-tag cases: upstream's plugin knows the registry as "integrated.registry"
  // while the stream's status.dockerImageRepository is "integrated.registry:5000/default/test"
  // (or empty, "registry not installed"); R14.3 rewrites to <status.dockerImageRepository>:<tag>.
  // These rows leave internalRegistryHostname out: with it, resolveImageReference builds the
  // fallback repository as <hostname>/<ns>/<name> (docs/semantics-notes.md, "Lookup (§14)"), which
  // gives "integrated.registry/default/test:other" for the first row and a rewrite for the third.
  const missingTag = (local: boolean, repo: string) => {
    const stream = deepFreeze({
      metadata: { name: "test", namespace: "default" },
      spec: { lookupPolicy: { local } },
      status: { dockerImageRepository: repo },
    }) as ImageStream;
    const { internalRegistryHostname: _host, ...rest } = lookups([stream]);
    return { ...rest, resource: { group: "extensions", resource: "replicasets" } };
  };
  it("R14.3 'if the tag is not found, but the stream is and resolves, resolve to the tag'", () => {
    expect(
      resolveImageReference("test:other", missingTag(true, "integrated.registry:5000/default/test")),
    ).toEqual({
      kind: "rewrite",
      image: "integrated.registry:5000/default/test:other",
      original: "test:other",
      imageStreamTag: "default/test:other",
      fallback: true,
    });
  });
  it("R14.3 'if the tag is not found, but the stream is and doesn't resolve, use the original value'", () => {
    expect(
      resolveImageReference("test:other", missingTag(false, "integrated.registry:5000/default/test")),
    ).toMatchObject({ kind: "unchanged", image: "test:other", reason: "notFound" });
  });
  it("R14.3 'if the tag is not found, the stream resolves, but the registry is not installed, don't match'", () => {
    expect(resolveImageReference("test:other", missingTag(true, ""))).toMatchObject({
      kind: "unchanged",
      image: "test:other",
      reason: "notFound",
    });
  });
});

describe("§14 resolveImageReference: apiserver-library-go TestDefaultPolicy (resolution of each image)", () => {
  // The fake client of the test has the ImageStreamTags mysql:goodtag and mysql:badtag (lookup
  // policy unset) and the Images goodSHA and badSHA; the pods are created in "default".
  const goodImage = deepFreeze({
    metadata: { name: GOOD_SHA },
    dockerImageReference: "integrated.registry/goodns/goodimage:good",
  }) as Image;
  const badImage = deepFreeze({
    metadata: { name: BAD_SHA, annotations: { "images.openshift.io/deny-execution": "true" } },
    dockerImageReference: "integrated.registry/badns/badimage:bad",
  }) as Image;
  const repo = istagStream("mysql", "repo", false, { goodtag: goodImage, badtag: badImage });
  const opts: LookupOptions = { ...lookups([repo], [goodImage, badImage]), resource: "pods" };

  it.each<[string, string]>([["should allow a non-integrated image", "index.docker.io/mysql:latest"]])(
    "R14.2 TestDefaultPolicy %s: %s is neither partial nor full",
    (_what, img) => {
      expect(resolveImageReference(img, opts)).toEqual({
        kind: "unchanged",
        image: img,
        reason: "notLocalName",
        // Exact() adds no `library/` (R3.2.2)
        message: "(index.docker.io/mysql:latest) could not be resolved to an exact image reference",
      });
    },
  );
  it.each<[string, string]>([
    ["should resolve the non-integrated image and allow it", `index.docker.io/mysql@${GOOD_SHA}`],
    [
      "should resolve the integrated image by digest and allow it",
      `integrated.registry/repo/mysql@${GOOD_SHA}`,
    ],
    ["should reject the non-integrated image due to the annotation", `index.docker.io/mysql@${BAD_SHA}`],
  ])("R14.2 TestDefaultPolicy %s: %s is looked up by digest, never rewritten", (_what, img) => {
    expect(resolveImageReference(img, opts)).toEqual({ kind: "unchanged", image: img, reason: "digest" });
  });
  it("R14.2 TestDefaultPolicy 'should attempt resolve the integrated image by tag and fail because tag not found'", () => {
    const img = "integrated.registry/repo/mysql:missingtag";
    expect(resolveImageReference(img, opts)).toMatchObject({
      kind: "unchanged",
      image: img,
      reason: "notFound",
    });
  });
  it.each([
    [
      "should attempt resolve the integrated image by tag and allow it",
      "integrated.registry/repo/mysql:goodtag",
    ],
    [
      "should attempt resolve the integrated image by tag and forbid it",
      "integrated.registry/repo/mysql:badtag",
    ],
  ])("R14.2 TestDefaultPolicy %s: %s is resolved in its own namespace but kept", (_what, img) => {
    expect(resolveImageReference(img, opts)).toEqual({
      kind: "unchanged",
      image: img,
      reason: "fullReference",
    });
  });
});

describe("R14.4 resolveImageReference: apiserver-library-go TestResolutionConfig (default rules)", () => {
  // Rows with `LocalRewrite: true` on a resource the default rules cover with localNames: a
  // partial name whose stream allows lookup (LocalRewrite) is rewritten, except on update of
  // batch/jobs, build.openshift.io/builds.
  const base = lookups([istagStream("test", "default", true, { other: image1 })]);
  it.each<[string, string, boolean, boolean]>([
    ["resource match skips on job update", "batch/jobs", true, false],
    ["resource match succeeds on job create", "batch/jobs", false, true],
    ["resource match skips on build update", "build.openshift.io/builds", true, false],
  ])("R14.4 TestResolutionConfig %s (%s, update=%s) → rewrite=%s", (_what, resource, update, rewrite) => {
    const r = resolveImageReference("test:other", {
      ...base,
      resource,
      operation: update ? "update" : "create",
    });
    if (rewrite) {
      expect(r).toMatchObject({ kind: "rewrite", image: `integrated.registry/image1/image1@${SHA_1}` });
    } else {
      expect(r).toEqual({ kind: "unchanged", image: "test:other", reason: "updateNotRewritten" });
    }
  });
});
