/**
 * Internal helpers for validation: tolerant readers for values of any shape, Kubernetes field
 * paths, byte lengths and a "semantic" deep equality. Not exported from the module index.
 *
 * Validation runs on user data, so every reader accepts `unknown` and treats a missing field, or
 * a field of the wrong type, as absent (the Go zero value). Nothing here throws.
 */

/** A plain JSON-ish object (not an array, not null). */
export type Obj = Readonly<Record<string, unknown>>;

/** `v` when it is a non-array object, else `undefined`. */
export function asObj(v: unknown): Obj | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** An own property of `o` (never one inherited from a prototype). */
export function own(o: Obj | undefined, key: string): unknown {
  if (o === undefined) return undefined;
  try {
    return Object.hasOwn(o, key) ? o[key] : undefined;
  } catch {
    return undefined;
  }
}

/** A string field, `""` when absent or not a string (Go zero value). */
export function str(o: Obj | undefined, key: string): string {
  const v = own(o, key);
  return typeof v === "string" ? v : "";
}

/** An object field, `undefined` when absent or not an object. */
export function obj(o: Obj | undefined, key: string): Obj | undefined {
  return asObj(own(o, key));
}

/** An array field, `[]` when absent or not an array. */
export function arr(o: Obj | undefined, key: string): readonly unknown[] {
  const v = own(o, key);
  return Array.isArray(v) ? v : [];
}

/** `true` only when the field is the boolean `true`. */
export function bool(o: Obj | undefined, key: string): boolean {
  return own(o, key) === true;
}

/** A finite number field, `0` when absent or not a number. */
export function num(o: Obj | undefined, key: string): number {
  const v = own(o, key);
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

/** Defines an own enumerable property (safe for keys like `__proto__` and `constructor`). */
export function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The own enumerable keys of an object map, `[]` when absent. */
export function keysOf(o: Obj | undefined): string[] {
  if (o === undefined) return [];
  try {
    return Object.keys(o);
  } catch {
    return [];
  }
}

/** `path.child` the way `field.Path.Child` prints it (no leading dot at the root). */
export function child(path: string, ...names: string[]): string {
  let p = path;
  for (const n of names) p = p === "" ? n : `${p}.${n}`;
  return p;
}

/** `path[key]` the way `field.Path.Key` prints it (the key verbatim, unquoted). */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}

/** `path[i]` the way `field.Path.Index` prints it. */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** Length of `s` in UTF-8 bytes, as Go's `len(string)`. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * The entries of a v1 list that the API server keeps as a map keyed by `keyField` (spec tags by
 * `name`, status tags by `tag`): duplicates keep the last entry (R1.11.2), result sorted by key
 * (R1.11.1) so validation reports errors in a deterministic order.
 */
export function listAsMap(list: readonly unknown[], keyField: string): Array<[string, Obj | undefined]> {
  const m = new Map<string, Obj | undefined>();
  for (const item of list) {
    const o = asObj(item);
    m.set(str(o, keyField), o);
  }
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Removes Go zero values recursively (absent, `null`, `""`, `0`, `false`, empty arrays, empty
 * objects), so that two JSON values compare the way `equality.Semantic.DeepEqual` compares the
 * decoded Go structs (nil and empty maps/slices equal; an absent string equals `""`).
 */
function prune(v: unknown, depth: number): unknown {
  if (v === undefined || v === null || v === "" || v === 0 || v === false) return undefined;
  if (depth > 100) return v;
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    return v.map((x) => {
      const p = prune(x, depth + 1);
      return p === undefined ? null : p;
    });
  }
  const o = asObj(v);
  if (o !== undefined) {
    const out: Record<string, unknown> = {};
    let any = false;
    for (const k of keysOf(o).sort()) {
      const p = prune(own(o, k), depth + 1);
      if (p !== undefined) {
        setOwn(out, k, p);
        any = true;
      }
    }
    return any ? out : undefined;
  }
  return v;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const oa = asObj(a);
  const ob = asObj(b);
  if (oa === undefined || ob === undefined) return false;
  const ka = keysOf(oa);
  const kb = keysOf(ob);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(ob, k)) return false;
    if (!deepEqual(own(oa, k), own(ob, k))) return false;
  }
  return true;
}

/**
 * Semantic equality of two JSON values: Go zero values and absent fields are equal. Values nested
 * too deeply for the stack compare by identity instead of throwing.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  try {
    return deepEqual(prune(a, 0), prune(b, 0));
  } catch {
    return a === b;
  }
}

/** A shallow copy of `o` without the given keys (`{}` when `o` is absent). */
export function omit(o: Obj | undefined, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keysOf(o)) if (!keys.includes(k)) setOwn(out, k, own(o, k));
  return out;
}
