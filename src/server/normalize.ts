/**
 * Output normalization of the server functions (R1.11) through the model's `normalizeImageStream`
 * (sorted, de-duplicated tags, decode defaults, legacy repository tags stripped), behind a shape
 * guard so that malformed input is an `InvalidError`, never a `TypeError`.
 */
import { type FieldError, InvalidError, invalidField } from "../errors.js";
import { isRemembered } from "../model/checked.js";
import { type ImageStream, normalizeImageStream } from "../model/index.js";
import { isObj, type Obj, str } from "./internal.js";
import type { ServerOptions } from "./options.js";

function shapeErrors(stream: Obj): FieldError[] {
  const errors: FieldError[] = [];
  for (const part of ["metadata", "spec", "status"] as const) {
    const v = stream[part];
    if (v !== undefined && !isObj(v)) errors.push(invalidField(part, v, "must be an object"));
  }
  const spec = isObj(stream.spec) ? stream.spec : {};
  if (spec.tags !== undefined && spec.tags !== null && !Array.isArray(spec.tags)) {
    errors.push(invalidField("spec.tags", spec.tags, "must be a list"));
  } else if (Array.isArray(spec.tags)) {
    spec.tags.forEach((t: unknown, i: number) => {
      if (!isObj(t) || typeof t.name !== "string") {
        errors.push(invalidField(`spec.tags[${i}]`, t, "must be an object with a string name"));
      }
    });
  }
  const status = isObj(stream.status) ? stream.status : {};
  if (status.tags !== undefined && status.tags !== null && !Array.isArray(status.tags)) {
    errors.push(invalidField("status.tags", status.tags, "must be a list"));
  } else if (Array.isArray(status.tags)) {
    status.tags.forEach((t: unknown, i: number) => {
      if (!isObj(t) || typeof t.tag !== "string") {
        errors.push(invalidField(`status.tags[${i}]`, t, "must be an object with a string tag"));
      } else if (t.items !== undefined && t.items !== null && !Array.isArray(t.items)) {
        errors.push(invalidField(`status.tags[${t.tag}].items`, t.items, "must be a list"));
      }
    });
  }
  return errors;
}

/** Deeply frozen states found already normal, with the import mode they were checked under. */
const normalized = new WeakMap<object, string>();

/** `tags: null` (a nil list on the wire) is the same as no tags. */
function withoutNullTags(stream: ImageStream): ImageStream {
  let out = stream as Obj;
  for (const part of ["spec", "status"] as const) {
    const v = out[part];
    if (isObj(v) && v.tags === null) {
      const { tags: _nil, ...rest } = v;
      out = { ...out, [part]: rest };
    }
  }
  return out as ImageStream;
}

/**
 * Checks the shape, then sorts and de-duplicates spec and status tags and applies the decode
 * defaults (model `normalizeImageStream`); returns the same stream when nothing changes.
 */
export function normalizeStream(stream: ImageStream, opts: ServerOptions): ImageStream {
  const mode = opts.defaultImportMode ?? "Legacy";
  if (normalized.get(stream) === mode) return stream;
  const errors = shapeErrors(stream as Obj);
  if (errors.length > 0) {
    const name = str(((stream as Obj).metadata as Obj | undefined)?.name);
    throw new InvalidError({ kind: "ImageStream", name, fieldErrors: errors });
  }
  const out = normalizeImageStream(
    withoutNullTags(stream),
    opts.defaultImportMode === undefined ? {} : { defaultImportMode: opts.defaultImportMode },
  );
  // A deeply frozen state found already normal cannot change: remember it (per import mode).
  if (out === stream && isRemembered(stream)) normalized.set(stream, mode);
  return out;
}
