/**
 * History pruning (R17.2) checked against the upstream tables of `oc adm prune images`:
 * openshift/oc `pkg/cli/admin/prune/imageprune/prune_test.go` (TestImagePruning,
 * TestRegistryPruning, TestImageWithStrongAndWeakRefsIsNotPruned).
 *
 * Only what the pruner does to image stream history is transcribed: the `expectedStreamUpdates`
 * of each case, in upstream's notation (`ns/name:tag` for a tag removed from status,
 * `ns/name|tag|index|image` for a removed history item, as upstream's fake stream deleter
 * reports them). Image, blob, layer-link and manifest deletions are out of scope for
 * {@link pruneTagHistory}. The cluster objects of a case (pods, RCs, DCs, builds, …) are
 * transcribed as what the upstream pruner derives from them: the ImageStreamImages
 * (`ns/name@digest`) and ImageStreamTags (`ns/name:tag`) they strongly reference, which become
 * `isImageUsed` / `isTagUsed` of the stream. The upstream `Images` map becomes `getImage`.
 *
 * Upstream helper values (openshift/oc `pkg/helpers/image/test`): `TagEvent` leaves `created`
 * unset (Go zero time), `YoungTagEvent` uses "now", `Stream` has no creation timestamp and
 * `AgedStream(…, m)` was created `m` minutes ago. The TestImagePruning harness uses
 * `--keep-younger-than=60m` and `--keep-tag-revisions=3` unless the case sets the latter.
 */
import { describe, expect, it } from "vitest";
import { type Image, type ImageStream, pruneTagHistory, type TagEvent } from "../support/all.js";
import { deepFreeze } from "../support/freeze.js";

const NOW = "2024-01-01T12:00:00Z";
const MINUTE = 60 * 1000;
/** `created` of upstream's `imagetest.TagEvent`: the zero `metav1.Time`. */
const GO_ZERO_TIME = "0001-01-01T00:00:00Z";
const REGISTRY = "registry.io";

/** `sha256:` followed by the 64-digit zero-padded `n` (upstream's test digests). */
const d = (n: number) => `sha256:${String(n).padStart(64, "0")}`;
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * MINUTE).toISOString().replace(".000Z", "Z");

/** A history item: an image name, or an image with its own pull spec / creation time. */
type Item = string | { readonly image: string; readonly ref?: string; readonly created?: string };

interface UpstreamStream {
  readonly ns: string;
  readonly name: string;
  /** `AgedStream` age in minutes; absent for `Stream` (no creation timestamp). */
  readonly ageMinutes?: number;
  readonly registry?: string;
  readonly tags: ReadonlyArray<readonly [string, readonly Item[]]>;
}

interface PruneCase {
  /** The upstream test (and `t.Run` name). */
  readonly name: string;
  readonly keepTagRevisions?: number;
  readonly keepYoungerThanMinutes?: number;
  /** Names of the Image objects that exist. */
  readonly images: readonly string[];
  readonly streams: readonly UpstreamStream[];
  /** ImageStreamImages strongly referenced by the case's cluster objects (`ns/name@digest`). */
  readonly usedImages?: readonly string[];
  /** ImageStreamTags referenced by the case's cluster objects (`ns/name:tag`). */
  readonly usedTags?: readonly string[];
  /** Upstream's expectedStreamUpdates. */
  readonly expectedStreamUpdates: readonly string[];
}

function toStream(s: UpstreamStream): ImageStream {
  const registry = s.registry ?? REGISTRY;
  const event = (item: Item): TagEvent => {
    const image = typeof item === "string" ? item : item.image;
    const ref = typeof item === "string" ? undefined : item.ref;
    const created = typeof item === "string" ? undefined : item.created;
    return {
      created: created ?? GO_ZERO_TIME,
      dockerImageReference: ref ?? `${registry}/${s.ns}/${s.name}@${image}`,
      image,
      generation: 0,
    };
  };
  return deepFreeze({
    metadata: {
      name: s.name,
      namespace: s.ns,
      ...(s.ageMinutes !== undefined ? { creationTimestamp: minutesAgo(s.ageMinutes) } : {}),
    },
    spec: { tags: [] },
    status: {
      dockerImageRepository: `${registry}/${s.ns}/${s.name}`,
      tags: s.tags.map(([tag, items]) => ({ tag, items: items.map(event) })),
    },
  }) as ImageStream;
}

/** Upstream's fake stream deleter: what disappeared between the stream before and after. */
function streamUpdates(before: ImageStream, after: ImageStream): string[] {
  const id = `${before.metadata?.namespace}/${before.metadata?.name}`;
  const out: string[] = [];
  const afterTags = new Map((after.status?.tags ?? []).map((t) => [t.tag, t.items.map((e) => e.image)]));
  for (const list of before.status?.tags ?? []) {
    const kept = afterTags.get(list.tag);
    if (kept === undefined) out.push(`${id}:${list.tag}`);
    const remaining = kept ?? [];
    let j = 0;
    list.items.forEach((e, i) => {
      if (j < remaining.length && remaining[j] === e.image) {
        j++;
        return;
      }
      out.push(`${id}|${list.tag}|${i}|${e.image}`);
    });
  }
  return out;
}

function run(c: PruneCase): { updates: string[]; unchanged: boolean[] } {
  const images = new Set(c.images);
  const usedImages = new Set(c.usedImages ?? []);
  const usedTags = new Set(c.usedTags ?? []);
  const updates: string[] = [];
  const unchanged: boolean[] = [];
  for (const s of c.streams) {
    const stream = toStream(s);
    const out = pruneTagHistory(stream, {
      now: NOW,
      keepTagRevisions: c.keepTagRevisions ?? 3,
      keepYoungerThan: (c.keepYoungerThanMinutes ?? 60) * MINUTE,
      isImageUsed: (image) => usedImages.has(`${s.ns}/${s.name}@${image}`),
      isTagUsed: (tag) => usedTags.has(`${s.ns}/${s.name}:${tag}`),
      getImage: (name) =>
        images.has(name)
          ? ({ metadata: { name }, dockerImageReference: `${REGISTRY}/${s.ns}/${s.name}@${name}` } as Image)
          : undefined,
    });
    updates.push(...streamUpdates(stream, out));
    unchanged.push(out === stream);
  }
  return { updates: updates.sort(), unchanged };
}

const latest = (...items: Item[]) => [["latest", items]] as const;
const fooBar = (...items: Item[]): UpstreamStream => ({ ns: "foo", name: "bar", tags: latest(...items) });
const PRUNE_LATEST_0 = ["foo/bar:latest", `foo/bar|latest|0|${d(0)}`];
const USED_0 = [`foo/bar@${d(0)}`];

/** TestImagePruning: 51 of its 70 cases (the others are listed in the report / at the end). */
const IMAGE_PRUNING: readonly PruneCase[] = [
  // pods: Running and Pending pods count; others only when younger than keep-younger-than.
  {
    name: "1 pod - phase pending - don't prune",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    usedImages: USED_0,
    expectedStreamUpdates: [],
  },
  {
    name: "3 pods - last phase pending - don't prune",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    usedImages: USED_0, // pod3 (Pending); pod1, pod2 Succeeded and old
    expectedStreamUpdates: [],
  },
  {
    name: "1 pod - phase running - don't prune",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    usedImages: USED_0,
    expectedStreamUpdates: [],
  },
  {
    name: "3 pods - last phase running - don't prune",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    usedImages: USED_0, // pod3 (Running)
    expectedStreamUpdates: [],
  },
  {
    name: "pod phase succeeded - prune",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    expectedStreamUpdates: PRUNE_LATEST_0,
  },
  {
    name: "pod phase succeeded - prune leave registry alone",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    expectedStreamUpdates: PRUNE_LATEST_0,
  },
  {
    name: "pod phase succeeded, pod less than min pruning age - don't prune",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    usedImages: USED_0, // AgedPod 5 minutes old
    expectedStreamUpdates: [],
  },
  {
    name: "pod phase succeeded, image less than min pruning age - don't prune",
    keepTagRevisions: 0,
    images: [d(0)], // AgedImage 5 minutes old: the image stays, its history item goes
    streams: [fooBar(d(0))],
    expectedStreamUpdates: PRUNE_LATEST_0,
  },
  {
    name: "pod phase failed - prune",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    expectedStreamUpdates: PRUNE_LATEST_0,
  },
  {
    name: "pod phase unknown - prune",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    expectedStreamUpdates: PRUNE_LATEST_0,
  },
  {
    name: "pod container image not parsable",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))], // running pod with image "a/b/c/d/e": no registry/namespace/name match
    expectedStreamUpdates: PRUNE_LATEST_0,
  },
  {
    name: "pod container image doesn't have an id",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    usedTags: ["foo/bar:latest"], // running pod with registry.io/foo/bar:latest
    expectedStreamUpdates: [],
  },
  {
    name: "pod refers to image not in graph",
    keepTagRevisions: 0,
    images: [d(0)],
    streams: [fooBar(d(0))],
    usedImages: [`foo/bar@sha256:ABC${"0".repeat(60)}2`],
    expectedStreamUpdates: PRUNE_LATEST_0,
  },
  ...["rc", "dc"].map(
    (kind): PruneCase => ({
      name: `referenced by ${kind} - don't prune`,
      keepTagRevisions: 0,
      images: [d(0)],
      streams: [fooBar(d(0))],
      usedImages: USED_0,
      expectedStreamUpdates: [],
    }),
  ),
  ...["daemonset", "replicaset", "upstream deployment"].map(
    (kind): PruneCase => ({
      name: `referenced by ${kind} - don't prune`,
      keepTagRevisions: 0,
      images: [d(0), d(1)],
      streams: [fooBar(d(0), d(1))],
      usedImages: USED_0,
      expectedStreamUpdates: [`foo/bar|latest|1|${d(1)}`],
    }),
  ),
  // build configs and builds: ImageStreamImage foo/bar@d0 or DockerImage registry.io/foo/bar@d0
  ...["bc", "build"].flatMap((owner) =>
    ["ImageStreamImage", "DockerImage"].flatMap((fromKind) =>
      ["sti", "docker", "custom"].map(
        (strategy): PruneCase => ({
          name: `referenced by ${owner} - ${strategy} - ${fromKind} - don't prune`,
          keepTagRevisions: 0,
          images: [d(0)],
          streams: [fooBar(d(0))],
          usedImages: USED_0,
          expectedStreamUpdates: [],
        }),
      ),
    ),
  ),
  ...[
    "image stream - keep most recent n images",
    "continue on blob deletion failure",
    "keep image when all blob deletions fail",
    "continue on manifest link deletion failure",
  ].map(
    (name): PruneCase => ({
      name,
      images: [d(0), d(2), d(3), d(4)],
      streams: [fooBar({ image: d(0), ref: `otherregistry/foo/bar@${d(0)}` }, d(2), d(3), d(4))],
      expectedStreamUpdates: [`foo/bar|latest|3|${d(4)}`],
    }),
  ),
  {
    name: "image stream - same manifest listed multiple times in tag history",
    images: [d(1), d(2)],
    streams: [fooBar(d(1), d(2), d(1), d(2))],
    expectedStreamUpdates: [`foo/bar|latest|3|${d(2)}`],
  },
  {
    name: "image stream age less than min pruning age - don't prune",
    images: [d(0), d(2), d(3), d(4)],
    streams: [{ ns: "foo", name: "bar", ageMinutes: 5, tags: latest(d(0), d(2), d(3), d(4)) }],
    expectedStreamUpdates: [],
  },
  {
    name: "image stream - unreference absent image",
    images: [d(1)],
    streams: [fooBar(d(0), d(1))],
    expectedStreamUpdates: [`foo/bar|latest|0|${d(0)}`],
  },
  {
    name: "image stream with dangling references - delete tags",
    images: [d(1)],
    streams: [
      {
        ns: "foo",
        name: "bar",
        tags: [
          ["latest", [d(0)]],
          ["tag", [d(2)]],
        ],
      },
    ],
    expectedStreamUpdates: [
      "foo/bar:latest",
      "foo/bar:tag",
      `foo/bar|latest|0|${d(0)}`,
      `foo/bar|tag|0|${d(2)}`,
    ],
  },
  {
    name: "image stream - keep reference to a young absent image",
    images: [d(1), d(2)],
    streams: [fooBar({ image: d(0), created: NOW }, d(1))],
    expectedStreamUpdates: [],
  },
  {
    name: "images referenced by istag - keep",
    keepTagRevisions: 0,
    images: [0, 1, 2, 3, 4, 5, 6].map(d),
    streams: [
      {
        ns: "foo",
        name: "bar",
        tags: [
          ["latest", [0, 1, 2, 3, 4, 5].map(d)],
          ["dummy", [d(5)]],
        ],
      },
      {
        ns: "foo",
        name: "baz",
        tags: [
          ["late", [{ image: d(2), ref: `${REGISTRY}/foo/bar@${d(2)}` }]],
          ["keepme", [d(6)]],
        ],
      },
    ],
    // DS registry.io/foo/bar:latest, DC registry.io/foo/repo:dummy, RS registry.io/foo/baz:late,
    // Deployment external.registry:5000/foo/baz:keepme (the registry host is ignored)
    usedTags: ["foo/bar:latest", "foo/repo:dummy", "foo/baz:late", "foo/baz:keepme"],
    expectedStreamUpdates: [
      "foo/bar:dummy",
      `foo/bar|latest|1|${d(1)}`,
      `foo/bar|latest|2|${d(2)}`,
      `foo/bar|latest|3|${d(3)}`,
      `foo/bar|latest|4|${d(4)}`,
      `foo/bar|latest|5|${d(5)}`,
      `foo/bar|dummy|0|${d(5)}`,
    ],
  },
  {
    name: "multiple resources pointing to image - don't prune",
    images: [d(0), d(2)],
    streams: [fooBar(d(0), d(2))],
    usedImages: [`foo/bar@${d(0)}`, `foo/bar@${d(2)}`], // RC, running pod, DC, BC, build
    expectedStreamUpdates: [],
  },
  ...[
    "image with layers",
    "continue on layer link error",
    "images with duplicate layers and configs",
    "continue on image deletion failure",
  ].map(
    (name): PruneCase => ({
      name,
      images:
        name.includes("duplicate") || name.includes("deletion")
          ? [1, 2, 3, 4, 5].map(d)
          : [1, 2, 3, 4].map(d),
      streams: [fooBar(d(1), d(2), d(3), d(4))],
      expectedStreamUpdates: [`foo/bar|latest|3|${d(4)}`],
    }),
  ),
  ...["schema 2 image blobs are pruned", "oci image blobs are pruned"].map(
    (name): PruneCase => ({
      name,
      keepTagRevisions: 0,
      images: [d(0)],
      streams: [fooBar(d(0))],
      expectedStreamUpdates: PRUNE_LATEST_0,
    }),
  ),
  {
    name: "blobs are not deleted if there are oci images that still use them",
    keepTagRevisions: 1,
    images: [d(1), d(0)],
    streams: [fooBar(d(1), d(0))],
    expectedStreamUpdates: [`foo/bar|latest|1|${d(0)}`],
  },
  {
    name: "referenced by statefulset - don't prune",
    keepTagRevisions: 0,
    images: [d(0), d(1), d(2)],
    streams: [fooBar(d(0), d(1), d(2))],
    usedImages: [`foo/bar@${d(0)}`, `foo/bar@${d(2)}`],
    expectedStreamUpdates: [`foo/bar|latest|1|${d(1)}`],
  },
  ...["job", "cronjob"].map(
    (kind): PruneCase => ({
      name: `referenced by ${kind} - don't prune`,
      keepTagRevisions: 0,
      images: [d(0), d(1)],
      streams: [fooBar(d(0), d(1))],
      usedImages: USED_0,
      expectedStreamUpdates: [`foo/bar|latest|1|${d(1)}`],
    }),
  ),
];

/**
 * TestRegistryPruning (keep-tag-revisions 1, keep-younger-than 60m): it states no stream
 * updates, but a manifest link `ns/name|digest` is deleted exactly when the last history item of
 * that image in that stream is pruned, so its expectedManifestDeletions give the removed items.
 * "blobs pruned when streams have already been deleted" has no stream and "config used as a
 * layer, but leave registry alone" expects nothing about streams; both are left out.
 */
const REGISTRY_PRUNING: readonly PruneCase[] = [
  {
    name: "layers unique to id1 pruned",
    keepTagRevisions: 1,
    images: [d(1), d(2)],
    streams: [
      { ns: "foo", name: "bar", registry: "registry1.io", tags: latest(d(2), d(1)) },
      { ns: "foo", name: "other", registry: "registry1.io", tags: latest(d(2)) },
    ],
    expectedStreamUpdates: [`foo/bar|latest|1|${d(1)}`],
  },
  {
    name: "no pruning when no images are pruned",
    keepTagRevisions: 1,
    images: [d(1)],
    streams: [{ ns: "foo", name: "bar", registry: "registry1.io", tags: latest(d(1)) }],
    expectedStreamUpdates: [],
  },
  {
    name: "config used as a layer",
    keepTagRevisions: 1,
    images: [d(1), d(2), d(3)],
    streams: [
      { ns: "foo", name: "bar", registry: "registry1.io", tags: latest(d(2), d(1)) },
      { ns: "foo", name: "other", registry: "registry1.io", tags: latest(d(3)) },
    ],
    expectedStreamUpdates: [`foo/bar|latest|1|${d(1)}`],
  },
];

const bare = (n: number) => String(n).padStart(64, "0");

/** TestImageWithStrongAndWeakRefsIsNotPruned (keep-tag-revisions 2, keep-younger-than 24h). */
const STRONG_AND_WEAK: PruneCase = {
  name: "TestImageWithStrongAndWeakRefsIsNotPruned",
  keepTagRevisions: 2,
  keepYoungerThanMinutes: 24 * 60,
  images: [1, 2, 3].map(bare), // AgedImage 1540 minutes old
  streams: [
    {
      ns: "foo",
      name: "bar",
      registry: "registry1",
      tags: [
        ["latest", [3, 2, 1].map((n) => ({ image: bare(n), ref: `registry1.io/foo/bar@sha256:${bare(n)}` }))],
        ["strong", [{ image: bare(1), ref: `registry1.io/foo/bar@sha256:${bare(1)}` }]],
      ],
    },
  ],
  // The image stays (the tag "strong" references it) but the old history item of "latest" goes.
  expectedStreamUpdates: [`foo/bar|latest|2|${bare(1)}`],
};

function check(c: PruneCase): void {
  const { updates, unchanged } = run(c);
  expect(updates).toEqual([...c.expectedStreamUpdates].sort());
  // A stream with nothing to prune comes back as the very same object.
  c.streams.forEach((s, i) => {
    const touched = c.expectedStreamUpdates.some(
      (u) => u.startsWith(`${s.ns}/${s.name}:`) || u.startsWith(`${s.ns}/${s.name}|`),
    );
    expect(unchanged[i]).toBe(!touched);
  });
}

function table(cases: readonly PruneCase[]): void {
  for (const c of cases) {
    it(`${c.name}`, () => check(c));
  }
}

describe("R17.2 pruneTagHistory: oc TestImagePruning (expectedStreamUpdates)", () => {
  it("transcribes 51 cases", () => {
    expect(IMAGE_PRUNING).toHaveLength(51);
    expect(new Set(IMAGE_PRUNING.map((c) => c.name)).size).toBe(51);
  });
  table(IMAGE_PRUNING);
});

describe("R17.2 pruneTagHistory: oc TestRegistryPruning (removed items from expectedManifestDeletions)", () => {
  table(REGISTRY_PRUNING);
});

describe("R17.2 pruneTagHistory: oc TestImageWithStrongAndWeakRefsIsNotPruned", () => {
  table([STRONG_AND_WEAK]);
});

describe("R17.2 pruneTagHistory: the upstream order of the rules", () => {
  // prune.go pruneImageStreamTag checks: younger than the threshold → keep; revision 0 of a used
  // tag → keep; Image gone → drop; index < keep-tag-revisions → keep; image used → keep.
  it("oc TestImagePruning order: a used tag keeps revision 0 even when its Image is gone", () => {
    check({
      name: "used tag, absent image",
      keepTagRevisions: 0,
      images: [d(1)],
      streams: [fooBar(d(0), d(1))],
      usedTags: ["foo/bar:latest"],
      expectedStreamUpdates: [`foo/bar|latest|1|${d(1)}`],
    });
  });

  it("oc prune.go: an old stream (AgedStream 61 minutes) is pruned like one without a creation time", () => {
    check({
      name: "old stream",
      images: [d(0), d(2), d(3), d(4)],
      streams: [{ ns: "foo", name: "bar", ageMinutes: 61, tags: latest(d(0), d(2), d(3), d(4)) }],
      expectedStreamUpdates: [`foo/bar|latest|3|${d(4)}`],
    });
  });
});
