/**
 * The fake API's JSON patch (RFC 6902) and JSON merge patch (RFC 7386) appliers, for incoming
 * `PATCH` requests. Both work on a private copy of the stored object, so a patch that fails half
 * way leaves nothing behind, and both write keys as own properties (`__proto__` included) so that
 * no patch can reach an object's prototype.
 */

/** A JSON value as `JSON.parse` returns it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Why a patch could not be used: `decode` (the body is not a patch: 400) or `apply` (422). */
export class PatchError extends Error {
  readonly stage: "decode" | "apply";
  constructor(stage: "decode" | "apply", message: string) {
    super(message);
    this.name = "PatchError";
    this.stage = stage;
  }
}

type Container = Json[] | { [key: string]: Json };

function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function setOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function getOwn(target: { [key: string]: Json }, key: string): Json | undefined {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

/** A deep copy of a JSON value whose objects hold their keys as own properties. */
export function cloneJson(v: unknown): Json {
  if (Array.isArray(v)) return v.map(cloneJson);
  if (isObject(v)) {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(v)) setOwn(out, key, cloneJson(v[key]));
    return out;
  }
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v === null) return v;
  return null;
}

/** Structural equality of two JSON values (RFC 6902 §4.6: the `test` comparison). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
    }
    return true;
  }
  return false;
}

/** RFC 6901: `""` is the whole document; else `/`-separated tokens with `~1` → `/` and `~0` → `~`. */
function parsePointer(pointer: unknown, op: string): string[] {
  if (typeof pointer !== "string") throw new PatchError("apply", `${op} operation: path must be a string`);
  if (pointer === "") return [];
  if (pointer[0] !== "/") {
    throw new PatchError(
      "apply",
      `${op} operation: JSON pointer ${JSON.stringify(pointer.slice(0, 256))} must start with "/"`,
    );
  }
  return pointer
    .slice(1)
    .split("/")
    .map((token) => {
      for (let i = token.indexOf("~"); i >= 0; i = token.indexOf("~", i + 1)) {
        const next = token[i + 1];
        if (next !== "0" && next !== "1") {
          throw new PatchError(
            "apply",
            `${op} operation: invalid escape in JSON pointer ${JSON.stringify(pointer.slice(0, 256))}`,
          );
        }
      }
      return token.replaceAll("~1", "/").replaceAll("~0", "~");
    });
}

/** An array index token: `0` or digits without a leading zero (RFC 6901 §4). */
function arrayIndex(token: string): number | undefined {
  if (token === "" || token.length > 15) return undefined;
  if (token.length > 1 && token[0] === "0") return undefined;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(token);
}

function missing(op: string, path: readonly string[]): PatchError {
  return new PatchError(
    "apply",
    `${op} operation does not apply: doc is missing path: "/${path.join("/").slice(0, 256)}"`,
  );
}

/** The container holding the last token of `path`. */
function parentOf(doc: Json, path: readonly string[], op: string): Container {
  let node: Json = doc;
  for (let i = 0; i < path.length - 1; i++) {
    const token = path[i] as string;
    let next: Json | undefined;
    if (Array.isArray(node)) {
      const at = arrayIndex(token);
      next = at === undefined ? undefined : node[at];
    } else if (isObject(node)) {
      next = getOwn(node, token);
    }
    if (next === undefined) throw missing(op, path);
    node = next;
  }
  if (Array.isArray(node) || isObject(node)) return node;
  throw missing(op, path);
}

function read(doc: Json, path: readonly string[], op: string): Json {
  if (path.length === 0) return doc;
  const parent = parentOf(doc, path, op);
  const token = path[path.length - 1] as string;
  const value = Array.isArray(parent)
    ? (() => {
        const at = arrayIndex(token);
        return at === undefined ? undefined : parent[at];
      })()
    : getOwn(parent, token);
  if (value === undefined) throw missing(op, path);
  return value;
}

function add(doc: Json, path: readonly string[], value: Json, op: string): Json {
  if (path.length === 0) return value;
  const parent = parentOf(doc, path, op);
  const token = path[path.length - 1] as string;
  if (Array.isArray(parent)) {
    const at = token === "-" ? parent.length : arrayIndex(token);
    if (at === undefined || at > parent.length) {
      throw new PatchError(
        "apply",
        `${op} operation: index ${JSON.stringify(token.slice(0, 32))} is out of bounds`,
      );
    }
    parent.splice(at, 0, value);
  } else {
    setOwn(parent, token, value);
  }
  return doc;
}

function remove(doc: Json, path: readonly string[], op: string): Json {
  if (path.length === 0)
    throw new PatchError("apply", `${op} operation: the whole document cannot be removed`);
  const parent = parentOf(doc, path, op);
  const token = path[path.length - 1] as string;
  if (Array.isArray(parent)) {
    const at = arrayIndex(token);
    if (at === undefined || at >= parent.length) throw missing(op, path);
    parent.splice(at, 1);
  } else {
    if (!Object.hasOwn(parent, token)) throw missing(op, path);
    delete parent[token];
  }
  return doc;
}

function replace(doc: Json, path: readonly string[], value: Json, op: string): Json {
  if (path.length === 0) return value;
  read(doc, path, op);
  const parent = parentOf(doc, path, op);
  const token = path[path.length - 1] as string;
  if (Array.isArray(parent)) parent[arrayIndex(token) as number] = value;
  else setOwn(parent, token, value);
  return doc;
}

function operand(operation: { [key: string]: Json }, op: string): Json {
  if (!Object.hasOwn(operation, "value")) throw new PatchError("apply", `${op} operation: missing value`);
  return cloneJson(operation.value);
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length >= path.length) return false;
  return prefix.every((token, i) => token === path[i]);
}

/**
 * Applies an RFC 6902 JSON patch to a copy of `document` and returns the copy.
 *
 * @param document - the stored object (never modified).
 * @param patch - the parsed request body: an array of operations.
 * @param maxOperations - at most this many operations (upstream `maxJSONPatchOperations`).
 * @returns the patched copy.
 * @throws {@link PatchError} `decode` when `patch` is not an array of objects, `apply` when an
 *   operation fails (a failed `test` included).
 */
export function applyJsonPatch(document: unknown, patch: unknown, maxOperations = 10_000): Json {
  if (!Array.isArray(patch)) {
    throw new PatchError(
      "decode",
      "json: cannot unmarshal into Go value of type jsonpatch.Patch: a JSON array of operations is required",
    );
  }
  if (patch.length > maxOperations) {
    throw new PatchError(
      "decode",
      `The allowed maximum operations in a JSON patch is ${maxOperations}, got ${patch.length}`,
    );
  }
  for (const operation of patch) {
    if (!isObject(operation)) {
      throw new PatchError(
        "decode",
        "json: cannot unmarshal into Go value of type jsonpatch.Operation: each operation must be an object",
      );
    }
  }
  let doc = cloneJson(document);
  for (const operation of patch as { [key: string]: Json }[]) {
    const op = typeof operation.op === "string" ? operation.op : "";
    const path = parsePointer(operation.path, op || "unknown");
    switch (op) {
      case "add":
        doc = add(doc, path, operand(operation, op), op);
        break;
      case "remove":
        doc = remove(doc, path, op);
        break;
      case "replace":
        doc = replace(doc, path, operand(operation, op), op);
        break;
      case "move": {
        const from = parsePointer(operation.from, op);
        if (isPrefix(from, path)) {
          throw new PatchError(
            "apply",
            "move operation: a location cannot be moved into one of its children",
          );
        }
        const value = read(doc, from, op);
        doc = add(remove(doc, from, op), path, value, op);
        break;
      }
      case "copy": {
        const from = parsePointer(operation.from, op);
        doc = add(doc, path, cloneJson(read(doc, from, op)), op);
        break;
      }
      case "test": {
        const expected = operand(operation, op);
        let actual: Json | undefined;
        try {
          actual = read(doc, path, op);
        } catch {
          actual = undefined;
        }
        if (actual === undefined || !jsonEqual(actual, expected)) {
          throw new PatchError("apply", `testing value /${path.join("/").slice(0, 256)} failed: test failed`);
        }
        break;
      }
      default:
        throw new PatchError("apply", `Unexpected kind: ${JSON.stringify(op.slice(0, 64))}`);
    }
  }
  return doc;
}

function mergeInto(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return cloneJson(patch);
  const out: { [key: string]: Json } = isObject(target) ? target : {};
  for (const key of Object.keys(patch)) {
    const value = patch[key] as Json;
    if (value === null) delete out[key];
    else setOwn(out, key, mergeInto(getOwn(out, key), value));
  }
  return out;
}

/**
 * Applies an RFC 7386 JSON merge patch to a copy of `document` and returns the copy: objects
 * merge key by key, `null` removes a key, anything else (arrays included) replaces.
 *
 * @param document - the stored object (never modified).
 * @param patch - the parsed request body: a JSON object.
 * @returns the patched copy.
 * @throws {@link PatchError} `decode` when `patch` is not a JSON object.
 */
export function applyMergePatch(document: unknown, patch: unknown): Json {
  if (!isObject(patch))
    throw new PatchError("decode", "invalid JSON Document: a merge patch must be a JSON object");
  return mergeInto(cloneJson(document), patch);
}
