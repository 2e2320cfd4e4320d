/**
 * The ImageStream resource and its parts: spec tags with their policies, and the status history of
 * every tag. Each type is a hand-written interface; its schema is built on first use and checked
 * against it at compile time.
 */
import { z } from "zod";
import type { Assert, InSync, InSyncInput } from "./in-sync.js";
import {
  type ImageApiVersion,
  int64,
  knownString,
  type ObjectMeta,
  type ObjectMetaInput,
  ObjectMetaSchema,
  type ObjectReference,
  stringMap,
  time,
  wireTime,
} from "./meta.js";

// ---------------------------------------------------------------------------------------------
// Spec
// ---------------------------------------------------------------------------------------------

/**
 * How the images of a tag are imported from a manifest list: `Legacy` imports the one sub-manifest
 * for the preferred platform, `PreserveOriginal` the whole list (upstream `ImportModeType`).
 *
 * @example
 * ```ts
 * const mode: ImportMode = "PreserveOriginal";
 * ```
 * @public
 */
export type ImportMode = "Legacy" | "PreserveOriginal";

/**
 * How a spec tag's images are imported (`TagImportPolicy`).
 *
 * @example
 * ```ts
 * const policy: TagImportPolicy = { insecure: false, scheduled: true, importMode: "PreserveOriginal" };
 * ```
 * @public
 */
export interface TagImportPolicy {
  /** Whether the importer may use plain HTTP or skip TLS verification for this tag; absent means false. */
  readonly insecure?: boolean;
  /** Whether the importer re-imports the tag periodically; absent means false. Only `DockerImage` tags may be scheduled. */
  readonly scheduled?: boolean;
  /**
   * How a manifest list is imported; `""` or absent means the cluster default (`Legacy` unless
   * configured). Parsing accepts any string; validation rejects other values.
   */
  readonly importMode?: ImportMode | "";
}

/**
 * How pull specs of a tag are written: `Source` keeps the image's own location, `Local` serves it
 * through the integrated registry (upstream `TagReferencePolicyType`).
 *
 * @example
 * ```ts
 * const type: TagReferencePolicyType = "Local";
 * ```
 * @public
 */
export type TagReferencePolicyType = "Source" | "Local";

/**
 * The `referencePolicy` of a spec tag (`TagReferencePolicy`).
 *
 * @example
 * ```ts
 * const policy: TagReferencePolicy = { type: "Source" };
 * ```
 * @public
 */
export interface TagReferencePolicy {
  /**
   * `Source` or `Local`; `""` or absent is defaulted to `Source` by the API server. Parsing accepts
   * any string; validation rejects other values.
   */
  readonly type?: TagReferencePolicyType | "";
}

/**
 * Whether short image names in the stream's namespace resolve through the stream (`ImageLookupPolicy`).
 *
 * @example
 * ```ts
 * const lookup: ImageLookupPolicy = { local: true };
 * ```
 * @public
 */
export interface ImageLookupPolicy {
  /** When true, pods and builds in the namespace may name a tag of this stream as `stream:tag`; absent means false. */
  readonly local?: boolean;
}

/**
 * The kinds of object a spec tag may point at.
 *
 * @example
 * ```ts
 * const kind: TagReferenceKind = "ImageStreamTag";
 * ```
 * @public
 */
export type TagReferenceKind = "DockerImage" | "ImageStreamTag" | "ImageStreamImage";

/**
 * The source of a spec tag (`TagReference.from`): an {@link ObjectReference} whose kind is one of
 * {@link TagReferenceKind}.
 *
 * @example
 * ```ts
 * const from: TagReferenceFrom = { kind: "ImageStreamTag", namespace: "openshift", name: "python:3.6" };
 * ```
 * @public
 */
export interface TagReferenceFrom extends ObjectReference {
  /**
   * `DockerImage` (a pull spec in `name`), `ImageStreamTag` (`stream:tag`) or `ImageStreamImage`
   * (`stream@digest`). The parse functions report any other kind, or none, as upstream validation
   * does (Required on `from.kind`); the schema alone accepts any string.
   */
  readonly kind?: TagReferenceKind;
}

/**
 * A spec tag (`TagReference`): where the tag points, and how it is imported and served.
 *
 * @example
 * ```ts
 * const tag: TagReference = { name: "latest", from: { kind: "ImageStreamTag", name: "python:3.5" }, generation: null };
 * ```
 * @public
 */
export interface TagReference {
  /** The tag name, unique in the stream's spec. */
  readonly name: string;
  /** Annotations of the tag (e.g. the importer's preferred platform); `null` or absent means none. */
  readonly annotations?: { readonly [key: string]: string } | null;
  /** What the tag points at; absent for a tag whose images are only pushed. */
  readonly from?: TagReferenceFrom;
  /** When true the tag only points at `from` (no import, no tag event); absent means false. */
  readonly reference?: boolean;
  /** The stream generation at which the tag was last changed, set by the API server; `null` or absent until then. */
  readonly generation?: number | null;
  /** How the tag's images are imported; absent means the defaults. */
  readonly importPolicy?: TagImportPolicy;
  /** How the tag's pull specs are written; absent means `Source`. */
  readonly referencePolicy?: TagReferencePolicy;
}

/**
 * The spec of an image stream (`ImageStreamSpec`): what the user asks for.
 *
 * @example
 * ```ts
 * const spec: ImageStreamSpec = { tags: [{ name: "latest", from: { kind: "DockerImage", name: "ruby:2" } }] };
 * ```
 * @public
 */
export interface ImageStreamSpec {
  /** Whether short names resolve through this stream; absent means they do not. */
  readonly lookupPolicy?: ImageLookupPolicy;
  /** Deprecated: an external repository the stream mirrors, imported on creation. */
  readonly dockerImageRepository?: string;
  /** The spec tags, sorted by name on output; absent means none. */
  readonly tags?: readonly TagReference[];
}

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

/**
 * One entry of a tag's history (`TagEvent`): an image the tag pointed at, and since when.
 *
 * @example
 * ```ts
 * const event: TagEvent = { created: "2016-01-29T13:40:11Z", dockerImageReference: "ruby@sha256:…", image: "sha256:…", generation: 1 };
 * ```
 * @public
 */
export interface TagEvent {
  /** When the tag started pointing at the image (RFC 3339), set by the API server; `null` for Go's zero time. */
  readonly created: string | null;
  /** The pull spec of the image at the time of the event. */
  readonly dockerImageReference: string;
  /** The image's name (its digest), or `""` when the image is not known to the cluster. */
  readonly image: string;
  /** The spec tag generation that produced the event. */
  readonly generation: number;
}

/**
 * {@link TagEvent} as accepted on input: `created` may also be a `Date`.
 *
 * @example
 * ```ts
 * const event: TagEventInput = { created: new Date(), dockerImageReference: "ruby@sha256:…", image: "sha256:…", generation: 1 };
 * ```
 * @public
 */
export interface TagEventInput extends Omit<TagEvent, "created"> {
  /** As {@link TagEvent.created}; a `Date` is written as RFC 3339 with seconds. */
  readonly created: string | Date | null;
}

/**
 * The type of a tag event condition: `ImportSuccess` is the only one defined (upstream `TagEventConditionType`).
 *
 * @example
 * ```ts
 * const type: TagEventConditionType = "ImportSuccess";
 * ```
 * @public
 */
export type TagEventConditionType = "ImportSuccess";

/**
 * The status of a Kubernetes condition (`corev1.ConditionStatus`).
 *
 * @example
 * ```ts
 * const status: ConditionStatus = "False";
 * ```
 * @public
 */
export type ConditionStatus = "True" | "False" | "Unknown";

/**
 * A condition of a status tag (`TagEventCondition`); in practice `ImportSuccess=False`, written
 * when the last import of the tag failed.
 *
 * @example
 * ```ts
 * const c: TagEventCondition = { type: "ImportSuccess", status: "False", generation: 2 };
 * ```
 * @public
 */
export interface TagEventCondition {
  /** What the condition is about; parsing accepts any string. */
  readonly type: TagEventConditionType;
  /** Whether the condition holds; parsing accepts any string. */
  readonly status: ConditionStatus;
  /** When the status last changed (RFC 3339); `null` or absent when unknown. */
  readonly lastTransitionTime?: string | null;
  /** Machine-readable reason of the last change, e.g. `NotFound`. */
  readonly reason?: string;
  /** Human-readable description of the last change. */
  readonly message?: string;
  /** The spec tag generation the condition was written for. */
  readonly generation: number;
}

/**
 * {@link TagEventCondition} as accepted on input: `lastTransitionTime` may also be a `Date`.
 *
 * @example
 * ```ts
 * const c: TagEventConditionInput = { type: "ImportSuccess", status: "False", generation: 2, lastTransitionTime: new Date() };
 * ```
 * @public
 */
export interface TagEventConditionInput extends Omit<TagEventCondition, "lastTransitionTime"> {
  /** As {@link TagEventCondition.lastTransitionTime}; a `Date` is written as RFC 3339 with seconds. */
  readonly lastTransitionTime?: string | Date | null;
}

/**
 * The history of one tag (`NamedTagEventList`); `items[0]` is the image the tag points at now.
 *
 * @example
 * ```ts
 * const list: NamedTagEventList = { tag: "latest", items: [] };
 * ```
 * @public
 */
export interface NamedTagEventList {
  /** The tag name, unique in the stream's status. */
  readonly tag: string;
  /** The tag's images, newest first, written by the API server; empty when the tag has only failed imports. */
  readonly items: readonly TagEvent[];
  /** Conditions of the tag, e.g. a failed import; absent means none. */
  readonly conditions?: readonly TagEventCondition[];
}

/**
 * {@link NamedTagEventList} as accepted on input: `items` may be `null` (a Go nil list, as the
 * server prints a tag that has only a failure condition), read as `[]`; times may be `Date`s.
 *
 * @example
 * ```ts
 * const list: NamedTagEventListInput = { tag: "latest", items: null };
 * ```
 * @public
 */
export interface NamedTagEventListInput extends Omit<NamedTagEventList, "items" | "conditions"> {
  /** As {@link NamedTagEventList.items}; `null` is read as `[]`. */
  readonly items: readonly TagEventInput[] | null;
  /** As {@link NamedTagEventList.conditions}, with `Date` times accepted. */
  readonly conditions?: readonly TagEventConditionInput[];
}

/**
 * The status of an image stream (`ImageStreamStatus`): where its images are served, and every
 * tag's history. Written by the API server.
 *
 * @example
 * ```ts
 * const status: ImageStreamStatus = { dockerImageRepository: "", tags: [{ tag: "latest", items: [] }] };
 * ```
 * @public
 */
export interface ImageStreamStatus {
  /** The stream's repository in the integrated registry (its cluster-internal host); `""` or absent without one. */
  readonly dockerImageRepository?: string;
  /** The same repository through the registry's public host name, when one is configured. */
  readonly publicDockerImageRepository?: string;
  /** The history of every tag, sorted by tag name on output; absent means none. */
  readonly tags?: readonly NamedTagEventList[];
}

/**
 * {@link ImageStreamStatus} as accepted on input (`items: null`, `Date` times).
 *
 * @example
 * ```ts
 * const status: ImageStreamStatusInput = { tags: [{ tag: "latest", items: null }] };
 * ```
 * @public
 */
export interface ImageStreamStatusInput extends Omit<ImageStreamStatus, "tags"> {
  /** As {@link ImageStreamStatus.tags}. */
  readonly tags?: readonly NamedTagEventListInput[];
}

// ---------------------------------------------------------------------------------------------
// ImageStream
// ---------------------------------------------------------------------------------------------

/**
 * An image stream (`image.openshift.io/v1` `ImageStream`): a set of tags, each pointing at a
 * history of images.
 *
 * @example
 * ```ts
 * const stream: ImageStream = { metadata: { name: "ruby", namespace: "test" }, spec: { tags: [] } };
 * ```
 * @public
 */
export interface ImageStream {
  /** `image.openshift.io/v1`, or the legacy `v1`; the parse functions reject others. */
  readonly apiVersion?: ImageApiVersion;
  /** `ImageStream` when present; the parse functions reject others. */
  readonly kind?: "ImageStream";
  /** Name, namespace and the API server's bookkeeping (`generation` counts spec changes). */
  readonly metadata?: ObjectMeta;
  /** What the user asks for; absent means no tags. */
  readonly spec?: ImageStreamSpec;
  /** What the API server records; absent until the server writes it. */
  readonly status?: ImageStreamStatus;
}

/**
 * {@link ImageStream} as accepted on input: timestamps may be `Date`s (as `@kubernetes/client-node`
 * returns them) and a status tag's `items` may be `null`.
 *
 * @example
 * ```ts
 * const input: ImageStreamInput = { metadata: { name: "ruby", creationTimestamp: new Date() } };
 * ```
 * @public
 */
export interface ImageStreamInput extends Omit<ImageStream, "metadata" | "status"> {
  /** As {@link ImageStream.metadata}, with `Date` timestamps accepted. */
  readonly metadata?: ObjectMetaInput;
  /** As {@link ImageStream.status}, with `Date` times and `items: null` accepted. */
  readonly status?: ImageStreamStatusInput;
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

function tagImportPolicyShape() {
  return z.looseObject({
    insecure: z.boolean().exactOptional(),
    scheduled: z.boolean().exactOptional(),
    importMode: knownString<ImportMode | "">().exactOptional(),
  });
}

function tagReferencePolicyShape() {
  return z.looseObject({ type: knownString<TagReferencePolicyType | "">().exactOptional() });
}

function imageLookupPolicyShape() {
  return z.looseObject({ local: z.boolean().exactOptional() });
}

function tagReferenceFromShape() {
  return z.looseObject({
    kind: knownString<TagReferenceKind>().exactOptional(),
    namespace: z.string().exactOptional(),
    name: z.string().exactOptional(),
    uid: z.string().exactOptional(),
    apiVersion: z.string().exactOptional(),
    resourceVersion: z.string().exactOptional(),
    fieldPath: z.string().exactOptional(),
  });
}

const tagReferenceFromSchema: z.ZodType<TagReferenceFrom, TagReferenceFrom> = /* @__PURE__ */ z.lazy(
  tagReferenceFromShape,
);

function tagReferenceShape() {
  return z.looseObject({
    name: z.string(),
    annotations: stringMap().nullable().exactOptional(),
    from: tagReferenceFromSchema.exactOptional(),
    reference: z.boolean().exactOptional(),
    generation: int64().nullable().exactOptional(),
    importPolicy: TagImportPolicySchema.exactOptional(),
    referencePolicy: TagReferencePolicySchema.exactOptional(),
  });
}

function imageStreamSpecShape() {
  return z.looseObject({
    lookupPolicy: ImageLookupPolicySchema.exactOptional(),
    dockerImageRepository: z.string().exactOptional(),
    tags: z.array(TagReferenceSchema).exactOptional(),
  });
}

function tagEventShape() {
  return z.looseObject({
    created: time(),
    dockerImageReference: z.string(),
    image: z.string(),
    generation: int64(),
  });
}

/**
 * A tag event inside a list, whose `Date`s the list has already written as strings: one pass over
 * the list is cheaper than a conversion step on every event.
 */
function tagEventInListShape() {
  return z.looseObject({
    created: z.string().nullable(),
    dockerImageReference: z.string(),
    image: z.string(),
    generation: int64(),
  });
}

function tagEventConditionShape() {
  return z.looseObject({
    type: knownString<TagEventConditionType>(),
    status: knownString<ConditionStatus>(),
    lastTransitionTime: time().exactOptional(),
    reason: z.string().exactOptional(),
    message: z.string().exactOptional(),
    generation: int64(),
  });
}

/**
 * The items of a tag event list as checked: a Go nil list printed as `null` is read as an empty one,
 * and a `Date` in `created` is written as RFC 3339. The list is copied only when a `Date` is found;
 * anything that is not an array is left for the array check to report.
 */
function listItems(v: readonly TagEventInput[] | null): readonly TagEventInput[] {
  if (v === null) return [];
  if (!Array.isArray(v)) return v;
  let out: TagEventInput[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const e: TagEventInput | null | undefined = v[i];
    if (e?.created instanceof Date) {
      out ??= v.slice();
      out[i] = { ...e, created: wireTime(e.created) };
    }
  }
  return out ?? v;
}

function namedTagEventListShape() {
  // Built in place rather than through a lazy schema: one step less on every event (about 15% of
  // the check of a large status).
  const item: z.ZodType<TagEvent, TagEvent> = tagEventInListShape();
  return z.looseObject({
    tag: z.string(),
    items: z.preprocess(listItems, z.array(item)),
    conditions: z.array(TagEventConditionSchema).exactOptional(),
  });
}

function imageStreamStatusShape() {
  return z.looseObject({
    dockerImageRepository: z.string().exactOptional(),
    publicDockerImageRepository: z.string().exactOptional(),
    tags: z.array(NamedTagEventListSchema).exactOptional(),
  });
}

function imageStreamShape() {
  return z.looseObject({
    apiVersion: knownString<ImageApiVersion>().exactOptional(),
    kind: knownString<"ImageStream">().exactOptional(),
    metadata: ObjectMetaSchema.exactOptional(),
    spec: ImageStreamSpecSchema.exactOptional(),
    status: ImageStreamStatusSchema.exactOptional(),
  });
}

// Compile-time checks: each builder's output (and input) is exactly its interface.
export type ImageStreamInSync = [
  Assert<InSync<ReturnType<typeof tagImportPolicyShape>, TagImportPolicy>>,
  Assert<InSync<ReturnType<typeof tagReferencePolicyShape>, TagReferencePolicy>>,
  Assert<InSync<ReturnType<typeof imageLookupPolicyShape>, ImageLookupPolicy>>,
  Assert<InSync<ReturnType<typeof tagReferenceFromShape>, TagReferenceFrom>>,
  Assert<InSync<ReturnType<typeof tagReferenceShape>, TagReference>>,
  Assert<InSync<ReturnType<typeof imageStreamSpecShape>, ImageStreamSpec>>,
  Assert<InSync<ReturnType<typeof tagEventShape>, TagEvent>>,
  Assert<InSyncInput<ReturnType<typeof tagEventShape>, TagEventInput>>,
  Assert<InSync<ReturnType<typeof tagEventInListShape>, TagEvent>>,
  Assert<InSync<ReturnType<typeof tagEventConditionShape>, TagEventCondition>>,
  Assert<InSyncInput<ReturnType<typeof tagEventConditionShape>, TagEventConditionInput>>,
  Assert<InSync<ReturnType<typeof namedTagEventListShape>, NamedTagEventList>>,
  Assert<InSyncInput<ReturnType<typeof namedTagEventListShape>, NamedTagEventListInput>>,
  Assert<InSync<ReturnType<typeof imageStreamStatusShape>, ImageStreamStatus>>,
  Assert<InSyncInput<ReturnType<typeof imageStreamStatusShape>, ImageStreamStatusInput>>,
  Assert<InSync<ReturnType<typeof imageStreamShape>, ImageStream>>,
  Assert<InSyncInput<ReturnType<typeof imageStreamShape>, ImageStreamInput>>,
];

/**
 * Schema of a {@link TagImportPolicy} (unknown fields kept); `importMode` is any string here.
 *
 * @example
 * ```ts
 * TagImportPolicySchema.parse({ scheduled: true, importMode: "Legacy" });
 * ```
 * @public
 */
export const TagImportPolicySchema: z.ZodType<TagImportPolicy, TagImportPolicy> = /* @__PURE__ */ z.lazy(
  tagImportPolicyShape,
);

/**
 * Schema of a {@link TagReferencePolicy} (unknown fields kept); `type` is any string here, checked by
 * validation.
 *
 * @example
 * ```ts
 * TagReferencePolicySchema.parse({ type: "Local" });
 * ```
 * @public
 */
export const TagReferencePolicySchema: z.ZodType<TagReferencePolicy, TagReferencePolicy> =
  /* @__PURE__ */ z.lazy(tagReferencePolicyShape);

/**
 * Schema of an {@link ImageLookupPolicy} (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageLookupPolicySchema.parse({ local: true });
 * ```
 * @public
 */
export const ImageLookupPolicySchema: z.ZodType<ImageLookupPolicy, ImageLookupPolicy> =
  /* @__PURE__ */ z.lazy(imageLookupPolicyShape);

/**
 * Schema of a spec tag, {@link TagReference} (unknown fields kept). `annotations` and `generation` are
 * nullable as upstream serializes them; `from.kind` is checked by `parseTagReference`, not here.
 *
 * @example
 * ```ts
 * TagReferenceSchema.parse({ name: "3.5", annotations: null, from: { kind: "DockerImage", name: "centos/python-35-centos7" }, generation: 2 });
 * ```
 * @public
 */
export const TagReferenceSchema: z.ZodType<TagReference, TagReference> = /* @__PURE__ */ z.lazy(
  tagReferenceShape,
);

/**
 * Schema of an {@link ImageStreamSpec} (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageStreamSpecSchema.parse({ lookupPolicy: { local: false }, tags: [] });
 * ```
 * @public
 */
export const ImageStreamSpecSchema: z.ZodType<ImageStreamSpec, ImageStreamSpec> = /* @__PURE__ */ z.lazy(
  imageStreamSpecShape,
);

/**
 * Schema of a {@link TagEvent}: all four fields are required, `created` is `null` for Go's zero time
 * and a `Date` is written as RFC 3339 with seconds.
 *
 * @example
 * ```ts
 * TagEventSchema.parse({ created: "2016-01-29T13:40:11Z", dockerImageReference: "172.30.56.218:5000/test/origin-ruby-sample@sha256:4746…", image: "sha256:4746…", generation: 1 });
 * ```
 * @public
 */
export const TagEventSchema: z.ZodType<TagEvent, TagEventInput> = /* @__PURE__ */ z.lazy(tagEventShape);

/**
 * Schema of a {@link TagEventCondition}: `type`, `status` and `generation` required.
 *
 * @example
 * ```ts
 * TagEventConditionSchema.parse({ type: "ImportSuccess", status: "False", generation: 2, reason: "NotFound", message: "not found" });
 * ```
 * @public
 */
export const TagEventConditionSchema: z.ZodType<TagEventCondition, TagEventConditionInput> =
  /* @__PURE__ */ z.lazy(tagEventConditionShape);

/**
 * Schema of a {@link NamedTagEventList}. `items: null` (a Go nil list) is read as `[]`.
 *
 * @example
 * ```ts
 * NamedTagEventListSchema.parse({ tag: "latest", items: null }); // => { tag: "latest", items: [] }
 * ```
 * @public
 */
export const NamedTagEventListSchema: z.ZodType<NamedTagEventList, NamedTagEventListInput> =
  /* @__PURE__ */ z.lazy(namedTagEventListShape);

/**
 * Schema of an {@link ImageStreamStatus} (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageStreamStatusSchema.parse({ dockerImageRepository: "172.30.56.218:5000/test/origin-ruby-sample", tags: [] });
 * ```
 * @public
 */
export const ImageStreamStatusSchema: z.ZodType<ImageStreamStatus, ImageStreamStatusInput> =
  /* @__PURE__ */ z.lazy(imageStreamStatusShape);

/**
 * Schema of the {@link ImageStream} resource; unknown fields are kept at every level. Use
 * `parseImageStream` for Kubernetes-style field errors and the checks beyond the shape.
 *
 * @example
 * ```ts
 * ImageStreamSchema.parse({ apiVersion: "image.openshift.io/v1", kind: "ImageStream", metadata: { name: "ruby", namespace: "test" }, spec: {} });
 * ```
 * @public
 */
export const ImageStreamSchema: z.ZodType<ImageStream, ImageStreamInput> = /* @__PURE__ */ z.lazy(
  imageStreamShape,
);
