import { describe, expect, it } from "vitest";
import { InvalidError, NotFoundError } from "../../src/errors.js";
import type {
  ImageStream,
  ImageStreamStatus,
  NamedTagEventList,
  TagReference,
} from "../../src/model/index.js";
import {
  createCatalog,
  createImageStream,
  createImageStreamInternal,
  type ServerOptions,
  updateImageStream,
  updateImageStreamInternal,
  updateImageStreamStatus,
  updateTrackingTags,
} from "../../src/server/index.js";
import { deepFreeze } from "../support/freeze.js";
import { changedLists, digest, ev, stream } from "./helpers.js";

const NOW = "2024-05-01T10:00:00Z";
const HOST = "image-registry.openshift-image-registry.svc:5000";
const opts: ServerOptions = { now: NOW, internalRegistryHostname: HOST };
const A = digest("a");
const B = digest("b");
const C = digest("c");

function tag(name: string, extra: Partial<TagReference> & Record<string, unknown> = {}): TagReference {
  return { name, ...extra } as TagReference;
}
const docker = (name: string, image: string, extra: Record<string, unknown> = {}) =>
  tag(name, { from: { kind: "DockerImage", name: image }, ...extra });
const istag = (name: string, from: string, extra: Record<string, unknown> = {}) =>
  tag(name, { from: { kind: "ImageStreamTag", name: from }, ...extra });
const isimage = (name: string, from: string, extra: Record<string, unknown> = {}) =>
  tag(name, { from: { kind: "ImageStreamImage", name: from }, ...extra });

function statusOf(s: ImageStream, t: string): NamedTagEventList | undefined {
  return s.status?.tags?.find((l) => l.tag === t);
}

/** A stored stream (generation 2) with history on latest and 1.0. */
function stored(): ImageStream {
  return deepFreeze(
    createImageStreamInternal(
      {
        metadata: { name: "ruby", namespace: "ns", resourceVersion: "7" },
        spec: { tags: [docker("1.0", "ruby:1.0"), istag("latest", "1.0")] },
        status: {
          tags: [
            { tag: "1.0", items: [ev(`${HOST}/ns/ruby@${A}`, A, 1)] },
            { tag: "latest", items: [ev(`${HOST}/ns/ruby@${A}`, A, 1)] },
          ],
        },
      } as ImageStream,
      opts,
    ),
  );
}

describe("R5 status repositories", () => {
  it("R5.1 internal hostname gives <host>/<ns>/<name>; R5.2 external gives the public one", () => {
    const s = createImageStream(
      { metadata: { name: "ruby", namespace: "ns" } },
      {
        ...opts,
        externalRegistryHostname: "registry.example.com",
      },
    );
    expect(s.status).toEqual({
      dockerImageRepository: `${HOST}/ns/ruby`,
      publicDockerImageRepository: "registry.example.com/ns/ruby",
    });
  });
  it("R5.1 without internal hostname the repository is spec.dockerImageRepository (possibly empty)", () => {
    const s = createImageStream(
      { metadata: { name: "ruby", namespace: "ns" }, spec: { dockerImageRepository: "docker.io/ruby" } },
      { now: NOW },
    );
    expect(s.status?.dockerImageRepository).toBe("docker.io/ruby");
    const e = createImageStream({ metadata: { name: "ruby", namespace: "ns" } }, { now: NOW });
    expect(e.status).toEqual({ dockerImageRepository: "" });
  });
  it("R5.1 client-sent repositories are replaced on update", () => {
    const old = stored();
    const next = updateImageStream(old, { ...old, status: { dockerImageRepository: "evil/x" } }, opts);
    expect(next).toBe(old);
  });
});

describe("R6.1 create", () => {
  const s = createImageStream(
    deepFreeze({
      metadata: { name: "ruby", namespace: "ns", generation: 9 },
      spec: {
        tags: [
          docker("b", "ruby:2", { generation: 7, reference: true }),
          docker("a", "ruby:1"),
          tag("noFrom", { generation: 3 }),
        ],
      },
      status: { tags: [{ tag: "junk", items: [ev("x", "y")] }] },
    } as ImageStream),
    opts,
  );
  it("R6.1.1 client status discarded; R6.1.2 generation 1", () => {
    expect(s.metadata?.generation).toBe(1);
    expect(statusOf(s, "junk")).toBeUndefined();
  });
  it("R6.1.3 every spec tag generation is 1, tags sorted (R1.11.1) and defaulted (R1.11.5)", () => {
    expect(s.spec?.tags?.map((t) => [t.name, t.generation])).toEqual([
      ["a", 1],
      ["b", 1],
      ["noFrom", 1],
    ]);
    expect(s.spec?.tags?.[0]?.referencePolicy?.type).toBe("Source");
    expect(s.spec?.tags?.[0]?.importPolicy?.importMode).toBe("Legacy");
  });
  it("R6.1.4 / R8.4 a DockerImage reference tag gets an event with generation 1; a non-reference one waits for import", () => {
    expect(s.status?.tags).toEqual([
      { tag: "b", items: [{ created: NOW, dockerImageReference: "ruby:2", image: "", generation: 1 }] },
    ]);
  });
  it("R6.1.5 the internal create path keeps the submitted status", () => {
    const i = createImageStreamInternal(
      { metadata: { name: "r", namespace: "ns" }, status: { tags: [{ tag: "x", items: [ev("a/b", A)] }] } },
      opts,
    );
    expect(statusOf(i, "x")?.items[0]?.image).toBe(A);
  });
  it("R1.3.4 the import-mode default follows opts.defaultImportMode", () => {
    const p = createImageStream(
      { metadata: { name: "r", namespace: "ns" }, spec: { tags: [docker("a", "ruby")] } },
      { ...opts, defaultImportMode: "PreserveOriginal" },
    );
    expect(p.spec?.tags?.[0]?.importPolicy?.importMode).toBe("PreserveOriginal");
  });
  it("R7.4 quirk §18.5: events on create use now, not the stream creationTimestamp", () => {
    const p = createImageStream(
      {
        metadata: { name: "r", namespace: "ns", creationTimestamp: "2001-01-01T00:00:00Z" },
        spec: { tags: [docker("a", "ruby", { reference: true })] },
      },
      opts,
    );
    expect(statusOf(p, "a")?.items[0]?.created).toBe(NOW);
  });
  it("guards: a non-object stream is an InvalidError, not a TypeError", () => {
    expect(() => createImageStream(null as unknown as ImageStream, opts)).toThrow(InvalidError);
  });
});

describe("R6.2 public update", () => {
  it("no-op returns the same object (deep-equal copy too)", () => {
    const old = stored();
    expect(updateImageStream(old, old, opts)).toBe(old);
    expect(updateImageStream(old, structuredClone(old), opts)).toBe(old);
  });
  it("R6.2 step 2: client status changes are ignored (status := old status)", () => {
    const old = stored();
    const next = updateImageStream(old, { ...old, status: { tags: [] } }, opts);
    expect(next).toBe(old);
  });
  it("R6.2 step 4: metadata-only changes do not bump; spec changes bump by exactly one", () => {
    const old = stored();
    const labelled = updateImageStream(
      old,
      { ...old, metadata: { ...old.metadata, labels: { a: "b" } } },
      opts,
    );
    expect(labelled.metadata?.generation).toBe(old.metadata?.generation);
    expect(labelled.spec).toBe(old.spec);
    expect(labelled.status).toBe(old.status);
    const lookup = updateImageStream(
      old,
      { ...old, spec: { ...old.spec, lookupPolicy: { local: true } } },
      opts,
    );
    expect(lookup.metadata?.generation).toBe((old.metadata?.generation ?? 0) + 1);
    // unchanged tags keep their generation (R6.2.1)
    expect(lookup.spec?.tags?.map((t) => t.generation)).toEqual([1, 1]);
  });
  it("R6.2 step 4: an annotation change on a tag bumps the stream but (R6.4.3) keeps the tag generation", () => {
    const old = stored();
    const tags = (old.spec?.tags ?? []).map((t) =>
      t.name === "1.0" ? { ...t, annotations: { x: "y" } } : t,
    );
    const next = updateImageStream(old, { ...old, spec: { ...old.spec, tags } }, opts);
    expect(next.metadata?.generation).toBe(2);
    expect(next.spec?.tags?.[0]?.generation).toBe(1);
    expect(next.spec?.tags?.[1]).toBe(old.spec?.tags?.[1]);
  });
  it("R1.1.2 / R6.2 step 3: clients cannot set generations (except 0)", () => {
    const old = stored();
    const tags = (old.spec?.tags ?? []).map((t) => ({ ...t, generation: 42 }));
    const next = updateImageStream(
      old,
      { ...old, metadata: { ...old.metadata, generation: 99 }, spec: { ...old.spec, tags } },
      opts,
    );
    expect(next).toBe(old);
  });
  it("R6.2.1 generation 0 triggers: stream bumps and the tag gets the new generation", () => {
    const old = stored();
    const tags = (old.spec?.tags ?? []).map((t) => (t.name === "1.0" ? { ...t, generation: 0 } : t));
    const next = updateImageStream(old, { ...old, spec: { ...old.spec, tags } }, opts);
    expect(next.metadata?.generation).toBe(2);
    expect(next.spec?.tags?.map((t) => t.generation)).toEqual([2, 1]);
  });
  it("R6.2.1 legacy null generations are filled with the current stream generation; null merges with stored", () => {
    const legacy = deepFreeze({
      ...stored(),
      spec: {
        tags: [docker("1.0", "ruby:1.0", { generation: null }), istag("latest", "1.0", { generation: 1 })],
      },
    } as ImageStream);
    const next = updateImageStream(legacy, legacy, opts);
    expect(next.metadata?.generation).toBe(1);
    expect(next.spec?.tags?.map((t) => t.generation)).toEqual([1, 1]);
    const old = stored();
    const sentNull = (old.spec?.tags ?? []).map((t) => ({ ...t, generation: null }));
    expect(updateImageStream(old, { ...old, spec: { ...old.spec, tags: sentNull } }, opts)).toBe(old);
  });
  it("R6.2 step 4: a stored generation of 0 always bumps", () => {
    const zero = deepFreeze({ ...stored(), metadata: { name: "ruby", namespace: "ns", generation: 0 } });
    expect(updateImageStream(zero, zero, opts).metadata?.generation).toBe(1);
  });
  it("R6.2 step 5 / R6.4: a changed tag gets the new generation and is re-resolved", () => {
    const old = stored();
    const tags = [docker("1.0", "ruby:1.1"), istag("latest", "1.0")];
    const next = updateImageStream(old, { ...old, spec: { tags } }, opts);
    expect(next.metadata?.generation).toBe(2);
    expect(next.spec?.tags?.map((t) => [t.name, t.generation])).toEqual([
      ["1.0", 2],
      ["latest", 1],
    ]);
  });
  it("R6.2.2 generation 0 on an ImageStreamTag-sourced tag does not re-resolve it", () => {
    const old = stored();
    const tags = (old.spec?.tags ?? []).map((t) => (t.name === "latest" ? { ...t, generation: 0 } : t));
    const next = updateImageStream(old, { ...old, spec: { ...old.spec, tags } }, opts);
    expect(next.spec?.tags?.[1]?.generation).toBe(2);
    expect(next.status).toBe(old.status);
  });
  it("R9.2 removing a spec tag keeps its status history", () => {
    const old = stored();
    const next = updateImageStream(
      old,
      { ...old, spec: { tags: [old.spec?.tags?.[1] as TagReference] } },
      opts,
    );
    expect(next.spec?.tags?.map((t) => t.name)).toEqual(["latest"]);
    expect(next.status).toBe(old.status);
    expect(next.metadata?.generation).toBe(2);
  });
  it("R6.2.3 the internal path keeps the submitted status, dropping empty lists (R9.5)", () => {
    const old = stored();
    const status: ImageStreamStatus = {
      ...old.status,
      tags: [
        ...(old.status?.tags ?? []),
        { tag: "empty", items: [] },
        { tag: "failed", items: [], conditions: [{ type: "ImportSuccess", status: "False", generation: 1 }] },
      ],
    };
    const next = updateImageStreamInternal(old, { ...old, status }, opts);
    expect(next.status?.tags?.map((t) => t.tag)).toEqual(["1.0", "failed", "latest"]);
    expect(next.status?.tags?.[0]).toBe(old.status?.tags?.[0]);
    const pub = updateImageStream(old, { ...old, status }, opts);
    expect(pub).toBe(old);
  });
  it("R1.11.2 duplicate spec tags: the last one wins", () => {
    const old = stored();
    const next = updateImageStream(
      old,
      { ...old, spec: { tags: [...(old.spec?.tags ?? []), docker("1.0", "ruby:9")] } },
      opts,
    );
    expect(next.spec?.tags?.filter((t) => t.name === "1.0")).toHaveLength(1);
    expect(next.spec?.tags?.[0]?.from?.name).toBe("ruby:9");
  });
  it("validation errors (§4.1) surface as one InvalidError", () => {
    const old = stored();
    expect(() =>
      updateImageStream(
        old,
        // @ts-expect-error "Other" is deliberately outside TagReferenceKind: validation must reject it
        { ...old, spec: { tags: [tag("x", { from: { kind: "Other", name: "y" } })] } },
        opts,
      ),
    ).toThrow(InvalidError);
  });
});

describe("R6.4 tagRefChanged effects through update", () => {
  it("R6.4.3 quirk §18.1: changing only from.kind is not a tag change (no re-resolution, generation kept)", () => {
    const old = stored();
    const tags = [docker("1.0", "ruby:1.0"), tag("latest", { from: { kind: "DockerImage", name: "1.0" } })];
    const next = updateImageStream(old, { ...old, spec: { tags } }, opts);
    expect(next.metadata?.generation).toBe(2);
    expect(next.spec?.tags?.[1]?.generation).toBe(1);
  });
  it("R11.16 changing importMode counts as a tag change", () => {
    const old = stored();
    const tags = [
      docker("1.0", "ruby:1.0", { importPolicy: { importMode: "PreserveOriginal" } }),
      istag("latest", "1.0"),
    ];
    const next = updateImageStream(old, { ...old, spec: { tags } }, opts);
    expect(next.spec?.tags?.[0]?.generation).toBe(2);
  });
});

describe("R6.3 status update", () => {
  it("R6.3.1 spec tags and dockerImageRepository are forced back; generation unchanged", () => {
    const old = stored();
    const next = updateImageStreamStatus(
      old,
      {
        ...old,
        metadata: { ...old.metadata, generation: 50 },
        spec: { tags: [], dockerImageRepository: "x/y", lookupPolicy: { local: true } },
      },
      opts,
    );
    expect(next.spec?.tags).toBe(old.spec?.tags);
    expect(next.spec?.dockerImageRepository).toBeUndefined();
    expect(next.spec?.lookupPolicy).toEqual({ local: true });
    expect(next.metadata?.generation).toBe(1);
  });
  it("no-op returns the same object", () => {
    const old = stored();
    expect(updateImageStreamStatus(old, old, opts)).toBe(old);
  });
  it("R6.3.2 generation 0 on a new tag → stream generation", () => {
    const old = deepFreeze({ ...stored(), metadata: { name: "ruby", namespace: "ns", generation: 5 } });
    const status = {
      ...old.status,
      tags: [...(old.status?.tags ?? []), { tag: "new", items: [ev("r/x", B, 0)] }],
    };
    const next = updateImageStreamStatus(old, { ...old, status }, opts);
    expect(statusOf(next, "new")?.items[0]?.generation).toBe(5);
    expect(next.status?.tags?.[0]).toBe(old.status?.tags?.[0]);
  });
  it("R6.3.2 generation 0 on a changed top → the spec tag's generation (stream generation if the spec tag is missing)", () => {
    const old = deepFreeze({
      ...stored(),
      metadata: { name: "ruby", namespace: "ns", generation: 5 },
      status: {
        tags: [
          { tag: "1.0", items: [ev("r/a", A, 1)] },
          { tag: "pushed", items: [ev("r/a", A, 1)] },
        ],
      },
    } as ImageStream);
    const status = {
      tags: [
        { tag: "1.0", items: [ev("r/b", B, 0), ev("r/a", A, 1)] },
        { tag: "pushed", items: [ev("r/b", B, 0)] },
      ],
    };
    const next = updateImageStreamStatus(old, { ...old, status }, opts);
    expect(statusOf(next, "1.0")?.items[0]?.generation).toBe(1);
    expect(statusOf(next, "pushed")?.items[0]?.generation).toBe(5);
  });
  it("R6.3.2 same image and reference with an old top of generation 0 → stream generation; non-zero is stored as sent", () => {
    const old = deepFreeze({
      ...stored(),
      metadata: { name: "ruby", namespace: "ns", generation: 4 },
      status: {
        tags: [
          { tag: "1.0", items: [ev("r/a", A, 0)] },
          { tag: "z", items: [ev("r/a", A, 1)] },
        ],
      },
    } as ImageStream);
    const status = {
      tags: [
        { tag: "1.0", items: [ev("r/a", A, 0)] },
        { tag: "z", items: [ev("r/c", C, 3)] },
      ],
    };
    const next = updateImageStreamStatus(old, { ...old, status }, opts);
    expect(statusOf(next, "1.0")?.items[0]?.generation).toBe(4);
    expect(statusOf(next, "z")?.items[0]?.generation).toBe(3);
  });
  it("R6.3.3 status updates do not run §8 or tracking", () => {
    const old = stored();
    const status = { ...old.status, tags: [{ tag: "1.0", items: [ev("r/b", B, 1)] }, old.status?.tags?.[1]] };
    const next = updateImageStreamStatus(old, { ...old, status } as ImageStream, opts);
    expect(statusOf(next, "latest")?.items[0]?.image).toBe(A);
  });
});

describe("§8 spec tag processing", () => {
  it("R8.1 unchanged tags are skipped (no new events)", () => {
    const old = stored();
    const next = updateImageStream(
      old,
      { ...old, spec: { ...old.spec, lookupPolicy: { local: true } } },
      opts,
    );
    expect(next.status).toBe(old.status);
  });
  it("R8.2 a tag without from gets no event", () => {
    const s = createImageStream(
      { metadata: { name: "r", namespace: "ns" }, spec: { tags: [tag("a")] } },
      opts,
    );
    expect(s.status?.tags).toBeUndefined();
  });
  it("R8.4 a DockerImage reference tag gets an immediate event with the raw pull spec and no image", () => {
    const old = stored();
    const next = updateImageStream(
      old,
      {
        ...old,
        spec: { tags: [...(old.spec?.tags ?? []), docker("ref", "quay.io/a/b:1", { reference: true })] },
      },
      opts,
    );
    expect(statusOf(next, "ref")?.items).toEqual([
      { created: NOW, dockerImageReference: "quay.io/a/b:1", image: "", generation: 2 },
    ]);
  });
  it("R8.5 from.name with too many separators → Invalid on spec.tags[T].from.name", () => {
    const bad = { metadata: { name: "r", namespace: "ns" }, spec: { tags: [istag("a", "x:y:z")] } };
    let err: unknown;
    try {
      createImageStream(bad, opts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidError);
    const ie = err as InvalidError;
    expect(ie.fieldErrors[0]).toEqual({
      type: "FieldValueInvalid",
      field: "spec.tags[a].from.name",
      value: "x:y:z",
      detail: "must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>",
    });
    expect(ie.message).toContain('ImageStream.image.openshift.io "r" is invalid');
    expect(() =>
      createImageStream(
        { metadata: { name: "r", namespace: "ns" }, spec: { tags: [isimage("a", "x@y@z")] } },
        opts,
      ),
    ).toThrow("must be of the form");
  });
  it("R8.5 a DockerImage tag with an empty name is reported with the same message", () => {
    let err: InvalidError | undefined;
    try {
      createImageStream(
        { metadata: { name: "r", namespace: "ns" }, spec: { tags: [docker("a", "")] } },
        opts,
      );
    } catch (e) {
      err = e as InvalidError;
    }
    expect(err?.fieldErrors.map((f) => f.detail)).toContain(
      "must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>",
    );
  });
  it("R8.6 a missing source stream → NotFound on …from.name; a throwing getter → unable to retrieve image stream", () => {
    let err: InvalidError | undefined;
    try {
      createImageStream(
        { metadata: { name: "r", namespace: "ns" }, spec: { tags: [istag("a", "other:1")] } },
        opts,
      );
    } catch (e) {
      err = e as InvalidError;
    }
    expect(err?.fieldErrors[0]).toMatchObject({
      type: "FieldValueNotFound",
      field: "spec.tags[a].from.name",
      value: "other:1",
    });
    expect(() =>
      createImageStream(
        { metadata: { name: "r", namespace: "ns" }, spec: { tags: [istag("a", "other:1")] } },
        {
          ...opts,
          getImageStream: () => {
            throw new Error("etcd down");
          },
        },
      ),
    ).toThrow("unable to retrieve image stream: etcd down");
  });
  it("R8.6 / R8.7 a cross-namespace ImageStreamTag copies the source top event (created kept) with this tag's generation", () => {
    const source = deepFreeze(
      stream("python", "shared", {
        generation: 3,
        status: [{ tag: "3.6", items: [ev(`${HOST}/shared/python@${B}`, B, 3, "2020-01-01T00:00:00Z")] }],
      }),
    );
    const catalog = createCatalog({ imageStreams: [source] });
    const s = createImageStream(
      {
        metadata: { name: "app", namespace: "ns" },
        spec: {
          tags: [tag("py", { from: { kind: "ImageStreamTag", namespace: "shared", name: "python:3.6" } })],
        },
      },
      { ...opts, ...catalog },
    );
    // R8.8: the pull spec pointed into the source stream of the internal registry → rewritten to this stream
    expect(statusOf(s, "py")?.items).toEqual([
      {
        created: "2020-01-01T00:00:00Z",
        dockerImageReference: `${HOST}/ns/app@${B}`,
        image: B,
        generation: 1,
      },
    ]);
  });
  it("R8.8 with reference: true the original pull spec is kept; other registries are never rewritten", () => {
    const source = stream("python", "shared", {
      status: [
        { tag: "3.6", items: [ev(`${HOST}/shared/python@${B}`, B, 1)] },
        { tag: "ext", items: [ev(`quay.io/shared/python@${C}`, C, 1)] },
      ],
    });
    const catalog = createCatalog({ imageStreams: [source] });
    const s = createImageStream(
      {
        metadata: { name: "app", namespace: "ns" },
        spec: {
          tags: [
            tag("a", {
              from: { kind: "ImageStreamTag", namespace: "shared", name: "python:3.6" },
              reference: true,
            }),
            tag("b", { from: { kind: "ImageStreamTag", namespace: "shared", name: "python:ext" } }),
          ],
        },
      },
      { ...opts, ...catalog },
    );
    expect(statusOf(s, "a")?.items[0]?.dockerImageReference).toBe(`${HOST}/shared/python@${B}`);
    expect(statusOf(s, "b")?.items[0]?.dockerImageReference).toBe(`quay.io/shared/python@${C}`);
  });
  it("R8.7 a nil event (source tag without image) is accepted silently: spec tag stored without status", () => {
    const source = stream("python", "ns", { status: [] });
    const s = createImageStream(
      { metadata: { name: "app", namespace: "ns" }, spec: { tags: [istag("a", "python:missing")] } },
      { ...opts, ...createCatalog({ imageStreams: [source] }) },
    );
    expect(s.spec?.tags?.[0]?.name).toBe("a");
    expect(s.status?.tags).toBeUndefined();
  });
  it("R8.7 ImageStreamImage: resolved against all history (R12.6); NotFound / Conflict wrapped as error generating tag event", () => {
    const source = stream("python", "ns", {
      status: [
        { tag: "a", items: [ev(`quay.io/x/python@${A}`, A, 1)] },
        { tag: "b", items: [ev(`quay.io/x/python@${B}`, B, 1), ev(`quay.io/x/python@${A}`, A, 1)] },
      ],
    });
    const o = { ...opts, ...createCatalog({ imageStreams: [source] }) };
    const s = createImageStream(
      { metadata: { name: "app", namespace: "ns" }, spec: { tags: [isimage("pinned", `python@${B}`)] } },
      o,
    );
    expect(statusOf(s, "pinned")?.items).toEqual([
      { created: NOW, dockerImageReference: `quay.io/x/python@${B}`, image: B, generation: 1 },
    ]);
    expect(() =>
      createImageStream(
        { metadata: { name: "app", namespace: "ns" }, spec: { tags: [isimage("p", "python@sha256:ff")] } },
        o,
      ),
    ).toThrow('error generating tag event: imagestreamimage.image.openshift.io "sha256:ff" not found');
    const ambiguous = "sha256:"; // a prefix of both A and B
    expect(() =>
      createImageStream(
        { metadata: { name: "app", namespace: "ns" }, spec: { tags: [isimage("p", `python@${ambiguous}`)] } },
        o,
      ),
    ).toThrow(
      `error generating tag event: Operation cannot be fulfilled on imagestreamimage.image.openshift.io`,
    );
  });
  it("R8.7 errors of several tags are all reported in one InvalidError; the whole request fails", () => {
    let err: InvalidError | undefined;
    try {
      createImageStream(
        {
          metadata: { name: "r", namespace: "ns" },
          spec: { tags: [istag("a", "x:y:z"), istag("b", "nope:1")] },
        },
        opts,
      );
    } catch (e) {
      err = e as InvalidError;
    }
    expect(err?.fieldErrors.map((f) => f.field)).toEqual([
      "spec.tags[a].from.name",
      "spec.tags[b].from.name",
    ]);
  });
  it("R8.6 a same-stream ImageStreamImage resolves against this stream's status", () => {
    const old = stored();
    const next = updateImageStream(
      old,
      { ...old, spec: { tags: [...(old.spec?.tags ?? []), isimage("pin", `ruby@${A}`)] } },
      opts,
    );
    expect(statusOf(next, "pin")?.items[0]).toEqual({
      created: NOW,
      dockerImageReference: `${HOST}/ns/ruby@${A}`,
      image: A,
      generation: 2,
    });
  });
  it("R8.10 tracking: a same-stream alias follows its target; R8.11 the tracked event is copied verbatim", () => {
    const old = stored();
    const base = updateImageStreamInternal(
      old,
      {
        ...old,
        spec: { tags: [...(old.spec?.tags ?? []), istag("stable", "ruby:latest")] },
      },
      opts,
    );
    expect(statusOf(base, "stable")?.items[0]?.image).toBe(A);
    // the import controller writes a new image for 1.0 through the internal path
    const imported = updateImageStreamInternal(
      base,
      {
        ...base,
        status: {
          ...base.status,
          tags: (base.status?.tags ?? []).map((l) =>
            l.tag === "1.0" ? { ...l, items: [ev(`${HOST}/ns/ruby@${B}`, B, 2), ...l.items] } : l,
          ),
        },
      },
      opts,
    );
    // latest tracks 1.0, stable tracks latest: the chain settles
    expect(statusOf(imported, "latest")?.items[0]).toEqual(ev(`${HOST}/ns/ruby@${B}`, B, 2));
    expect(statusOf(imported, "stable")?.items[0]).toEqual(ev(`${HOST}/ns/ruby@${B}`, B, 2));
  });
  it("R8.10 / §18.7 a cross-stream ImageStreamTag is a one-time snapshot", () => {
    const s = stream("app", "ns", {
      generation: 1,
      spec: [istag("py", "python:3.6", { generation: 1 })],
      status: [{ tag: "py", items: [ev(`quay.io/p@${A}`, A, 1)] }],
    });
    const next = updateImageStreamInternal(
      deepFreeze(s),
      {
        ...s,
        status: { tags: [{ tag: "3.6", items: [ev(`quay.io/p@${B}`, B, 1)] }, ...(s.status?.tags ?? [])] },
      },
      { ...opts, getImageStream: () => undefined },
    );
    expect(statusOf(next, "py")?.items[0]?.image).toBe(A);
  });
  it("R8.12 quirk §18.4: a same-stream ImageStreamTag source gets its top generation overwritten", () => {
    const old = stored();
    const next = updateImageStream(
      old,
      { ...old, spec: { tags: [...(old.spec?.tags ?? []), istag("copy", "1.0")] } },
      opts,
    );
    expect(next.metadata?.generation).toBe(2);
    expect(statusOf(next, "copy")?.items[0]).toEqual(ev(`${HOST}/ns/ruby@${A}`, A, 2));
    expect(statusOf(next, "1.0")?.items[0]?.generation).toBe(2);
    // ...which propagates to 1.0's other tracker (latest) through R8.10
    expect(statusOf(next, "latest")?.items[0]?.generation).toBe(2);
  });
});

describe("§8 error paths and unsorted input", () => {
  it("R8.6 a getter throwing NotFoundError is a NotFound field error; non-Error throws are stringified", () => {
    const spec = { tags: [istag("a", "other:1")] };
    let err: InvalidError | undefined;
    try {
      createImageStream(
        { metadata: { name: "r", namespace: "ns" }, spec },
        {
          ...opts,
          getImageStream: (_ns, name) => {
            throw new NotFoundError({ resource: "imagestreams", name });
          },
        },
      );
    } catch (e) {
      err = e as InvalidError;
    }
    expect(err?.fieldErrors[0]?.type).toBe("FieldValueNotFound");
    expect(() =>
      createImageStream(
        { metadata: { name: "r", namespace: "ns" }, spec },
        {
          ...opts,
          getImageStream: () => {
            throw "boom";
          },
        },
      ),
    ).toThrow("unable to retrieve image stream: boom");
  });
  it("R8.8 an unparseable source pull spec is copied as is (and then fails R4.1.6 validation)", () => {
    const source = stream("python", "ns", { status: [{ tag: "x", items: [ev("Not A Ref", A, 1)] }] });
    expect(() =>
      createImageStreamInternal(
        { metadata: { name: "app", namespace: "ns" }, spec: { tags: [istag("a", "python:x")] } },
        { ...opts, ...createCatalog({ imageStreams: [source] }) },
      ),
    ).toThrow('status.tags[a].items[0].dockerImageReference: Invalid value: "Not A Ref"');
  });
  it("R1.11.1 unsorted, duplicated status input comes back sorted with the last duplicate", () => {
    const s = deepFreeze(
      stream("app", "ns", {
        generation: 1,
        spec: ["z", "y", "x", "w", "v", "u"].map((t) => istag(t, "src", { generation: 1 })),
        status: [
          { tag: "src", items: [ev(`quay.io/a/b@${A}`, A, 1)] },
          { tag: "m", items: [ev(`quay.io/a/b@${A}`, A, 1)] },
          { tag: "m", items: [ev(`quay.io/a/b@${B}`, B, 1)] },
          { tag: "b", items: [ev(`quay.io/a/b@${A}`, A, 1)] },
        ] as NamedTagEventList[],
      }),
    );
    const next = updateTrackingTags(s, "src", ev(`quay.io/a/b@${C}`, C, 2));
    const updated = changedLists(s, next);
    expect(updated).toBe(6);
    expect(next.status?.tags?.map((t) => t.tag)).toEqual(["b", "m", "src", "u", "v", "w", "x", "y", "z"]);
    expect(next.status?.tags?.find((t) => t.tag === "m")?.items[0]?.image).toBe(B);
    const upd = updateImageStreamInternal(s, s, opts);
    expect(upd.status?.tags?.map((t) => t.tag)).toEqual(["b", "m", "src"]);
  });
});

describe("malformed input is an InvalidError, never a TypeError", () => {
  it.each([
    [{ metadata: { name: "r", namespace: "ns" }, spec: { tags: "x" } }, "spec.tags"],
    [{ metadata: { name: "r", namespace: "ns" }, spec: { tags: [null] } }, "spec.tags[0]"],
    [{ metadata: { name: "r", namespace: "ns" }, status: { tags: [{ tag: 1 }] } }, "status.tags[0]"],
    [{ metadata: { name: "r", namespace: "ns" }, status: { tags: {} } }, "status.tags"],
    [
      { metadata: { name: "r", namespace: "ns" }, status: { tags: [{ tag: "a", items: 3 }] } },
      "status.tags[a].items",
    ],
    [{ metadata: "x" }, "metadata"],
  ])("%j → %s", (input, field) => {
    let err: unknown;
    try {
      createImageStreamInternal(input as unknown as ImageStream, opts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidError);
    expect((err as InvalidError).fieldErrors.map((f) => f.field)).toContain(field);
    expect(() => updateImageStream(stored(), input as unknown as ImageStream, opts)).toThrow(InvalidError);
  });
});
