/**
 * The v1 wire-format model: zod schemas, inferred types, constants, parsing and normalization.
 */
export * from "./constants.js";
export * from "./image.js";
export * from "./image-stream.js";
export * from "./image-stream-import.js";
export {
  type KubeStatus,
  KubeStatusSchema,
  type LocalObjectReference,
  LocalObjectReferenceSchema,
  type ObjectMeta,
  ObjectMetaSchema,
  type ObjectReference,
  ObjectReferenceSchema,
} from "./meta.js";
export * from "./normalize.js";
export * from "./parse.js";
export * from "./views.js";
