import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ImageStreamError } from "../../src/errors.js";
import type { Image, ImageStream, ImageStreamImport } from "../../src/model/index.js";
import {
  applyImportResult,
  latestObservedTagGeneration,
  needsScheduledImport,
  planImport,
  planScheduledImport,
} from "../../src/server/imports.js";
import { arbDigest, arbImageStream, arbTagName } from "../support/arbitraries.js";
import { deepFreeze, snapshot } from "../support/freeze.js";

const NOW = "2024-01-01T12:00:00Z";
const LATER = "2024-01-01T13:00:00Z";
const HOST = "image-registry.openshift-image-registry.svc:5000";
const opts = { now: NOW, internalRegistryHostname: HOST };
const hex = (c: string) => c.repeat(64);
const DA = `sha256:${hex("a")}`;
const DB = `sha256:${hex("b")}`;
const DC = `sha256:${hex("c")}`;
const DL = `sha256:${hex("d")}`;
const CHECK = "openshift.io/image.dockerRepositoryCheck";

function python(
  extra: Partial<{ annotations: Record<string, string>; tags: unknown[]; status: unknown[] }> = {},
) {
  return deepFreeze({
    metadata: {
      name: "python",
      namespace: "default",
      generation: 2,
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
    },
    spec: {
      lookupPolicy: { local: false },
      tags: extra.tags ?? [
        {
          name: "3.6",
          annotations: null,
          from: { kind: "DockerImage", name: "docker.io/python:3.6.0" },
          generation: 2,
          importPolicy: { importMode: "Legacy" },
          referencePolicy: { type: "Source" },
        },
      ],
    },
    status: {
      dockerImageRepository: `${HOST}/default/python`,
      ...(extra.status ? { tags: extra.status } : {}),
    },
  }) as unknown as ImageStream;
}

const image = (name: string, ref = "docker.io/python:3.6.0"): Image =>
  ({ metadata: { name }, dockerImageReference: ref }) as Image;

function success(
  tag: string,
  img: Image,
  from = "docker.io/python:3.6.0",
  extra: object = {},
): ImageStreamImport {
  return deepFreeze({
    metadata: { name: "python", namespace: "default" },
    spec: {
      import: true,
      images: [{ from: { kind: "DockerImage", name: from }, to: { name: tag }, ...extra }],
    },
    status: { images: [{ status: { status: "Success" }, image: img }] },
  }) as ImageStreamImport;
}

function failure(tag: string, reason: string, message: string | undefined, from = "docker.io/python:3.6.0") {
  return deepFreeze({
    metadata: { name: "python", namespace: "default" },
    spec: { import: true, images: [{ from: { kind: "DockerImage", name: from }, to: { name: tag } }] },
    status: {
      images: [{ status: { status: "Failure", reason, ...(message === undefined ? {} : { message }) } }],
    },
  }) as ImageStreamImport;
}

const statusOf = (s: ImageStream, tag: string) => s.status?.tags?.find((t) => t.tag === tag);
const specOf = (s: ImageStream, tag: string) => s.spec?.tags?.find((t) => t.name === tag);

describe("applyImportResult — success (R11.1–R11.3)", () => {
  it("R11.2 success pushes <repo>@<digest> with nextGeneration and resets the tag generation", () => {
    const before = python();
    const copy = snapshot(before);
    const { stream, images, changed } = applyImportResult(before, success("3.6", image(DA)), opts);
    expect(changed).toBe(true);
    expect(stream.metadata?.generation).toBe(3);
    expect(statusOf(stream, "3.6")?.items).toEqual([
      { created: NOW, dockerImageReference: `docker.io/python@${DA}`, image: DA, generation: 3 },
    ]);
    expect(specOf(stream, "3.6")?.generation).toBe(3);
    expect(specOf(stream, "3.6")?.from).toEqual({ kind: "DockerImage", name: "docker.io/python:3.6.0" });
    expect(stream.metadata?.annotations?.[CHECK]).toBe(NOW);
    expect(images.map((i) => i.metadata?.name)).toEqual([DA]);
    expect(snapshot(before)).toEqual(copy);
  });

  it("R11.2 the import's policy is set on the spec tag; an existing reference policy is kept", () => {
    const before = python({
      tags: [
        {
          name: "3.6",
          from: { kind: "DockerImage", name: "x:1" },
          generation: 2,
          referencePolicy: { type: "Local" },
        },
      ],
    });
    const { stream } = applyImportResult(
      before,
      success("3.6", image(DA), "docker.io/python:3.6.0", {
        importPolicy: { scheduled: true },
        referencePolicy: { type: "Source" },
      }),
      opts,
    );
    expect(specOf(stream, "3.6")?.importPolicy).toEqual({ scheduled: true, importMode: "Legacy" });
    expect(specOf(stream, "3.6")?.referencePolicy).toEqual({ type: "Local" });
    expect(specOf(stream, "3.6")?.from?.name).toBe("docker.io/python:3.6.0");
  });

  it("R11.3 only the generation differs: the top event keeps its created, gets the new generation", () => {
    const before = python({
      annotations: { [CHECK]: "2023-01-01T00:00:00Z" },
      tags: [{ name: "3.6", from: { kind: "DockerImage", name: "docker.io/python:3.6.0" }, generation: 4 }],
      status: [
        {
          tag: "3.6",
          items: [
            {
              created: "2023-01-01T00:00:00Z",
              dockerImageReference: `docker.io/python@${DA}`,
              image: DA,
              generation: 3,
            },
          ],
        },
      ],
    });
    const { stream } = applyImportResult(before, success("3.6", image(DA)), opts);
    expect(statusOf(stream, "3.6")?.items).toEqual([
      {
        created: "2023-01-01T00:00:00Z",
        dockerImageReference: `docker.io/python@${DA}`,
        image: DA,
        generation: 3,
      },
    ]);
    expect(stream.metadata?.generation).toBe(3);
    expect(specOf(stream, "3.6")?.generation).toBe(3);
  });

  it("R11.2 a new image on a tag with history is prepended and conditions are cleared", () => {
    const before = python({
      annotations: { [CHECK]: "2023-01-01T00:00:00Z" },
      status: [
        {
          tag: "3.6",
          items: [
            {
              created: "2023-01-01T00:00:00Z",
              dockerImageReference: `docker.io/python@${DA}`,
              image: DA,
              generation: 2,
            },
          ],
          conditions: [{ type: "ImportSuccess", status: "False", reason: "X", message: "y", generation: 2 }],
        },
      ],
    });
    const { stream } = applyImportResult(before, success("3.6", image(DB)), opts);
    const list = statusOf(stream, "3.6");
    expect(list?.items.map((e) => e.image)).toEqual([DB, DA]);
    expect(list?.conditions ?? []).toEqual([]);
  });

  it("R11.5 nothing changed and the annotation exists: no write, same object", () => {
    const before = python({
      annotations: { [CHECK]: "2023-01-01T00:00:00Z" },
      status: [
        {
          tag: "3.6",
          items: [
            {
              created: "2023-01-01T00:00:00Z",
              dockerImageReference: `docker.io/python@${DA}`,
              image: DA,
              generation: 2,
            },
          ],
        },
      ],
    });
    const r = applyImportResult(before, success("3.6", image(DA)), opts);
    expect(r.stream).toBe(before);
    expect(r.changed).toBe(false);
  });

  it("R11.5 a stored tag without the decode defaults is not a change (R1.3.4 defaults apply on read)", () => {
    const before = python({
      annotations: { [CHECK]: "2023-01-01T00:00:00Z" },
      tags: [{ name: "3.6", from: { kind: "DockerImage", name: "docker.io/python:3.6.0" }, generation: 2 }],
      status: [
        {
          tag: "3.6",
          items: [
            {
              created: "2023-01-01T00:00:00Z",
              dockerImageReference: `docker.io/python@${DA}`,
              image: DA,
              generation: 2,
            },
          ],
        },
      ],
    });
    const r = applyImportResult(before, success("3.6", image(DA)), opts);
    expect(r.stream).toBe(before);
    expect(r.changed).toBe(false);
  });

  it("R11.5 nothing changed but the annotation is missing: written with the annotation", () => {
    const before = python({
      status: [
        {
          tag: "3.6",
          items: [
            {
              created: "2023-01-01T00:00:00Z",
              dockerImageReference: `docker.io/python@${DA}`,
              image: DA,
              generation: 2,
            },
          ],
        },
      ],
    });
    const r = applyImportResult(before, success("3.6", image(DA)), { ...opts, now: LATER });
    expect(r.changed).toBe(true);
    expect(r.stream.metadata?.annotations?.[CHECK]).toBe(LATER);
    expect(r.stream.metadata?.generation).toBe(2);
  });

  it("R11.2 images already known to getImage are not created again", () => {
    const r = applyImportResult(python(), success("3.6", image(DA)), { ...opts, getImage: (n) => image(n) });
    expect(r.images).toEqual([]);
  });

  it("R11.1 importing into a missing stream creates it with generation 1", () => {
    const r = applyImportResult(undefined, success("3.6", image(DA)), opts);
    expect(r.stream.metadata).toMatchObject({
      name: "python",
      namespace: "default",
      generation: 1,
      annotations: { [CHECK]: NOW },
    });
    expect(specOf(r.stream, "3.6")?.generation).toBe(1);
    expect(statusOf(r.stream, "3.6")?.items[0]).toEqual({
      created: NOW,
      dockerImageReference: `docker.io/python@${DA}`,
      image: DA,
      generation: 1,
    });
  });

  it("R1.11.6 `to` defaults to the tag of from.name; spec.import false changes nothing", () => {
    const isi = deepFreeze({
      metadata: { name: "python" },
      spec: { import: true, images: [{ from: { kind: "DockerImage", name: "docker.io/python:3.6.0" } }] },
      status: { images: [{ status: { status: "Success" }, image: image(DA) }] },
    }) as ImageStreamImport;
    const { stream } = applyImportResult(python({ tags: [] }), isi, opts);
    expect(statusOf(stream, "3.6.0")?.items[0]?.image).toBe(DA);
    const dry = { ...isi, spec: { ...isi.spec, import: false } } as ImageStreamImport;
    const before = python();
    expect(applyImportResult(before, dry, opts).stream).toBe(before);
  });

  it("R11.2 repository imports tag each image and point the spec tag at <repo>:<tag>", () => {
    const isi = deepFreeze({
      metadata: { name: "python", namespace: "default" },
      spec: { import: true, repository: { from: { kind: "DockerImage", name: "docker.io/python" } } },
      status: {
        repository: {
          status: { status: "Success" },
          images: [
            { status: { status: "Success" }, tag: "3.5", image: image(DA, "docker.io/python:3.5") },
            { status: { status: "Failure", reason: "NotFound", message: "gone" }, tag: "3.4" },
          ],
        },
      },
    }) as ImageStreamImport;
    const { stream } = applyImportResult(python({ tags: [] }), isi, opts);
    expect(specOf(stream, "3.5")?.from).toEqual({ kind: "DockerImage", name: "docker.io/python:3.5" });
    expect(statusOf(stream, "3.5")?.items[0]?.dockerImageReference).toBe(`docker.io/python@${DA}`);
    expect(statusOf(stream, "3.4")?.conditions?.[0]).toMatchObject({ reason: "NotFound", message: "gone" });
    expect(specOf(stream, "3.4")).toBeUndefined();
  });
});

describe("applyImportResult — edge cases", () => {
  it("R11.4 a repository failure without a tag takes the tag of the image reference; unparseable entries are skipped", () => {
    const isi = deepFreeze({
      metadata: { name: "python" },
      spec: {
        import: true,
        repository: { from: { kind: "DockerImage", name: "docker.io/python" } },
        images: [{ from: { kind: "DockerImage", name: "docker.io/python" } }, "junk"],
      },
      status: {
        repository: {
          images: [
            {
              status: { status: "Failure", reason: "Unauthorized" },
              image: image(DA, "docker.io/python:2.7"),
            },
            { status: { status: "Failure" }, image: image(DA, "Not A Ref") },
            { status: { status: "Failure" } },
            { status: { status: "Success" }, tag: "x", image: image(DB, "Not A Ref") },
            7,
          ],
        },
      },
    }) as unknown as ImageStreamImport;
    const { stream } = applyImportResult(python({ tags: [] }), isi, opts);
    expect(stream.status?.tags?.map((t) => [t.tag, t.conditions?.[0]?.reason])).toEqual([
      ["2.7", "Unauthorized"],
    ]);
  });

  it("R11.2 an unparseable image reference is kept verbatim, so stream validation rejects the write", () => {
    expect(() =>
      applyImportResult(python({ tags: [] }), success("weird", image(DA, "Not A Ref")), opts),
    ).toThrow(/status\.tags\[weird\]\.items\[0\]\.dockerImageReference: Invalid value: "Not A Ref"/);
  });

  it("rejects a non-object result with BadRequest", () => {
    expect(() => applyImportResult(python(), null as never, opts)).toThrow(
      "an ImageStreamImport is required",
    );
  });
});

describe("applyImportResult — failure (R11.4)", () => {
  it("R11.4 failure records one ImportSuccess=False condition and resets the tag generation", () => {
    const { stream } = applyImportResult(python(), failure("3.6", "NotFound", "manifest unknown"), opts);
    expect(statusOf(stream, "3.6")?.conditions).toEqual([
      {
        type: "ImportSuccess",
        status: "False",
        lastTransitionTime: NOW,
        reason: "NotFound",
        message: "manifest unknown",
        generation: 3,
      },
    ]);
    expect(statusOf(stream, "3.6")?.items).toEqual([]);
    expect(stream.metadata?.generation).toBe(3);
    expect(specOf(stream, "3.6")?.generation).toBe(3);
    expect(latestObservedTagGeneration(stream, "3.6")).toBe(3);
    expect(planImport(stream)).toBeUndefined();
  });

  it("R11.4 a repeated identical failure changes nothing (no generation churn)", () => {
    const first = applyImportResult(python(), failure("3.6", "NotFound", "manifest unknown"), opts).stream;
    const again = applyImportResult(deepFreeze(first), failure("3.6", "NotFound", "manifest unknown"), {
      ...opts,
      now: LATER,
    });
    expect(again.stream).toBe(first);
    expect(again.changed).toBe(false);
    const other = applyImportResult(deepFreeze(first), failure("3.6", "NotFound", "other"), {
      ...opts,
      now: LATER,
    });
    expect(other.stream.metadata?.generation).toBe(4);
    expect(statusOf(other.stream, "3.6")?.conditions?.map((c) => c.message)).toEqual(["other"]);
  });

  it("R11.4 default message, and a failed spec.images entry creates its spec tag", () => {
    const { stream } = applyImportResult(
      python({ tags: [] }),
      failure("new", "InternalError", undefined, "quay.io/a/b:1"),
      opts,
    );
    expect(statusOf(stream, "new")?.conditions?.[0]?.message).toBe("unknown error prevented import");
    expect(specOf(stream, "new")).toMatchObject({
      from: { kind: "DockerImage", name: "quay.io/a/b:1" },
      generation: 3,
    });
  });

  it("R11.4 a success status without an image counts as a failure", () => {
    const isi = deepFreeze({
      metadata: { name: "python" },
      spec: {
        import: true,
        images: [{ from: { kind: "DockerImage", name: "docker.io/python:3.6.0" }, to: { name: "3.6" } }],
      },
      status: { images: [{ status: { status: "Success" } }] },
    }) as ImageStreamImport;
    const { stream } = applyImportResult(python(), isi, opts);
    expect(statusOf(stream, "3.6")?.conditions?.[0]?.message).toBe("unknown error prevented import");
  });
});

describe("applyImportResult — manifest lists (R11.14, R11.15)", () => {
  const list = {
    metadata: { name: DL },
    dockerImageReference: "quay.io/multi/app:1",
    dockerImageManifestMediaType: "application/vnd.docker.distribution.manifest.list.v2+json",
    dockerImageManifests: [
      {
        digest: DA,
        mediaType: "application/vnd.docker.distribution.manifest.v2+json",
        manifestSize: 1,
        architecture: "arm64",
        os: "linux",
      },
      {
        digest: DB,
        mediaType: "application/vnd.docker.distribution.manifest.v2+json",
        manifestSize: 1,
        architecture: "amd64",
        os: "linux",
      },
      {
        digest: DC,
        mediaType: "application/vnd.docker.distribution.manifest.v2+json",
        manifestSize: 1,
        architecture: "ppc64le",
        os: "linux",
      },
    ],
  } as unknown as Image;
  const subs = [
    image(DA, `quay.io/multi/app@${DA}`),
    image(DB, `quay.io/multi/app@${DB}`),
    image(DC, `quay.io/multi/app@${DC}`),
  ];
  const isi = (tag: string, importMode?: string, manifests: Image[] = subs) =>
    deepFreeze({
      metadata: { name: "python" },
      spec: {
        import: true,
        images: [
          {
            from: { kind: "DockerImage", name: "quay.io/multi/app:1" },
            to: { name: tag },
            ...(importMode ? { importPolicy: { importMode } } : {}),
          },
        ],
      },
      status: { images: [{ status: { status: "Success" }, image: list, manifests }] },
    }) as ImageStreamImport;

  it("R11.14 Legacy picks amd64/linux by default", () => {
    const { stream, images } = applyImportResult(python({ tags: [] }), isi("app"), opts);
    expect(statusOf(stream, "app")?.items[0]?.image).toBe(DB);
    expect(statusOf(stream, "app")?.items[0]?.dockerImageReference).toBe(`quay.io/multi/app@${DB}`);
    expect(images.map((i) => i.metadata?.name)).toEqual([DB]);
  });

  it("R11.14 Legacy honours prefer-arch / prefer-os spec tag annotations", () => {
    const s = python({
      tags: [
        {
          name: "app",
          from: { kind: "DockerImage", name: "quay.io/multi/app:1" },
          generation: 2,
          annotations: { "importer.image.openshift.io/prefer-arch": "ppc64le" },
        },
      ],
    });
    expect(statusOf(applyImportResult(s, isi("app"), opts).stream, "app")?.items[0]?.image).toBe(DC);
  });

  it("R11.14 the server's own platform comes next, then the first entry", () => {
    expect(
      statusOf(
        applyImportResult(python({ tags: [] }), isi("app"), { ...opts, preferArch: "arm64" }).stream,
        "app",
      )?.items[0]?.image,
    ).toBe(DA);
    const noAmd = {
      ...list,
      dockerImageManifests: [list.dockerImageManifests?.[2], list.dockerImageManifests?.[0]],
    } as Image;
    const r = applyImportResult(
      python({ tags: [] }),
      deepFreeze({
        metadata: { name: "python" },
        spec: {
          import: true,
          images: [{ from: { kind: "DockerImage", name: "quay.io/multi/app:1" }, to: { name: "x" } }],
        },
        status: { images: [{ status: { status: "Success" }, image: noAmd }] },
      }) as ImageStreamImport,
      opts,
    );
    expect(statusOf(r.stream, "x")?.items[0]).toMatchObject({
      image: DC,
      dockerImageReference: `quay.io/multi/app@${DC}`,
    });
    expect(r.images[0]).toMatchObject({
      metadata: { name: DC },
      dockerImageManifestMediaType: "application/vnd.docker.distribution.manifest.v2+json",
    });
  });

  it("R11.15 PreserveOriginal keeps the list digest and creates every sub-manifest image", () => {
    const { stream, images } = applyImportResult(python({ tags: [] }), isi("app", "PreserveOriginal"), opts);
    expect(statusOf(stream, "app")?.items[0]).toMatchObject({
      image: DL,
      dockerImageReference: `quay.io/multi/app@${DL}`,
    });
    expect(specOf(stream, "app")?.importPolicy?.importMode).toBe("PreserveOriginal");
    expect(images.map((i) => i.metadata?.name)).toEqual([DA, DB, DC, DL]);
  });
});

describe("planImport / needsScheduledImport (R11.7–R11.13)", () => {
  const docker = (name: string, generation: number | null, extra: object = {}) => ({
    name,
    from: { kind: "DockerImage", name: `docker.io/python:${name}` },
    generation,
    ...extra,
  });

  it("R11.10(a) no annotation and spec.dockerImageRepository: full import of repository and importable tags", () => {
    const s = deepFreeze({
      metadata: {
        name: "python",
        namespace: "default",
        resourceVersion: "7",
        uid: "u1",
        annotations: { "openshift.io/image.insecureRepository": "true" },
      },
      spec: {
        dockerImageRepository: "docker.io/python",
        tags: [docker("3.6", 2), docker("ref", 2, { reference: true })],
      },
    }) as unknown as ImageStream;
    expect(planImport(s)).toEqual({
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStreamImport",
      metadata: { name: "python", namespace: "default", resourceVersion: "7", uid: "u1" },
      spec: {
        import: true,
        repository: {
          from: { kind: "DockerImage", name: "docker.io/python" },
          importPolicy: { insecure: true },
        },
        images: [{ from: { kind: "DockerImage", name: "docker.io/python:3.6" }, to: { name: "3.6" } }],
      },
    });
  });

  it("R11.10(b) no annotation and an importable tag: partial import; a null generation counts", () => {
    const s = deepFreeze({
      metadata: { name: "python" },
      spec: {
        tags: [
          docker("a", null, { importPolicy: { scheduled: true }, referencePolicy: { type: "Local" } }),
          { name: "b", from: { kind: "ImageStreamTag", name: "a" }, generation: 5 },
          docker("c", 1),
        ],
      },
      status: {
        tags: [{ tag: "c", items: [{ created: NOW, dockerImageReference: "x", image: DA, generation: 1 }] }],
      },
    }) as unknown as ImageStream;
    expect(planImport(s)?.spec).toEqual({
      import: true,
      images: [
        {
          from: { kind: "DockerImage", name: "docker.io/python:a" },
          to: { name: "a" },
          importPolicy: { scheduled: true },
          referencePolicy: { type: "Local" },
        },
      ],
    });
  });

  it("R11.9 with the annotation only tags newer than observed are imported; null alone does not trigger", () => {
    const annotated = { name: "python", annotations: { [CHECK]: NOW } };
    const quiet = deepFreeze({
      metadata: annotated,
      spec: { tags: [docker("a", null)] },
    }) as unknown as ImageStream;
    expect(planImport(quiet)).toBeUndefined();
    const busy = deepFreeze({
      metadata: annotated,
      spec: { tags: [docker("a", null), docker("b", 3)] },
    }) as unknown as ImageStream;
    expect(planImport(busy)?.spec?.images?.map((i) => i.to?.name)).toEqual(["a", "b"]);
    const empty = deepFreeze({
      metadata: { name: "x", annotations: { [CHECK]: "" } },
      spec: {},
    }) as unknown as ImageStream;
    expect(planImport(empty)).toBeUndefined();
    expect(planImport(null as never)).toBeUndefined();
  });

  it("R11.8 latest observed generation is max(items[0], first ImportSuccess condition)", () => {
    const s = deepFreeze({
      metadata: { name: "p" },
      status: {
        tags: [
          {
            tag: "a",
            items: [{ created: NOW, dockerImageReference: "x", image: DA, generation: 2 }],
            conditions: [{ type: "ImportSuccess", status: "False", generation: 5 }],
          },
          {
            tag: "b",
            items: [{ created: NOW, dockerImageReference: "x", image: DA, generation: 4 }],
            conditions: [{ type: "ImportSuccess", status: "False", generation: 1 }],
          },
        ],
      },
    }) as unknown as ImageStream;
    expect(latestObservedTagGeneration(s, "a")).toBe(5);
    expect(latestObservedTagGeneration(s, "b")).toBe(4);
    expect(latestObservedTagGeneration(s, "c")).toBe(0);
  });

  it("R11.12 scheduled importable tags make the stream scheduled; imported digests stop", () => {
    const sched = { importPolicy: { scheduled: true } };
    const s = (tags: unknown[], status: unknown[] = []) =>
      deepFreeze({
        metadata: { name: "p", generation: 3, annotations: { [CHECK]: NOW } },
        spec: { tags },
        status: { tags: status },
      }) as unknown as ImageStream;
    expect(needsScheduledImport(s([docker("a", 3, sched)]))).toBe(true);
    expect(needsScheduledImport(s([docker("a", 3)]))).toBe(false);
    expect(needsScheduledImport(s([docker("a", 3, { ...sched, reference: true })]))).toBe(false);
    const digestTag = {
      name: "d",
      from: { kind: "DockerImage", name: `quay.io/a/b@${DA}` },
      generation: 3,
      ...sched,
    };
    const imported = [
      {
        tag: "d",
        items: [{ created: NOW, dockerImageReference: `quay.io/a/b@${DA}`, image: DA, generation: 3 }],
      },
    ];
    expect(needsScheduledImport(s([digestTag], imported))).toBe(false);
    expect(needsScheduledImport(s([digestTag]))).toBe(true);
    // upstream needsScheduling passes over a tag whose from.name does not parse
    expect(needsScheduledImport(s([{ ...digestTag, from: { kind: "DockerImage", name: "Bad Ref" } }]))).toBe(
      false,
    );
  });

  it("R11.13 a scheduled pass re-imports every scheduled tag at generation + 1", () => {
    const s = deepFreeze({
      metadata: { name: "p", generation: 3, annotations: { [CHECK]: NOW } },
      spec: { tags: [docker("a", 3, { importPolicy: { scheduled: true } }), docker("b", 3)] },
      status: {
        tags: [
          { tag: "a", items: [{ created: NOW, dockerImageReference: "x", image: DA, generation: 3 }] },
          { tag: "b", items: [{ created: NOW, dockerImageReference: "x", image: DA, generation: 3 }] },
        ],
      },
    }) as unknown as ImageStream;
    expect(planImport(s)).toBeUndefined();
    expect(planScheduledImport(s)?.spec?.images?.map((i) => i.to?.name)).toEqual(["a"]);
    expect(planScheduledImport(python())).toBeUndefined();
  });
});

describe("applyImportResult — properties over valid streams", () => {
  const arbCase = fc
    .tuple(
      arbImageStream({ maxTags: 4 }),
      arbTagName(),
      fc.boolean(),
      arbDigest(),
      fc.constantFrom("NotFound", "Unauthorized", ""),
    )
    .map(([stream, tag, ok, digest, reason]) => ({ stream: deepFreeze(stream), tag, ok, digest, reason }));

  function result(
    stream: ImageStream,
    tag: string,
    ok: boolean,
    digest: string,
    reason: string,
  ): ImageStreamImport {
    return deepFreeze({
      metadata: { name: stream.metadata?.name, namespace: stream.metadata?.namespace },
      spec: {
        import: true,
        images: [{ from: { kind: "DockerImage", name: `quay.io/x/y:${tag}` }, to: { name: tag } }],
      },
      status: {
        images: [
          ok
            ? {
                status: { status: "Success" },
                image: { metadata: { name: digest }, dockerImageReference: `quay.io/x/y:${tag}` },
              }
            : { status: { status: "Failure", reason, message: `failed ${reason}` } },
        ],
      },
    }) as ImageStreamImport;
  }

  it("R11.4/R11.5 applying the same result twice: the second application changes nothing (same object)", () => {
    fc.assert(
      fc.property(arbCase, ({ stream, tag, ok, digest, reason }) => {
        // Importing into a `reference: true` tag churns upstream too: §8 pushes the raw pull spec
        // on top after every import (the controller never imports such tags, R11.7).
        fc.pre(stream.spec?.tags?.find((t) => t.name === tag)?.reference !== true);
        let first: ImageStream;
        try {
          first = deepFreeze(applyImportResult(stream, result(stream, tag, ok, digest, reason), opts).stream);
        } catch (e) {
          // streams the server would reject on write (validation) are out of scope here
          expect(e).toBeInstanceOf(ImageStreamError);
          return;
        }
        const again = applyImportResult(first, result(stream, tag, ok, digest, reason), {
          ...opts,
          now: LATER,
        });
        expect(again.stream).toBe(first);
        expect(again.changed).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it("R11.11 after an import (success or failure) the imported tag is quiet for the controller", () => {
    fc.assert(
      fc.property(arbCase, ({ stream, tag, ok, digest, reason }) => {
        let next: ImageStream;
        try {
          next = applyImportResult(stream, result(stream, tag, ok, digest, reason), opts).stream;
        } catch (e) {
          expect(e).toBeInstanceOf(ImageStreamError);
          return;
        }
        const names = planImport(next)?.spec?.images?.map((i) => i.to?.name) ?? [];
        expect(names).not.toContain(tag);
        const specTag = next.spec?.tags?.find((t) => t.name === tag);
        expect(specTag?.generation ?? 0).toBeLessThanOrEqual(latestObservedTagGeneration(next, tag));
      }),
      { numRuns: 100 },
    );
  });
});
