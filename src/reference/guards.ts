/**
 * Input guards of the reference module: whatever a caller
 * passes, the public functions throw only `ImageStreamError` subclasses, never a `TypeError`.
 *
 * - strings: {@link safeString} prints any value without ever throwing (for error inputs);
 * - reference objects: non-objects are a `BadRequestError`; missing or non-string fields read as
 *   empty strings (the value of an absent field in Go);
 * - options: a null or non-object options argument is `{}`; unknown option values are ignored.
 */
import { BadRequestError } from "../errors.js";
import { safeString } from "../safe-string.js";
import type { ReferenceDialect } from "./digest.js";

export { safeString };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function field(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/**
 * Reads a reference object: throws `BadRequestError` (`invalid <what>: expected an object`) for a
 * non-object; returns `r` itself when every field is a string, else a copy with the non-string
 * fields as `""`.
 */
function referenceObject<T extends object>(r: unknown, what: string, keys: readonly (keyof T & string)[]): T {
  if (!isObject(r)) throw new BadRequestError(`invalid ${what}: expected an object`);
  let out: Record<string, unknown> | undefined;
  for (const k of keys) {
    if (typeof r[k] !== "string") {
      out ??= { ...r };
      out[k] = field(r[k]);
    }
  }
  return (out ?? r) as T;
}

const DOCKER_IMAGE_REFERENCE_KEYS = ["registry", "namespace", "name", "tag", "id"] as const;
const REFERENCE_KEYS = ["domain", "path", "tag", "digest"] as const;

/** Guard of the `DockerImageReference` printers and defaulting functions. */
export function dockerImageReferenceArg<
  T extends { registry: string; namespace: string; name: string; tag: string; id: string },
>(r: T): T {
  return referenceObject<T>(r, "DockerImageReference", DOCKER_IMAGE_REFERENCE_KEYS);
}

/** Guard of the Docker-semantics `Reference` printers and builders. */
export function referenceArg<T extends { domain: string; path: string; tag: string; digest: string }>(
  r: T,
): T {
  return referenceObject<T>(r, "Reference", REFERENCE_KEYS);
}

/** Parser options: a non-object is `{}`; a `dialect` or `lengthRule` outside its values is ignored. */
export function referenceOptions(opts: unknown): {
  dialect?: ReferenceDialect;
  lengthRule?: "path" | "name";
} {
  if (!isObject(opts)) return {};
  const out: { dialect?: ReferenceDialect; lengthRule?: "path" | "name" } = {};
  if (opts.dialect === "docker" || opts.dialect === "openshift") out.dialect = opts.dialect;
  if (opts.lengthRule === "path" || opts.lengthRule === "name") out.lengthRule = opts.lengthRule;
  return out;
}
