/**
 * Shape guard of the model's normalizers: a document whose shape is wrong
 * where {@link normalizeImageStream} and friends read it is an `InvalidError` listing every bad
 * field (the messages and the `<root>` path of the parse functions), never a `TypeError`.
 * A `null` list is a Go nil list: the same as an absent one.
 */
import { type FieldError, InvalidError, invalidField } from "../errors.js";

type Obj = Record<string, unknown>;

/**
 * Whether `v` is a non-null object (arrays included, as JSON decoding would reject them elsewhere).
 * An `unknown` value narrows to a record to read; a typed one (an interface, which has no index
 * signature) keeps its type.
 */
export function isObj<T>(v: T): v is T & (unknown extends T ? Obj : object) {
  return typeof v === "object" && v !== null;
}

function at(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
}

function objectOrAbsent(v: unknown, path: string, out: FieldError[]): v is Obj {
  if (v === undefined || v === null) return false;
  if (isObj(v) && !Array.isArray(v)) return true;
  out.push(invalidField(path, v, "must be an object"));
  return false;
}

/** Checks a named list (`spec.tags`, `status.tags`): an array of objects with a string `key`. */
function namedList(v: unknown, path: string, key: string, out: FieldError[]): void {
  if (v === undefined || v === null) return;
  if (!Array.isArray(v)) {
    out.push(invalidField(path, v, "must be an array"));
    return;
  }
  for (let i = 0; i < v.length; i++) {
    const t: unknown = v[i];
    if (!isObj(t) || Array.isArray(t)) out.push(invalidField(`${path}[${i}]`, t, "must be an object"));
    else if (typeof t[key] !== "string")
      out.push(invalidField(`${path}[${i}].${key}`, t[key], "must be a string"));
  }
}

/** The shape errors of an ImageStream (under `prefix`) where the normalizer reads it. */
export function imageStreamShapeErrors(stream: unknown, prefix = "", out: FieldError[] = []): FieldError[] {
  if (!isObj(stream) || Array.isArray(stream)) {
    out.push(invalidField(prefix === "" ? "<root>" : prefix, stream, "must be an object"));
    return out;
  }
  if (objectOrAbsent(stream.spec, at(prefix, "spec"), out))
    namedList(stream.spec.tags, at(prefix, "spec.tags"), "name", out);
  if (objectOrAbsent(stream.status, at(prefix, "status"), out))
    namedList(stream.status.tags, at(prefix, "status.tags"), "tag", out);
  return out;
}

/** The shape errors of an ImageStreamImport where the normalizer reads it. */
export function imageStreamImportShapeErrors(isi: unknown): FieldError[] {
  const out: FieldError[] = [];
  if (!isObj(isi) || Array.isArray(isi)) {
    out.push(invalidField("<root>", isi, "must be an object"));
    return out;
  }
  if (objectOrAbsent(isi.spec, "spec", out)) {
    const images = isi.spec.images;
    if (Array.isArray(images)) {
      for (let i = 0; i < images.length; i++) {
        const image: unknown = images[i];
        if (!isObj(image) || Array.isArray(image))
          out.push(invalidField(`spec.images[${i}]`, image, "must be an object"));
      }
    } else if (images !== undefined && images !== null) {
      out.push(invalidField("spec.images", images, "must be an array"));
    }
    objectOrAbsent(isi.spec.repository, "spec.repository", out);
  }
  if (
    objectOrAbsent(isi.status, "status", out) &&
    isi.status.import !== undefined &&
    isi.status.import !== null
  ) {
    imageStreamShapeErrors(isi.status.import, "status.import", out);
  }
  return out;
}

/** Throws the `InvalidError` of `kind` when `errors` is not empty. */
export function throwIfShapeErrors(kind: string, doc: unknown, errors: readonly FieldError[]): void {
  if (errors.length === 0) return;
  const meta = isObj(doc) ? doc.metadata : undefined;
  const name = isObj(meta) && typeof meta.name === "string" ? meta.name : "";
  throw new InvalidError({ kind, name, fieldErrors: errors });
}
