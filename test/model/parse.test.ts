import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ImageStreamError, InvalidError } from "../../src/errors.js";
import {
  type ImageStream,
  ImageStreamSchema,
  parseImage,
  parseImageStream,
  parseImageStreamImage,
  parseImageStreamImport,
  parseImageStreamMapping,
  parseImageStreamTag,
  parseImageTag,
  parseTagEvent,
  parseTagReference,
  safeParseImage,
  safeParseImageStream,
  safeParseImageStreamImage,
  safeParseImageStreamImport,
  safeParseImageStreamMapping,
  safeParseImageStreamTag,
  safeParseImageTag,
  safeParseTagEvent,
  safeParseTagReference,
} from "../../src/model/index.js";
import {
  arbImage,
  arbImageStream,
  arbImageStreamMapping,
  arbTagEvent,
  arbTagReference,
} from "../support/arbitraries.js";
import { deepFreeze } from "../support/freeze.js";

const DIGEST = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";
const KIND_DETAIL = "valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'";

function invalid(fn: () => unknown): InvalidError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidError);
    return e as InvalidError;
  }
  throw new Error("expected an InvalidError");
}

const PARSERS: Array<[string, (x: unknown) => unknown, (x: unknown) => { success: boolean }]> = [
  ["ImageStream", parseImageStream, safeParseImageStream],
  ["Image", parseImage, safeParseImage],
  ["ImageStreamMapping", parseImageStreamMapping, safeParseImageStreamMapping],
  ["ImageStreamTag", parseImageStreamTag, safeParseImageStreamTag],
  ["ImageStreamImage", parseImageStreamImage, safeParseImageStreamImage],
  ["ImageTag", parseImageTag, safeParseImageTag],
  ["ImageStreamImport", parseImageStreamImport, safeParseImageStreamImport],
  ["TagReference", parseTagReference, safeParseTagReference],
  ["TagEvent", parseTagEvent, safeParseTagEvent],
];

describe("parse functions: bad input always gives InvalidError", () => {
  for (const [kind, parse, safeParse] of PARSERS) {
    fcTest.prop([fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true })], {
      numRuns: 150,
    })(`R1 any input to parse${kind} either parses or throws InvalidError (kind ${kind})`, (input) => {
      let threw: unknown;
      let out: unknown;
      try {
        out = parse(input);
      } catch (e) {
        threw = e;
      }
      const safe = safeParse(input);
      if (threw === undefined) {
        expect(out).toBeTypeOf("object");
        expect(safe.success).toBe(true);
      } else {
        expect(threw).toBeInstanceOf(InvalidError);
        expect((threw as InvalidError).resource?.resource).toBe(kind);
        expect((threw as InvalidError).fieldErrors.length).toBeGreaterThan(0);
        expect(safe.success).toBe(false);
      }
    });

    it(`R1 parse${kind} rejects non-objects with an Invalid error on <root>`, () => {
      for (const bad of [null, undefined, 42, "x", [], true, new Date(0), new Map()]) {
        const err = invalid(() => parse(bad));
        expect(err).toBeInstanceOf(ImageStreamError);
        expect(err.code).toBe(422);
        expect(err.fieldErrors).toEqual([
          { type: "FieldValueInvalid", field: "<root>", value: bad, detail: "must be an object" },
        ]);
      }
    });
  }

  it("R1 a null-prototype object is accepted like a plain one", () => {
    const o = Object.assign(Object.create(null) as Record<string, unknown>, { metadata: { name: "x" } });
    expect(parseImageStream(o)).toEqual(o);
  });

  it("R1 a cyclic input gives an InvalidError, not a RangeError", () => {
    const a: Record<string, unknown> = { metadata: { name: "x" } };
    a.spec = { tags: [{ name: "t", annotations: a }] };
    (a.spec as Record<string, unknown>).self = a;
    const r = safeParseImageStream(a);
    expect(r.success).toBe(false);
  });
});

describe("parseImageStream error reporting", () => {
  it("R1.3.1 lists every bad field with Kubernetes paths, tags named by their tag", () => {
    const err = invalid(() =>
      parseImageStream({
        metadata: { name: "ruby", namespace: "test", labels: { app: 1 } },
        spec: {
          tags: [{ name: "latest", from: { kind: "DockerImage", name: 3 }, generation: 1.5 }, { name: 2 }],
        },
        status: { tags: [{ tag: "v1", items: [{ image: 5 }] }] },
      }),
    );
    expect(err.message.startsWith('ImageStream.image.openshift.io "ruby" is invalid: [')).toBe(true);
    expect(err.fieldErrors.map((e) => `${e.type} ${e.field}`)).toEqual([
      "FieldValueInvalid metadata.labels[app]",
      "FieldValueInvalid spec.tags[latest].from.name",
      "FieldValueInvalid spec.tags[latest].generation",
      "FieldValueInvalid spec.tags[1].name",
      "FieldValueRequired status.tags[v1].items[0].created",
      "FieldValueRequired status.tags[v1].items[0].dockerImageReference",
      "FieldValueInvalid status.tags[v1].items[0].image",
    ]);
    expect(err.fieldErrors[1]).toEqual({
      type: "FieldValueInvalid",
      field: "spec.tags[latest].from.name",
      value: 3,
      detail: "must be a string",
    });
    expect(err.fieldErrors[2]?.detail).toBe("must be an integer");
  });

  it("R4.2.4 an unknown from.kind is reported at parse time as Required on from.kind", () => {
    const err = invalid(() =>
      parseImageStream({
        metadata: { name: "ruby" },
        spec: {
          tags: [
            { name: "a", from: { kind: "Pod", name: "x" } },
            { name: "b", from: { name: "x" } },
            { name: "c", from: { kind: "", name: "x" } },
            { name: "d", from: { kind: "ImageStreamTag", name: "x:y" } },
            { name: "e" },
          ],
        },
      }),
    );
    expect(err.fieldErrors).toEqual([
      { type: "FieldValueRequired", field: "spec.tags[a].from.kind", value: "", detail: KIND_DETAIL },
      { type: "FieldValueRequired", field: "spec.tags[b].from.kind", value: "", detail: KIND_DETAIL },
      { type: "FieldValueRequired", field: "spec.tags[c].from.kind", value: "", detail: KIND_DETAIL },
    ]);
    expect(err.message).toContain(`spec.tags[a].from.kind: Required value: ${KIND_DETAIL}`);
  });

  it("R4.2.4 a non-string from.kind is a type error only, not reported twice", () => {
    const err = invalid(() =>
      parseImageStream({ spec: { tags: [{ name: "a", from: { kind: 1, name: "x" } }] } }),
    );
    expect(err.fieldErrors.map((e) => e.field)).toEqual(["spec.tags[a].from.kind"]);
    expect(err.fieldErrors[0]?.type).toBe("FieldValueInvalid");
  });

  it("R1.1.1 accepts apiVersion v1 and image.openshift.io/v1, rejects others; kind must match", () => {
    expect(parseImageStream({ apiVersion: "v1", kind: "ImageStream" }).apiVersion).toBe("v1");
    expect(parseImageStream({ apiVersion: "image.openshift.io/v1" }).apiVersion).toBe(
      "image.openshift.io/v1",
    );
    const err = invalid(() =>
      parseImageStream({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" } }),
    );
    expect(err.fieldErrors).toEqual([
      {
        type: "FieldValueNotSupported",
        field: "apiVersion",
        value: "apps/v1",
        detail: 'supported values: "image.openshift.io/v1", "v1"',
      },
      {
        type: "FieldValueNotSupported",
        field: "kind",
        value: "Deployment",
        detail: 'supported values: "ImageStream"',
      },
    ]);
    expect(err.resource).toEqual({ group: "image.openshift.io", resource: "ImageStream", name: "d" });
    expect(invalid(() => parseImage({ kind: "ImageStream" })).fieldErrors[0]?.field).toBe("kind");
  });

  it("R1.1.1 the error name is empty when metadata.name is unreadable", () => {
    expect(invalid(() => parseImageStream({ metadata: { name: 5 } })).message).toBe(
      'ImageStream.image.openshift.io "" is invalid: metadata.name: Invalid value: 5: must be a string',
    );
  });

  it("R1.11 an int64 outside the safe integer range is invalid", () => {
    const err = invalid(() => parseImageStream({ metadata: { generation: 2 ** 60 } }));
    expect(err.fieldErrors[0]).toMatchObject({
      field: "metadata.generation",
      detail: "must be a safe integer",
    });
  });

  it("R1.3.1 TagReference annotations and generation keep null; another null reads as absent (Go's zero value)", () => {
    const tag = parseTagReference({ name: "latest", annotations: null, generation: null });
    expect(tag.annotations).toBeNull();
    expect(tag.generation).toBeNull();
    const input = deepFreeze({ name: "x", reference: null, importPolicy: null, from: null, extra: 1 });
    expect(parseTagReference(input)).toEqual({ name: "x", extra: 1 });
    expect(input.importPolicy).toBeNull(); // the input is not changed
    const err = invalid(() => parseTagReference({ name: "x", reference: "yes", importPolicy: [] }));
    expect(err.fieldErrors.map((e) => e.field)).toEqual(["reference", "importPolicy"]);
    expect(err.message.startsWith('TagReference.image.openshift.io "x" is invalid')).toBe(true);
  });

  it("R1.11 a YAML key left empty (null) reads as absent, as Go decodes it: maps, structs, lists", () => {
    const yamlish = deepFreeze({
      metadata: { name: "a", namespace: "n", annotations: null, labels: null },
      spec: {
        lookupPolicy: null,
        tags: [{ name: "t", from: { kind: "DockerImage", name: "x:1" }, importPolicy: null }],
      },
      status: null,
    });
    expect(parseImageStream(yamlish)).toEqual({
      metadata: { name: "a", namespace: "n" },
      spec: { tags: [{ name: "t", from: { kind: "DockerImage", name: "x:1" } }] },
    });
    expect(parseImageStream({ metadata: { name: "a" }, spec: null })).toEqual({ metadata: { name: "a" } });
    // a null list element is not a key: still an error; a null required string is Required
    expect(invalid(() => parseImageStream({ spec: { tags: [null] } })).fieldErrors[0]?.field).toBe(
      "spec.tags[0]",
    );
    const ev = {
      tag: "x",
      items: [{ created: null, dockerImageReference: "a/b", image: null, generation: 1 }],
    };
    expect(invalid(() => parseImageStream({ status: { tags: [ev] } })).fieldErrors).toEqual([
      { type: "FieldValueRequired", field: "status.tags[x].items[0].image", value: "", detail: "" },
    ]);
  });

  it("R1.4.3 a tag event's created may be null (Go's zero time, as the server prints it)", () => {
    const ev = { created: null, dockerImageReference: "a/b", image: "", generation: 1 };
    expect(
      parseImageStream({ status: { tags: [{ tag: "x", items: [ev] }] } }).status?.tags?.[0]?.items[0]
        ?.created,
    ).toBeNull();
  });

  it("R4.2.4 parseTagReference reports an unknown from.kind on from.kind", () => {
    expect(
      invalid(() => parseTagReference({ name: "x", from: { kind: "Pod", name: "a" } })).fieldErrors,
    ).toEqual([{ type: "FieldValueRequired", field: "from.kind", value: "", detail: KIND_DETAIL }]);
  });

  it("R1.6.1 ImageStreamTag: tag may be null; tag.from.kind is checked", () => {
    expect(parseImageStreamTag({ metadata: { name: "a:b" }, tag: null }).tag).toBeNull();
    expect(
      invalid(() => parseImageStreamTag({ tag: { name: "b", from: { kind: "X", name: "y" } } }))
        .fieldErrors[0]?.field,
    ).toBe("tag.from.kind");
  });

  it("R1.8.1 ImageTag: spec/status/image nullable; spec.from.kind is checked", () => {
    const t = parseImageTag({ metadata: { name: "a:b" }, spec: null, status: null, image: null });
    expect(t.spec).toBeNull();
    expect(
      invalid(() => parseImageTag({ spec: { name: "b", from: { kind: "X", name: "y" } } })).fieldErrors[0]
        ?.field,
    ).toBe("spec.from.kind");
  });

  it("R1.7.1 ImageStreamImage requires image", () => {
    expect(invalid(() => parseImageStreamImage({ metadata: { name: "a@b" } })).fieldErrors).toEqual([
      { type: "FieldValueRequired", field: "image", value: "", detail: "" },
    ]);
    expect(parseImageStreamImage({ image: { metadata: { name: DIGEST } } }).image.metadata?.name).toBe(
      DIGEST,
    );
  });

  it("R1.5.1 ImageStreamMapping requires image and tag", () => {
    expect(
      invalid(() => parseImageStreamMapping({ metadata: { name: "m" } })).fieldErrors.map((e) => e.field),
    ).toEqual(["image", "tag"]);
  });

  it("R1.9.4 Image: Docker config keys typed; map keys shown in brackets", () => {
    const err = invalid(() =>
      parseImage({
        dockerImageMetadata: { Size: "big", Config: { Labels: { vendor: 3 }, Cmd: "run" } },
        dockerImageLayers: [{ name: DIGEST }],
      }),
    );
    expect(err.fieldErrors.map((e) => e.field)).toEqual([
      "dockerImageMetadata.Config.Cmd",
      "dockerImageMetadata.Config.Labels[vendor]",
      "dockerImageMetadata.Size",
    ]);
    const ok = parseImage({
      dockerImageLayers: null,
      dockerImageMetadata: { Config: { Cmd: null, Labels: null } },
    });
    expect(ok.dockerImageLayers).toBeNull();
  });

  it("R4.6.1 ImageStreamImport: spec and status parse, from is required on images", () => {
    const isi = parseImageStreamImport({
      kind: "ImageStreamImport",
      metadata: { name: "python" },
      spec: {
        import: true,
        images: [{ from: { kind: "DockerImage", name: "python:3.6" }, to: { name: "3.6" } }],
        repository: { from: { kind: "DockerImage", name: "python" } },
      },
      status: {
        import: { metadata: { name: "python" } },
        images: [{ status: { status: "Success" }, tag: "3.6", image: { metadata: { name: DIGEST } } }],
        repository: { status: { status: "Failure", code: 404 }, additionalTags: ["old"] },
      },
    });
    expect(isi.spec?.images?.[0]?.to?.name).toBe("3.6");
    expect(
      invalid(() =>
        parseImageStreamImport({
          status: { import: { spec: { tags: [{ name: "a", from: { name: "x" } }] } } },
        }),
      ).fieldErrors,
    ).toEqual([
      {
        type: "FieldValueRequired",
        field: "status.import.spec.tags[a].from.kind",
        value: "",
        detail: KIND_DETAIL,
      },
    ]);
    expect(invalid(() => parseImageStreamImport({ spec: { images: [{}] } })).fieldErrors[0]?.field).toBe(
      "spec.images[0].from",
    );
  });

  it("R1.4.2 a status tag with items: null (Go nil slice) is read as items: [] without touching the input", () => {
    const input = deepFreeze({
      metadata: { name: "x" },
      status: {
        dockerImageRepository: "",
        tags: [
          { tag: "a", items: null, conditions: [{ type: "ImportSuccess", status: "False", generation: 1 }] },
          { tag: "b", items: [] },
        ],
      },
    });
    const out = parseImageStream(input);
    expect(out).not.toBe(input);
    expect(JSON.stringify(out)).toBe(JSON.stringify(input).replace('"items":null', '"items":[]'));
    expect(out.status?.tags?.[1]).toEqual(input.status.tags[1]);
    expect(out.metadata).toEqual(input.metadata);
    expect(input.status.tags[0]?.items).toBeNull();
    const itag = parseImageTag(deepFreeze({ status: { tag: "a", items: null } }));
    expect(itag.status?.items).toEqual([]);
    const isi = parseImageStreamImport(
      deepFreeze({ status: { import: { status: { tags: [{ tag: "a", items: null }] } } } }),
    );
    expect(isi.status?.import?.status?.tags?.[0]?.items).toEqual([]);
    const plain = { status: { tags: [{ tag: "a", items: [] }] } };
    expect(parseImageStreamImport({ status: { import: plain } }).status?.import).toEqual(plain);
    expect(
      ImageStreamSchema.parse({ status: { tags: [{ tag: "a", items: null }] } }).status?.tags?.[0]?.items,
    ).toEqual([]);
  });

  it("R1.4.3 TagEvent requires created, dockerImageReference and image; a missing generation is Go's 0", () => {
    expect(invalid(() => parseTagEvent({})).fieldErrors.map((e) => e.field)).toEqual([
      "created",
      "dockerImageReference",
      "image",
    ]);
  });

  it("R1.1 safeParse returns the data or the error instead of throwing", () => {
    const ok = safeParseImageStream({ metadata: { name: "a" } });
    expect(ok).toEqual({ success: true, data: { metadata: { name: "a" } } });
    const bad = safeParseImageStream({ metadata: "a" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error).toBeInstanceOf(InvalidError);
  });
});

describe("generated valid objects round-trip losslessly", () => {
  fcTest.prop([arbImageStream({ unknownFields: true })], { numRuns: 100 })(
    "R1.1 any generated ImageStream (with unknown fields) parses and JSON round-trips, key order kept",
    (stream) => {
      const input = deepFreeze(JSON.parse(JSON.stringify(stream)) as unknown);
      const parsed: ImageStream = parseImageStream(input);
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(stream));
      expect(ImageStreamSchema.safeParse(input).success).toBe(true);
    },
  );

  fcTest.prop([arbTagReference()], { numRuns: 100 })("R1.3.1 any generated TagReference parses", (tag) => {
    expect(parseTagReference(tag)).toEqual(tag);
  });

  fcTest.prop([arbTagEvent()], { numRuns: 50 })("R1.4.3 any generated TagEvent parses", (event) => {
    expect(parseTagEvent(event)).toEqual(event);
    expect(event.dockerImageReference.endsWith(`@${event.image}`)).toBe(true);
  });

  fcTest.prop([arbImage()], { numRuns: 50 })("R1.9.1 any generated Image parses and round-trips", (image) => {
    expect(JSON.stringify(parseImage(JSON.parse(JSON.stringify(image))))).toBe(JSON.stringify(image));
  });

  fcTest.prop([arbImageStreamMapping()], { numRuns: 50 })(
    "R1.5.1 any generated ImageStreamMapping parses and round-trips",
    (m) => {
      expect(JSON.stringify(parseImageStreamMapping(JSON.parse(JSON.stringify(m))))).toBe(JSON.stringify(m));
    },
  );
});

describe("Go decoding at the boundary: a missing required int64 or bool is its zero value (encoding/json Unmarshal)", () => {
  const event = { created: "2016-01-29T13:40:11Z", dockerImageReference: `r/ns/a@${DIGEST}`, image: DIGEST };

  it("R1.4.3 a TagEvent without generation, or with generation null, decodes with generation 0", () => {
    expect(parseTagEvent(deepFreeze(event))).toEqual({ ...event, generation: 0 });
    expect(parseTagEvent(deepFreeze({ ...event, generation: null }))).toEqual({ ...event, generation: 0 });
  });

  it("R1.4.4 a condition without generation decodes with generation 0; items keep theirs", () => {
    const input = deepFreeze({
      metadata: { name: "a" },
      status: {
        tags: [
          {
            tag: "x",
            items: [{ ...event, generation: 2 }, event],
            conditions: [{ type: "ImportSuccess", status: "False" }],
          },
        ],
      },
    });
    const list = parseImageStream(input).status?.tags?.[0];
    expect(list?.items.map((e) => e.generation)).toEqual([2, 0]);
    expect(list?.conditions?.[0]?.generation).toBe(0);
    expect(input.status.tags[0]?.items[1]).not.toHaveProperty("generation");
  });

  it("R1.9 an image layer without size and a manifest without manifestSize decode as 0", () => {
    const img = parseImage({
      dockerImageLayers: [{ name: DIGEST, mediaType: "x" }],
      dockerImageManifests: [{ digest: DIGEST, mediaType: "m", architecture: "amd64", os: "linux" }],
    });
    expect(img.dockerImageLayers?.[0]?.size).toBe(0);
    expect(img.dockerImageManifests?.[0]?.manifestSize).toBe(0);
  });

  it("required strings keep their Required error; optional numbers stay absent", () => {
    expect(
      invalid(() => parseTagEvent({ created: null, image: DIGEST })).fieldErrors.map((e) => e.field),
    ).toEqual(["dockerImageReference"]);
    expect(parseImageStream({ metadata: { name: "a", generation: null } }).metadata).toEqual({ name: "a" });
    expect(invalid(() => parseTagEvent({ ...event, generation: "1" })).fieldErrors[0]?.field).toBe(
      "generation",
    );
  });

  fcTest.prop([arbImageStream()])(
    "R1.4.3 dropping every event generation reads back as generation 0",
    (stream) => {
      const stripped = {
        ...stream,
        status: {
          ...stream.status,
          tags: (stream.status?.tags ?? []).map((l) => ({
            ...l,
            items: l.items.map(({ generation: _g, ...rest }) => rest),
          })),
        },
      };
      const parsed = parseImageStream(deepFreeze(stripped));
      for (const l of parsed.status?.tags ?? []) for (const e of l.items) expect(e.generation).toBe(0);
    },
  );
});

describe("parse results are deeply frozen copies (every state is frozen from the boundary on)", () => {
  it("R1 parseImageStream returns a deeply frozen copy and leaves the caller's object unfrozen", () => {
    const input = {
      metadata: { name: "ruby", namespace: "test" },
      status: {
        tags: [
          {
            tag: "a",
            items: [
              {
                created: "2024-01-01T00:00:00Z",
                dockerImageReference: "x/y@sha256:1",
                image: "sha256:1",
                generation: 1,
              },
            ],
          },
        ],
      },
    };
    const out = parseImageStream(input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(Object.isFrozen(out.status?.tags?.[0]?.items[0])).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.status.tags[0])).toBe(false);
  });

  it("R1 a Date timestamp (as @kubernetes/client-node hands them) comes back as RFC 3339 with seconds", () => {
    const out = parseImageStream({
      metadata: { name: "ruby", namespace: "test", creationTimestamp: new Date("2016-01-29T13:40:11.123Z") },
    });
    expect(out.metadata?.creationTimestamp).toBe("2016-01-29T13:40:11Z");
  });
});
