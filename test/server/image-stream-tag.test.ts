import { describe, expect, it } from "vitest";
import {
  AlreadyExistsError,
  BadRequestError,
  ConflictError,
  InvalidError,
  NotFoundError,
} from "../../src/errors.js";
import type { Image, ImageStream, ImageStreamTag } from "../../src/model/index.js";
import {
  createCatalog,
  createImageStream,
  createImageStreamTag,
  deleteImageStreamTag,
  getImageStreamImage,
  getImageStreamTag,
  listImageStreamTags,
  updateImageStreamInternal,
  updateImageStreamTag,
} from "../../src/server/index.js";
import { deepFreeze } from "../support/freeze.js";
import { digest, ev } from "./helpers.js";
import { SCHEMA2_CONFIG, SCHEMA2_MANIFEST } from "./upstream-manifests.js";

const NOW = "2024-05-01T10:00:00Z";
const HOST = "172.30.1.1:5000";
const A = digest("a");
const B = digest("b");
const L = digest("list");
const SUB = digest("sub-arm64");

const images: Image[] = deepFreeze([
  {
    metadata: { name: A, creationTimestamp: "2020-01-01T00:00:00Z", annotations: { own: "1" } },
    dockerImageReference: `quay.io/x/ruby@${A}`,
    dockerImageManifest: SCHEMA2_MANIFEST,
    dockerImageConfig: SCHEMA2_CONFIG,
  },
  { metadata: { name: B }, dockerImageReference: `quay.io/x/ruby@${B}` },
  {
    metadata: { name: L },
    dockerImageReference: `quay.io/x/ruby@${L}`,
    dockerImageManifests: [{ digest: SUB }],
  },
  { metadata: { name: SUB }, dockerImageReference: `quay.io/x/ruby@${SUB}` },
] as Image[]);

function ruby(): ImageStream {
  return deepFreeze(
    updateImageStreamInternal(
      createImageStream(
        {
          metadata: {
            name: "ruby",
            namespace: "ns",
            labels: { app: "ruby" },
            annotations: { "stream-note": "x" },
            resourceVersion: "10",
            uid: "u-1",
          },
          spec: {
            lookupPolicy: { local: true },
            tags: [
              {
                name: "latest",
                annotations: { description: "the latest" },
                referencePolicy: { type: "Local" },
              },
              { name: "ref", from: { kind: "DockerImage", name: "quay.io/x/ruby:ref" }, reference: true },
              { name: "spec-only", from: { kind: "DockerImage", name: "quay.io/x/ruby:2" } },
            ],
          },
        },
        { now: NOW, internalRegistryHostname: HOST },
      ),
      {
        metadata: {
          name: "ruby",
          namespace: "ns",
          labels: { app: "ruby" },
          annotations: { "stream-note": "x" },
          resourceVersion: "10",
          uid: "u-1",
        },
        spec: {
          lookupPolicy: { local: true },
          tags: [
            {
              name: "latest",
              annotations: { description: "the latest" },
              referencePolicy: { type: "Local" },
            },
            { name: "ref", from: { kind: "DockerImage", name: "quay.io/x/ruby:ref" }, reference: true },
            { name: "spec-only", from: { kind: "DockerImage", name: "quay.io/x/ruby:2" } },
          ],
        },
        status: {
          tags: [
            {
              tag: "latest",
              items: [ev(`quay.io/x/ruby@${A}`, A, 1, "2024-01-01T00:00:00Z")],
              conditions: [{ type: "ImportSuccess", status: "False", reason: "X", generation: 1 }],
            },
            { tag: "pushed", items: [ev(`quay.io/x/ruby@${B}`, B, 1), ev(`quay.io/x/ruby@${L}`, L, 1)] },
            { tag: "ref", items: [ev("quay.io/x/ruby:ref", "", 1)] },
          ],
        },
      } as ImageStream,
      { now: NOW, internalRegistryHostname: HOST },
    ),
  );
}
const catalog = createCatalog({ images });
const opts = { now: NOW, internalRegistryHostname: HOST, ...catalog };

describe("R13.1 / R13.2 getImageStreamTag", () => {
  const s = ruby();
  const t = getImageStreamTag(s, "latest", opts);
  it("R13.2 metadata from the stream and the top event", () => {
    expect(t.metadata).toEqual({
      name: "ruby:latest",
      namespace: "ns",
      creationTimestamp: "2024-01-01T00:00:00Z",
      annotations: { description: "the latest" },
      labels: { app: "ruby" },
      resourceVersion: "10",
      uid: "u-1",
    });
    expect(t.generation).toBe(1);
    expect(t.lookupPolicy).toEqual({ local: true });
    expect(t.conditions).toEqual([{ type: "ImportSuccess", status: "False", reason: "X", generation: 1 }]);
    expect(t.tag?.name).toBe("latest");
  });
  it("R13.2 annotation overlay onto the image, blanked manifest/config, R12.3 event reference", () => {
    // the layers-order annotation comes from InternalImageWithMetadata, after the overlay
    expect(t.image?.metadata?.annotations).toEqual({
      own: "1",
      description: "the latest",
      "image.openshift.io/dockerLayersOrder": "ascending",
    });
    expect(t.image?.dockerImageManifest).toBeUndefined();
    expect(t.image?.dockerImageConfig).toBeUndefined();
    // referencePolicy Local → <status.dockerImageRepository>@<image>
    expect(t.image?.dockerImageReference).toBe(`${HOST}/ns/ruby@${A}`);
    expect(images[0]?.dockerImageManifest).toBe(SCHEMA2_MANIFEST);
  });
  it("R13.2 a status-only tag has tag: null and no annotations", () => {
    const p = getImageStreamTag(s, "pushed", opts);
    expect(p.tag).toBeNull();
    expect(p.metadata?.annotations).toEqual({});
    expect(p.image?.metadata?.name).toBe(B);
  });
  it('R13.1 quirk §18.6: a reference-only tag (image "") is never gettable; spec-only tags neither', () => {
    expect(() => getImageStreamTag(s, "ref", opts)).toThrow(
      'imagestreamtags.image.openshift.io "ruby:ref" not found',
    );
    expect(() => getImageStreamTag(s, "spec-only", opts)).toThrow(NotFoundError);
  });
  it("R13.1 a missing Image → NotFound images; without getImage the image is minimal", () => {
    expect(() => getImageStreamTag(s, "latest", { getImage: () => undefined })).toThrow(
      `images.image.openshift.io "${A}" not found`,
    );
    expect(getImageStreamTag(s, "pushed").image).toEqual({
      metadata: { name: B },
      dockerImageReference: `quay.io/x/ruby@${B}`,
    });
  });
});

describe("R13.3 listImageStreamTags", () => {
  it("one entry per status tag with an image; image has only name and reference", () => {
    const list = listImageStreamTags([ruby()], opts);
    expect(list.map((t) => t.metadata?.name)).toEqual(["ruby:latest", "ruby:pushed"]);
    expect(list[0]?.image).toEqual({ metadata: { name: A }, dockerImageReference: `${HOST}/ns/ruby@${A}` });
    expect(list[0]?.metadata?.annotations).toEqual({ description: "the latest" });
    expect(listImageStreamTags(ruby())).toHaveLength(2);
  });
});

describe("R13.4 createImageStreamTag", () => {
  it("adds a spec tag (name from the object) and resolves it", () => {
    const s = ruby();
    const { stream, imageStreamTag } = createImageStreamTag(
      s,
      deepFreeze({
        metadata: { name: "ruby:copy", namespace: "ns", annotations: { ignored: "yes" } },
        tag: { name: "whatever", from: { kind: "ImageStreamImage", name: `ruby@${B}` } },
        image: { metadata: { name: "ignored" } },
      } as ImageStreamTag),
      opts,
    );
    const ref = stream.spec?.tags?.find((t) => t.name === "copy");
    expect(ref?.from).toEqual({ kind: "ImageStreamImage", name: `ruby@${B}` });
    expect(ref?.annotations).toBeUndefined();
    expect(stream.metadata?.generation).toBe(2);
    expect(imageStreamTag.image?.metadata?.name).toBe(B);
    expect(imageStreamTag.metadata?.name).toBe("ruby:copy");
  });
  it("creates the stream when missing (public create path, generation 1)", () => {
    const { stream, imageStreamTag } = createImageStreamTag(
      undefined,
      {
        metadata: { name: "new:v1", namespace: "ns" },
        tag: { name: "v1", from: { kind: "DockerImage", name: "quay.io/a/b:1" } },
      },
      opts,
    );
    expect(stream.metadata).toEqual({ name: "new", namespace: "ns", generation: 1 });
    expect(stream.status?.dockerImageRepository).toBe(`${HOST}/ns/new`);
    expect(imageStreamTag.tag?.name).toBe("v1");
    expect(imageStreamTag.image?.metadata?.name).toBe("");
  });
  it("AlreadyExists when the spec tag exists; name without ':' is rejected; validation errors", () => {
    expect(() =>
      createImageStreamTag(
        ruby(),
        { metadata: { name: "ruby:latest", namespace: "ns" }, tag: { name: "latest" } },
        opts,
      ),
    ).toThrow(AlreadyExistsError);
    expect(() => createImageStreamTag(ruby(), { metadata: { name: "ruby", namespace: "ns" } }, opts)).toThrow(
      '"ruby" must be of the form <stream_name>:<tag>',
    );
    expect(() =>
      createImageStreamTag(
        ruby(),
        {
          metadata: { name: "ruby:x", namespace: "ns" },
          tag: { name: "x", from: { kind: "DockerImage", name: "" } },
        },
        opts,
      ),
    ).toThrow(InvalidError);
  });
});

describe("R13.5 updateImageStreamTag", () => {
  it("R13.5 / R15.14 quirk §18.8: an update without annotations wipes the spec tag's annotations", () => {
    const s = ruby();
    const { stream, created } = updateImageStreamTag(
      s,
      deepFreeze({
        metadata: { name: "ruby:latest", namespace: "ns" },
        tag: { name: "latest", referencePolicy: { type: "Local" }, annotations: null },
      } as ImageStreamTag),
      opts,
    );
    expect(created).toBe(false);
    const ref = stream.spec?.tags?.find((t) => t.name === "latest");
    expect(ref?.annotations).toBeNull();
  });
  it("a request without tag rewrites only the annotations of an existing spec tag; BadRequest when no spec tag", () => {
    const s = ruby();
    const { stream } = updateImageStreamTag(
      s,
      {
        metadata: { name: "ruby:latest", namespace: "ns", annotations: { description: "new" } },
      } as ImageStreamTag,
      opts,
    );
    expect(stream.spec?.tags?.find((t) => t.name === "latest")?.annotations).toEqual({ description: "new" });
    expect(() =>
      updateImageStreamTag(s, { metadata: { name: "ruby:pushed", namespace: "ns" } } as ImageStreamTag, opts),
    ).toThrow("imagestreamtag pushed is not a spec tag in imagestream ns/ruby, cannot be updated");
  });
  it("created is true for a new spec tag; the same stream comes back when nothing changes", () => {
    const s = ruby();
    const first = updateImageStreamTag(
      s,
      {
        metadata: { name: "ruby:v1", namespace: "ns" },
        tag: { name: "v1", from: { kind: "ImageStreamTag", name: "pushed" } },
      },
      opts,
    );
    expect(first.created).toBe(true);
    expect(first.stream.status?.tags?.find((t) => t.tag === "v1")?.items[0]?.image).toBe(B);
    const second = updateImageStreamTag(
      first.stream,
      {
        metadata: { name: "ruby:v1", namespace: "ns" },
        tag: { name: "v1", from: { kind: "ImageStreamTag", name: "pushed" } },
      },
      opts,
    );
    expect(second.created).toBe(false);
    expect(second.stream).toBe(first.stream);
  });
  it("resourceVersion: stale → Conflict, sent for a missing stream → NotFound", () => {
    const istag = {
      metadata: { name: "ruby:v1", namespace: "ns", resourceVersion: "9" },
      tag: { name: "v1" },
    };
    expect(() => updateImageStreamTag(ruby(), istag as ImageStreamTag, opts)).toThrow(ConflictError);
    expect(() => updateImageStreamTag(ruby(), istag as ImageStreamTag, opts)).toThrow(
      "another caller has updated the resource version to 10",
    );
    expect(() => updateImageStreamTag(undefined, istag as ImageStreamTag, opts)).toThrow(NotFoundError);
    const ok = updateImageStreamTag(
      ruby(),
      { ...istag, metadata: { ...istag.metadata, resourceVersion: "10" } } as ImageStreamTag,
      opts,
    );
    expect(ok.created).toBe(true);
  });
  it("a bad name → BadRequest 'ImageStreamTags must be retrieved with <name>:<tag>'", () => {
    expect(() =>
      updateImageStreamTag(ruby(), { metadata: { name: "ruby@x", namespace: "ns" } }, opts),
    ).toThrow(BadRequestError);
    expect(() => updateImageStreamTag(ruby(), { metadata: { name: "ruby", namespace: "ns" } }, opts)).toThrow(
      "ImageStreamTags must be retrieved with <name>:<tag>",
    );
  });
  it("creates the stream when missing", () => {
    const { stream, created } = updateImageStreamTag(
      undefined,
      {
        metadata: { name: "n:1", namespace: "ns" },
        tag: { name: "1", from: { kind: "DockerImage", name: "x/y:1" }, reference: true },
      },
      opts,
    );
    expect(created).toBe(true);
    expect(stream.metadata?.generation).toBe(1);
    expect(stream.status?.tags?.[0]?.items[0]?.dockerImageReference).toBe("x/y:1");
  });
  it("R4.4.3 changing labels on update is rejected", () => {
    expect(() =>
      updateImageStreamTag(
        ruby(),
        {
          metadata: { name: "ruby:latest", namespace: "ns", labels: { other: "x" } },
          tag: { name: "latest" },
        },
        opts,
      ),
    ).toThrow("may not update fields other than metadata.annotations");
  });
});

describe("R9.3 deleteImageStreamTag", () => {
  it("removes spec and status, bumps the generation through the internal update", () => {
    const s = ruby();
    const next = deleteImageStreamTag(s, "latest", opts);
    expect(next.spec?.tags?.map((t) => t.name)).toEqual(["ref", "spec-only"]);
    expect(next.status?.tags?.map((t) => t.tag)).toEqual(["pushed", "ref"]);
    expect(next.metadata?.generation).toBe(2);
    expect(next.status?.tags?.[0]).toBe(s.status?.tags?.[1]);
  });
  it("a status-only tag: status removed, generation unchanged", () => {
    const s = ruby();
    const next = deleteImageStreamTag(s, "pushed", opts);
    expect(next.status?.tags?.map((t) => t.tag)).toEqual(["latest", "ref"]);
    expect(next.metadata?.generation).toBe(1);
    expect(next.spec).toBe(s.spec);
  });
  it("NotFound when neither exists; UID precondition → Conflict", () => {
    expect(() => deleteImageStreamTag(ruby(), "nope", opts)).toThrow(
      'imagestreamtags.image.openshift.io "ruby:nope" not found',
    );
    expect(() =>
      deleteImageStreamTag(ruby(), "latest", { ...opts, preconditions: { uid: "other" } }),
    ).toThrow("the UID precondition was not met");
    expect(
      deleteImageStreamTag(ruby(), "latest", { ...opts, preconditions: { uid: "u-1" } }).spec?.tags,
    ).toHaveLength(2);
  });
  it("R9.3 test: generation 2 → 3; remaining legacy tags with null generation get 3", () => {
    const legacy = deepFreeze({
      metadata: { name: "s", namespace: "ns", generation: 2 },
      spec: {
        tags: [
          { name: "gone", from: { kind: "DockerImage", name: "a/b:1" }, generation: 2 },
          { name: "legacy", from: { kind: "DockerImage", name: "a/b:2" }, generation: null },
        ],
      },
    } as ImageStream);
    const next = deleteImageStreamTag(legacy, "gone", opts);
    expect(next.metadata?.generation).toBe(3);
    expect(next.spec?.tags).toMatchObject([{ name: "legacy", generation: 3 }]);
  });
});

describe("R13.6 getImageStreamImage", () => {
  it("matches any history item by prefix; name keeps the requested id; stream annotations; image creationTimestamp", () => {
    const s = ruby();
    const isi = getImageStreamImage(s, A.slice(0, 15), opts);
    expect(isi.metadata).toEqual({
      name: `ruby@${A.slice(0, 15)}`,
      namespace: "ns",
      creationTimestamp: "2020-01-01T00:00:00Z",
      annotations: { "stream-note": "x" },
    });
    expect(isi.image?.dockerImageManifest).toBeUndefined();
    expect(isi.image?.dockerImageReference).toBe(`quay.io/x/ruby@${A}`);
  });
  it("sub-manifests of manifest lists are candidates too", () => {
    expect(getImageStreamImage(ruby(), SUB, opts).image?.metadata?.name).toBe(SUB);
  });
  it("no ambiguity error (unlike R12.6): the first candidate wins", () => {
    expect(getImageStreamImage(ruby(), "sha256:", opts).image?.metadata?.name).toBe(A);
  });
  it("NotFound imagestreamimage when nothing matches; NotFound images when the Image is gone", () => {
    expect(() => getImageStreamImage(ruby(), "sha256:0000", opts)).toThrow(
      'imagestreamimage.image.openshift.io "ruby@sha256:0000" not found',
    );
    expect(() => getImageStreamImage(ruby(), A, { getImage: () => undefined })).toThrow(NotFoundError);
    expect(getImageStreamImage(ruby(), B).image).toEqual({ metadata: { name: B } });
  });
});

describe("createCatalog", () => {
  it("look-ups, immutable with*/without* helpers, later entries win", () => {
    const s = ruby();
    const c = createCatalog({ imageStreams: [s], images });
    expect(c.getImageStream("ns", "ruby")).toBe(s);
    expect(c.getImageStream("other", "ruby")).toBeUndefined();
    expect(c.getImage(A)).toBe(images[0]);
    const s2 = { ...s, metadata: { ...s.metadata, labels: {} } } as ImageStream;
    const c2 = c.withImageStream(s2);
    expect(c2.getImageStream("ns", "ruby")).toBe(s2);
    expect(c.getImageStream("ns", "ruby")).toBe(s);
    expect(c2.imageStreams).toHaveLength(1);
    expect(c.with(s2).getImageStream("ns", "ruby")).toBe(s2);
    const img = { metadata: { name: "sha256:new" } } as Image;
    expect(c.withImage(img).getImage("sha256:new")).toBe(img);
    expect(c.getImage("sha256:new")).toBeUndefined();
    expect(c.withoutImageStream("ns", "ruby").getImageStream("ns", "ruby")).toBeUndefined();
    expect(c.withoutImageStream("ns", "nope")).toBe(c);
    expect(createCatalog({}).imageStreams).toEqual([]);
  });
});
