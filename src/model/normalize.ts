/**
 * What the API server does to every object it decodes and returns (docs/behaviour.md §1.11): tags sorted by
 * name, duplicates last-wins, policies defaulted, legacy repository tags/IDs stripped.
 */
import { BadRequestError, invalidField } from "../errors.js";
import { type DockerImageReference, exactReference, parseDockerImageReference } from "../reference/index.js";
import { isFrozenDown } from "./checked.js";
import { IMPORT_MODE_LEGACY, SOURCE_TAG_REFERENCE_POLICY } from "./constants.js";
import { imageStreamImportShapeErrors, imageStreamShapeErrors, isObj, throwIfShapeErrors } from "./guards.js";
import type {
  ImageStream,
  ImageStreamSpec,
  ImageStreamStatus,
  NamedTagEventList,
  TagReference,
} from "./image-stream.js";
import type { ImageImportSpec, ImageStreamImport, RepositoryImportSpec } from "./image-stream-import.js";

/**
 * Options of {@link normalizeImageStream} and {@link normalizeImageStreamImport}.
 *
 * @example
 * ```ts
 * const opts: NormalizeOptions = { defaultImportMode: "PreserveOriginal" };
 * ```
 * @public
 */
export interface NormalizeOptions {
  /** The cluster's default import mode (R1.3.4); `Legacy` when absent. */
  readonly defaultImportMode?: "Legacy" | "PreserveOriginal" | undefined;
}

/**
 * Compares two tag names byte-wise as Go does on their UTF-8 encoding (R1.11.1). Equal to comparing
 * with `<`, except that characters above U+FFFF sort after every other character, as in UTF-8.
 *
 * @returns a negative number, zero or a positive number
 * @example
 * ```ts
 * ["latest", "3.6", "Latest"].sort(compareTagNames); // ["3.6", "Latest", "latest"]
 * ```
 * @public
 */
export function compareTagNames(a: string, b: string): number {
  if (typeof a !== "string" || typeof b !== "string") throw new BadRequestError("tag names must be strings");
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Parses a pull spec with the library-go parser, or `undefined` when it does not parse. */
function tryParse(s: string): DockerImageReference | undefined {
  try {
    return parseDockerImageReference(s);
  } catch {
    return undefined;
  }
}

/**
 * R1.11.4: a repository that parses and carries a tag or ID is printed back with `Exact()` without
 * them; anything else (no tag/ID, or unparseable) is returned as is.
 */
function stripTagAndId(repo: string | undefined): string | undefined {
  if (repo === undefined || repo === "") return repo;
  const ref = tryParse(repo);
  if (ref === undefined || (ref.tag === "" && ref.id === "")) return repo;
  return exactReference({ ...ref, tag: "", id: "" });
}

/** A copy of `obj` with `key` set to `value`, or without `key` when `value` is undefined. */
function withKey<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const out: Record<PropertyKey, unknown> = { ...(obj as Record<PropertyKey, unknown>) };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out as T;
}

function defaultMode(opts: NormalizeOptions | undefined): string {
  const mode: unknown = isObj(opts) ? opts.defaultImportMode : undefined;
  return typeof mode === "string" && mode !== "" ? mode : IMPORT_MODE_LEGACY;
}

/** Applies R1.3.4 and R1.3.5 to the policies of anything carrying them; same object when nothing changes. */
function withPolicyDefaults<T extends Pick<TagReference, "importPolicy" | "referencePolicy">>(
  obj: T,
  mode: string,
): T {
  const needsImport = !obj.importPolicy?.importMode;
  const needsReference = !obj.referencePolicy?.type;
  if (!needsImport && !needsReference) return obj;
  let out = obj;
  if (needsImport) {
    out = withKey(out, "importPolicy", { ...obj.importPolicy, importMode: mode } as T["importPolicy"]);
  }
  if (needsReference) {
    out = withKey(out, "referencePolicy", {
      ...obj.referencePolicy,
      type: SOURCE_TAG_REFERENCE_POLICY,
    } as T["referencePolicy"]);
  }
  return out;
}

/**
 * Applies the decode defaults to one spec tag (R1.11.5): `referencePolicy.type` → `Source` and
 * `importPolicy.importMode` → `opts.defaultImportMode ?? "Legacy"` when empty. Returns the same
 * object when both are set.
 *
 * @example
 * ```ts
 * normalizeTagReference({ name: "latest" });
 * // => { name: "latest", importPolicy: { importMode: "Legacy" }, referencePolicy: { type: "Source" } }
 * ```
 * @public
 */
export function normalizeTagReference(tag: TagReference, opts?: NormalizeOptions): TagReference {
  if (!isObj(tag) || Array.isArray(tag)) {
    throwIfShapeErrors("TagReference", tag, [invalidField("<root>", tag, "must be an object")]);
  }
  return withPolicyDefaults(tag, defaultMode(opts));
}

/**
 * Entries found already normal, per mapping (the import-mode default), when frozen: they cannot
 * change, so a re-submitted list of thousands of stored spec tags is not re-checked one by one.
 */
const normalFrozen = new WeakMap<object, string>();

function isKnownNormal<T>(item: T, map: (t: T) => T, cacheKey: string | undefined): boolean {
  const obj = typeof item === "object" && item !== null ? (item as object) : undefined;
  if (obj !== undefined && cacheKey !== undefined && normalFrozen.get(obj) === cacheKey) return true;
  if (map(item) !== item) return false;
  if (obj !== undefined && cacheKey !== undefined && isFrozenDown(obj, 3)) normalFrozen.set(obj, cacheKey);
  return true;
}

/**
 * Last-wins de-duplication by key (R1.11.2), then a sort by key in Go's byte order (R1.11.1), with
 * `map` applied to each entry kept; the same array when nothing changes. `cacheKey` (the import-mode
 * default for spec tags) lets frozen entries found normal skip `map` next time. Also used by the
 * server to normalize the status lists a write touches.
 */
export function dedupeAndSort<T>(
  list: readonly T[],
  key: (t: T) => string,
  map: (t: T) => T,
  cacheKey?: string,
): T[] {
  // Fast path: already strictly sorted (no duplicates) and every entry already normal: one pass,
  // no map, no sort. This is what the server stores, so re-submitted streams cost O(n).
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as T;
    if (
      !isKnownNormal(item, map, cacheKey) ||
      (i > 0 && compareTagNames(key(list[i - 1] as T), key(item)) >= 0)
    ) {
      sorted = false;
      break;
    }
  }
  if (sorted) return list as T[];
  const byKey = new Map<string, T>();
  for (const item of list) byKey.set(key(item), item);
  const keys = [...byKey.keys()].sort(compareTagNames);
  let changed = keys.length !== list.length;
  const out: T[] = [];
  for (let i = 0; i < keys.length; i++) {
    const original = byKey.get(keys[i] as string) as T;
    const next = map(original);
    if (next !== list[i]) changed = true;
    out.push(next);
  }
  return changed ? out : (list as T[]);
}

function normalizeSpec(spec: ImageStreamSpec | undefined, mode: string): ImageStreamSpec | undefined {
  if (!isObj(spec)) return spec;
  if ((spec.tags as unknown) === null) {
    // JSON null decodes to a nil list in Go, which is the same as an absent one (omitempty).
    const { tags: _null, ...rest } = spec;
    return normalizeSpec(rest, mode);
  }
  const tags =
    spec.tags === undefined
      ? undefined
      : dedupeAndSort(
          spec.tags,
          (t) => t.name,
          (t) => withPolicyDefaults(t, mode),
          mode,
        );
  const repo = stripTagAndId(spec.dockerImageRepository);
  if (tags === spec.tags && repo === spec.dockerImageRepository) return spec;
  let out = spec;
  if (tags !== spec.tags) out = withKey(out, "tags", tags);
  if (repo !== spec.dockerImageRepository) out = withKey(out, "dockerImageRepository", repo);
  return out;
}

function normalizeStatus(status: ImageStreamStatus | undefined): ImageStreamStatus | undefined {
  if (!isObj(status)) return status;
  if ((status.tags as unknown) === null) {
    const { tags: _null, ...rest } = status;
    return normalizeStatus(rest);
  }
  const tags =
    status.tags === undefined
      ? undefined
      : dedupeAndSort<NamedTagEventList>(
          status.tags,
          (t) => t.tag,
          (t) => t,
        );
  const repo = stripTagAndId(status.dockerImageRepository);
  if (tags === status.tags && repo === status.dockerImageRepository) return status;
  let out = status;
  if (tags !== status.tags) out = withKey(out, "tags", tags);
  if (repo !== status.dockerImageRepository) out = withKey(out, "dockerImageRepository", repo);
  return out;
}

/**
 * Returns the stream as the API server would return it (R1.11): spec and status tags sorted by name
 * byte-wise (R1.11.1), duplicate names last-wins (R1.11.2), spec tag policies defaulted (R1.11.5),
 * tag/ID stripped from `spec.dockerImageRepository` and `status.dockerImageRepository` (R1.11.4).
 * Pure; returns the very same object when it is already normalized, and shares unchanged parts.
 *
 * @param stream - a parsed stream
 * @param opts - `defaultImportMode`, the cluster default (R1.3.4)
 * @example
 * ```ts
 * const out = normalizeImageStream({ spec: { tags: [{ name: "b" }, { name: "a" }] } });
 * out.spec?.tags?.map((t) => t.name); // ["a", "b"]
 * ```
 * @public
 */
export function normalizeImageStream(stream: ImageStream, opts?: NormalizeOptions): ImageStream {
  throwIfShapeErrors("ImageStream", stream, imageStreamShapeErrors(stream));
  const mode = defaultMode(opts);
  const spec = normalizeSpec(stream.spec, mode);
  const status = normalizeStatus(stream.status);
  if (spec === stream.spec && status === stream.status) return stream;
  let out = stream;
  if (spec !== stream.spec) out = withKey(out, "spec", spec);
  if (status !== stream.status) out = withKey(out, "status", status);
  return out;
}

function normalizeImageImportSpec(spec: ImageImportSpec, mode: string): ImageImportSpec {
  let out = withPolicyDefaults(spec, mode);
  // `to` is a pointer in Go: a JSON null is nil, defaulted like an absent one.
  if (out.to === undefined || (out.to as unknown) === null) {
    const name = out.from?.name;
    const ref = typeof name === "string" ? tryParse(name) : undefined;
    if (ref !== undefined && ref.tag !== "") {
      out = withKey(out, "to", { name: ref.tag });
    }
  }
  return out;
}

/**
 * Applies the decode defaults to an ImageStreamImport: for each `spec.images[]` without `to`, `to.name`
 * becomes the tag of `from.name` when it has one (R1.11.6); import and reference policies of images
 * and repository are defaulted (R1.3.4, R1.3.5); `status.import` is normalized like a stream.
 * Returns the same object when nothing changes.
 *
 * @example
 * ```ts
 * const isi = normalizeImageStreamImport({ spec: { images: [{ from: { kind: "DockerImage", name: "python:3.6" } }] } });
 * isi.spec?.images?.[0]?.to; // { name: "3.6" }
 * ```
 * @public
 */
export function normalizeImageStreamImport(
  isi: ImageStreamImport,
  opts?: NormalizeOptions,
): ImageStreamImport {
  throwIfShapeErrors("ImageStreamImport", isi, imageStreamImportShapeErrors(isi));
  const mode = defaultMode(opts);
  let spec = isi.spec;
  if (isObj(spec)) {
    const images = spec.images;
    let nextImages = images;
    if (Array.isArray(images)) {
      const mapped = images.map((i) => normalizeImageImportSpec(i, mode));
      if (mapped.some((m, i) => m !== images[i])) nextImages = mapped;
    }
    const repository: RepositoryImportSpec | undefined = isObj(spec.repository)
      ? withPolicyDefaults(spec.repository, mode)
      : spec.repository;
    if (nextImages !== images || repository !== spec.repository) {
      if (nextImages !== images) spec = withKey(spec, "images", nextImages);
      if (repository !== isi.spec?.repository) spec = withKey(spec, "repository", repository);
    }
  }
  let status = isi.status;
  if (isObj(status) && isObj(status.import)) {
    const stream = normalizeImageStream(status.import, opts);
    if (stream !== status.import) status = { ...status, import: stream };
  }
  if (spec === isi.spec && status === isi.status) return isi;
  let out = isi;
  if (spec !== isi.spec) out = withKey(out, "spec", spec);
  if (status !== isi.status) out = withKey(out, "status", status);
  return out;
}
