/**
 * `imagestream`: OpenShift image stream semantics as pure, immutable functions. The root entry holds
 * what a service or controller uses day to day: the API server's writes and reads, the read-only
 * questions about a stream, `oc tag`, the errors and their predicates, and the wire types.
 *
 * Other entries: `imagestream/reference` (reference and name parsers, no dependency),
 * `imagestream/schemas` (zod schemas, parse and validate), `imagestream/oc` (what `oc` prints and
 * plans, pruning) and `imagestream/testing` (builders, arbitraries, the fake API).
 *
 * This file only lists names; every module documents its own functions.
 * @packageDocumentation
 */

export {
  applyOperation,
  type Operation,
  type OperationOptions,
  type PruneOptions,
  type RollbackRequest,
  rollbackTag,
  type TagRequest,
  type TagResult,
  tag,
  untag,
} from "./client/index.js";
export { type RetryOptions, retryOnConflict } from "./client/retry.js";
export {
  AlreadyExistsError,
  BadRequestError,
  ConflictError,
  type ErrorReason,
  type FieldError,
  type FieldErrorType,
  ForbiddenError,
  ImageReferenceError,
  type ImageReferenceErrorKind,
  ImageStreamError,
  InvalidError,
  isAlreadyExists,
  isBadRequest,
  isConflict,
  isForbidden,
  isImageStreamError,
  isInvalid,
  isNotFound,
  NotFoundError,
  type ResourceRef,
  reasonForError,
  type Status,
  type StatusReason,
} from "./errors.js";
export type {
  Image,
  ImageStream,
  ImageStreamImage,
  ImageStreamImport,
  ImageStreamMapping,
  ImageStreamSpec,
  ImageStreamStatus,
  ImageStreamTag,
  ImageTag,
  NamedTagEventList,
  ObjectMeta,
  TagEvent,
  TagReference,
} from "./model/index.js";
export { parseImageStreamImageName, parseImageStreamTagName } from "./names/index.js";
export { type DockerImageReference, parseDockerImageReference } from "./reference/index.js";
export {
  type FollowedTagReference,
  followTagReference,
  type GroupResource,
  type ImagePolicyConfig,
  type ImageResolutionPolicyRule,
  type ImageResolutionType,
  type LookupOptions,
  type LookupOwnerReference,
  type LookupResolution,
  type LookupUnchangedReason,
  latestTaggedImage,
  type PullSpecResolution,
  type ResolvePullSpecOptions,
  resolveImageReference,
  resolveLatestTaggedImage,
  resolvePullSpecForTag,
  tagHistory,
} from "./resolve/index.js";
export {
  addTagEvent,
  applyImageStreamMapping,
  applyImportResult,
  type Catalog,
  type Clock,
  type CreateImageStreamTagResult,
  createCatalog,
  createImageStream,
  createImageStreamTag,
  type DeleteImageStreamTagOptions,
  deleteImageStreamTag,
  editImageStream,
  getImageStreamImage,
  getImageStreamTag,
  getImageTag,
  type ImageStreamMappingResult,
  type ImageStreamPatchOptions,
  type ImageStreamRecipe,
  type ImportApplication,
  type ImportOptions,
  imageStreamPatch,
  type JsonPatchOperation,
  latestObservedTagGeneration,
  listImageStreamTags,
  listImageTags,
  needsScheduledImport,
  planImport,
  planScheduledImport,
  resolveImageId,
  resolveReferenceForTagEvent,
  type ServerOptions,
  type StatusRepositories,
  type StatusRepositoriesOptions,
  statusRepositories,
  type UpdateImageStreamTagResult,
  updateImageStream,
  updateImageStreamStatus,
  updateImageStreamTag,
  updateTrackingTags,
} from "./server/index.js";
