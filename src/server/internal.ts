/**
 * Private helpers of the server module: list look-ups, Go-style "semantic" equality and
 * structural sharing. Nothing here is exported from the package, and nothing here writes on the
 * values it is given.
 */

import { InvalidError } from "../errors.js";
import { castDraft, produce } from "../internal/immer.js";
import { finish, isPlainObject, nonJsonPath } from "../model/checked.js";
import {
  compareTagNames,
  type ImageStream,
  type NamedTagEventList,
  type TagEvent,
  type TagReference,
} from "../model/index.js";

/** `DefaultImageTag` (API `image/v1/consts.go`). */
export const DEFAULT_TAG = "latest";
/** `openshift.io/image.managed` (ManagedByOpenShiftAnnotation). */
export const MANAGED_ANNOTATION = "openshift.io/image.managed";

/** A plain JSON-ish object. */
export type Obj = Record<string, unknown>;

/**
 * True for a plain JSON object (prototype `Object.prototype` or null). Arrays, class instances,
 * `Map`s and the like are not objects of the wire format: they read as absent (Go zero values).
 */
export function isObj(v: unknown): v is Obj {
  return isPlainObject(v);
}

/**
 * The edge check of a write: `value` must be JSON data (what the API sends), else an
 * `InvalidError` of `kind` naming the first offending field. States the library produced skip it.
 */
export function requireJson(value: unknown, kind: string, name: string): void {
  const path = nonJsonPath(value);
  if (path === undefined) return;
  throw new InvalidError({
    kind,
    name,
    fieldErrors: [{ type: "FieldValueInvalid", field: path, value: "", detail: "must be JSON data" }],
  });
}

/** A string field or "" (Go zero value). */
export function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** A number field or 0 (Go zero value). */
export function num(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

/** `metadata.name` of a stream ("" when missing). */
export function streamName(stream: ImageStream | undefined): string {
  return str((stream?.metadata as Obj | undefined)?.name);
}

/** `metadata.namespace` of a stream ("" when missing). */
export function streamNamespace(stream: ImageStream | undefined): string {
  return str((stream?.metadata as Obj | undefined)?.namespace);
}

/** `metadata.generation` of a stream (0 when missing). */
export function streamGeneration(stream: ImageStream | undefined): number {
  return num((stream?.metadata as Obj | undefined)?.generation);
}

/** `spec.tags` as an array of objects (empty when missing or not an array; non-objects skipped). */
export function specTagsOf(stream: ImageStream | undefined): readonly TagReference[] {
  const spec = isObj(stream) ? stream.spec : undefined;
  const tags = isObj(spec) ? spec.tags : undefined;
  return Array.isArray(tags) ? objectsOnly(tags as TagReference[]) : EMPTY;
}

/** `status.tags` as an array of objects (empty when missing or not an array; non-objects skipped). */
export function statusTagsOf(stream: ImageStream | undefined): readonly NamedTagEventList[] {
  const status = isObj(stream) ? stream.status : undefined;
  const tags = isObj(status) ? status.tags : undefined;
  return Array.isArray(tags) ? objectsOnly(tags as NamedTagEventList[]) : EMPTY;
}

/**
 * The array itself when every entry is an object, else a copy without the others. A frozen array
 * found clean is remembered (a `WeakSet` of frozen arrays cannot go stale).
 */
export function objectsOnly<T>(arr: readonly T[]): readonly T[] {
  if (cleanFrozen.has(arr)) return arr;
  for (const x of arr) if (!isObj(x)) return arr.filter(isObj);
  if (Object.isFrozen(arr)) cleanFrozen.add(arr);
  return arr;
}
const cleanFrozen = new WeakSet<readonly unknown[]>();

// biome-ignore lint/suspicious/noExplicitAny: shared empty array of any element type
const EMPTY: readonly any[] = Object.freeze([]);

/**
 * Spec tags by name (the last duplicate wins, R1.11.2). The index of a frozen list whose entries
 * are frozen is remembered (`WeakMap`): names cannot change, so a stored stream is indexed once.
 */
export function specTagsByName(stream: ImageStream | undefined): ReadonlyMap<string, TagReference> {
  const tags = specTagsOf(stream);
  const cached = specIndex.get(tags);
  if (cached !== undefined) return cached;
  const m = new Map<string, TagReference>();
  for (const t of tags) m.set(specTagName(t), t);
  if (tags.length > 0 && Object.isFrozen(tags) && tags.every(isFrozenEntry)) specIndex.set(tags, m);
  return m;
}
const specIndex = new WeakMap<readonly TagReference[], ReadonlyMap<string, TagReference>>();

/** The name of a spec tag ("" when missing). */
export function specTagName(ref: TagReference | undefined): string {
  return str(ref?.name);
}

/** The tag of a status list ("" when missing). */
export function statusTagName(list: NamedTagEventList | undefined): string {
  return str(list?.tag);
}

/**
 * The spec and status tags of a stream by name, one pass over each list; the last duplicate wins
 * (R1.11.2), as when the server decodes the lists into maps. Non-object entries are skipped.
 */
export function tagsByName(stream: ImageStream): {
  readonly spec: ReadonlyMap<string, TagReference>;
  readonly status: ReadonlyMap<string, NamedTagEventList>;
} {
  const spec = specTagsByName(stream);
  const status = new Map<string, NamedTagEventList>();
  for (const l of statusTagsOf(stream)) if (isObj(l)) status.set(statusTagName(l), l);
  return { spec, status };
}

/** The items of a status list (empty when missing). */
export function itemsOf(list: NamedTagEventList | undefined): readonly TagEvent[] {
  const items = list?.items;
  return Array.isArray(items) ? (items as TagEvent[]) : EMPTY;
}

/** `items[0]` of a status list when it is an object, else undefined. */
export function topOf(list: NamedTagEventList | undefined): TagEvent | undefined {
  const top = itemsOf(list)[0];
  return isObj(top) ? top : undefined;
}

/** The conditions of a status list (empty when missing). */
export function conditionsOf(list: NamedTagEventList | undefined): readonly unknown[] {
  const c = list?.conditions;
  return Array.isArray(c) ? c : EMPTY;
}

/** Last spec tag named `tag` (R1.11.2: the last duplicate wins), or undefined. */
export function findSpecTag(stream: ImageStream | undefined, tag: string): TagReference | undefined {
  const tags = specTagsOf(stream);
  for (let i = tags.length - 1; i >= 0; i--) {
    const t = tags[i];
    if (isObj(t) && t.name === tag) return t as TagReference;
  }
  return undefined;
}

/** Index of the last status list for `tag`, or -1. */
export function findStatusIndex(tags: readonly NamedTagEventList[], tag: string): number {
  for (let i = tags.length - 1; i >= 0; i--) {
    const t = tags[i];
    if (isObj(t) && t.tag === tag) return i;
  }
  return -1;
}

/** Last status list for `tag`, or undefined. */
export function findStatusTag(stream: ImageStream | undefined, tag: string): NamedTagEventList | undefined {
  const tags = statusTagsOf(stream);
  const i = findStatusIndex(tags, tag);
  return i < 0 ? undefined : tags[i];
}

/** Go struct equality of two tag events (created, reference, image, generation; missing = zero). */
export function eventsEqual(a: TagEvent | undefined, b: TagEvent | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const x = a;
  const y = b;
  return (
    str(x.created) === str(y.created) &&
    str(x.dockerImageReference) === str(y.dockerImageReference) &&
    str(x.image) === str(y.image) &&
    num(x.generation) === num(y.generation)
  );
}

/** Byte-wise comparison of the UTF-8 encodings, as Go sorts map keys (R1.11.1). */
export const compareNames: (a: string, b: string) => number = compareTagNames;

/**
 * True when a list of named entries is strictly sorted by `key` (R1.11.1 order). A frozen array
 * found sorted is remembered in a `WeakSet`: it cannot change afterwards.
 */
export function isSortedBy<T>(arr: readonly T[], key: (t: T) => string): boolean {
  if (sortedFrozen.has(arr)) return true;
  for (let i = 1; i < arr.length; i++) {
    if (compareTagNames(key(arr[i - 1] as T), key(arr[i] as T)) >= 0) return false;
  }
  // the keys live on the entries: only an array whose entries are frozen too can be remembered
  if (Object.isFrozen(arr) && arr.every(isFrozenEntry)) sortedFrozen.add(arr);
  return true;
}
const sortedFrozen = new WeakSet<readonly unknown[]>();
const isFrozenEntry = (x: unknown): boolean => Object.isFrozen(x);

/**
 * Go "zero value" test for JSON data, as `equality.Semantic.DeepEqual` sees it after decoding:
 * missing, null, "", false, empty arrays and empty objects (recursively) are all zero.
 * Numbers are never zero here (the only number in a spec, `generation`, is a pointer).
 */
function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === "" || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObj(v)) {
    for (const k in v) if (!isZero(v[k])) return false;
    return true;
  }
  return false;
}

/**
 * Deep equality with Kubernetes semantics on decoded JSON: missing and zero values are equal,
 * nil and empty slices/maps are equal.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isZero(a) && isZero(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!semanticEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObj(a) && isObj(b)) {
    for (const k in a) if (!semanticEqual(a[k], b[k])) return false;
    for (const k in b) if (!(k in a) && !isZero(b[k])) return false;
    return true;
  }
  return false;
}

/**
 * Structural sharing: returns `prev` when `next` is deeply equal to it (exact JSON equality,
 * key order ignored), otherwise `next` with every child that equals the matching child of `prev`
 * replaced by `prev`'s. Arrays of named entries (`name` or `tag` keys) are matched by name.
 */
export function share<T>(prev: unknown, next: T): T {
  if (prev === next) return next;
  if (Array.isArray(prev) && Array.isArray(next)) {
    // Named entries at the same positions (the common case: lists kept sorted by name) pair up
    // without an index; only a list whose names moved needs the name index.
    const byName = samePositions(prev, next) ? undefined : namedIndex(prev);
    let same = prev.length === next.length;
    let reused = false;
    const out = next.map((item: unknown, i: number) => {
      const key = entryName(item);
      const candidate = key !== undefined && byName ? byName.get(key) : prev[i];
      const shared = candidate === undefined ? item : share(candidate, item);
      if (shared !== prev[i]) same = false;
      if (shared !== item) reused = true;
      return shared;
    });
    if (same) return prev as T;
    return (reused ? out : next) as T;
  }
  if (isObj(prev) && isObj(next)) {
    let same = true;
    let reused = false;
    const out: Obj = {};
    for (const k in next) {
      const v = share(prev[k], next[k]);
      out[k] = v;
      if (v !== prev[k] || !(k in prev)) same = false;
      if (v !== next[k]) reused = true;
    }
    if (same) for (const k in prev) if (!(k in next)) same = false;
    if (same) return prev as T;
    return (reused ? out : next) as T;
  }
  return next;
}

/**
 * The end of a write computed outside a draft: `next` with every unchanged part shared with
 * `prev` ({@link share}), produced through immer so that it comes back deeply frozen; `prev`
 * itself when nothing changed. `inputs` are the other caller values the result may contain.
 */
export function commit<T extends object>(prev: T, next: T, ...inputs: readonly unknown[]): T {
  const shared = share(prev, next);
  const out: T = shared === prev ? prev : (produce(prev, () => castDraft(shared) as never) as T);
  return finish(out, prev, ...inputs);
}

/** Same length, and each position holds the same object or an entry of the same name. */
function samePositions(prev: readonly unknown[], next: readonly unknown[]): boolean {
  if (prev.length !== next.length) return false;
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i];
    if (a !== b && entryName(a) !== entryName(b)) return false;
  }
  return true;
}

function entryName(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  if (typeof v.name === "string") return v.name;
  if (typeof v.tag === "string") return v.tag;
  return undefined;
}

function namedIndex(arr: readonly unknown[]): Map<string, unknown> | undefined {
  if (arr.length === 0) return undefined;
  const m = new Map<string, unknown>();
  for (const item of arr) {
    const k = entryName(item);
    if (k === undefined) return undefined;
    if (!m.has(k)) m.set(k, item);
  }
  return m;
}

/** Index of `tag` in a strictly sorted list of status tags, or -1. */
function binarySearch(tags: readonly NamedTagEventList[], tag: string): number {
  let lo = 0;
  let hi = tags.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const name = statusTagName(tags[mid]);
    if (name === tag) return mid;
    if (compareTagNames(name, tag) < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Index of the status list for `tag` (the last duplicate, R1.11.2), or `-(insertAt + 1)` when there
 * is none: `insertAt` keeps a sorted list sorted (the end of an unsorted one).
 */
export function locateStatusTag(tags: readonly NamedTagEventList[], tag: string): number {
  if (isSortedBy(tags, statusTagName)) {
    const i = binarySearch(tags, tag);
    if (i >= 0) return i;
    let lo = 0;
    let hi = tags.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareTagNames(statusTagName(tags[mid]), tag) < 0) lo = mid + 1;
      else hi = mid;
    }
    return -(lo + 1);
  }
  const i = findStatusIndex(tags, tag);
  return i >= 0 ? i : -(tags.length + 1);
}
