/**
 * Private helpers of the server module: list look-ups, a copy-on-write draft of `status.tags`,
 * Go-style "semantic" equality and structural sharing. Nothing here is exported from the package.
 */
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

/** True for a non-null, non-array object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
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

/** The array itself when every entry is an object (remembered), else a copy without the others. */
function objectsOnly<T>(arr: readonly T[]): readonly T[] {
  if ((flagsOf(arr) & OBJECTS) !== 0) return arr;
  for (const x of arr) if (!isObj(x)) return arr.filter(isObj);
  addFlags(arr, OBJECTS);
  return arr;
}

// biome-ignore lint/suspicious/noExplicitAny: shared empty array of any element type
const EMPTY: readonly any[] = Object.freeze([]);

/** The name of a spec tag ("" when missing). */
export function specTagName(ref: TagReference | undefined): string {
  return str((ref as Obj | undefined)?.name);
}

/** The tag of a status list ("" when missing). */
export function statusTagName(list: NamedTagEventList | undefined): string {
  return str((list as Obj | undefined)?.tag);
}

/**
 * The spec and status tags of a stream by name, one pass over each list; the last duplicate wins
 * (R1.11.2), as when the server decodes the lists into maps. Non-object entries are skipped.
 */
export function tagsByName(stream: ImageStream): {
  readonly spec: Map<string, TagReference>;
  readonly status: Map<string, NamedTagEventList>;
} {
  const spec = new Map<string, TagReference>();
  for (const t of specTagsOf(stream)) if (isObj(t)) spec.set(specTagName(t), t);
  const status = new Map<string, NamedTagEventList>();
  for (const l of statusTagsOf(stream)) if (isObj(l)) status.set(statusTagName(l), l);
  return { spec, status };
}

/** The items of a status list (empty when missing). */
export function itemsOf(list: NamedTagEventList | undefined): readonly TagEvent[] {
  const items = (list as Obj | undefined)?.items;
  return Array.isArray(items) ? (items as TagEvent[]) : EMPTY;
}

/** `items[0]` of a status list when it is an object, else undefined. */
export function topOf(list: NamedTagEventList | undefined): TagEvent | undefined {
  const top = itemsOf(list)[0];
  return isObj(top) ? top : undefined;
}

/** The conditions of a status list (empty when missing). */
export function conditionsOf(list: NamedTagEventList | undefined): readonly unknown[] {
  const c = (list as Obj | undefined)?.conditions;
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
  const x = a as Obj;
  const y = b as Obj;
  return (
    str(x.created) === str(y.created) &&
    str(x.dockerImageReference) === str(y.dockerImageReference) &&
    str(x.image) === str(y.image) &&
    num(x.generation) === num(y.generation)
  );
}

/** Byte-wise comparison of the UTF-8 encodings, as Go sorts map keys (R1.11.1). */
export const compareNames: (a: string, b: string) => number = compareTagNames;

/** Facts remembered about arrays we have checked or built (bit flags). */
export const SORTED = 1;
/** No status list of the array has a top event with generation 0. */
export const ZERO_FREE = 2;
/** Every entry of the array is an object. */
export const OBJECTS = 4;

const FLAGS: unique symbol = Symbol("imagestream.flags");
const frozenFlags = new WeakMap<readonly unknown[], number>();

/**
 * The last arrays this module built, with their flags: a tiny ring (strong references to at most
 * four arrays) so that chained calls (`s = f(s)`) find their facts without tagging every new array.
 */
const RECENT = 4;
const recentArrays: (readonly unknown[] | undefined)[] = [undefined, undefined, undefined, undefined];
const recentFlags: number[] = [0, 0, 0, 0];
let recentNext = 0;

function recentIndex(arr: readonly unknown[]): number {
  for (let i = 0; i < RECENT; i++) if (recentArrays[i] === arr) return i;
  return -1;
}

/** The flags remembered for `arr`. */
export function flagsOf(arr: readonly unknown[]): number {
  const own = (arr as unknown as { [FLAGS]?: number })[FLAGS];
  if (own !== undefined) return own;
  const r = recentIndex(arr);
  if (r >= 0) return recentFlags[r] as number;
  return frozenFlags.get(arr) ?? 0;
}

/**
 * Remembers `flags` for `arr`: a non-enumerable symbol property on arrays we may extend (invisible
 * to JSON, equality and cloning), a WeakMap entry for frozen or sealed ones.
 */
export function addFlags(arr: readonly unknown[], flags: number): void {
  const next = flagsOf(arr) | flags;
  const r = recentIndex(arr);
  if (r >= 0) {
    recentFlags[r] = next;
    return;
  }
  if (Object.isExtensible(arr)) {
    const own = Object.getOwnPropertyDescriptor(arr, FLAGS);
    if (own === undefined)
      Object.defineProperty(arr, FLAGS, { value: next, writable: true, configurable: true });
    else (arr as unknown as { [FLAGS]: number })[FLAGS] = next;
  } else {
    frozenFlags.set(arr, next);
  }
}

/** Remembers the flags of an array this module just built (cheaper than {@link addFlags}). */
function freshFlags<T>(arr: T[], flags: number): T[] {
  recentArrays[recentNext] = arr;
  recentFlags[recentNext] = flags;
  recentNext = (recentNext + 1) % RECENT;
  return arr;
}

/** True when a list of named entries is strictly sorted by `key` (remembered per array). */
export function isSortedBy<T>(arr: readonly T[], key: (t: T) => string): boolean {
  if ((flagsOf(arr) & SORTED) !== 0) return true;
  for (let i = 1; i < arr.length; i++) {
    if (compareTagNames(key(arr[i - 1] as T), key(arr[i] as T)) >= 0) return false;
  }
  addFlags(arr, SORTED);
  return true;
}

/** Remembers that `arr` is sorted (it was built sorted). */
export function markSorted<T>(arr: readonly T[]): readonly T[] {
  addFlags(arr, SORTED);
  return arr;
}

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
    const byName = namedIndex(prev);
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

/**
 * A copy-on-write view of `status.tags` keyed by tag name. Reads see earlier writes; `result()`
 * returns the original array when nothing was written, else a new array sorted by tag (R1.11.1).
 */
export class StatusDraft {
  private readonly base: readonly NamedTagEventList[];
  private index: Map<string, number> | undefined;
  private lookups = 0;
  private readonly writes = new Map<string, NamedTagEventList | null>();

  constructor(base: readonly NamedTagEventList[]) {
    this.base = base;
  }

  /** Current list for `tag`. */
  get(tag: string): NamedTagEventList | undefined {
    const w = this.writes.get(tag);
    if (w !== undefined) return w ?? undefined;
    const i = this.baseIndex(tag);
    return i < 0 ? undefined : this.base[i];
  }

  /** Replaces (or adds) the list for `tag`. */
  set(tag: string, list: NamedTagEventList): void {
    this.writes.set(tag, list);
  }

  /** Tag names currently present, in base order then new ones. */
  names(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const t of this.base) {
      const n = statusTagName(t);
      if (seen.has(n)) continue;
      seen.add(n);
      if (this.writes.get(n) !== null) out.push(n);
    }
    for (const [n, w] of this.writes) if (w !== null && !seen.has(n)) out.push(n);
    return out;
  }

  private baseIndex(tag: string): number {
    if (isSortedBy(this.base, statusTagName)) return binarySearch(this.base, tag);
    if (this.index === undefined && ++this.lookups > 4) {
      const m = new Map<string, number>();
      this.base.forEach((t, i) => {
        m.set(statusTagName(t), i);
      });
      this.index = m;
    }
    if (this.index) return this.index.get(tag) ?? -1;
    return findStatusIndex(this.base, tag);
  }

  /**
   * The resulting `status.tags` array (same as the base when unchanged). A new array is remembered
   * as sorted, made of objects, and carrying `extraFlags`.
   */
  result(extraFlags = 0): readonly NamedTagEventList[] {
    if (this.writes.size === 0) return this.base;
    return freshFlags(this.build(), SORTED | OBJECTS | extraFlags);
  }

  private build(): NamedTagEventList[] {
    const base = this.base;
    if (isSortedBy(base, statusTagName)) {
      // Fast path: replace in place, splice deletions, merge additions in sorted position.
      const additions: NamedTagEventList[] = [];
      let deletions = 0;
      let out: (NamedTagEventList | null)[] | undefined;
      for (const [tag, w] of this.writes) {
        const i = this.baseIndex(tag);
        if (i < 0) {
          if (w !== null) additions.push(w);
          continue;
        }
        out ??= base.slice();
        out[i] = w;
        if (w === null) deletions++;
      }
      let arr: NamedTagEventList[] = out
        ? deletions > 0
          ? (out.filter((x) => x !== null) as NamedTagEventList[])
          : (out as NamedTagEventList[])
        : (base as NamedTagEventList[]);
      if (additions.length > 0) {
        additions.sort((a, b) => compareNames(statusTagName(a), statusTagName(b)));
        arr = mergeSorted(arr, additions);
      }
      return arr;
    }
    const map = new Map<string, NamedTagEventList>();
    for (const t of base) map.set(statusTagName(t), t);
    for (const [tag, w] of this.writes) {
      if (w === null) map.delete(tag);
      else map.set(tag, w);
    }
    return [...map.values()].sort((a, b) => compareNames(statusTagName(a), statusTagName(b)));
  }
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

function mergeSorted(a: readonly NamedTagEventList[], b: readonly NamedTagEventList[]): NamedTagEventList[] {
  const out: NamedTagEventList[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as NamedTagEventList;
    const y = b[j] as NamedTagEventList;
    if (compareTagNames(statusTagName(x), statusTagName(y)) <= 0) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as NamedTagEventList;
  while (j < b.length) out[k++] = b[j++] as NamedTagEventList;
  return out;
}

/** Returns `stream` with `status.tags` replaced (same stream when the array is the same). */
export function withStatusTags(stream: ImageStream, tags: readonly NamedTagEventList[]): ImageStream {
  if (tags === statusTagsOf(stream)) return stream;
  const status = isObj(stream.status) ? stream.status : {};
  return { ...stream, status: { ...status, tags } } as ImageStream;
}
