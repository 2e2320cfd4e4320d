/**
 * Upstream rules the server and `oc tag` functions follow on reads, scheduled imports, missing streams
 * and left-out options; each block names the upstream file and function it was checked against.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { applyOperation, rollbackTag, tag, untag } from "../../src/client/index.js";
import { BadRequestError, ConflictError, ImageStreamError, NotFoundError } from "../../src/errors.js";
import type { Image, ImageStream, ImageStreamImport } from "../../src/model/index.js";
import { imageWithMetadata } from "../../src/server/image-metadata.js";
import {
  applyImportResult,
  createCatalog,
  createImageStream,
  deleteImageStreamTag,
  getImageStreamImage,
  getImageStreamTag,
  getImageTag,
  needsScheduledImport,
  planScheduledImport,
  statusRepositories,
  withStatusRepositories,
} from "../../src/server/index.js";
import {
  deepFreeze,
  image,
  imageDigest,
  imageStream,
  tagEvent,
  tagReference,
} from "../../src/testing/builders.js";
import { thrown } from "../support/thrown.js";
import {
  MANIFEST_LIST,
  SCHEMA2_CONFIG,
  SCHEMA2_MANIFEST,
  UBUNTU_SCHEMA1_MANIFEST,
} from "./upstream-manifests.js";

const NOW = "2024-06-01T12:00:00Z";
const clock = (): string => NOW;
const ORDER = "image.openshift.io/dockerLayersOrder";
const X_GTAR = "application/vnd.docker.container.image.rootfs.diff+x-gtar";
const GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

// ---------------------------------------------------------------------------------------------
// 1. Reads fill the image metadata
// ---------------------------------------------------------------------------------------------

describe("InternalImageWithMetadata (openshift-apiserver internal/imageutil/helpers.go, TestImageWithMetadata)", () => {
  it("no manifest data: the very same image", () => {
    const img = deepFreeze({ metadata: { name: "id" } } as Image);
    expect(imageWithMetadata(img, clock)).toBe(img);
  });

  it.each([
    [
      "error unmarshalling manifest data",
      "{ no {{{ json here!!!",
      "invalid character 'n' looking for beginning of object key string",
    ],
    [
      "no history",
      '{"name": "library/ubuntu", "tag": "latest"}',
      'unrecognized container image manifest schema 0 for "id" ()',
    ],
    [
      "error unmarshalling v1 compat",
      '{"name": "library/ubuntu", "tag": "latest", "history": ["v1Compatibility": "{ not valid {{ json" }',
      "invalid character ':' after array element",
    ],
    [
      "schemaVersion of the wrong kind",
      '{"schemaVersion": "2"}',
      "json: cannot unmarshal string into Go struct field DockerImageManifest.schemaVersion of type int",
    ],
    [
      "schemaVersion not an integer literal",
      '{"schemaVersion": 2.0}',
      "json: cannot unmarshal number 2.0 into Go struct field DockerImageManifest.schemaVersion of type int",
    ],
    [
      "a manifest that is not an object",
      "[]",
      "json: cannot unmarshal array into Go value of type docker10.DockerImageManifest",
    ],
    [
      "schema 2 without config",
      SCHEMA2_MANIFEST,
      'dockerImageConfig must not be empty for manifest type "application/vnd.docker.distribution.manifest.v2+json"',
    ],
    [
      "schema 1 with more history than layers",
      '{"schemaVersion": 1, "fsLayers": [], "history": [{"v1Compatibility": "{}"}]}',
      "the image id () has mismatched history and fslayer cardinality (1 != 0)",
    ],
  ])("%s: an error with the upstream message", (_name, manifest, message) => {
    const err = thrown(() =>
      imageWithMetadata(deepFreeze({ metadata: { name: "id" }, dockerImageManifest: manifest }), clock),
    );
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as Error).message).toBe(message);
  });

  it("happy path (schema 1): layers base first, metadata from history[0], Size of the distinct layers", () => {
    const before = deepFreeze({
      metadata: { name: "id" },
      dockerImageManifest: UBUNTU_SCHEMA1_MANIFEST,
    } as Image);
    const out = imageWithMetadata(before, clock);
    expect(out.metadata).toEqual({ name: "id", annotations: { [ORDER]: "ascending" } });
    expect(out.dockerImageManifestMediaType).toBe("application/vnd.docker.distribution.manifest.v1+json");
    expect(out.dockerImageLayers).toEqual([
      {
        name: "tarsum.dev+sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        size: 0,
        mediaType: X_GTAR,
      },
      {
        name: "tarsum.dev+sha256:2aaacc362ac6be2b9e9ae8c6029f6f616bb50aec63746521858e47841b90fabd",
        size: 188097705,
        mediaType: X_GTAR,
      },
      {
        name: "tarsum.dev+sha256:c937c4bb1c1a21cc6d94340812262c6472092028972ae69b551b1a70d4276171",
        size: 194533,
        mediaType: X_GTAR,
      },
      {
        name: "tarsum.dev+sha256:b194de3772ebbcdc8f244f663669799ac1cb141834b7cb8b69100285d357a2b0",
        size: 1895,
        mediaType: X_GTAR,
      },
      {
        name: "tarsum.dev+sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        size: 0,
        mediaType: X_GTAR,
      },
    ]);
    const config = {
      Hostname: "43bd710ec89a",
      Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
      Image: "117ee323aaa9d1b136ea55e4421f4ce413dfc6c0cc6b2186dea6c88d93e1ad7c",
    };
    expect(out.dockerImageMetadata).toEqual({
      kind: "DockerImage",
      apiVersion: "image.openshift.io/1.0",
      Id: "2d24f826cb16146e2016ff349a8a33ed5830f3b938d45c0f82943f4ab8c097e7",
      Parent: "117ee323aaa9d1b136ea55e4421f4ce413dfc6c0cc6b2186dea6c88d93e1ad7c",
      Created: "2015-02-21T02:11:06Z",
      Container: "c9a3eda5951d28aa8dbe5933be94c523790721e4f80886d0a8e7a710132a38ec",
      ContainerConfig: { ...config, Cmd: ["/bin/sh", "-c", "#(nop) CMD [/bin/bash]"] },
      DockerVersion: "1.4.1",
      Config: { ...config, Cmd: ["/bin/bash"] },
      Architecture: "amd64",
      Size: 188294133,
    });
    expect(out.dockerImageMetadataVersion).toBe("1.0");
    expect(before.dockerImageLayers).toBeUndefined();
  });

  it("valid metadata size (schema 2): Id is the config digest, Size counts the config and each layer once", () => {
    const out = imageWithMetadata(
      deepFreeze({
        metadata: { name: "id" },
        dockerImageManifest: SCHEMA2_MANIFEST,
        dockerImageConfig: SCHEMA2_CONFIG,
      }),
      clock,
    );
    expect(out.dockerImageManifestMediaType).toBe("application/vnd.docker.distribution.manifest.v2+json");
    expect(out.dockerImageLayers?.map((l) => [l.name.slice(7, 15), l.size, l.mediaType])).toEqual([
      ["a3ed95ca", 5312, GZIP],
      ["86e0e091", 235231, GZIP],
      ["86e0e091", 235231, GZIP],
      ["b4ed95ca", 639152, GZIP],
    ]);
    const env = [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "derived=true",
      "asdf=true",
    ];
    const base = {
      Hostname: "23304fc829f9",
      Env: env,
      Image: "sha256:4ab15c48b859c2920dd5224f92aabcd39a52794c5b3cf088fb3bbb438756c246",
    };
    expect(out.dockerImageMetadata).toEqual({
      kind: "DockerImage",
      apiVersion: "image.openshift.io/1.0",
      Id: "sha256:815d06b56f4138afacd0009b8e3799fcdce79f0507bf8d0588e219b93ab6fd4d",
      Created: "2015-02-21T02:11:06Z",
      Container: "e91032eb0403a61bfe085ff5a5a48e3659e5a6deae9f4d678daa2ae399d5a001",
      ContainerConfig: { ...base, Cmd: ["/bin/sh", "-c", '#(nop) CMD ["/bin/sh" "-c" "echo hi"]'] },
      DockerVersion: "1.9.0-dev",
      Config: { ...base, Cmd: ["/bin/sh", "-c", "echo hi"] },
      Architecture: "amd64",
      // 3153 bytes of config + 5312 + 235231 + 639152 (the repeated layer counts once)
      Size: 882848,
    });
  });

  it("TestImageWithMetadataWithManifestList: Id is the image name, Created is now, the rest is kept", () => {
    const name = "sha256:8b8cc63bcc10374ef349ec4f27a3aa1eb2dcd5a098d4f5f51fafac4df5db3fd7";
    const out = imageWithMetadata(
      deepFreeze({
        metadata: { name },
        dockerImageManifest: MANIFEST_LIST,
        dockerImageMetadata: { Architecture: "amd64" },
      }),
      clock,
    );
    expect(out.dockerImageMetadata).toMatchObject({ Id: name, Created: NOW, Architecture: "amd64" });
    expect(out.dockerImageLayers).toBeUndefined();
    expect(out.metadata?.annotations).toBeUndefined();
  });

  it("reorderImageLayers: schema 2 layers without the annotation are descending and get reversed", () => {
    const layers = [
      { name: "sha256:top", size: 2, mediaType: GZIP },
      { name: "sha256:base", size: 1, mediaType: GZIP },
    ];
    const filled = {
      metadata: { name: "id" },
      dockerImageManifest: SCHEMA2_MANIFEST,
      dockerImageManifestMediaType: "application/vnd.docker.distribution.manifest.v2+json",
      dockerImageLayers: layers,
      dockerImageMetadata: { Id: "kept", Size: 3 },
    };
    const out = imageWithMetadata(deepFreeze(filled), clock);
    expect(out.dockerImageLayers?.map((l) => l.name)).toEqual(["sha256:base", "sha256:top"]);
    expect(out.metadata?.annotations).toEqual({ [ORDER]: "ascending" });
    // "Image metadata already filled": layers, Size and media type set, nothing else changes
    expect(out.dockerImageMetadata).toEqual({ Id: "kept", Size: 3 });
    // an ascending annotation keeps the order
    const asc = imageWithMetadata(
      deepFreeze({ ...filled, metadata: { name: "id", annotations: { [ORDER]: "ascending" } } }),
      clock,
    );
    expect(asc.dockerImageLayers).toEqual(layers);
  });

  it("fillImageLayers keeps layers the registry filled: only the metadata comes from the config", () => {
    const layers = [{ name: "sha256:only", size: 10, mediaType: GZIP }];
    const out = imageWithMetadata(
      deepFreeze({
        metadata: { name: "id", annotations: { [ORDER]: "ascending" } },
        dockerImageManifest: SCHEMA2_MANIFEST,
        dockerImageConfig: SCHEMA2_CONFIG,
        dockerImageLayers: layers,
      }),
      clock,
    );
    expect(out.dockerImageLayers).toEqual(layers);
    expect(out.dockerImageMetadata?.Size).toBe(3153 + 10);
  });

  it("Go decoding: keys match case-insensitively, null leaves a field alone, a bad time is an error", () => {
    const manifest = (v1: object) =>
      JSON.stringify({
        schemaVersion: 1,
        fsLayers: [{ blobSum: "sha256:l" }],
        history: [{ v1Compatibility: JSON.stringify(v1) }],
      });
    const read = (v1: object) =>
      imageWithMetadata(deepFreeze({ metadata: { name: "id" }, dockerImageManifest: manifest(v1) }), clock);
    const out = read({
      ID: "upper",
      SIZE: 7,
      created: null,
      config: null,
      container_config: { cpushares: 5, Labels: { a: null } },
    });
    expect(out.dockerImageLayers).toEqual([{ name: "sha256:l", size: 7, mediaType: X_GTAR }]);
    expect(out.dockerImageMetadata).toEqual({
      kind: "DockerImage",
      apiVersion: "image.openshift.io/1.0",
      Id: "upper",
      Created: null,
      ContainerConfig: { CpuShares: 5, Labels: { a: "" } },
      Size: 7,
    });
    expect(read({ created: "2013-06-13T14:03:50.821769-07:00" }).dockerImageMetadata?.Created).toBe(
      "2013-06-13T21:03:50Z",
    );
    expect(() => read({ created: "2013-06-13 14:03:50Z" })).toThrow(BadRequestError);
    expect(() => read({ created: 5 })).toThrow("Time.UnmarshalJSON: input is not a JSON string");
    // Go parses the time as written: an escaped "Z" is not RFC 3339
    const escapedZ = JSON.stringify({
      schemaVersion: 1,
      fsLayers: [{ blobSum: "sha256:l" }],
      history: [{ v1Compatibility: '{"created": "2015-02-21T02:11:06\\u005a"}' }],
    });
    expect(() =>
      imageWithMetadata({ metadata: { name: "id" }, dockerImageManifest: escapedZ }, clock),
    ).toThrow(BadRequestError);
    expect(() => read({ size: "7" })).toThrow(
      "json: cannot unmarshal string into Go struct field DockerV1CompatibilityImage.size of type int64",
    );
  });

  test.prop([fc.oneof(fc.string(), fc.json())])(
    "any manifest text: a filled Image or an ImageStreamError, input untouched",
    (text) => {
      const before = deepFreeze({
        metadata: { name: "id" },
        dockerImageManifest: text,
        dockerImageConfig: text,
      } as Image);
      try {
        imageWithMetadata(before, clock);
      } catch (err) {
        expect(err).toBeInstanceOf(ImageStreamError);
      }
    },
  );

  it("a deeply nested manifest is a Go error, not a stack overflow", () => {
    const deep = `${"[".repeat(20000)}${"]".repeat(20000)}`;
    expect(() => imageWithMetadata({ metadata: { name: "id" }, dockerImageManifest: deep }, clock)).toThrow(
      "exceeded max depth",
    );
  });
});

describe("reads return the filled image (imagestreamimage/rest.go Get, imagestreamtag/rest.go newISTag, imagetag/rest.go newITag)", () => {
  const digest = imageDigest(7);
  const stored = deepFreeze(
    image({
      metadata: { name: digest },
      dockerImageManifest: SCHEMA2_MANIFEST,
      dockerImageConfig: SCHEMA2_CONFIG,
    }),
  );
  const stream = imageStream({
    spec: { tags: [tagReference({ name: "latest", annotations: { note: "x" } })] },
    status: { tags: [{ tag: "latest", items: [tagEvent({ image: digest })] }] },
  });
  const opts = { now: NOW, ...createCatalog({ images: [stored] }) };
  const configDigest = "sha256:815d06b56f4138afacd0009b8e3799fcdce79f0507bf8d0588e219b93ab6fd4d";

  it.each([
    ["ImageStreamImage", () => getImageStreamImage(stream, `app@${digest}`, opts).image],
    ["ImageStreamTag", () => getImageStreamTag(stream, "app:latest", opts).image],
    ["ImageTag", () => getImageTag(stream, "app:latest", opts).image],
  ])("%s: dockerImageMetadata filled, manifest and config dropped", (_kind, read) => {
    const img = read();
    expect(img?.dockerImageMetadata?.Id).toBe(configDigest);
    expect(img?.dockerImageMetadata?.Size).toBe(882848);
    expect(img?.dockerImageLayers).toHaveLength(4);
    expect(img).not.toHaveProperty("dockerImageManifest");
    expect(img).not.toHaveProperty("dockerImageConfig");
    expect(stored.dockerImageManifest).toBe(SCHEMA2_MANIFEST);
  });

  it("ImageStreamTag: the spec tag's annotations are on the image next to the layers-order one", () => {
    expect(getImageStreamTag(stream, "latest", opts).image?.metadata?.annotations).toEqual({
      note: "x",
      [ORDER]: "ascending",
    });
  });

  it("a manifest that cannot be read makes the read fail, as upstream's GET does", () => {
    const broken = deepFreeze(image({ metadata: { name: digest }, dockerImageManifest: "{" }));
    const o = { now: NOW, ...createCatalog({ images: [broken] }) };
    expect(() => getImageStreamTag(stream, "latest", o)).toThrow("unexpected end of JSON input");
    expect(() => getImageStreamImage(stream, digest, o)).toThrow("unexpected end of JSON input");
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Scheduled imports skip unparseable sources
// ---------------------------------------------------------------------------------------------

describe("needsScheduling / resetScheduledTags (openshift-controller-manager scheduled_image_controller.go)", () => {
  const scheduled = (name: string, from: string, generation = 1) =>
    tagReference({
      name,
      from: { kind: "DockerImage", name: from },
      generation,
      importPolicy: { importMode: "Legacy", scheduled: true },
    });
  const observed = (tagName: string) => ({ tag: tagName, items: [tagEvent({ generation: 1 })] });
  const stream = (...tags: ReturnType<typeof scheduled>[]) =>
    imageStream({
      metadata: {
        name: "app",
        namespace: "ns",
        generation: 1,
        annotations: { "openshift.io/image.dockerRepositoryCheck": NOW },
      },
      spec: { tags },
      status: { tags: tags.map((t) => observed(t.name)) },
    });

  it("a stream whose only scheduled tag does not parse is not scheduled", () => {
    const s = stream(scheduled("bad", "Bad Ref"));
    expect(needsScheduledImport(s)).toBe(false);
    expect(planScheduledImport(s)).toBeUndefined();
  });

  it("an unparseable tag is passed over: the other scheduled tags are re-imported, it keeps its generation", () => {
    const s = stream(scheduled("bad", "Bad Ref"), scheduled("good", "quay.io/x/y:1"));
    expect(needsScheduledImport(s)).toBe(true);
    expect(planScheduledImport(s)?.spec?.images?.map((i) => i.to?.name)).toEqual(["good"]);
  });

  it("an empty from.name is not passed over (upstream skips only a non-empty name that fails to parse)", () => {
    expect(needsScheduledImport(stream(scheduled("empty", "")))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. A missing stream is named
// ---------------------------------------------------------------------------------------------

describe('a missing stream is imagestreams.image.openshift.io "<name>" not found (imagestreamtag/rest.go, imagestreamimage/rest.go, imagetag/rest.go, imagestreamimport/rest.go)', () => {
  const MESSAGE = 'imagestreams.image.openshift.io "test" not found';
  const now = { now: NOW };
  it.each<[string, () => unknown]>([
    ["getImageStreamTag", () => getImageStreamTag(undefined, "test:latest", now)],
    ["getImageStreamImage", () => getImageStreamImage(undefined, `test@${imageDigest(1)}`, now)],
    ["getImageTag", () => getImageTag(undefined, "test:latest", now)],
    ["deleteImageStreamTag", () => deleteImageStreamTag(undefined, "test:latest", now)],
    ["rollbackTag", () => rollbackTag(undefined, { tag: "test:latest", revision: 1 }, now)],
    ["untag", () => untag(undefined, { destinations: ["test:latest"], namespace: "ns" }, now)],
    [
      "applyImportResult with a resourceVersion",
      () =>
        applyImportResult(
          undefined,
          {
            metadata: { name: "test", namespace: "ns", resourceVersion: "3" },
            spec: { import: true },
          } as ImageStreamImport,
          now,
        ),
    ],
    [
      "applyOperation rollback",
      () => applyOperation(undefined, { type: "rollback", tag: "test:latest", revision: 0 }, now),
    ],
    [
      "applyOperation update",
      () => applyOperation(undefined, { type: "update", stream: { metadata: { name: "test" } } }, now),
    ],
  ])("%s", (_name, call) => {
    const err = thrown(call);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).message).toBe(MESSAGE);
    expect((err as NotFoundError).toStatus().details).toMatchObject({ kind: "imagestreams", name: "test" });
  });

  it("a missing stream that the request does not name: the upstream BadRequest for a bad name", () => {
    expect(() => getImageStreamTag(undefined, "latest")).toThrow(
      "ImageStreamTags must be retrieved with <name>:<tag>",
    );
    expect(() => getImageStreamImage(undefined, imageDigest(1))).toThrow(
      "ImageStreamImages must be retrieved with <name>@<id>",
    );
    expect(() => getImageTag(undefined, "latest")).toThrow("ImageTags must be retrieved with <name>:<tag>");
  });

  it("a name for another stream than the one given is a BadRequest", () => {
    const err = thrown(() => getImageStreamTag(imageStream(), "other:latest"));
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as Error).message).toBe('"other:latest" does not name the image stream "ns/app"');
  });

  it("imagestreamimport Create: another resourceVersion is a Conflict, another UID a NotFound (imagestream)", () => {
    const s = imageStream({ metadata: { name: "test", namespace: "ns", resourceVersion: "5", uid: "u1" } });
    const isi = (meta: object) =>
      ({ metadata: { name: "test", namespace: "ns", ...meta }, spec: { import: true } }) as ImageStreamImport;
    const conflict = thrown(() => applyImportResult(s, isi({ resourceVersion: "4" }), now));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as Error).message).toBe(
      'Operation cannot be fulfilled on imagestream.image.openshift.io "test": the image stream was updated from "4" to "5"',
    );
    const gone = thrown(() => applyImportResult(s, isi({ uid: "u2" }), now));
    expect((gone as Error).message).toBe('imagestream.image.openshift.io "test" not found');
    expect(applyImportResult(s, isi({ resourceVersion: "5", uid: "u1" }), now).changed).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Options left out keep what is stored
// ---------------------------------------------------------------------------------------------

describe("status repositories when the hostnames are left out (imagestream/strategy.go, dockerImageRepository / publicDockerImageRepository)", () => {
  const INTERNAL = "image-registry.openshift-image-registry.svc:5000/ns/app";
  const PUBLIC = "registry.example.com/ns/app";
  const stored = imageStream({
    spec: { tags: [tagReference({ name: "latest" })] },
    status: {
      dockerImageRepository: INTERNAL,
      publicDockerImageRepository: PUBLIC,
      tags: [{ tag: "latest", items: [tagEvent({ generation: 1 })] }],
    },
  });

  it.each<[string, (s: ImageStream) => ImageStream]>([
    [
      "tag",
      (s) =>
        tag(s, { source: "docker.io/python:3.6", destinations: ["app:py"], namespace: "ns" }, { now: NOW })
          .stream,
    ],
    ["untag", (s) => untag(s, { destinations: ["app:latest"], namespace: "ns" }, { now: NOW }).stream],
    ["rollbackTag", (s) => rollbackTag(s, { tag: "latest", revision: 0 }, { now: NOW }).stream],
    ["deleteImageStreamTag", (s) => deleteImageStreamTag(s, "latest", { now: NOW })],
  ])("%s called with only { now } keeps both stored repositories", (_name, write) => {
    const next = write(stored);
    expect(next.status?.dockerImageRepository).toBe(INTERNAL);
    expect(next.status?.publicDockerImageRepository).toBe(PUBLIC);
  });

  it("hostnames given are recomputed; given as empty is a server without that registry", () => {
    const opts = { now: NOW, internalRegistryHostname: "r:5000", externalRegistryHostname: "pub" };
    const next = tag(
      stored,
      { source: "docker.io/python:3.6", destinations: ["app:py"], namespace: "ns" },
      opts,
    ).stream;
    expect(next.status?.dockerImageRepository).toBe("r:5000/ns/app");
    expect(next.status?.publicDockerImageRepository).toBe("pub/ns/app");
    const none = withStatusRepositories(stored, {
      internalRegistryHostname: "",
      externalRegistryHostname: "",
    });
    expect(none.status?.dockerImageRepository).toBe("");
    expect(none.status).not.toHaveProperty("publicDockerImageRepository");
  });

  it("statusRepositories: `stored` names the status to keep from; null means nothing is stored", () => {
    const fresh = imageStream({ spec: { dockerImageRepository: "docker.io/library/app" } });
    expect(statusRepositories(fresh, {})).toEqual({
      dockerImageRepository: "docker.io/library/app",
      publicDockerImageRepository: "",
    });
    expect(statusRepositories(fresh, { stored: stored.status })).toEqual({
      dockerImageRepository: INTERNAL,
      publicDockerImageRepository: PUBLIC,
    });
    expect(statusRepositories(stored, { stored: null }).dockerImageRepository).toBe("");
    expect(statusRepositories(stored, { namespaceDefaulting: false }).dockerImageRepository).toBe("");
  });

  it("createImageStream without hostnames: a new stream gets spec.dockerImageRepository, as before", () => {
    const created = createImageStream(
      deepFreeze({
        metadata: { name: "app", namespace: "ns" },
        spec: { dockerImageRepository: "docker.io/library/app" },
      }),
      { now: NOW },
    );
    expect(created.status).toEqual({ dockerImageRepository: "docker.io/library/app" });
    expect(
      createImageStream(deepFreeze({ metadata: { name: "app", namespace: "ns" } }), { now: NOW }).status,
    ).toEqual({
      dockerImageRepository: "",
    });
  });
});
