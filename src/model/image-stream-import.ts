/**
 * The ImageStreamImport resource: a request to import images from a registry into a stream, and
 * the importer's results. Each type is a hand-written interface; its schema is built on first use
 * and checked against it at compile time.
 */
import { z } from "zod";
import { type Image, type ImageInput, ImageSchema } from "./image.js";
import {
  type ImageStream,
  type ImageStreamInput,
  ImageStreamSchema,
  type TagImportPolicy,
  TagImportPolicySchema,
  type TagReferencePolicy,
  TagReferencePolicySchema,
} from "./image-stream.js";
import type { Assert, InSync, InSyncInput } from "./in-sync.js";
import {
  type ImageApiVersion,
  type KubeStatus,
  KubeStatusSchema,
  knownString,
  type LocalObjectReference,
  LocalObjectReferenceSchema,
  type ObjectMeta,
  type ObjectMetaInput,
  ObjectMetaSchema,
  type ObjectReference,
  ObjectReferenceSchema,
} from "./meta.js";

/**
 * One image to import (`ImageImportSpec`).
 *
 * @example
 * ```ts
 * const spec: ImageImportSpec = { from: { kind: "DockerImage", name: "docker.io/python:3.6.0" } };
 * ```
 * @public
 */
export interface ImageImportSpec {
  /** The image to import; validation requires kind `DockerImage` and a pull spec in `name`. */
  readonly from: ObjectReference;
  /** The tag to write in the stream; absent means the image is only looked up, not tagged. */
  readonly to?: LocalObjectReference;
  /** How to import (insecure, import mode); absent means the defaults. */
  readonly importPolicy?: TagImportPolicy;
  /** The reference policy of the tag written; absent means `Source`. */
  readonly referencePolicy?: TagReferencePolicy;
  /** Whether the result includes the raw manifest; absent means false. */
  readonly includeManifest?: boolean;
}

/**
 * A whole repository to import (`RepositoryImportSpec`): every tag it has, up to a server limit.
 *
 * @example
 * ```ts
 * const repo: RepositoryImportSpec = { from: { kind: "DockerImage", name: "docker.io/python" } };
 * ```
 * @public
 */
export interface RepositoryImportSpec {
  /** The repository; validation requires kind `DockerImage` and a pull spec without tag or digest. */
  readonly from: ObjectReference;
  /** How to import (insecure, import mode); absent means the defaults. */
  readonly importPolicy?: TagImportPolicy;
  /** The reference policy of the tags written; absent means `Source`. */
  readonly referencePolicy?: TagReferencePolicy;
  /** Whether the results include raw manifests; absent means false. */
  readonly includeManifest?: boolean;
}

/**
 * What an ImageStreamImport asks for (`ImageStreamImportSpec`).
 *
 * @example
 * ```ts
 * const spec: ImageStreamImportSpec = { import: false, repository: { from: { kind: "DockerImage", name: "python" } } };
 * ```
 * @public
 */
export interface ImageStreamImportSpec {
  /** When true the results are written to the stream; when false or absent the import is a dry run. */
  readonly import?: boolean;
  /** A repository to import; absent means none. */
  readonly repository?: RepositoryImportSpec;
  /** Single images to import; absent means none. */
  readonly images?: readonly ImageImportSpec[];
}

/**
 * The import result for one image (`ImageImportStatus`), written by the importer.
 *
 * @example
 * ```ts
 * const s: ImageImportStatus = { status: { status: "Failure", reason: "NotFound", message: "not found" } };
 * ```
 * @public
 */
export interface ImageImportStatus {
  /** Whether the import succeeded, and why not. */
  readonly status?: KubeStatus;
  /** The imported image; absent on failure. */
  readonly image?: Image;
  /** The tag the image was found under (repository imports). */
  readonly tag?: string;
  /** For a manifest list imported whole, its sub-manifests' images. */
  readonly manifests?: readonly Image[];
}

/**
 * {@link ImageImportStatus} as accepted on input: timestamps may be `Date`s.
 *
 * @example
 * ```ts
 * const s: ImageImportStatusInput = { image: { metadata: { name: "sha256:…", creationTimestamp: new Date() } } };
 * ```
 * @public
 */
export interface ImageImportStatusInput extends Omit<ImageImportStatus, "image" | "manifests"> {
  /** As {@link ImageImportStatus.image}, with `Date` timestamps accepted. */
  readonly image?: ImageInput;
  /** As {@link ImageImportStatus.manifests}, with `Date` timestamps accepted. */
  readonly manifests?: readonly ImageInput[];
}

/**
 * The result of a repository import (`RepositoryImportStatus`), written by the importer.
 *
 * @example
 * ```ts
 * const s: RepositoryImportStatus = { status: { status: "Success" }, images: [] };
 * ```
 * @public
 */
export interface RepositoryImportStatus {
  /** Whether the repository could be read at all. */
  readonly status?: KubeStatus;
  /** One result per tag imported. */
  readonly images?: readonly ImageImportStatus[];
  /** Tags of the repository left out because of the server's limit. */
  readonly additionalTags?: readonly string[];
}

/**
 * {@link RepositoryImportStatus} as accepted on input: timestamps may be `Date`s.
 *
 * @example
 * ```ts
 * const s: RepositoryImportStatusInput = { images: [{ image: { metadata: { creationTimestamp: new Date() } } }] };
 * ```
 * @public
 */
export interface RepositoryImportStatusInput extends Omit<RepositoryImportStatus, "images"> {
  /** As {@link RepositoryImportStatus.images}, with `Date` timestamps accepted. */
  readonly images?: readonly ImageImportStatusInput[];
}

/**
 * What an ImageStreamImport produced (`ImageStreamImportStatus`), written by the importer.
 *
 * @example
 * ```ts
 * const status: ImageStreamImportStatus = { images: [] };
 * ```
 * @public
 */
export interface ImageStreamImportStatus {
  /** The stream after the import, when `spec.import` was true. */
  readonly import?: ImageStream;
  /** The result of the repository import, when one was asked for. */
  readonly repository?: RepositoryImportStatus;
  /** One result per entry of `spec.images`, in the same order. */
  readonly images?: readonly ImageImportStatus[];
}

/**
 * {@link ImageStreamImportStatus} as accepted on input: timestamps may be `Date`s.
 *
 * @example
 * ```ts
 * const status: ImageStreamImportStatusInput = { import: { metadata: { creationTimestamp: new Date() } } };
 * ```
 * @public
 */
export interface ImageStreamImportStatusInput
  extends Omit<ImageStreamImportStatus, "import" | "repository" | "images"> {
  /** As {@link ImageStreamImportStatus.import}, with `Date` times and `items: null` accepted. */
  readonly import?: ImageStreamInput;
  /** As {@link ImageStreamImportStatus.repository}, with `Date` timestamps accepted. */
  readonly repository?: RepositoryImportStatusInput;
  /** As {@link ImageStreamImportStatus.images}, with `Date` timestamps accepted. */
  readonly images?: readonly ImageImportStatusInput[];
}

/**
 * A request to import images into a stream, with the importer's results (`ImageStreamImport`).
 *
 * @example
 * ```ts
 * const isi: ImageStreamImport = { metadata: { name: "python" }, spec: { import: true, images: [] } };
 * ```
 * @public
 */
export interface ImageStreamImport {
  /** `image.openshift.io/v1`, or the legacy `v1`; the parse functions reject others. */
  readonly apiVersion?: ImageApiVersion;
  /** `ImageStreamImport` when present; the parse functions reject others. */
  readonly kind?: "ImageStreamImport";
  /** Name and namespace of the stream to import into. */
  readonly metadata?: ObjectMeta;
  /** What to import. */
  readonly spec?: ImageStreamImportSpec;
  /** What the importer found; absent before the import ran. */
  readonly status?: ImageStreamImportStatus;
}

/**
 * {@link ImageStreamImport} as accepted on input: timestamps may be `Date`s.
 *
 * @example
 * ```ts
 * const isi: ImageStreamImportInput = { metadata: { name: "python", creationTimestamp: new Date() } };
 * ```
 * @public
 */
export interface ImageStreamImportInput extends Omit<ImageStreamImport, "metadata" | "status"> {
  /** As {@link ImageStreamImport.metadata}, with `Date` timestamps accepted. */
  readonly metadata?: ObjectMetaInput;
  /** As {@link ImageStreamImport.status}, with `Date` timestamps accepted. */
  readonly status?: ImageStreamImportStatusInput;
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

function imageImportSpecShape() {
  return z.looseObject({
    from: ObjectReferenceSchema,
    to: LocalObjectReferenceSchema.exactOptional(),
    importPolicy: TagImportPolicySchema.exactOptional(),
    referencePolicy: TagReferencePolicySchema.exactOptional(),
    includeManifest: z.boolean().exactOptional(),
  });
}

function repositoryImportSpecShape() {
  return z.looseObject({
    from: ObjectReferenceSchema,
    importPolicy: TagImportPolicySchema.exactOptional(),
    referencePolicy: TagReferencePolicySchema.exactOptional(),
    includeManifest: z.boolean().exactOptional(),
  });
}

function imageStreamImportSpecShape() {
  return z.looseObject({
    import: z.boolean().exactOptional(),
    repository: RepositoryImportSpecSchema.exactOptional(),
    images: z.array(ImageImportSpecSchema).exactOptional(),
  });
}

function imageImportStatusShape() {
  return z.looseObject({
    status: KubeStatusSchema.exactOptional(),
    image: ImageSchema.exactOptional(),
    tag: z.string().exactOptional(),
    manifests: z.array(ImageSchema).exactOptional(),
  });
}

function repositoryImportStatusShape() {
  return z.looseObject({
    status: KubeStatusSchema.exactOptional(),
    images: z.array(ImageImportStatusSchema).exactOptional(),
    additionalTags: z.array(z.string()).exactOptional(),
  });
}

function imageStreamImportStatusShape() {
  return z.looseObject({
    import: ImageStreamSchema.exactOptional(),
    repository: RepositoryImportStatusSchema.exactOptional(),
    images: z.array(ImageImportStatusSchema).exactOptional(),
  });
}

function imageStreamImportShape() {
  return z.looseObject({
    apiVersion: knownString<ImageApiVersion>().exactOptional(),
    kind: knownString<"ImageStreamImport">().exactOptional(),
    metadata: ObjectMetaSchema.exactOptional(),
    spec: ImageStreamImportSpecSchema.exactOptional(),
    status: ImageStreamImportStatusSchema.exactOptional(),
  });
}

// Compile-time checks: each builder's output (and input) is exactly its interface.
export type ImageStreamImportInSync = [
  Assert<InSync<ReturnType<typeof imageImportSpecShape>, ImageImportSpec>>,
  Assert<InSync<ReturnType<typeof repositoryImportSpecShape>, RepositoryImportSpec>>,
  Assert<InSync<ReturnType<typeof imageStreamImportSpecShape>, ImageStreamImportSpec>>,
  Assert<InSync<ReturnType<typeof imageImportStatusShape>, ImageImportStatus>>,
  Assert<InSyncInput<ReturnType<typeof imageImportStatusShape>, ImageImportStatusInput>>,
  Assert<InSync<ReturnType<typeof repositoryImportStatusShape>, RepositoryImportStatus>>,
  Assert<InSyncInput<ReturnType<typeof repositoryImportStatusShape>, RepositoryImportStatusInput>>,
  Assert<InSync<ReturnType<typeof imageStreamImportStatusShape>, ImageStreamImportStatus>>,
  Assert<InSyncInput<ReturnType<typeof imageStreamImportStatusShape>, ImageStreamImportStatusInput>>,
  Assert<InSync<ReturnType<typeof imageStreamImportShape>, ImageStreamImport>>,
  Assert<InSyncInput<ReturnType<typeof imageStreamImportShape>, ImageStreamImportInput>>,
];

/**
 * Schema of an {@link ImageImportSpec} (unknown fields kept); `from.kind` is checked by validation.
 *
 * @example
 * ```ts
 * ImageImportSpecSchema.parse({ from: { kind: "DockerImage", name: "docker.io/python:3.6.0" }, to: { name: "3.6" } });
 * ```
 * @public
 */
export const ImageImportSpecSchema: z.ZodType<ImageImportSpec, ImageImportSpec> = /* @__PURE__ */ z.lazy(
  imageImportSpecShape,
);

/**
 * Schema of a {@link RepositoryImportSpec} (unknown fields kept).
 *
 * @example
 * ```ts
 * RepositoryImportSpecSchema.parse({ from: { kind: "DockerImage", name: "docker.io/python" } });
 * ```
 * @public
 */
export const RepositoryImportSpecSchema: z.ZodType<RepositoryImportSpec, RepositoryImportSpec> =
  /* @__PURE__ */ z.lazy(repositoryImportSpecShape);

/**
 * Schema of an {@link ImageStreamImportSpec} (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageStreamImportSpecSchema.parse({ import: true, images: [{ from: { kind: "DockerImage", name: "python:3.6" } }] });
 * ```
 * @public
 */
export const ImageStreamImportSpecSchema: z.ZodType<ImageStreamImportSpec, ImageStreamImportSpec> =
  /* @__PURE__ */ z.lazy(imageStreamImportSpecShape);

/**
 * Schema of an {@link ImageImportStatus} (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageImportStatusSchema.parse({ status: { status: "Success" }, tag: "3.6", image: { metadata: { name: "sha256:…" } } });
 * ```
 * @public
 */
export const ImageImportStatusSchema: z.ZodType<ImageImportStatus, ImageImportStatusInput> =
  /* @__PURE__ */ z.lazy(imageImportStatusShape);

/**
 * Schema of a {@link RepositoryImportStatus} (unknown fields kept).
 *
 * @example
 * ```ts
 * RepositoryImportStatusSchema.parse({ status: { status: "Success" }, images: [], additionalTags: ["old"] });
 * ```
 * @public
 */
export const RepositoryImportStatusSchema: z.ZodType<RepositoryImportStatus, RepositoryImportStatusInput> =
  /* @__PURE__ */ z.lazy(repositoryImportStatusShape);

/**
 * Schema of an {@link ImageStreamImportStatus} (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageStreamImportStatusSchema.parse({ images: [{ status: { status: "Success" }, tag: "latest" }] });
 * ```
 * @public
 */
export const ImageStreamImportStatusSchema: z.ZodType<ImageStreamImportStatus, ImageStreamImportStatusInput> =
  /* @__PURE__ */ z.lazy(imageStreamImportStatusShape);

/**
 * Schema of the {@link ImageStreamImport} resource; unknown fields are kept at every level. Use
 * `parseImageStreamImport` for Kubernetes-style field errors.
 *
 * @example
 * ```ts
 * ImageStreamImportSchema.parse({ metadata: { name: "python", namespace: "default" }, spec: { import: true, images: [{ from: { kind: "DockerImage", name: "python:3.6" } }] } });
 * ```
 * @public
 */
export const ImageStreamImportSchema: z.ZodType<ImageStreamImport, ImageStreamImportInput> =
  /* @__PURE__ */ z.lazy(imageStreamImportShape);
