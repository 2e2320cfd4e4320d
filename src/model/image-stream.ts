/**
 * The ImageStream resource and its parts (SEMANTICS §1.1–§1.4).
 */
import { z } from "zod";
import { int64, ObjectMetaSchema, ObjectReferenceSchema, stringMap, timeOrNull } from "./meta.js";

/**
 * Schema of `TagImportPolicy` (R1.3.3): `insecure`, `scheduled`, `importMode`.
 *
 * @example
 * ```ts
 * TagImportPolicySchema.parse({ scheduled: true, importMode: "Legacy" });
 * ```
 * @public
 */
export const TagImportPolicySchema = z.looseObject({
  insecure: z.boolean().optional(),
  scheduled: z.boolean().optional(),
  importMode: z.string().optional(),
});

/**
 * How images of a tag are imported (R1.3.3).
 *
 * @example
 * ```ts
 * const policy: TagImportPolicy = { insecure: false, scheduled: true, importMode: "PreserveOriginal" };
 * ```
 * @public
 */
export type TagImportPolicy = z.infer<typeof TagImportPolicySchema>;

/**
 * Schema of `TagReferencePolicy` (R1.3.5): `type` is `Source` or `Local` (checked by validation).
 *
 * @example
 * ```ts
 * TagReferencePolicySchema.parse({ type: "Local" });
 * ```
 * @public
 */
export const TagReferencePolicySchema = z.looseObject({
  type: z.string().optional(),
});

/**
 * How pull specs of a tag are generated (R1.3.5, R1.3.6).
 *
 * @example
 * ```ts
 * const policy: TagReferencePolicy = { type: "Source" };
 * ```
 * @public
 */
export type TagReferencePolicy = z.infer<typeof TagReferencePolicySchema>;

/**
 * Schema of `ImageLookupPolicy` (R1.2.1): `local`.
 *
 * @example
 * ```ts
 * ImageLookupPolicySchema.parse({ local: true });
 * ```
 * @public
 */
export const ImageLookupPolicySchema = z.looseObject({
  local: z.boolean().optional(),
});

/**
 * Whether short names in the namespace resolve through the stream (R1.2.1, §14).
 *
 * @example
 * ```ts
 * const lookup: ImageLookupPolicy = { local: false };
 * ```
 * @public
 */
export type ImageLookupPolicy = z.infer<typeof ImageLookupPolicySchema>;

/**
 * Schema of a spec tag, `TagReference` (R1.3.1). `annotations` and `generation` are nullable as
 * upstream serializes them.
 *
 * @example
 * ```ts
 * TagReferenceSchema.parse({ name: "3.5", annotations: null, from: { kind: "DockerImage", name: "centos/python-35-centos7" }, generation: 2 });
 * ```
 * @public
 */
export const TagReferenceSchema = z.looseObject({
  name: z.string(),
  annotations: stringMap.nullable().optional(),
  from: ObjectReferenceSchema.optional(),
  reference: z.boolean().optional(),
  generation: int64.nullable().optional(),
  importPolicy: TagImportPolicySchema.optional(),
  referencePolicy: TagReferencePolicySchema.optional(),
});

/**
 * A spec tag (R1.3.1).
 *
 * @example
 * ```ts
 * const tag: TagReference = { name: "latest", from: { kind: "ImageStreamTag", name: "python:3.5" }, generation: null };
 * ```
 * @public
 */
export type TagReference = z.infer<typeof TagReferenceSchema>;

/**
 * Schema of `ImageStreamSpec` (R1.2): `lookupPolicy`, `dockerImageRepository`, `tags`.
 *
 * @example
 * ```ts
 * ImageStreamSpecSchema.parse({ lookupPolicy: { local: false }, tags: [] });
 * ```
 * @public
 */
export const ImageStreamSpecSchema = z.looseObject({
  lookupPolicy: ImageLookupPolicySchema.optional(),
  dockerImageRepository: z.string().optional(),
  tags: z.array(TagReferenceSchema).optional(),
});

/**
 * The spec of an image stream (R1.2).
 *
 * @example
 * ```ts
 * const spec: ImageStreamSpec = { tags: [{ name: "latest", from: { kind: "DockerImage", name: "ruby:2" } }] };
 * ```
 * @public
 */
export type ImageStreamSpec = z.infer<typeof ImageStreamSpecSchema>;

/**
 * Schema of a `TagEvent` (R1.4.3): `created`, `dockerImageReference`, `image`, `generation`, all
 * always serialized and required here; `created` is `null` for Go's zero time, as the server
 * prints it.
 *
 * @example
 * ```ts
 * TagEventSchema.parse({ created: "2016-01-29T13:40:11Z", dockerImageReference: "172.30.56.218:5000/test/origin-ruby-sample@sha256:4746…", image: "sha256:4746…", generation: 1 });
 * ```
 * @public
 */
export const TagEventSchema = z.looseObject({
  created: timeOrNull,
  dockerImageReference: z.string(),
  image: z.string(),
  generation: int64,
});

/**
 * One entry of a tag's history (R1.4.3).
 *
 * @example
 * ```ts
 * const event: TagEvent = { created: "2016-01-29T13:40:11Z", dockerImageReference: "ruby@sha256:…", image: "sha256:…", generation: 1 };
 * ```
 * @public
 */
export type TagEvent = z.infer<typeof TagEventSchema>;

/**
 * Schema of a `TagEventCondition` (R1.4.4): `type`, `status`, `generation` required;
 * `lastTransitionTime`, `reason`, `message` optional.
 *
 * @example
 * ```ts
 * TagEventConditionSchema.parse({ type: "ImportSuccess", status: "False", generation: 2, reason: "NotFound", message: "not found" });
 * ```
 * @public
 */
export const TagEventConditionSchema = z.looseObject({
  type: z.string(),
  status: z.string(),
  lastTransitionTime: timeOrNull.optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  generation: int64,
});

/**
 * A condition of a status tag, in practice `ImportSuccess=False` (R1.4.4).
 *
 * @example
 * ```ts
 * const c: TagEventCondition = { type: "ImportSuccess", status: "False", generation: 2 };
 * ```
 * @public
 */
export type TagEventCondition = z.infer<typeof TagEventConditionSchema>;

/**
 * Schema of `NamedTagEventList` (R1.4.2): `tag`, `items` (newest first), `conditions`. `items: null`
 * (a Go nil slice, as the server prints a tag that only has a failure condition) is read as `[]`.
 *
 * @example
 * ```ts
 * NamedTagEventListSchema.parse({ tag: "latest", items: [] });
 * ```
 * @public
 */
export const NamedTagEventListSchema = z.looseObject({
  tag: z.string(),
  items: z.preprocess((v) => (v === null ? [] : v), z.array(TagEventSchema)),
  conditions: z.array(TagEventConditionSchema).optional(),
});

/**
 * The history of one tag (R1.4.2); `items[0]` is the current image.
 *
 * @example
 * ```ts
 * const list: NamedTagEventList = { tag: "latest", items: [event] };
 * ```
 * @public
 */
export type NamedTagEventList = z.infer<typeof NamedTagEventListSchema>;

/**
 * Schema of `ImageStreamStatus` (R1.4.1).
 *
 * @example
 * ```ts
 * ImageStreamStatusSchema.parse({ dockerImageRepository: "172.30.56.218:5000/test/origin-ruby-sample", tags: [] });
 * ```
 * @public
 */
export const ImageStreamStatusSchema = z.looseObject({
  dockerImageRepository: z.string().optional(),
  publicDockerImageRepository: z.string().optional(),
  tags: z.array(NamedTagEventListSchema).optional(),
});

/**
 * The status of an image stream (R1.4.1).
 *
 * @example
 * ```ts
 * const status: ImageStreamStatus = { dockerImageRepository: "", tags: [{ tag: "latest", items: [] }] };
 * ```
 * @public
 */
export type ImageStreamStatus = z.infer<typeof ImageStreamStatusSchema>;

/**
 * Schema of the ImageStream resource (R1.1). `apiVersion` may be `image.openshift.io/v1` or the
 * legacy `v1`; unknown fields are kept at every level.
 *
 * @example
 * ```ts
 * ImageStreamSchema.parse({ apiVersion: "image.openshift.io/v1", kind: "ImageStream", metadata: { name: "ruby", namespace: "test" }, spec: {} });
 * ```
 * @public
 */
export const ImageStreamSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: ObjectMetaSchema.optional(),
  spec: ImageStreamSpecSchema.optional(),
  status: ImageStreamStatusSchema.optional(),
});

/**
 * An image stream (R1.1).
 *
 * @example
 * ```ts
 * const stream: ImageStream = { metadata: { name: "ruby", namespace: "test" }, spec: { tags: [] } };
 * ```
 * @public
 */
export type ImageStream = z.infer<typeof ImageStreamSchema>;
