/**
 * The change between two states as an RFC 6902 JSON Patch, for a controller to send as
 * `application/json-patch+json`. The diff follows identity: subtrees that are the same object in
 * both states (immer's structural sharing makes that the common case) are skipped without being
 * read, so the cost follows what changed, not the size of the stream.
 */
import { BadRequestError } from "../errors.js";
import type { ImageStream } from "../model/index.js";

/**
 * One RFC 6902 operation, as {@link imageStreamPatch} writes them (`add`, `remove`, `replace` and
 * the optional leading `test`).
 *
 * @example
 * ```ts
 * const op: JsonPatchOperation = { op: "replace", path: "/metadata/generation", value: 3 };
 * ```
 * @public
 */
export type JsonPatchOperation =
  | { readonly op: "add"; readonly path: string; readonly value: unknown }
  | { readonly op: "remove"; readonly path: string }
  | { readonly op: "replace"; readonly path: string; readonly value: unknown }
  | { readonly op: "test"; readonly path: string; readonly value: unknown };

/**
 * Options of {@link imageStreamPatch}.
 *
 * @example
 * ```ts
 * const opts: ImageStreamPatchOptions = { test: "resourceVersion" };
 * ```
 * @public
 */
export interface ImageStreamPatchOptions {
  /**
   * `"resourceVersion"`: start the patch with a `test` of `/metadata/resourceVersion` against
   * `prev`'s value, so that the API server rejects it (422, which a controller treats as a
   * conflict) when the stored object changed since it was read (optimistic concurrency).
   */
  readonly test?: "resourceVersion";
}

type Json = unknown;
type JsonObject = Record<string, Json>;

function isPlainObject(v: Json): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A key as a JSON Pointer reference token (RFC 6901): `~` → `~0`, `/` → `~1`. */
function token(key: string | number): string {
  const s = String(key);
  return s.includes("~") || s.includes("/") ? s.replaceAll("~", "~0").replaceAll("/", "~1") : s;
}

/** Deep equality of JSON values (keys in any order; an undefined member is absent). */
function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    let n = 0;
    for (const k of Object.keys(a)) {
      if (a[k] === undefined) continue;
      n++;
      if (!jsonEqual(a[k], b[k])) return false;
    }
    for (const k of Object.keys(b)) if (b[k] !== undefined) n--;
    return n === 0;
  }
  return false;
}

function diff(a: Json, b: Json, path: string, ops: JsonPatchOperation[]): void {
  if (a === b) return;
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const k of Object.keys(a)) {
      if (a[k] !== undefined && b[k] === undefined) ops.push({ op: "remove", path: `${path}/${token(k)}` });
    }
    for (const k of Object.keys(b)) {
      const v = b[k];
      if (v === undefined) continue;
      const p = `${path}/${token(k)}`;
      if (a[k] === undefined) ops.push({ op: "add", path: p, value: v });
      else diff(a[k], v, p, ops);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    diffArrays(a, b, path, ops);
    return;
  }
  if (!jsonEqual(a, b)) ops.push({ op: "replace", path, value: b });
}

/**
 * Arrays: the common prefix and suffix (same object, or equal) are skipped; the middle is diffed
 * position by position, then the extra elements are removed (from the end) or added. An insertion
 * or a removal in a sorted list of tags, or a prepend to a history, is one operation.
 */
function diffArrays(a: readonly Json[], b: readonly Json[], path: string, ops: JsonPatchOperation[]): void {
  const same = (x: Json, y: Json) => x === y || jsonEqual(x, y);
  let start = 0;
  const min = Math.min(a.length, b.length);
  while (start < min && same(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const common = Math.min(endA - start, endB - start);
  for (let i = 0; i < common; i++) diff(a[start + i], b[start + i], `${path}/${start + i}`, ops);
  for (let i = endA - 1; i >= start + common; i--) ops.push({ op: "remove", path: `${path}/${i}` });
  for (let i = start + common; i < endB; i++) ops.push({ op: "add", path: `${path}/${i}`, value: b[i] });
}

/**
 * The RFC 6902 operations that turn `prev` into `next`, for a controller to send as
 * `application/json-patch+json` after computing `next` with the library (`tag`, `editImageStream`, …).
 *
 * Paths are JSON Pointers with keys escaped (`~0`, `~1`), so annotation keys such as
 * `openshift.io/image.managed` work. Subtrees that are the same object in both states are skipped
 * without being read: after a one-tag change of a 10,000-tag stream the patch costs well under a
 * millisecond and holds one or two operations. Values in the operations are parts of `next`
 * (deeply frozen when `next` came from the library).
 *
 * @param prev - the state as read from the API server
 * @param next - the state to write
 * @param options - `{ test: "resourceVersion" }` starts the patch with a `test` operation on
 *   `/metadata/resourceVersion` (optimistic concurrency)
 * @returns the operations, in order; an empty array when nothing changed (send nothing)
 * @throws {@link BadRequestError} (`isBadRequest`) when `options.test` is set and `prev` has no
 *   `metadata.resourceVersion`, or `options.test` is another value
 * @example
 * ```ts
 * const { stream: next } = tag(stream, { source: "app:latest", destinations: ["app:prod"], namespace: "ns" }, { now });
 * const ops = imageStreamPatch(stream, next, { test: "resourceVersion" });
 * // => [{ op: "test", path: "/metadata/resourceVersion", value: "42" },
 * //     { op: "add", path: "/spec/tags/1", value: { name: "prod", … } }, …]
 * ```
 * @public
 */
export function imageStreamPatch(
  prev: ImageStream,
  next: ImageStream,
  options: ImageStreamPatchOptions = {},
): JsonPatchOperation[] {
  const test = isPlainObject(options) ? options.test : undefined;
  if (test !== undefined && test !== "resourceVersion") {
    throw new BadRequestError('options.test must be "resourceVersion" or absent');
  }
  const ops: JsonPatchOperation[] = [];
  diff(prev as Json, next as Json, "", ops);
  if (ops.length === 0 || test === undefined) return ops;
  const meta = isPlainObject(prev) ? prev.metadata : undefined;
  const rv = isPlainObject(meta) ? meta.resourceVersion : undefined;
  if (typeof rv !== "string" || rv === "") {
    throw new BadRequestError("a resourceVersion test needs prev.metadata.resourceVersion");
  }
  return [{ op: "test", path: "/metadata/resourceVersion", value: rv }, ...ops];
}
