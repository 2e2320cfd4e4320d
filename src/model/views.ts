/**
 * ImageStreamMapping and the virtual resources ImageStreamTag, ImageStreamImage and ImageTag
 * (SEMANTICS §1.5–§1.8).
 */
import { z } from "zod";
import { ImageSchema } from "./image.js";
import {
  ImageLookupPolicySchema,
  NamedTagEventListSchema,
  TagEventConditionSchema,
  TagReferenceSchema,
} from "./image-stream.js";
import { int64, ObjectMetaSchema } from "./meta.js";

/**
 * Schema of `ImageStreamMapping` (R1.5.1): `metadata` (the stream's name and namespace), `image`,
 * `tag`.
 *
 * @example
 * ```ts
 * ImageStreamMappingSchema.parse({ metadata: { name: "origin-ruby-sample", namespace: "test" }, tag: "latest", image: { dockerImageReference: "…" } });
 * ```
 * @public
 */
export const ImageStreamMappingSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: ObjectMetaSchema.optional(),
  image: ImageSchema,
  tag: z.string(),
});

/**
 * A request to tag an image into a stream (R1.5.1).
 *
 * @example
 * ```ts
 * const m: ImageStreamMapping = { metadata: { name: "ruby", namespace: "test" }, tag: "latest", image: { metadata: { name: "sha256:…" } } };
 * ```
 * @public
 */
export type ImageStreamMapping = z.infer<typeof ImageStreamMappingSchema>;

/**
 * Schema of the virtual `ImageStreamTag` (R1.6.1). `tag` is `null` when the tag has no spec entry.
 *
 * @example
 * ```ts
 * ImageStreamTagSchema.parse({ metadata: { name: "python:latest", namespace: "default" }, tag: null, generation: 1 });
 * ```
 * @public
 */
export const ImageStreamTagSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: ObjectMetaSchema.optional(),
  tag: TagReferenceSchema.nullable().optional(),
  generation: int64.optional(),
  lookupPolicy: ImageLookupPolicySchema.optional(),
  conditions: z.array(TagEventConditionSchema).optional(),
  image: ImageSchema.optional(),
});

/**
 * An image stream tag, `<stream>:<tag>` (R1.6.1).
 *
 * @example
 * ```ts
 * const istag: ImageStreamTag = { metadata: { name: "python:3.6" }, tag: { name: "3.6", from: { kind: "DockerImage", name: "docker.io/python:3.6.0" } } };
 * ```
 * @public
 */
export type ImageStreamTag = z.infer<typeof ImageStreamTagSchema>;

/**
 * Schema of the virtual `ImageStreamImage` (R1.7.1).
 *
 * @example
 * ```ts
 * ImageStreamImageSchema.parse({ metadata: { name: "ruby@sha256:4746…" }, image: { metadata: { name: "sha256:4746…" } } });
 * ```
 * @public
 */
export const ImageStreamImageSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: ObjectMetaSchema.optional(),
  image: ImageSchema,
});

/**
 * An image as seen through a stream, `<stream>@<id>` (R1.7.1).
 *
 * @example
 * ```ts
 * const isimage: ImageStreamImage = { metadata: { name: "ruby@sha256:4746…" }, image: { metadata: { name: "sha256:4746…" } } };
 * ```
 * @public
 */
export type ImageStreamImage = z.infer<typeof ImageStreamImageSchema>;

/**
 * Schema of the virtual `ImageTag` (R1.8.1): `spec`, `status`, `image`, each nullable.
 *
 * @example
 * ```ts
 * ImageTagSchema.parse({ metadata: { name: "ruby:latest" }, spec: { name: "latest" }, status: null, image: null });
 * ```
 * @public
 */
export const ImageTagSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: ObjectMetaSchema.optional(),
  spec: TagReferenceSchema.nullable().optional(),
  status: NamedTagEventListSchema.nullable().optional(),
  image: ImageSchema.nullable().optional(),
});

/**
 * A tag with its spec, status and image (R1.8.1).
 *
 * @example
 * ```ts
 * const itag: ImageTag = { metadata: { name: "ruby:latest" }, spec: { name: "latest" }, status: null };
 * ```
 * @public
 */
export type ImageTag = z.infer<typeof ImageTagSchema>;
