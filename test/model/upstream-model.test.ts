/**
 * Upstream tables and defaulting/conversion rules of the v1 wire-format model, transcribed as data:
 * - OAS `pkg/image/apis/image/v1/conversion_test.go` (and origin's older copies in
 *   `pkg/image/apis/image/v1/` and `pkg/image/api/v1/`): TestRoundTripVersionedObject,
 *   TestImageImportSpecDefaulting (TestFieldSelectors has no counterpart in this library).
 * - OAS `pkg/image/apis/image/v1/defaults.go` + `zz_generated.defaults.go` (which objects are
 *   defaulted: spec tags, ImageStreamImport images/repository/status.import, ImageStreamTag.tag,
 *   ImageTag.spec) and `conversion.go` (list ↔ map, sort, last-wins, tag/ID stripping).
 * Upstream has no defaults_test.go; the rows of the defaults/conversion sections below are the
 * branches of those functions, each named after the Go function it checks.
 */
import { describe, expect, it } from "vitest";
import {
  type Image,
  type ImageImportSpec,
  type ImageStream,
  type ImageStreamImport,
  InvalidError,
  type LocalObjectReference,
  normalizeImageStream,
  normalizeImageStreamImport,
  normalizeTagReference,
  type ObjectReference,
  parseImage,
  parseImageStream,
  parseImageStreamImport,
  parseImageStreamTag,
  parseImageTag,
  safeParseImageStream,
  type TagReference,
} from "../support/all.js";
import { deepFreeze, snapshot } from "../support/freeze.js";

const DIGEST = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";
const LEGACY = { importMode: "Legacy" } as const;
const SOURCE = { type: "Source" } as const;

// ---------------------------------------------------------------------------------------------
// TestRoundTripVersionedObject (OAS and origin copies): an internal Image encoded to v1 and
// decoded again is unchanged, and its dockerImageMetadataVersion reads "1.0".
// ---------------------------------------------------------------------------------------------

/** The v1 JSON the upstream test encodes (LegacyCodec(image.openshift.io/v1) of its internal Image). */
function roundTripImage(): Record<string, unknown> {
  return {
    kind: "Image",
    apiVersion: "image.openshift.io/v1",
    metadata: { name: "foo", creationTimestamp: null },
    dockerImageReference: "foo/bar/baz",
    dockerImageMetadata: {
      kind: "DockerImage",
      apiVersion: "1.0",
      Id: "",
      Created: null,
      ContainerConfig: {},
      Config: { Env: ["A=1", "B=2"] },
    },
    dockerImageMetadataVersion: "1.0",
    dockerImageLayers: [{ name: "foo", size: 10, mediaType: "" }],
  };
}

describe("R1.9 parseImage: TestRoundTripVersionedObject (OAS/origin conversion_test.go)", () => {
  it("R1.9.1 the v1 encoding of the test image decodes, every field kept as sent", () => {
    const input = deepFreeze(roundTripImage());
    const before = snapshot(input);
    const image: Image = parseImage(input);
    expect(image).toEqual(before);
    expect(image.metadata?.name).toBe("foo");
    expect(image.dockerImageReference).toBe("foo/bar/baz");
    expect(image.dockerImageMetadataVersion).toBe("1.0");
    expect(image.dockerImageMetadata?.Config?.Env).toEqual(["A=1", "B=2"]);
    // R1.9.2: the layer size travels under the JSON key `size`.
    expect(image.dockerImageLayers).toEqual([{ name: "foo", size: 10, mediaType: "" }]);
    // JSON round trip (encode → decode) is lossless.
    expect(parseImage(JSON.parse(JSON.stringify(image)))).toEqual(before);
  });

  it("R1.9.1 the legacy group-less apiVersion v1 decodes too (the test's older origin copies)", () => {
    const input = { ...roundTripImage(), apiVersion: "v1" };
    expect(parseImage(input).apiVersion).toBe("v1");
  });

  it("R1.9.1 an empty or absent dockerImageMetadataVersion is accepted (it means 1.0)", () => {
    for (const version of [undefined, ""]) {
      const input: Record<string, unknown> = { ...roundTripImage() };
      if (version === undefined) delete input.dockerImageMetadataVersion;
      else input.dockerImageMetadataVersion = version;
      expect(parseImage(input).dockerImageMetadataVersion).toBe(version);
    }
  });

  it("R1.9.2 a layer whose size is not an integer is rejected with its path", () => {
    const input = { ...roundTripImage(), dockerImageLayers: [{ name: "foo", size: "10", mediaType: "" }] };
    expect(() => parseImage(input)).toThrow(InvalidError);
    try {
      parseImage(input);
    } catch (e) {
      expect((e as InvalidError).fieldErrors.map((f) => f.field)).toEqual(["dockerImageLayers[0].size"]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// TestImageImportSpecDefaulting + SetDefaults_ImageImportSpec (R1.11.6)
// ---------------------------------------------------------------------------------------------

interface ImportToCase {
  readonly name: string;
  readonly from: ObjectReference;
  readonly to?: LocalObjectReference;
  readonly expected: Record<string, unknown> | undefined;
}

const IMPORT_TO_CASES: readonly ImportToCase[] = [
  // The upstream test: kind left empty, from.name "something:other" → to.name "other".
  {
    name: "TestImageImportSpecDefaulting something:other",
    from: { name: "something:other" },
    expected: { name: "other" },
  },
  {
    name: "DockerImage with a tag",
    from: { kind: "DockerImage", name: "docker.io/library/busybox:1.36" },
    expected: { name: "1.36" },
  },
  { name: "no tag: to stays absent", from: { kind: "DockerImage", name: "something" }, expected: undefined },
  {
    name: "digest only: no tag, to stays absent",
    from: { kind: "DockerImage", name: `ns/name@${DIGEST}` },
    expected: undefined,
  },
  {
    name: "tag and digest: the tag",
    from: { kind: "DockerImage", name: `ns/name:v1@${DIGEST}` },
    expected: { name: "v1" },
  },
  {
    name: "registry port is not a tag",
    from: { kind: "DockerImage", name: "registry.example.com:5000/ns/name" },
    expected: undefined,
  },
  {
    name: "registry port and a tag",
    from: { kind: "DockerImage", name: "localhost:5000/foo:bar" },
    expected: { name: "bar" },
  },
  {
    name: "does not parse (uppercase): to stays absent",
    from: { kind: "DockerImage", name: "Something:other" },
    expected: undefined,
  },
  { name: "empty name: to stays absent", from: { kind: "DockerImage", name: "" }, expected: undefined },
  { name: "no name: to stays absent", from: { kind: "DockerImage" }, expected: undefined },
  {
    name: "the kind is not looked at",
    from: { kind: "ImageStreamTag", name: "stream:tag" },
    expected: { name: "tag" },
  },
  {
    name: "a given to is kept",
    from: { kind: "DockerImage", name: "something:other" },
    to: { name: "mine" },
    expected: { name: "mine" },
  },
  // Go checks `To == nil` only: a present but empty `to` is not replaced.
  {
    name: "a present empty to is kept",
    from: { kind: "DockerImage", name: "something:other" },
    to: {},
    expected: {},
  },
];

describe("R1.11.6 normalizeImageStreamImport: TestImageImportSpecDefaulting / SetDefaults_ImageImportSpec", () => {
  for (const c of IMPORT_TO_CASES) {
    it(`R1.11.6 ${c.name}`, () => {
      const image: ImageImportSpec = c.to === undefined ? { from: c.from } : { from: c.from, to: c.to };
      const isi = deepFreeze<ImageStreamImport>({ spec: { import: false, images: [image] } });
      const out = normalizeImageStreamImport(isi);
      const got = out.spec?.images?.[0];
      expect(got?.to).toEqual(c.expected);
      expect(got !== undefined && "to" in got).toBe(c.expected !== undefined);
      // SetObjectDefaults_ImageStreamImport also defaults both policies of every image.
      expect(got?.importPolicy).toEqual(LEGACY);
      expect(got?.referencePolicy).toEqual(SOURCE);
      expect(got?.from).toEqual(c.from);
    });
  }

  it("R1.11.6 the upstream document through parse then normalize (kind left to validation)", () => {
    const doc = {
      kind: "ImageStreamImport",
      apiVersion: "image.openshift.io/v1",
      metadata: { creationTimestamp: null },
      spec: { import: false, images: [{ from: { name: "something:other" } }] },
      status: {},
    };
    const out = normalizeImageStreamImport(parseImageStreamImport(doc));
    expect(out.spec?.images?.[0]?.to).toEqual({ name: "other" });
  });

  it("R1.11.6 a JSON null `to` is a nil pointer in Go, so it is defaulted too", () => {
    const isi = deepFreeze({
      spec: { images: [{ from: { kind: "DockerImage", name: "something:other" }, to: null }] },
    }) as unknown as ImageStreamImport;
    expect(normalizeImageStreamImport(isi).spec?.images?.[0]?.to).toEqual({ name: "other" });
  });

  it("R1.11.6 every image is defaulted on its own, order kept", () => {
    const isi = deepFreeze<ImageStreamImport>({
      spec: {
        import: true,
        images: [
          { from: { kind: "DockerImage", name: "b:2" } },
          { from: { kind: "DockerImage", name: "a" } },
          { from: { kind: "DockerImage", name: "a:1" } },
        ],
      },
    });
    const out = normalizeImageStreamImport(isi);
    expect(out.spec?.images?.map((i) => [i.from.name, i.to?.name])).toEqual([
      ["b:2", "2"],
      ["a", undefined],
      ["a:1", "1"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// SetObjectDefaults_ImageStreamImport: repository, images, status.import (R1.3.4, R1.3.5)
// ---------------------------------------------------------------------------------------------

describe("R1.3.4/R1.3.5 normalizeImageStreamImport: SetObjectDefaults_ImageStreamImport", () => {
  it("R1.3.4 repository policies are defaulted, set fields kept", () => {
    const isi = deepFreeze<ImageStreamImport>({
      spec: {
        import: true,
        repository: {
          from: { kind: "DockerImage", name: "docker.io/library/busybox" },
          importPolicy: { insecure: true, scheduled: true },
          includeManifest: true,
        },
      },
    });
    const out = normalizeImageStreamImport(isi);
    expect(out.spec?.repository).toEqual({
      from: { kind: "DockerImage", name: "docker.io/library/busybox" },
      importPolicy: { insecure: true, scheduled: true, importMode: "Legacy" },
      includeManifest: true,
      referencePolicy: SOURCE,
    });
  });

  it("R1.3.4 set import modes and reference policies are never replaced", () => {
    const isi = deepFreeze<ImageStreamImport>({
      spec: {
        import: true,
        repository: {
          from: { kind: "DockerImage", name: "busybox" },
          importPolicy: { importMode: "PreserveOriginal" },
          referencePolicy: { type: "Local" },
        },
        images: [
          {
            from: { kind: "DockerImage", name: "busybox:1" },
            to: { name: "1" },
            importPolicy: { importMode: "PreserveOriginal" },
            referencePolicy: { type: "Local" },
          },
        ],
      },
    });
    expect(normalizeImageStreamImport(isi)).toBe(isi);
  });

  it("R1.3.4 the cluster default import mode is used for empty modes", () => {
    const isi = deepFreeze<ImageStreamImport>({
      spec: {
        import: true,
        repository: { from: { kind: "DockerImage", name: "busybox" }, importPolicy: { importMode: "" } },
        images: [{ from: { kind: "DockerImage", name: "busybox:1" } }],
      },
    });
    const out = normalizeImageStreamImport(isi, { defaultImportMode: "PreserveOriginal" });
    expect(out.spec?.repository?.importPolicy).toEqual({ importMode: "PreserveOriginal" });
    expect(out.spec?.images?.[0]?.importPolicy).toEqual({ importMode: "PreserveOriginal" });
    // an unknown mode is kept for validation to reject
    const odd = normalizeImageStreamImport({
      // @ts-expect-error an import mode outside ImportMode does not compile, but parses
      spec: { images: [{ from: { name: "a:b" }, importPolicy: { importMode: "Other" } }] },
    });
    expect(odd.spec?.images?.[0]?.importPolicy).toEqual({ importMode: "Other" });
  });

  it("R1.11 status.import is a stream: spec tags defaulted, tags sorted and de-duplicated", () => {
    const isi = deepFreeze<ImageStreamImport>({
      spec: { import: true },
      status: {
        import: {
          metadata: { name: "is", namespace: "ns" },
          spec: { tags: [{ name: "b" }, { name: "a", generation: 1 }, { name: "a", generation: 2 }] },
          status: {
            dockerImageRepository: "",
            tags: [
              { tag: "z", items: [] },
              { tag: "y", items: [] },
            ],
          },
        },
      },
    });
    const out = normalizeImageStreamImport(isi);
    expect(out.status?.import?.spec?.tags).toEqual([
      { name: "a", generation: 2, importPolicy: LEGACY, referencePolicy: SOURCE },
      { name: "b", importPolicy: LEGACY, referencePolicy: SOURCE },
    ]);
    expect(out.status?.import?.status?.tags?.map((t) => t.tag)).toEqual(["y", "z"]);
    // no repository or images are invented
    expect(out.spec).toBe(isi.spec);
  });
});

// ---------------------------------------------------------------------------------------------
// SetObjectDefaults_ImageStream / _ImageStreamTag / _ImageTag: TagReference defaults (R1.3.4, R1.3.5)
// ---------------------------------------------------------------------------------------------

interface TagDefaultCase {
  readonly name: string;
  readonly input: TagReference;
  readonly expected: Record<string, unknown>;
  readonly mode?: "Legacy" | "PreserveOriginal";
}

const TAG_DEFAULT_CASES: readonly TagDefaultCase[] = [
  {
    name: "bare tag: both policies defaulted",
    input: { name: "latest" },
    expected: { name: "latest", importPolicy: LEGACY, referencePolicy: SOURCE },
  },
  {
    name: "empty strings are empty (len == 0)",
    input: { name: "t", importPolicy: { importMode: "" }, referencePolicy: { type: "" } },
    expected: { name: "t", importPolicy: LEGACY, referencePolicy: SOURCE },
  },
  {
    name: "scheduled/insecure kept beside the defaulted mode",
    input: { name: "t", importPolicy: { scheduled: true, insecure: true } },
    expected: {
      name: "t",
      importPolicy: { scheduled: true, insecure: true, importMode: "Legacy" },
      referencePolicy: SOURCE,
    },
  },
  {
    name: "Local is kept",
    input: { name: "t", referencePolicy: { type: "Local" } },
    expected: { name: "t", referencePolicy: { type: "Local" }, importPolicy: LEGACY },
  },
  {
    name: "PreserveOriginal is kept",
    input: { name: "t", importPolicy: { importMode: "PreserveOriginal" } },
    expected: { name: "t", importPolicy: { importMode: "PreserveOriginal" }, referencePolicy: SOURCE },
  },
  {
    name: "an invalid reference policy type is kept (validation rejects it, R1.3.5)",
    // @ts-expect-error a type outside TagReferencePolicyType does not compile, but is kept
    input: { name: "t", referencePolicy: { type: "Other" }, importPolicy: { importMode: "Legacy" } },
    expected: { name: "t", referencePolicy: { type: "Other" }, importPolicy: LEGACY },
  },
  {
    name: "cluster default PreserveOriginal",
    input: { name: "t" },
    mode: "PreserveOriginal",
    expected: { name: "t", importPolicy: { importMode: "PreserveOriginal" }, referencePolicy: SOURCE },
  },
  {
    name: "other fields untouched",
    input: {
      name: "t",
      annotations: null,
      from: { kind: "DockerImage", name: "busybox:1" },
      reference: true,
      generation: null,
    },
    expected: {
      name: "t",
      annotations: null,
      from: { kind: "DockerImage", name: "busybox:1" },
      reference: true,
      generation: null,
      importPolicy: LEGACY,
      referencePolicy: SOURCE,
    },
  },
];

describe("R1.3.4/R1.3.5 normalizeTagReference: SetDefaults_TagImportPolicy / SetDefaults_TagReferencePolicy", () => {
  for (const c of TAG_DEFAULT_CASES) {
    it(`R1.11.5 ${c.name}`, () => {
      const input = deepFreeze(c.input);
      const opts = c.mode === undefined ? undefined : { defaultImportMode: c.mode };
      expect(normalizeTagReference(input, opts)).toEqual(c.expected);
      // the same rows through a stream (SetObjectDefaults_ImageStream)
      const stream = normalizeImageStream(deepFreeze({ spec: { tags: [input] } }) as ImageStream, opts);
      expect(stream.spec?.tags).toEqual([c.expected]);
    });
  }

  it("R1.11.5 an already defaulted tag is returned as is", () => {
    const tag = deepFreeze<TagReference>({ name: "t", importPolicy: LEGACY, referencePolicy: SOURCE });
    expect(normalizeTagReference(tag)).toBe(tag);
  });

  it("R1.11.5 SetObjectDefaults_ImageStreamTag: the istag's tag is a TagReference to default", () => {
    const istag = parseImageStreamTag({
      kind: "ImageStreamTag",
      apiVersion: "image.openshift.io/v1",
      metadata: { name: "is:latest", namespace: "ns" },
      tag: {
        name: "latest",
        annotations: null,
        from: { kind: "DockerImage", name: "busybox" },
        generation: 1,
      },
      generation: 1,
      lookupPolicy: { local: false },
      image: { metadata: { name: DIGEST }, dockerImageReference: `busybox@${DIGEST}` },
    });
    expect(istag.tag ? normalizeTagReference(istag.tag) : null).toEqual({
      name: "latest",
      annotations: null,
      from: { kind: "DockerImage", name: "busybox" },
      generation: 1,
      importPolicy: LEGACY,
      referencePolicy: SOURCE,
    });
  });

  it("R1.11.5 SetObjectDefaults_ImageTag: the ImageTag's spec is a TagReference to default", () => {
    const itag = parseImageTag({
      kind: "ImageTag",
      apiVersion: "image.openshift.io/v1",
      metadata: { name: "is:latest", namespace: "ns" },
      spec: { name: "latest", referencePolicy: { type: "Local" } },
      status: null,
      image: null,
    });
    expect(itag.spec ? normalizeTagReference(itag.spec) : null).toEqual({
      name: "latest",
      referencePolicy: { type: "Local" },
      importPolicy: LEGACY,
    });
  });

  it("R1.11.5 a JSON null policy is Go's zero struct: defaulted", () => {
    const tag = deepFreeze({
      name: "t",
      importPolicy: null,
      referencePolicy: null,
    }) as unknown as TagReference;
    expect(normalizeTagReference(tag)).toEqual({ name: "t", importPolicy: LEGACY, referencePolicy: SOURCE });
  });
});

// ---------------------------------------------------------------------------------------------
// conversion.go: list ↔ map (R1.11.1–R1.11.3) and legacy repository stripping (R1.11.4)
// ---------------------------------------------------------------------------------------------

describe("R1.11.1-R1.11.3 normalizeImageStream: Convert_v1_TagReferenceArray_to_api_TagReferenceMap and back", () => {
  it("R1.11.1 spec tags come back sorted by name (sort.Strings), whatever the input order", () => {
    const stream = deepFreeze<ImageStream>({
      spec: { tags: ["latest", "1.0", "v2", "10", "2", "Latest", "_x", "-y"].map((name) => ({ name })) },
    });
    expect(normalizeImageStream(stream).spec?.tags?.map((t) => t.name)).toEqual([
      "-y",
      "1.0",
      "10",
      "2",
      "Latest",
      "_x",
      "latest",
      "v2",
    ]);
  });

  it("R1.11.2 duplicate spec tags: the last entry wins whole (no field merge)", () => {
    const stream = deepFreeze<ImageStream>({
      spec: {
        tags: [
          { name: "a", from: { kind: "DockerImage", name: "first:1" }, importPolicy: { scheduled: true } },
          { name: "a", from: { kind: "DockerImage", name: "second:2" } },
        ],
      },
    });
    expect(normalizeImageStream(stream).spec?.tags).toEqual([
      {
        name: "a",
        from: { kind: "DockerImage", name: "second:2" },
        importPolicy: LEGACY,
        referencePolicy: SOURCE,
      },
    ]);
  });

  it("R1.11.2 duplicate status lists: the last one wins, sorted by tag", () => {
    const ev = (image: string) => ({
      created: "2016-01-29T13:40:11Z",
      dockerImageReference: `busybox@${image}`,
      image,
      generation: 1,
    });
    const stream = deepFreeze<ImageStream>({
      status: {
        dockerImageRepository: "",
        tags: [
          { tag: "b", items: [ev("sha256:1")] },
          { tag: "a", items: [ev("sha256:2")] },
          { tag: "b", items: [ev("sha256:3")], conditions: [] },
        ],
      },
    });
    expect(normalizeImageStream(stream).status?.tags).toEqual([
      { tag: "a", items: [ev("sha256:2")] },
      { tag: "b", items: [ev("sha256:3")], conditions: [] },
    ]);
  });

  it("R1.11.5 status tags get no defaults (only spec tags are TagReferences)", () => {
    const stream = deepFreeze<ImageStream>({
      status: { dockerImageRepository: "", tags: [{ tag: "a", items: [] }] },
    });
    expect(normalizeImageStream(stream)).toBe(stream);
  });

  it("R1.11 lookupPolicy and the rest of the stream are kept", () => {
    const stream = deepFreeze<ImageStream>({
      kind: "ImageStream",
      apiVersion: "image.openshift.io/v1",
      metadata: { name: "is", namespace: "ns", annotations: { a: "b" } },
      spec: { lookupPolicy: { local: true }, tags: [{ name: "b" }, { name: "a" }] },
    });
    const out = normalizeImageStream(stream);
    expect(out.spec?.lookupPolicy).toEqual({ local: true });
    expect(out.metadata).toBe(stream.metadata);
    expect(out.kind).toBe("ImageStream");
  });

  it("R1.11 parse then normalize: the server's answer for an unsorted create", () => {
    const doc = {
      kind: "ImageStream",
      apiVersion: "v1",
      metadata: { name: "ruby", namespace: "test" },
      spec: {
        tags: [
          { name: "latest", from: { kind: "ImageStreamTag", name: "2.0" } },
          {
            name: "2.0",
            from: { kind: "DockerImage", name: "centos/ruby-22-centos7:latest" },
            referencePolicy: { type: "Local" },
          },
        ],
      },
    };
    const out = normalizeImageStream(parseImageStream(doc));
    expect(out.spec?.tags).toEqual([
      {
        name: "2.0",
        from: { kind: "DockerImage", name: "centos/ruby-22-centos7:latest" },
        referencePolicy: { type: "Local" },
        importPolicy: LEGACY,
      },
      {
        name: "latest",
        from: { kind: "ImageStreamTag", name: "2.0" },
        importPolicy: LEGACY,
        referencePolicy: SOURCE,
      },
    ]);
  });

  it("R1.11 the decoder rejects a spec tag without a string name (the map key)", () => {
    const r = safeParseImageStream({ spec: { tags: [{ from: { kind: "DockerImage", name: "a" } }] } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.fieldErrors.map((f) => f.field)).toEqual(["spec.tags[0].name"]);
  });
});

interface StripCase {
  readonly input: string;
  readonly expected: string;
}

const STRIP_CASES: readonly StripCase[] = [
  { input: "foo/bar:latest", expected: "foo/bar" },
  { input: "busybox:latest", expected: "busybox" },
  { input: "docker.io/library/busybox:latest", expected: "docker.io/library/busybox" },
  { input: "registry.example.com:5000/ns/name:tag", expected: "registry.example.com:5000/ns/name" },
  {
    input: "172.30.56.218:5000/test/origin-ruby-sample:latest",
    expected: "172.30.56.218:5000/test/origin-ruby-sample",
  },
  { input: `ns/name@${DIGEST}`, expected: "ns/name" },
  { input: `ns/name:tag@${DIGEST}`, expected: "ns/name" },
  { input: "localhost:5000/foo:bar", expected: "localhost:5000/foo" },
  // no tag or ID: unchanged
  { input: "ns/name", expected: "ns/name" },
  { input: "registry.example.com:5000/ns/name", expected: "registry.example.com:5000/ns/name" },
  { input: "localhost:5000", expected: "localhost:5000" },
  // does not parse: unchanged
  { input: "Foo/Bar:latest", expected: "Foo/Bar:latest" },
  { input: "foo:", expected: "foo:" },
  { input: "", expected: "" },
];

describe("R1.11.4 normalizeImageStream: Convert_image_ImageStreamSpec/Status_To_v1 strip a tag or ID", () => {
  for (const c of STRIP_CASES) {
    it(`R1.11.4 ${JSON.stringify(c.input)} → ${JSON.stringify(c.expected)}`, () => {
      const stream = deepFreeze<ImageStream>({
        spec: { dockerImageRepository: c.input },
        status: { dockerImageRepository: c.input, publicDockerImageRepository: c.input },
      });
      const out = normalizeImageStream(stream);
      expect(out.spec?.dockerImageRepository).toBe(c.expected);
      expect(out.status?.dockerImageRepository).toBe(c.expected);
      // publicDockerImageRepository is copied as is
      expect(out.status?.publicDockerImageRepository).toBe(c.input);
      if (c.input === c.expected) expect(out).toBe(stream);
    });
  }
});
