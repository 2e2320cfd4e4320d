/**
 * Validation (docs/behaviour.md §4): the API server's validation rules as functions returning Kubernetes
 * field errors. Wrap a non-empty result with {@link assertValid} to get an `InvalidError`.
 */
export { assertValid } from "./assert.js";
export { validateImage } from "./image.js";
export {
  type ValidateImageStreamOptions,
  validateImageStream,
  validateImageStreamStatusUpdate,
} from "./image-stream.js";
export { validateImageStreamImport } from "./image-stream-import.js";
export { validateImageStreamMapping } from "./image-stream-mapping.js";
export { validateImageStreamTag, validateImageStreamTagUpdate } from "./image-stream-tag.js";
export { validateImageTag, validateImageTagUpdate } from "./image-tag.js";
export { validateImageStreamName, validateNamespaceName, validatePathSegmentName } from "./names.js";
export { validateTagReference } from "./tag-reference.js";
