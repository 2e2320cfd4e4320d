/**
 * ImageStreamMapping and the virtual resources ImageStreamTag, ImageStreamImage and ImageTag: views of
 * one tag or image of a stream that the API server computes on read. Each type is a hand-written
 * interface; its schema is built on first use and checked against it at compile time.
 */
import { z } from "zod";
import { type Image, type ImageInput, ImageSchema } from "./image.js";
import {
  type ImageLookupPolicy,
  ImageLookupPolicySchema,
  type NamedTagEventList,
  type NamedTagEventListInput,
  NamedTagEventListSchema,
  type TagEventCondition,
  type TagEventConditionInput,
  TagEventConditionSchema,
  type TagReference,
  TagReferenceSchema,
} from "./image-stream.js";
import type { Assert, InSync, InSyncInput } from "./in-sync.js";
import {
  type ImageApiVersion,
  int64,
  knownString,
  type ObjectMeta,
  type ObjectMetaInput,
  ObjectMetaSchema,
} from "./meta.js";

/**
 * A request to tag an image into a stream (`ImageStreamMapping`), as the integrated registry sends
 * it after a push.
 *
 * @example
 * ```ts
 * const m: ImageStreamMapping = { metadata: { name: "ruby", namespace: "test" }, tag: "latest", image: { metadata: { name: "sha256:…" } } };
 * ```
 * @public
 */
export interface ImageStreamMapping {
  /** `image.openshift.io/v1`, or the legacy `v1`; the parse functions reject others. */
  readonly apiVersion?: ImageApiVersion;
  /** `ImageStreamMapping` when present; the parse functions reject others. */
  readonly kind?: "ImageStreamMapping";
  /** Name and namespace of the stream to tag into. */
  readonly metadata?: ObjectMeta;
  /** The image to record; created when the cluster does not know it yet. */
  readonly image: Image;
  /** The tag to point at the image. */
  readonly tag: string;
}

/**
 * {@link ImageStreamMapping} as accepted on input: timestamps may be `Date`s.
 *
 * @example
 * ```ts
 * const m: ImageStreamMappingInput = { metadata: { name: "ruby", creationTimestamp: new Date() }, tag: "latest", image: {} };
 * ```
 * @public
 */
export interface ImageStreamMappingInput extends Omit<ImageStreamMapping, "metadata" | "image"> {
  /** As {@link ImageStreamMapping.metadata}, with `Date` timestamps accepted. */
  readonly metadata?: ObjectMetaInput;
  /** As {@link ImageStreamMapping.image}, with `Date` timestamps accepted. */
  readonly image: ImageInput;
}

/**
 * An image stream tag, `<stream>:<tag>` (`ImageStreamTag`): a tag's spec, conditions and current
 * image, read and written as one object.
 *
 * @example
 * ```ts
 * const istag: ImageStreamTag = { metadata: { name: "python:3.6" }, tag: { name: "3.6", from: { kind: "DockerImage", name: "docker.io/python:3.6.0" } } };
 * ```
 * @public
 */
export interface ImageStreamTag {
  /** `image.openshift.io/v1`, or the legacy `v1`; the parse functions reject others. */
  readonly apiVersion?: ImageApiVersion;
  /** `ImageStreamTag` when present; the parse functions reject others. */
  readonly kind?: "ImageStreamTag";
  /** `name` is `<stream>:<tag>`; the rest comes from the stream. */
  readonly metadata?: ObjectMeta;
  /** The spec tag; `null` or absent when the tag exists only in the status. */
  readonly tag?: TagReference | null;
  /** Generation of the current tag event, set by the API server. */
  readonly generation?: number;
  /** The stream's lookup policy, copied by the API server. */
  readonly lookupPolicy?: ImageLookupPolicy;
  /** The status tag's conditions, e.g. a failed import; absent means none. */
  readonly conditions?: readonly TagEventCondition[];
  /** The image the tag points at now, filled in by the API server. */
  readonly image?: Image;
}

/**
 * {@link ImageStreamTag} as accepted on input: timestamps may be `Date`s.
 *
 * @example
 * ```ts
 * const istag: ImageStreamTagInput = { metadata: { name: "python:3.6", creationTimestamp: new Date() } };
 * ```
 * @public
 */
export interface ImageStreamTagInput extends Omit<ImageStreamTag, "metadata" | "conditions" | "image"> {
  /** As {@link ImageStreamTag.metadata}, with `Date` timestamps accepted. */
  readonly metadata?: ObjectMetaInput;
  /** As {@link ImageStreamTag.conditions}, with `Date` times accepted. */
  readonly conditions?: readonly TagEventConditionInput[];
  /** As {@link ImageStreamTag.image}, with `Date` timestamps accepted. */
  readonly image?: ImageInput;
}

/**
 * An image as seen through a stream, `<stream>@<id>` (`ImageStreamImage`). Read only.
 *
 * @example
 * ```ts
 * const isimage: ImageStreamImage = { metadata: { name: "ruby@sha256:4746…" }, image: { metadata: { name: "sha256:4746…" } } };
 * ```
 * @public
 */
export interface ImageStreamImage {
  /** `image.openshift.io/v1`, or the legacy `v1`; the parse functions reject others. */
  readonly apiVersion?: ImageApiVersion;
  /** `ImageStreamImage` when present; the parse functions reject others. */
  readonly kind?: "ImageStreamImage";
  /** `name` is `<stream>@<image id>`; the rest comes from the stream. */
  readonly metadata?: ObjectMeta;
  /** The image, filled in by the API server. */
  readonly image: Image;
}

/**
 * {@link ImageStreamImage} as accepted on input: timestamps may be `Date`s.
 *
 * @example
 * ```ts
 * const isimage: ImageStreamImageInput = { metadata: { name: "ruby@sha256:4746…", creationTimestamp: new Date() }, image: {} };
 * ```
 * @public
 */
export interface ImageStreamImageInput extends Omit<ImageStreamImage, "metadata" | "image"> {
  /** As {@link ImageStreamImage.metadata}, with `Date` timestamps accepted. */
  readonly metadata?: ObjectMetaInput;
  /** As {@link ImageStreamImage.image}, with `Date` timestamps accepted. */
  readonly image: ImageInput;
}

/**
 * A tag with its spec, status and image in one object (`ImageTag`).
 *
 * @example
 * ```ts
 * const itag: ImageTag = { metadata: { name: "ruby:latest" }, spec: { name: "latest" }, status: null };
 * ```
 * @public
 */
export interface ImageTag {
  /** `image.openshift.io/v1`, or the legacy `v1`; the parse functions reject others. */
  readonly apiVersion?: ImageApiVersion;
  /** `ImageTag` when present; the parse functions reject others. */
  readonly kind?: "ImageTag";
  /** `name` is `<stream>:<tag>`; the rest comes from the stream. */
  readonly metadata?: ObjectMeta;
  /** The spec tag; `null` or absent when the tag exists only in the status. */
  readonly spec?: TagReference | null;
  /** The status tag; `null` or absent when the tag has no history yet. */
  readonly status?: NamedTagEventList | null;
  /** The image the tag points at now; `null` or absent when there is none. */
  readonly image?: Image | null;
}

/**
 * {@link ImageTag} as accepted on input: timestamps may be `Date`s and `status.items` may be `null`.
 *
 * @example
 * ```ts
 * const itag: ImageTagInput = { metadata: { name: "ruby:latest" }, status: { tag: "latest", items: null } };
 * ```
 * @public
 */
export interface ImageTagInput extends Omit<ImageTag, "metadata" | "status" | "image"> {
  /** As {@link ImageTag.metadata}, with `Date` timestamps accepted. */
  readonly metadata?: ObjectMetaInput;
  /** As {@link ImageTag.status}, with `Date` times and `items: null` accepted. */
  readonly status?: NamedTagEventListInput | null;
  /** As {@link ImageTag.image}, with `Date` timestamps accepted. */
  readonly image?: ImageInput | null;
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

function imageStreamMappingShape() {
  return z.looseObject({
    apiVersion: knownString<ImageApiVersion>().exactOptional(),
    kind: knownString<"ImageStreamMapping">().exactOptional(),
    metadata: ObjectMetaSchema.exactOptional(),
    image: ImageSchema,
    tag: z.string(),
  });
}

function imageStreamTagShape() {
  return z.looseObject({
    apiVersion: knownString<ImageApiVersion>().exactOptional(),
    kind: knownString<"ImageStreamTag">().exactOptional(),
    metadata: ObjectMetaSchema.exactOptional(),
    tag: TagReferenceSchema.nullable().exactOptional(),
    generation: int64().exactOptional(),
    lookupPolicy: ImageLookupPolicySchema.exactOptional(),
    conditions: z.array(TagEventConditionSchema).exactOptional(),
    image: ImageSchema.exactOptional(),
  });
}

function imageStreamImageShape() {
  return z.looseObject({
    apiVersion: knownString<ImageApiVersion>().exactOptional(),
    kind: knownString<"ImageStreamImage">().exactOptional(),
    metadata: ObjectMetaSchema.exactOptional(),
    image: ImageSchema,
  });
}

function imageTagShape() {
  return z.looseObject({
    apiVersion: knownString<ImageApiVersion>().exactOptional(),
    kind: knownString<"ImageTag">().exactOptional(),
    metadata: ObjectMetaSchema.exactOptional(),
    spec: TagReferenceSchema.nullable().exactOptional(),
    status: NamedTagEventListSchema.nullable().exactOptional(),
    image: ImageSchema.nullable().exactOptional(),
  });
}

// Compile-time checks: each builder's output (and input) is exactly its interface.
export type ViewsInSync = [
  Assert<InSync<ReturnType<typeof imageStreamMappingShape>, ImageStreamMapping>>,
  Assert<InSyncInput<ReturnType<typeof imageStreamMappingShape>, ImageStreamMappingInput>>,
  Assert<InSync<ReturnType<typeof imageStreamTagShape>, ImageStreamTag>>,
  Assert<InSyncInput<ReturnType<typeof imageStreamTagShape>, ImageStreamTagInput>>,
  Assert<InSync<ReturnType<typeof imageStreamImageShape>, ImageStreamImage>>,
  Assert<InSyncInput<ReturnType<typeof imageStreamImageShape>, ImageStreamImageInput>>,
  Assert<InSync<ReturnType<typeof imageTagShape>, ImageTag>>,
  Assert<InSyncInput<ReturnType<typeof imageTagShape>, ImageTagInput>>,
];

/**
 * Schema of an {@link ImageStreamMapping} (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageStreamMappingSchema.parse({ metadata: { name: "origin-ruby-sample", namespace: "test" }, tag: "latest", image: { dockerImageReference: "…" } });
 * ```
 * @public
 */
export const ImageStreamMappingSchema: z.ZodType<ImageStreamMapping, ImageStreamMappingInput> =
  /* @__PURE__ */ z.lazy(imageStreamMappingShape);

/**
 * Schema of an {@link ImageStreamTag}; `tag` is `null` when the tag has no spec entry.
 *
 * @example
 * ```ts
 * ImageStreamTagSchema.parse({ metadata: { name: "python:latest", namespace: "default" }, tag: null, generation: 1 });
 * ```
 * @public
 */
export const ImageStreamTagSchema: z.ZodType<ImageStreamTag, ImageStreamTagInput> = /* @__PURE__ */ z.lazy(
  imageStreamTagShape,
);

/**
 * Schema of an {@link ImageStreamImage} (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageStreamImageSchema.parse({ metadata: { name: "ruby@sha256:4746…" }, image: { metadata: { name: "sha256:4746…" } } });
 * ```
 * @public
 */
export const ImageStreamImageSchema: z.ZodType<ImageStreamImage, ImageStreamImageInput> =
  /* @__PURE__ */ z.lazy(imageStreamImageShape);

/**
 * Schema of an {@link ImageTag}: `spec`, `status` and `image` are each nullable.
 *
 * @example
 * ```ts
 * ImageTagSchema.parse({ metadata: { name: "ruby:latest" }, spec: { name: "latest" }, status: null, image: null });
 * ```
 * @public
 */
export const ImageTagSchema: z.ZodType<ImageTag, ImageTagInput> = /* @__PURE__ */ z.lazy(imageTagShape);
