/**
 * `imagestream`: OpenShift image stream semantics as pure, immutable functions.
 *
 * This file only re-exports; every module documents its own functions.
 * @packageDocumentation
 */

export * from "./client/index.js";
export * from "./errors.js";
export * from "./model/index.js";
export * from "./names/index.js";
export * from "./reference/index.js";
export * from "./resolve/index.js";
export * from "./server/index.js";
export * from "./validation/index.js";
