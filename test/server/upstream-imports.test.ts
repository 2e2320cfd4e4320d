/**
 * Upstream test tables for image imports (docs/behaviour.md §11), transcribed (data only) from:
 *  - openshift/openshift-apiserver pkg/image/apiserver/registry/imagestreamimport/rest_test.go:
 *    TestImportSuccessful, TestCreatePlatformStatusTags (image part), TestImportSuccessfulWithSubmanifests,
 *    TestCreateImages
 *  - openshift/openshift-apiserver pkg/image/apiserver/importer/importer_test.go (TestImportManifestList) and
 *    importer_manifestlist_test.go (TestImportManifestList, TestImportManifestListSingleManifest): only the
 *    outcome of the importer's platform choice, i.e. which image the tag ends up on
 *  - openshift/openshift-controller-manager pkg/image/controller/imagestream_controller_test.go
 *    (TestHandleImageStream; the same table is in openshift/origin pkg/image/controller)
 *  - openshift/openshift-controller-manager pkg/image/controller/scheduled_image_controller_test.go
 *    (TestScheduledImport, TestSchedulingChecks)
 *
 * Upstream calls `importSuccessful` / `createImages` directly with a stream, a tag, a `from`, a
 * `nextGeneration` and policies; here the same data goes through `applyImportResult` as one
 * ImageStreamImport entry (`spec.images[0]` with `to` = the tag, `status.images[0]` = the importer's
 * answer) on a stream whose generation is `nextGeneration - 1`. Upstream events without `created` get
 * a fixed old timestamp.
 */
import { describe, expect, it } from "vitest";
import {
  applyImportResult,
  type Image,
  type ImageStream,
  type ImageStreamImport,
  latestObservedTagGeneration,
  needsScheduledImport,
  planImport,
  planScheduledImport,
} from "../support/all.js";
import { deepFreeze, snapshot } from "../support/freeze.js";

type Obj = Record<string, unknown>;

const NOW = "2024-05-01T10:00:00Z";
const OLD = "2023-06-01T00:00:00Z";
const CHECK = "openshift.io/image.dockerRepositoryCheck";
const opts = { now: NOW };

/** `fmt.Sprintf("sha256:%064x", i)` (rest_test.go createTestDigest). */
const testDigest = (i: number) => `sha256:${i.toString(16).padStart(64, "0")}`;
const TAG = "mytag";
const D1 = `sha256:${"1".repeat(64)}`;
const REF1 = `registry.com/namespace/image@${D1}`;
const D2 = `sha256:${"2".repeat(64)}`;
const REF2 = `registry.com/namespace/image@${D2}`;
const SUB1 = `sha256:${"0".repeat(63)}1`;
const SUB2 = `sha256:${"0".repeat(63)}2`;

/** rest_test.go mockImage. */
const mockImage = (digest: string): Image =>
  ({ metadata: { name: digest }, dockerImageReference: `registry.com/namespace/image@${digest}` }) as Image;

function streamOf(
  generation: number,
  specTags: Obj[],
  statusTags: Obj[] = [],
  extraMeta: Obj = {},
): ImageStream {
  return deepFreeze({
    metadata: { name: "image", namespace: "ns", generation, ...extraMeta },
    spec: { tags: specTags },
    status: { dockerImageRepository: "", tags: statusTags },
  }) as unknown as ImageStream;
}

interface Entry {
  from: string;
  to?: string;
  importPolicy?: Obj;
  referencePolicy?: Obj;
  status: Obj;
}

function isiOf(entries: Entry[]): ImageStreamImport {
  return deepFreeze({
    metadata: { name: "image", namespace: "ns" },
    spec: {
      import: true,
      images: entries.map((e) => ({
        from: { kind: "DockerImage", name: e.from },
        ...(e.to !== undefined ? { to: { name: e.to } } : {}),
        ...(e.importPolicy ? { importPolicy: e.importPolicy } : {}),
        ...(e.referencePolicy ? { referencePolicy: e.referencePolicy } : {}),
      })),
    },
    status: { images: entries.map((e) => e.status) },
  }) as unknown as ImageStreamImport;
}

const success = (image: Image, manifests?: Image[]): Obj => ({
  status: { status: "Success" },
  image,
  ...(manifests ? { manifests } : {}),
});

const statusOf = (s: ImageStream, tag: string) => s.status?.tags?.find((t) => t.tag === tag);
const specOf = (s: ImageStream, tag: string) => s.spec?.tags?.find((t) => t.name === tag);
const names = (images: readonly Image[]) => images.map((i) => i.metadata?.name);

describe("R11.2/R11.3 applyImportResult: rest_test.go TestImportSuccessful", () => {
  const specTag = (generation: number, referencePolicy?: string): Obj => ({
    name: TAG,
    from: { kind: "DockerImage", name: "registry.com/namespace/image:mytag" },
    generation,
    ...(referencePolicy ? { referencePolicy: { type: referencePolicy } } : {}),
  });
  const cases: {
    name: string;
    spec: Obj[];
    status: Obj[];
    importReferencePolicy: string;
    expectedEvent: Obj;
    expectedReferencePolicy: string;
  }[] = [
    {
      name: "reference differs",
      spec: [specTag(1)],
      status: [{ tag: TAG, items: [{ created: OLD, dockerImageReference: REF2, image: D2, generation: 1 }] }],
      importReferencePolicy: "Source",
      expectedEvent: { created: NOW, dockerImageReference: REF1, image: D1, generation: 2 },
      expectedReferencePolicy: "Source",
    },
    {
      name: "image differs",
      spec: [specTag(1)],
      status: [
        {
          tag: TAG,
          items: [
            {
              created: OLD,
              dockerImageReference: "registry.com/namespace/image:othertag",
              image: "non-image",
              generation: 1,
            },
          ],
        },
      ],
      importReferencePolicy: "Local",
      expectedEvent: { created: NOW, dockerImageReference: REF1, image: D1, generation: 2 },
      // Upstream expects "Local": its unit test hands importSuccessful an undecoded internal stream whose
      // spec tag has no reference policy, so the import's policy is taken. A stored stream is always
      // decoded with R1.3.5 (empty → Source, R1.11.5), and applyImportResult works on the decoded stream
      // (docs/semantics-notes.md), so the tag already has "Source" and keeps it (R11.2).
      expectedReferencePolicy: "Source",
    },
    {
      name: "empty status",
      spec: [specTag(1, "Source")],
      status: [],
      importReferencePolicy: "Local",
      expectedEvent: { created: NOW, dockerImageReference: REF1, image: D1, generation: 2 },
      expectedReferencePolicy: "Source",
    },
    {
      // https://github.com/openshift/origin/issues/10402
      name: "only generation differ",
      spec: [specTag(2, "Local")],
      status: [{ tag: TAG, items: [{ created: OLD, dockerImageReference: REF1, image: D1, generation: 1 }] }],
      importReferencePolicy: "Source",
      expectedEvent: { created: OLD, dockerImageReference: REF1, image: D1, generation: 2 },
      expectedReferencePolicy: "Local",
    },
  ];

  it.each(cases)("$name", (c) => {
    const before = streamOf(1, c.spec, c.status);
    const copy = snapshot(before);
    const { stream, changed } = applyImportResult(
      before,
      isiOf([
        {
          from: REF1,
          to: TAG,
          importPolicy: {},
          referencePolicy: { type: c.importReferencePolicy },
          status: success({ metadata: { name: D1 }, dockerImageReference: REF1 } as Image),
        },
      ]),
      opts,
    );
    expect(changed).toBe(true);
    expect(statusOf(stream, TAG)?.items[0]).toEqual(c.expectedEvent);
    expect(specOf(stream, TAG)?.referencePolicy?.type).toBe(c.expectedReferencePolicy);
    expect(snapshot(before)).toEqual(copy);
  });
});

describe("R11.2/R11.15 applyImportResult: rest_test.go TestCreatePlatformStatusTags (event image only)", () => {
  // Upstream also checks TagEvent.platforms, a field docs/behaviour.md.md does not define (left out). Upstream
  // calls importSuccessful with an empty import mode; that helper never picks a sub-manifest (the
  // importer does, R11.14), so the list case is expressed here with PreserveOriginal (R11.15).
  const D16 = testDigest(16);
  const listImage = (manifests: Obj[]): Image =>
    ({
      metadata: { name: D16 },
      dockerImageReference: `registry.com/namespace/image@${testDigest(1)}`,
      dockerImageManifests: manifests,
    }) as unknown as Image;
  const m = (digest: string, architecture: string) => ({
    digest,
    mediaType: "application/vnd.docker.distribution.manifest.v2+json",
    manifestSize: 1,
    architecture,
    os: "linux",
  });
  const cases: { name: string; image: Image; importPolicy: Obj; status: Obj[] }[] = [
    {
      name: "import successful with valid platforms",
      image: listImage([m(testDigest(17), "amd64"), m(testDigest(18), "arm")]),
      importPolicy: { importMode: "PreserveOriginal" },
      status: [],
    },
    {
      name: "import successful without submanifests",
      image: listImage([]),
      importPolicy: {},
      status: [],
    },
    {
      name: "import successful for existing equal tag",
      image: listImage([m(testDigest(17), "amd64"), m(testDigest(18), "s390x")]),
      importPolicy: { importMode: "PreserveOriginal" },
      status: [
        {
          tag: TAG,
          items: [
            {
              created: OLD,
              dockerImageReference: "",
              image: D16,
              generation: 1,
            },
          ],
        },
      ],
    },
  ];

  it.each(cases)("$name", (c) => {
    const { stream } = applyImportResult(
      streamOf(0, [], c.status),
      isiOf([
        {
          from: `registry.com/namespace/image@${testDigest(1)}`,
          to: TAG,
          importPolicy: c.importPolicy,
          referencePolicy: { type: "Source" },
          status: success(c.image),
        },
      ]),
      opts,
    );
    expect(stream.status?.tags?.map((t) => t.tag)).toEqual([TAG]);
    expect(statusOf(stream, TAG)?.items.map((e) => e.image)).toEqual([D16]);
  });
});

describe("R11.15 applyImportResult: rest_test.go TestImportSuccessfulWithSubmanifests", () => {
  // Upstream's fake creater fails with AlreadyExists for the listed digests; here such images are known
  // to `getImage`, so the import succeeds and does not create them again.
  const cases: { name: string; existing: string[]; created: string[] }[] = [
    { name: "FirstImport", existing: [], created: [SUB1, SUB2, D1] },
    { name: "SubmanifestExists", existing: [SUB1], created: [SUB2, D1] },
    { name: "ManifestListExists", existing: [D1], created: [SUB1, SUB2] },
  ];

  it.each(cases)("$name", (c) => {
    const before = streamOf(1, [
      {
        name: TAG,
        from: { kind: "DockerImage", name: "registry.com/namespace/image:mytag" },
        generation: 1,
        importPolicy: { importMode: "PreserveOriginal" },
      },
    ]);
    const result = isiOf([
      {
        from: REF1,
        to: TAG,
        importPolicy: {},
        referencePolicy: { type: "Source" },
        status: success(mockImage(D1), [mockImage(SUB1), mockImage(SUB2)]),
      },
    ]);
    const getImage = (name: string) => (c.existing.includes(name) ? mockImage(name) : undefined);
    const { stream, images } = applyImportResult(before, result, { ...opts, getImage });
    expect(names(images)).toEqual(c.created);
    expect(statusOf(stream, TAG)?.items[0]).toEqual({
      created: NOW,
      dockerImageReference: REF1,
      image: D1,
      generation: 2,
    });
    expect(statusOf(stream, TAG)?.conditions ?? []).toEqual([]);
  });
});

describe("R11.4/R11.15 applyImportResult: rest_test.go TestCreateImages", () => {
  const cases: { name: string; status: Obj; created: number; condition?: Obj }[] = [
    {
      name: "successfulImport",
      status: success(mockImage(D1), [mockImage(SUB1), mockImage(SUB2)]),
      created: 3,
    },
    {
      name: "failedImport",
      status: { status: { status: "Failure" } },
      created: 0,
      condition: { type: "ImportSuccess", status: "False", message: "unknown error prevented import" },
    },
  ];

  it.each(cases)("$name", (c) => {
    const before = streamOf(0, [
      {
        name: TAG,
        from: { kind: "DockerImage", name: "registry.com/namespace/image:mytag" },
        generation: 1,
        importPolicy: { importMode: "PreserveOriginal" },
      },
    ]);
    const { stream, images } = applyImportResult(
      before,
      isiOf([
        {
          from: "registry.com/namespace/image:mytag",
          to: TAG,
          importPolicy: { importMode: "PreserveOriginal" },
          status: c.status,
        },
      ]),
      opts,
    );
    expect(images).toHaveLength(c.created);
    const conditions = statusOf(stream, TAG)?.conditions ?? [];
    if (c.condition === undefined) {
      expect(conditions).toEqual([]);
    } else {
      expect(conditions).toHaveLength(1);
      expect(conditions[0]).toMatchObject(c.condition);
      expect(conditions[0]?.generation).toBe(1);
    }
  });
});

describe("R11.14/R11.15 applyImportResult: importer tests, the image a manifest list import lands on", () => {
  const ML5020 = "sha256:5020d54ec2de60c4e187128b5a03adda261a7fe78c9c500ffd24ff4af476fb41";
  const AMD64 = "sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0";
  const ARM64 = "sha256:1a06d68cb9117b52965035a5b0fa4c1470ef892e6062ffedb1af1922952e0950";
  const V2 = "application/vnd.docker.distribution.manifest.v2+json";
  const entry = (digest: string, architecture: string, variant?: string) => ({
    digest,
    mediaType: V2,
    manifestSize: 1152,
    architecture,
    os: "linux",
    ...(variant ? { variant } : {}),
  });
  // importer_manifestlist_test.go testdata/manifest-list.json
  const list5020 = (ref: string): Image =>
    ({
      metadata: { name: ML5020 },
      dockerImageReference: ref,
      dockerImageManifestMediaType: "application/vnd.docker.distribution.manifest.list.v2+json",
      dockerImageManifests: [entry(AMD64, "amd64"), entry(ARM64, "arm64", "v8")],
    }) as unknown as Image;
  const subs = [mockImage(AMD64), mockImage(ARM64)].map(
    (i) => ({ ...i, dockerImageReference: `test@${i.metadata?.name}` }) as Image,
  );

  // importer_manifestlist_test.go TestImportManifestListSingleManifest: "" and Legacy import the
  // amd64/linux sub-manifest (the tests run on amd64). Digest imports get an explicit `to`: without one
  // the REST handler skips the entry.
  it.each([
    { name: "testDigestImportModeEmptyStringDefaultsToSingleManifestMode", from: `test@${ML5020}`, mode: "" },
    { name: "testTagImportModeEmptyStringDefaultsToSingleManifestMode", from: "test:latest", mode: "" },
    { name: "testDigestImportModelSingleManifest", from: `test@${ML5020}`, mode: "Legacy" },
    { name: "testTagImportModelSingleManifest", from: "test:latest", mode: "Legacy" },
  ])("$name", (c) => {
    const to = c.from.includes("@") ? "t" : undefined;
    const { stream } = applyImportResult(
      streamOf(0, []),
      isiOf([
        {
          from: c.from,
          ...(to ? { to } : {}),
          ...(c.mode ? { importPolicy: { importMode: c.mode } } : {}),
          status: success(list5020(`test@${ML5020}`)),
        },
      ]),
      opts,
    );
    expect(statusOf(stream, to ?? "latest")?.items[0]?.image).toBe(AMD64);
  });

  // importer_manifestlist_test.go TestImportManifestList (PreserveOriginal): the list is kept and
  // both sub-manifests become images.
  it.each([
    { name: "ImportByTag", from: "test:latest", to: undefined, tag: "latest" },
    { name: "ImportByDigest", from: `test@${ML5020}`, to: "t", tag: "t" },
  ])("$name", (c) => {
    const { stream, images } = applyImportResult(
      streamOf(0, []),
      isiOf([
        {
          from: c.from,
          ...(c.to ? { to: c.to } : {}),
          importPolicy: { importMode: "PreserveOriginal" },
          status: success(list5020(`test@${ML5020}`), subs),
        },
      ]),
      opts,
    );
    expect(statusOf(stream, c.tag)?.items[0]?.image).toBe(ML5020);
    expect(names(images)).toEqual([AMD64, ARM64, ML5020]);
  });

  it("ImportRepository", () => {
    const result = deepFreeze({
      metadata: { name: "image", namespace: "ns" },
      spec: {
        import: true,
        repository: {
          from: { kind: "DockerImage", name: "test" },
          importPolicy: { importMode: "PreserveOriginal" },
        },
      },
      status: {
        repository: {
          status: { status: "Success" },
          images: [{ tag: "latest", ...success(list5020(`test@${ML5020}`), subs) }],
        },
      },
    }) as unknown as ImageStreamImport;
    const { stream, images } = applyImportResult(streamOf(0, []), result, opts);
    expect(statusOf(stream, "latest")?.items[0]?.image).toBe(ML5020);
    expect(specOf(stream, "latest")?.from).toEqual({ kind: "DockerImage", name: "test:latest" });
    expect(names(images)).toEqual([AMD64, ARM64, ML5020]);
  });

  it("ImportTwoImagesBySameDigest (PreserveOriginal and Legacy entries, given `to` a and b)", () => {
    const { stream, images } = applyImportResult(
      streamOf(0, []),
      isiOf([
        {
          from: `test@${ML5020}`,
          to: "a",
          importPolicy: { importMode: "PreserveOriginal" },
          status: success(list5020(`test@${ML5020}`), subs),
        },
        {
          from: `test@${ML5020}`,
          to: "b",
          importPolicy: { importMode: "Legacy" },
          status: success(list5020(`test@${ML5020}`)),
        },
      ]),
      opts,
    );
    expect(statusOf(stream, "a")?.items[0]?.image).toBe(ML5020);
    expect(statusOf(stream, "b")?.items[0]?.image).toBe(AMD64);
    expect(names(images)).toEqual([AMD64, ARM64, ML5020]);
  });

  // importer_test.go TestImportManifestList: a six-platform list imported by digest with no import
  // mode; the importer fetches the list and the amd64/linux entry only.
  it("importer_test.go TestImportManifestList", () => {
    const D1D4 = "sha256:d1d454df0f579c6be4d8161d227462d69e163a8ff9d20a847533989cf0c94d90";
    const CD42 = "sha256:cd42b54dfb86ac681ba9398a535541f6652fae2ef22f93588fe37940aedac3f4";
    const list = {
      metadata: { name: D1D4 },
      dockerImageReference: `test@${D1D4}`,
      dockerImageManifests: [
        entry(CD42, "amd64"),
        entry("sha256:e9c44dbc9e1b732118bddc9b13f23295750889571ab8d66dd0b07fde59dc187e", "arm", "v7"),
        entry(ARM64, "arm64", "v8"),
        entry("sha256:8fc36de4b957529f5a274da741739aa47b899368318c88bb6bebf9d9e6b0ccd0", "386"),
        entry("sha256:0dcd8df85597396276e73ec96deb5c67c03c09b69297f7f3eb1a278649ec8e9b", "ppc64le"),
        entry("sha256:0d66f428f847be647731237ae59b41b7d9734d4b43f37c03fffde8c10bc0134a", "s390x"),
      ],
    } as unknown as Image;
    const { stream } = applyImportResult(
      streamOf(0, []),
      isiOf([{ from: `test@${D1D4}`, to: "t", status: success(list) }]),
      opts,
    );
    expect(statusOf(stream, "t")?.items[0]?.image).toBe(CD42);
  });
});

describe("R11.7–R11.10 planImport: imagestream_controller_test.go TestHandleImageStream", () => {
  const meta = (annotation?: string) => ({
    name: "test",
    namespace: "other",
    ...(annotation !== undefined ? { annotations: { [CHECK]: annotation } } : {}),
  });
  const tag = (name: string, from: string, extra: Obj = {}) => ({
    name,
    from: { kind: "DockerImage", name: from },
    ...extra,
  });
  const want = (from: string, to: string) => ({
    import: true,
    images: [{ from: { kind: "DockerImage", name: from }, to: { name: to } }],
  });
  const cases: { name: string; stream: Obj; expected?: Obj }[] = [
    { name: "0 checked, nothing to import", stream: { metadata: meta(NOW) } },
    {
      name: "1 checked, spec.dockerImageRepository",
      stream: { metadata: meta(NOW), spec: { dockerImageRepository: "test/other" } },
    },
    {
      name: "2 annotation with any value counts as checked",
      stream: { metadata: meta("a random error"), spec: { dockerImageRepository: "test/other" } },
    },
    {
      name: "3 references are ignored",
      stream: { metadata: meta(), spec: { tags: [tag("latest", "test/other:latest", { reference: true })] } },
    },
    {
      name: "4 references are ignored (other kind)",
      stream: {
        metadata: meta(),
        spec: {
          tags: [
            { name: "latest", from: { kind: "AnotherImage", name: "test/other:latest" }, reference: true },
          ],
        },
      },
    },
    {
      name: "5 spec tag will be imported",
      stream: { metadata: meta(), spec: { tags: [tag("latest", "test/other:latest")] } },
      expected: want("test/other:latest", "latest"),
    },
    {
      name: "6 spec tag with generation with no pending status will be imported",
      stream: { metadata: meta(), spec: { tags: [tag("latest", "test/other:latest", { generation: 2 })] } },
      expected: want("test/other:latest", "latest"),
    },
    {
      name: "7 spec tag with generation with older status generation will be imported",
      stream: {
        metadata: meta(),
        spec: {
          tags: [
            tag("v1", "test/other:v1", { generation: 1 }),
            tag("latest", "test/other:latest", { generation: 2 }),
          ],
        },
        status: {
          tags: [
            { tag: "v1", items: [{ generation: 1 }] },
            { tag: "latest", items: [{ generation: 1 }] },
          ],
        },
      },
      expected: want("test/other:latest", "latest"),
    },
    {
      name: "8 spec tag with generation with status condition error and equal generation will not be imported",
      stream: {
        metadata: meta(NOW),
        spec: { tags: [tag("latest", "test/other:latest", { generation: 2 })] },
        status: {
          tags: [{ tag: "latest", conditions: [{ type: "ImportSuccess", status: "False", generation: 2 }] }],
        },
      },
    },
    {
      name: "9 spec tag with generation with status condition error and older generation will be imported",
      stream: {
        metadata: meta(NOW),
        spec: { tags: [tag("latest", "test/other:latest", { generation: 2 })] },
        status: {
          tags: [{ tag: "latest", conditions: [{ type: "ImportSuccess", status: "False", generation: 1 }] }],
        },
      },
      expected: want("test/other:latest", "latest"),
    },
    {
      name: "10 spec tag with generation with older status generation will be imported (checked stream)",
      stream: {
        metadata: meta(NOW),
        spec: { tags: [tag("latest", "test/other:latest", { generation: 2 })] },
        status: { tags: [{ tag: "latest", items: [{ generation: 1 }] }] },
      },
      expected: want("test/other:latest", "latest"),
    },
    {
      name: "11 test external repo",
      stream: { metadata: meta(), spec: { tags: [tag("1.1", "some/repo:mytag")] } },
      expected: want("some/repo:mytag", "1.1"),
    },
    {
      name: "12 spec tag with generation with current status generation will be ignored",
      stream: {
        metadata: meta(NOW),
        spec: { tags: [tag("latest", "test/other:latest", { generation: 2 })] },
        status: { tags: [{ tag: "latest", items: [{ generation: 2 }] }] },
      },
    },
  ];

  it.each(cases)("$name", (c) => {
    const stream = deepFreeze(c.stream) as unknown as ImageStream;
    const copy = snapshot(stream);
    const isi = planImport(stream);
    if (c.expected === undefined) {
      expect(isi).toBeUndefined();
    } else {
      expect(isi?.spec).toEqual(c.expected);
      expect(isi?.metadata).toEqual({ name: "test", namespace: "other" });
    }
    expect(snapshot(stream)).toEqual(copy);
  });

  it("R11.8 latestObservedTagGeneration over the same streams", () => {
    const observed = (i: number) =>
      latestObservedTagGeneration(cases[i]?.stream as unknown as ImageStream, "latest");
    expect([5, 7, 8, 9, 10, 12].map(observed)).toEqual([0, 1, 2, 1, 1, 2]);
  });
});

describe("R11.12/R11.13 scheduled imports: scheduled_image_controller_test.go", () => {
  const SHA = "abc@sha256:3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";
  const meta = {
    name: "test",
    namespace: "other",
    uid: "1",
    resourceVersion: "1",
    annotations: { [CHECK]: "done" },
    generation: 1,
  };
  const tag = (name: string, from: string, scheduled: boolean) => ({
    name,
    from: { kind: "DockerImage", name: from },
    generation: 1,
    importPolicy: scheduled ? { scheduled: true } : {},
  });

  it("TestScheduledImport: a scheduled tag is re-imported on each pass, the normal controller stays quiet", () => {
    const stream = deepFreeze({
      metadata: meta,
      spec: { tags: [tag("default", "mysql:latest", true)] },
      status: { tags: [{ tag: "default", items: [{ generation: 1 }] }] },
    }) as unknown as ImageStream;
    expect(needsScheduledImport(stream)).toBe(true);
    expect(planImport(stream)).toBeUndefined();
    const isi = planScheduledImport(stream);
    expect(isi?.metadata).toEqual({ name: "test", namespace: "other", resourceVersion: "1", uid: "1" });
    expect(isi?.spec).toEqual({
      import: true,
      images: [
        {
          from: { kind: "DockerImage", name: "mysql:latest" },
          to: { name: "default" },
          importPolicy: { scheduled: true },
        },
      ],
    });
    expect(specOf(stream, "default")?.generation).toBe(1);
  });

  const cases: { name: string; tags: Obj[]; status: Obj[]; expected: boolean; bumped: string[] }[] = [
    {
      name: "none scheduled",
      tags: [tag("default", "mysql:latest", false)],
      status: [{ tag: "default", items: [{ generation: 1 }] }],
      expected: false,
      bumped: [],
    },
    {
      name: "sha ref that failed will import",
      tags: [tag("default1", SHA, true)],
      status: [
        {
          tag: "default1",
          conditions: [{ type: "ImportSuccess", status: "False", generation: 1, message: "transient error" }],
        },
      ],
      expected: true,
      bumped: ["default1"],
    },
    {
      name: "sha ref not imported",
      tags: [tag("default1", SHA, true), tag("default2", SHA, true)],
      status: [{ tag: "default1", items: [{ generation: 1 }] }],
      expected: true,
      bumped: ["default2"],
    },
    {
      name: "sha ref imported",
      tags: [tag("default", SHA, true)],
      status: [{ tag: "default", items: [{ generation: 1 }] }],
      expected: false,
      bumped: [],
    },
    {
      name: "standard docker image ref with tag",
      tags: [tag("default", "mysql:latest", true)],
      status: [{ tag: "default", items: [{ generation: 1 }] }],
      expected: true,
      bumped: ["default"],
    },
  ];

  it.each(cases)("TestSchedulingChecks: $name", (c) => {
    const stream = deepFreeze({
      metadata: meta,
      spec: { tags: c.tags },
      status: { tags: c.status },
    }) as unknown as ImageStream;
    expect(needsScheduledImport(stream)).toBe(c.expected);
    const isi = planScheduledImport(stream);
    if (!c.expected) {
      expect(isi).toBeUndefined();
    } else {
      expect(isi?.spec?.images?.map((i) => i.to?.name)).toEqual(c.bumped);
    }
  });
});
