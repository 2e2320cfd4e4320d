/**
 * The API server engine (docs/behaviour.md §5–§10, §12.3, §12.6, §13): what the server does on each write.
 */
export { type Catalog, createCatalog } from "./catalog.js";
export { type DeleteImageStreamTagOptions, deleteImageStreamTag } from "./delete-tag.js";
export { editImageStream, type ImageStreamRecipe } from "./edit.js";
export {
  createImageStream,
  createImageStreamInternal,
  updateImageStream,
  updateImageStreamInternal,
  updateImageStreamStatus,
} from "./image-stream.js";
export { getImageStreamImage } from "./image-stream-image.js";
export {
  type CreateImageStreamTagResult,
  createImageStreamTag,
  getImageStreamTag,
  listImageStreamTags,
  type UpdateImageStreamTagResult,
  updateImageStreamTag,
} from "./image-stream-tag.js";
export { getImageTag, listImageTags } from "./image-tag.js";
export {
  applyImportResult,
  type ImportApplication,
  type ImportOptions,
  latestObservedTagGeneration,
  needsScheduledImport,
  planImport,
  planScheduledImport,
} from "./imports.js";
export { applyImageStreamMapping, type ImageStreamMappingResult } from "./mapping.js";
export type { Clock, ServerOptions } from "./options.js";
export { type ImageStreamPatchOptions, imageStreamPatch, type JsonPatchOperation } from "./patch.js";
export {
  type StatusRepositories,
  type StatusRepositoriesOptions,
  statusRepositories,
  withStatusRepositories,
} from "./repositories.js";
export { resolveImageId, resolveReferenceForTagEvent } from "./resolve-image-id.js";
export { addTagEvent, updateTrackingTags } from "./tag-events.js";
export { tagRefChanged } from "./tag-ref-changed.js";
