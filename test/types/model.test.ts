/**
 * Type tests of the wire model: the named interfaces reject typos, the exported schemas are typed
 * by those interfaces (declarations and hovers say `ImageStream`, not a zod expansion), the
 * `InSync` check fails on every kind of drift, and `Date` timestamps as `@kubernetes/client-node`
 * returns them are accepted on input and written as RFC 3339 with seconds.
 *
 * `tsc --noEmit` checks this file (tsconfig includes `test`): each `@ts-expect-error` line must fail
 * to compile, or the check fails. vitest runs the run-time half.
 */
import type { KubernetesObject, V1ObjectMeta } from "@kubernetes/client-node";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { Assert, InSync, InSyncInput } from "../../src/model/in-sync.js";
import {
  type Image,
  type ImageStream,
  type ImageStreamInput,
  ImageStreamSchema,
  type ImageStreamTag,
  ImageStreamTagSchema,
  type ObjectMetaInput,
  parseImageStream,
  type TagEvent,
  type TagEventInput,
  TagEventSchema,
  type TagReference,
  type TagReferencePolicy,
  TagReferencePolicySchema,
} from "../../src/schemas.js";

describe("named interfaces reject typos", () => {
  it("a misspelt field or an enum value outside its union does not compile", () => {
    // @ts-expect-error `nmae` is not a field of ObjectMeta: no open index signature
    const typo: ImageStream = { metadata: { nmae: "x" } };
    // @ts-expect-error `lcoal` is not a TagReferencePolicyType
    const policy: TagReferencePolicy = { type: "lcoal" };
    const tag: TagReference = {
      name: "latest",
      // @ts-expect-error `Pod` is not a TagReferenceKind
      from: { kind: "Pod", name: "x" },
      // @ts-expect-error import modes are `Legacy` and `PreserveOriginal`, case-sensitive
      importPolicy: { importMode: "legacy" },
    };
    // @ts-expect-error the kind of an ImageStream is `ImageStream`
    const kind: ImageStream = { kind: "ImageStreams" };
    // the values the API server accepts compile, `""` (the Go zero value) included
    const ok: TagReference = {
      name: "a",
      from: { kind: "ImageStreamTag", name: "python:3.6" },
      importPolicy: { importMode: "" },
      referencePolicy: { type: "Local" },
    };
    expect([typo, policy, tag, kind, ok]).toHaveLength(5);
  });

  it("fields and arrays are readonly", () => {
    const rename = (tag: TagReference): void => {
      // @ts-expect-error fields are readonly
      tag.name = "other";
    };
    const append = (stream: ImageStream): void => {
      // @ts-expect-error spec.tags is a readonly array
      stream.spec?.tags?.push({ name: "x" });
    };
    expectTypeOf(rename).parameter(0).toEqualTypeOf<TagReference>();
    expectTypeOf(append).parameter(0).toEqualTypeOf<ImageStream>();
  });
});

describe("exported schemas are typed by the interfaces", () => {
  it("output and input types are the named interfaces", () => {
    expectTypeOf<z.output<typeof ImageStreamSchema>>().toEqualTypeOf<ImageStream>();
    expectTypeOf<z.input<typeof ImageStreamSchema>>().toEqualTypeOf<ImageStreamInput>();
    expectTypeOf<z.output<typeof TagEventSchema>>().toEqualTypeOf<TagEvent>();
    expectTypeOf<z.input<typeof TagEventSchema>>().toEqualTypeOf<TagEventInput>();
    expectTypeOf<z.output<typeof ImageStreamTagSchema>>().toEqualTypeOf<ImageStreamTag>();
    expectTypeOf(ImageStreamSchema.parse).returns.toEqualTypeOf<ImageStream>();
    expectTypeOf(parseImageStream).returns.toEqualTypeOf<ImageStream>();
  });

  it("a schema still parses on its own, keeping unknown fields", () => {
    const parsed = TagReferencePolicySchema.parse({ type: "Local", future: 1 });
    expect(parsed).toEqual({ type: "Local", future: 1 });
    expect(ImageStreamSchema.safeParse({ spec: { tags: [{ name: 1 }] } }).success).toBe(false);
  });
});

describe("InSync: a schema and its interface cannot drift", () => {
  it("each kind of drift fails to compile", () => {
    const right = z.looseObject({ type: z.enum(["Source", "Local", ""]).exactOptional() });
    type Right = Assert<InSync<typeof right, TagReferencePolicy>>;
    // `z.string()` where the interface has a union: the schema is wider
    const wide = z.looseObject({ type: z.string().exactOptional() });
    // @ts-expect-error schemaWiderThanInterface
    type Wide = Assert<InSync<typeof wide, TagReferencePolicy>>;
    // a field on one side only
    const extra = z.looseObject({ type: z.enum(["Source", "Local", ""]).exactOptional(), foo: z.string() });
    // @ts-expect-error onlyInSchema: "foo"
    type Extra = Assert<InSync<typeof extra, TagReferencePolicy>>;
    // required in the schema, optional in the interface
    const required = z.looseObject({ type: z.enum(["Source", "Local", ""]) });
    // @ts-expect-error interfaceWiderThanSchema
    type Required = Assert<InSync<typeof required, TagReferencePolicy>>;
    // `.optional()` lets `undefined` through, which an exact optional field does not
    const loose = z.looseObject({ type: z.enum(["Source", "Local", ""]).optional() });
    // @ts-expect-error schemaWiderThanInterface
    type Loose = Assert<InSync<typeof loose, TagReferencePolicy>>;
    // a Date accepted on input must be in the input interface
    const timed = z.looseObject({ created: z.preprocess((v: string | Date) => v, z.string()) });
    type TimedOutput = Assert<InSync<typeof timed, { readonly created: string }>>;
    // @ts-expect-error the input side also accepts a Date
    type TimedInput = Assert<InSyncInput<typeof timed, { readonly created: string }>>;
    expectTypeOf<[Right, Wide, Extra, Required, Loose, TimedOutput, TimedInput]>().toBeArray();
  });
});

describe("Date timestamps (as @kubernetes/client-node returns them)", () => {
  it("a KubernetesObject can be passed to parseImageStream, and its metadata is an ObjectMetaInput", () => {
    const fromClient = (obj: KubernetesObject): ImageStream => parseImageStream(obj);
    const meta = (m: V1ObjectMeta): ObjectMetaInput => m;
    const input = (obj: KubernetesObject & { spec?: ImageStream["spec"] }): ImageStreamInput =>
      obj.metadata === undefined ? {} : { metadata: obj.metadata };
    expectTypeOf(fromClient).returns.toEqualTypeOf<ImageStream>();
    expect(meta({ name: "x" })).toEqual({ name: "x" });
    expect(input({ metadata: { name: "ruby" } })).toEqual({ metadata: { name: "ruby" } });
  });

  it("Date fields are written as RFC 3339 with seconds, in UTC", () => {
    const created = new Date("2016-01-29T13:40:11.789Z");
    const stream = ImageStreamSchema.parse({
      metadata: {
        name: "ruby",
        creationTimestamp: created,
        managedFields: [{ manager: "oc", time: created }],
      },
      status: {
        tags: [
          {
            tag: "latest",
            items: [{ created, dockerImageReference: "r@sha256:1", image: "sha256:1", generation: 1 }],
            conditions: [
              { type: "ImportSuccess", status: "False", generation: 2, lastTransitionTime: created },
            ],
          },
        ],
      },
    });
    expect(stream.metadata?.creationTimestamp).toBe("2016-01-29T13:40:11Z");
    expect(stream.metadata?.managedFields?.[0]?.time).toBe("2016-01-29T13:40:11Z");
    expect(stream.status?.tags?.[0]?.items[0]?.created).toBe("2016-01-29T13:40:11Z");
    expect(stream.status?.tags?.[0]?.conditions?.[0]?.lastTransitionTime).toBe("2016-01-29T13:40:11Z");
  });

  it("an Image's Docker metadata and signatures take Dates too", () => {
    const at = new Date(Date.UTC(2017, 9, 2, 17, 5, 11));
    const image: Image =
      ImageStreamTagSchema.parse({
        image: {
          dockerImageMetadata: { Created: at },
          signatures: [{ type: "atomic", content: "AQID", created: at, conditions: [{ lastProbeTime: at }] }],
        },
      }).image ?? {};
    expect(image.dockerImageMetadata?.Created).toBe("2017-10-02T17:05:11Z");
    expect(image.signatures?.[0]?.created).toBe("2017-10-02T17:05:11Z");
    expect(image.signatures?.[0]?.conditions?.[0]?.lastProbeTime).toBe("2017-10-02T17:05:11Z");
  });

  it("an invalid Date is reported as a bad field, not thrown", () => {
    const r = TagEventSchema.safeParse({
      created: new Date(Number.NaN),
      dockerImageReference: "",
      image: "",
      generation: 1,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["invalid_type", "created"]]);
    // the same inside a status tag's history, where the list converts its Dates in one pass
    const bad = { created: new Date(Number.NaN), dockerImageReference: "", image: "", generation: 1 };
    const s = ImageStreamSchema.safeParse({ status: { tags: [{ tag: "a", items: [bad] }] } });
    expect(s.error?.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid_type", "status.tags.0.items.0.created"],
    ]);
  });

  it("strings and the null zero time pass unchanged", () => {
    const e = { created: null, dockerImageReference: "r", image: "i", generation: 0 };
    expect(TagEventSchema.parse(e)).toEqual(e);
    const s = { ...e, created: "2016-01-29T13:40:11Z" };
    expect(TagEventSchema.parse(s)).toEqual(s);
  });
});
