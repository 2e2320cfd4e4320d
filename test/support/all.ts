/**
 * Every public name of every entry point (`imagestream`, `imagestream/reference`,
 * `imagestream/schemas`, `imagestream/oc`, `imagestream/testing`), for tests that exercise the
 * whole API (fuzzing, tables). A name exported by several entries is the same object in each.
 */
export * from "../../src/index.js";
export * from "../../src/oc.js";
export * from "../../src/reference/index.js";
export * from "../../src/schemas.js";
export * from "../../src/testing/index.js";
