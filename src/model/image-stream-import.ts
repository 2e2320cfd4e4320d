/**
 * The ImageStreamImport resource (SEMANTICS §1.11.6, §4.6, §11): spec and status.
 */
import { z } from "zod";
import { ImageSchema } from "./image.js";
import { ImageStreamSchema, TagImportPolicySchema, TagReferencePolicySchema } from "./image-stream.js";
import {
  KubeStatusSchema,
  LocalObjectReferenceSchema,
  ObjectMetaSchema,
  ObjectReferenceSchema,
} from "./meta.js";

/**
 * Schema of `ImageImportSpec`: one image to import (`from`, optional `to`, policies).
 *
 * @example
 * ```ts
 * ImageImportSpecSchema.parse({ from: { kind: "DockerImage", name: "docker.io/python:3.6.0" }, to: { name: "3.6" } });
 * ```
 * @public
 */
export const ImageImportSpecSchema = z.looseObject({
  from: ObjectReferenceSchema,
  to: LocalObjectReferenceSchema.optional(),
  importPolicy: TagImportPolicySchema.optional(),
  referencePolicy: TagReferencePolicySchema.optional(),
  includeManifest: z.boolean().optional(),
});

/**
 * One image to import.
 *
 * @example
 * ```ts
 * const spec: ImageImportSpec = { from: { kind: "DockerImage", name: "docker.io/python:3.6.0" } };
 * ```
 * @public
 */
export type ImageImportSpec = z.infer<typeof ImageImportSpecSchema>;

/**
 * Schema of `RepositoryImportSpec`: a whole repository to import.
 *
 * @example
 * ```ts
 * RepositoryImportSpecSchema.parse({ from: { kind: "DockerImage", name: "docker.io/python" } });
 * ```
 * @public
 */
export const RepositoryImportSpecSchema = z.looseObject({
  from: ObjectReferenceSchema,
  importPolicy: TagImportPolicySchema.optional(),
  referencePolicy: TagReferencePolicySchema.optional(),
  includeManifest: z.boolean().optional(),
});

/**
 * A repository to import.
 *
 * @example
 * ```ts
 * const repo: RepositoryImportSpec = { from: { kind: "DockerImage", name: "docker.io/python" } };
 * ```
 * @public
 */
export type RepositoryImportSpec = z.infer<typeof RepositoryImportSpecSchema>;

/**
 * Schema of `ImageStreamImportSpec`: `import`, `repository`, `images`.
 *
 * @example
 * ```ts
 * ImageStreamImportSpecSchema.parse({ import: true, images: [{ from: { kind: "DockerImage", name: "python:3.6" } }] });
 * ```
 * @public
 */
export const ImageStreamImportSpecSchema = z.looseObject({
  import: z.boolean().optional(),
  repository: RepositoryImportSpecSchema.optional(),
  images: z.array(ImageImportSpecSchema).optional(),
});

/**
 * What an ImageStreamImport asks for.
 *
 * @example
 * ```ts
 * const spec: ImageStreamImportSpec = { import: false, repository: { from: { kind: "DockerImage", name: "python" } } };
 * ```
 * @public
 */
export type ImageStreamImportSpec = z.infer<typeof ImageStreamImportSpecSchema>;

/**
 * Schema of `ImageImportStatus`: the result for one image.
 *
 * @example
 * ```ts
 * ImageImportStatusSchema.parse({ status: { status: "Success" }, tag: "3.6", image: { metadata: { name: "sha256:…" } } });
 * ```
 * @public
 */
export const ImageImportStatusSchema = z.looseObject({
  status: KubeStatusSchema.optional(),
  image: ImageSchema.optional(),
  tag: z.string().optional(),
  manifests: z.array(ImageSchema).optional(),
});

/**
 * The import result for one image.
 *
 * @example
 * ```ts
 * const s: ImageImportStatus = { status: { status: "Failure", reason: "NotFound", message: "not found" } };
 * ```
 * @public
 */
export type ImageImportStatus = z.infer<typeof ImageImportStatusSchema>;

/**
 * Schema of `RepositoryImportStatus`: the result of a repository import.
 *
 * @example
 * ```ts
 * RepositoryImportStatusSchema.parse({ status: { status: "Success" }, images: [], additionalTags: ["old"] });
 * ```
 * @public
 */
export const RepositoryImportStatusSchema = z.looseObject({
  status: KubeStatusSchema.optional(),
  images: z.array(ImageImportStatusSchema).optional(),
  additionalTags: z.array(z.string()).optional(),
});

/**
 * The result of a repository import.
 *
 * @example
 * ```ts
 * const s: RepositoryImportStatus = { status: { status: "Success" }, images: [] };
 * ```
 * @public
 */
export type RepositoryImportStatus = z.infer<typeof RepositoryImportStatusSchema>;

/**
 * Schema of `ImageStreamImportStatus`: `import` (the resulting stream), `repository`, `images`.
 *
 * @example
 * ```ts
 * ImageStreamImportStatusSchema.parse({ images: [{ status: { status: "Success" }, tag: "latest" }] });
 * ```
 * @public
 */
export const ImageStreamImportStatusSchema = z.looseObject({
  import: ImageStreamSchema.optional(),
  repository: RepositoryImportStatusSchema.optional(),
  images: z.array(ImageImportStatusSchema).optional(),
});

/**
 * What an ImageStreamImport produced.
 *
 * @example
 * ```ts
 * const status: ImageStreamImportStatus = { images: [] };
 * ```
 * @public
 */
export type ImageStreamImportStatus = z.infer<typeof ImageStreamImportStatusSchema>;

/**
 * Schema of the ImageStreamImport resource.
 *
 * @example
 * ```ts
 * ImageStreamImportSchema.parse({ metadata: { name: "python", namespace: "default" }, spec: { import: true, images: [{ from: { kind: "DockerImage", name: "python:3.6" } }] } });
 * ```
 * @public
 */
export const ImageStreamImportSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: ObjectMetaSchema.optional(),
  spec: ImageStreamImportSpecSchema.optional(),
  status: ImageStreamImportStatusSchema.optional(),
});

/**
 * A request to import images into a stream, with its results.
 *
 * @example
 * ```ts
 * const isi: ImageStreamImport = { metadata: { name: "python" }, spec: { import: true, images: [] } };
 * ```
 * @public
 */
export type ImageStreamImport = z.infer<typeof ImageStreamImportSchema>;
