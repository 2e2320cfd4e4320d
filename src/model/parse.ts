/**
 * Parsing at the boundary: every `parse…` function checks the shape of untrusted input against the
 * zod schema and throws an {@link InvalidError} listing every bad field with its Kubernetes path.
 */

import type { z } from "zod";
import {
  type FieldError,
  InvalidError,
  internalField,
  invalidField,
  notSupportedField,
  requiredField,
} from "../errors.js";
import { isPlainObject, remember } from "./checked.js";
import { ACCEPTED_API_VERSIONS, TAG_REFERENCE_KINDS } from "./constants.js";
import { type Image, ImageSchema } from "./image.js";
import {
  type ImageStream,
  ImageStreamSchema,
  type TagEvent,
  TagEventSchema,
  type TagReference,
  TagReferenceSchema,
} from "./image-stream.js";
import { type ImageStreamImport, ImageStreamImportSchema } from "./image-stream-import.js";
import { wireTime } from "./meta.js";
import {
  type ImageStreamImage,
  ImageStreamImageSchema,
  type ImageStreamMapping,
  ImageStreamMappingSchema,
  type ImageStreamTag,
  ImageStreamTagSchema,
  type ImageTag,
  ImageTagSchema,
} from "./views.js";

/**
 * The result of a `safeParse…` function: the parsed object, or the {@link InvalidError} that
 * `parse…` would have thrown.
 *
 * @example
 * ```ts
 * const result: ParseResult<ImageStream> = safeParseImageStream(JSON.parse(text));
 * if (!result.success) console.error(result.error.fieldErrors);
 * ```
 * @public
 */
export type ParseResult<T> = { success: true; data: T } | { success: false; error: InvalidError };

/** The detail of R4.2.4, reused for an unknown or missing `from.kind` of a tag reference. */
const FROM_KIND_DETAIL = "valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'";

/** Path of the whole input, used when the input itself is not an object. */
const ROOT_PATH = "<root>";

/** Keys whose value is a string map: their keys are printed as `[key]`. */
const MAP_FIELDS: ReadonlySet<string> = new Set([
  "labels",
  "annotations",
  "Labels",
  "ExposedPorts",
  "Volumes",
  "signedClaims",
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function child(v: unknown, key: PropertyKey): unknown {
  if (typeof v !== "object" || v === null) return undefined;
  if (!Object.hasOwn(v, key)) return undefined;
  return (v as Record<PropertyKey, unknown>)[key];
}

/**
 * Turns a zod issue path into a Kubernetes field path. Elements of `tags` lists are named by their
 * tag (`spec.tags[latest].from.name`, `status.tags[latest].items[0].image`) when the name is a
 * string; other list elements by index; map keys in brackets.
 */
function fieldPath(path: readonly PropertyKey[], input: unknown): string {
  let out = "";
  let value: unknown = input;
  let parentKey: PropertyKey | undefined;
  for (const seg of path) {
    const next = child(value, seg);
    if (typeof seg === "number") {
      let label = String(seg);
      if (parentKey === "tags" && isRecord(next)) {
        const name =
          typeof next.name === "string" ? next.name : typeof next.tag === "string" ? next.tag : undefined;
        if (name !== undefined) label = name;
      }
      out += `[${label}]`;
    } else {
      const key = String(seg);
      if (typeof parentKey === "string" && MAP_FIELDS.has(parentKey)) out += `[${key}]`;
      else out += out === "" ? key : `.${key}`;
    }
    parentKey = seg;
    value = next;
  }
  return out === "" ? ROOT_PATH : out;
}

function valueAt(path: readonly PropertyKey[], input: unknown): { present: boolean; value: unknown } {
  let value: unknown = input;
  for (const seg of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, seg)) {
      return { present: false, value: undefined };
    }
    value = (value as Record<PropertyKey, unknown>)[seg];
  }
  return { present: true, value };
}

const EXPECTED: Record<string, string> = {
  string: "must be a string",
  number: "must be a number",
  int: "must be an integer",
  boolean: "must be a boolean",
  object: "must be an object",
  record: "must be an object",
  array: "must be an array",
};

function issueToFieldError(issue: z.core.$ZodIssue, input: unknown): FieldError {
  const field = fieldPath(issue.path, input);
  const { present, value } = valueAt(issue.path, input);
  switch (issue.code) {
    case "invalid_type":
      if (!present || value === undefined) return requiredField(field);
      return invalidField(field, value, EXPECTED[issue.expected] ?? `must be of type ${issue.expected}`);
    case "too_big":
    case "too_small":
      // Only integer ranges are constrained: an int64 outside the safe range.
      return invalidField(field, value, "must be a safe integer");
    default:
      return invalidField(field, value, issue.message);
  }
}

/** Checks `from.kind` of a tag reference object at `path` (R4.2.4 reported at parse time). */
function checkFromKind(ref: unknown, path: string, out: FieldError[]): void {
  if (!isRecord(ref)) return;
  const from = ref.from;
  if (!isRecord(from)) return;
  const kind = from.kind;
  if (kind !== undefined && typeof kind !== "string") return; // already a type error
  if (kind !== undefined && TAG_REFERENCE_KINDS.includes(kind)) return;
  out.push(requiredField(path === "" ? "from.kind" : `${path}.from.kind`, FROM_KIND_DETAIL));
}

function checkSpecTags(tags: unknown, prefix: string, input: unknown, out: FieldError[]): void {
  if (!Array.isArray(tags)) return;
  const segs = prefix.split(".");
  for (let i = 0; i < tags.length; i++) {
    checkFromKind(tags[i], fieldPath([...segs, i], input), out);
  }
}

/** A status tag list with `items: null` read as `items: []`; the same object otherwise. */
function fixNullItems(list: unknown): unknown {
  if (isRecord(list) && list.items === null) return { ...list, items: [] };
  return list;
}

/** `status.tags[].items: null` → `[]` in a stream-shaped value, sharing everything unchanged. */
function fixStreamNullItems(stream: unknown): unknown {
  const status = child(stream, "status");
  const tags = child(status, "tags");
  if (!Array.isArray(tags)) return stream;
  const fixed = tags.map(fixNullItems);
  if (fixed.every((t, i) => t === tags[i])) return stream;
  return {
    ...(stream as Record<string, unknown>),
    status: { ...(status as Record<string, unknown>), tags: fixed },
  };
}

/**
 * `value` without the object keys at `paths` (each path ends in a key), copying only the objects
 * and arrays on the way: everything else is shared.
 */
function withoutKeys(value: unknown, paths: readonly (readonly PropertyKey[])[]): unknown {
  let out = value;
  for (const path of paths) out = removeAt(out, path, 0);
  return out;
}

function removeAt(value: unknown, path: readonly PropertyKey[], i: number): unknown {
  if (typeof value !== "object" || value === null) return value;
  const seg = path[i] as PropertyKey;
  if (!Object.hasOwn(value, seg)) return value;
  if (Array.isArray(value)) {
    if (typeof seg !== "number") return value;
    const copy = value.slice();
    copy[seg] = removeAt(value[seg], path, i + 1);
    return copy;
  }
  const copy: Record<PropertyKey, unknown> = { ...(value as Record<PropertyKey, unknown>) };
  if (i === path.length - 1) delete copy[seg];
  else copy[seg] = removeAt(copy[seg], path, i + 1);
  return copy;
}

/**
 * Go decodes a JSON `null` as the zero value: a nil pointer, map or slice, an empty string. Paths
 * of the schema issues whose value is a `null` object key (`annotations:` left empty in YAML,
 * `importPolicy: null`, `from: null`…), to be read as absent. Array elements are not touched.
 */
function nullKeyPaths(issues: readonly z.core.$ZodIssue[], input: unknown): PropertyKey[][] {
  const out: PropertyKey[][] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code !== "invalid_type" || path.length === 0) continue;
    if (typeof path[path.length - 1] === "number") continue;
    const { present, value } = valueAt(path, input);
    if (present && value === null) out.push([...path]);
  }
  return out;
}

/** Go's zero value of a required number or boolean field, by the type zod expected there. */
const ZERO_VALUES: Readonly<Record<string, number | boolean>> = { number: 0, int: 0, boolean: false };

/**
 * Go decodes an absent (or `null`) `int64` or `bool` field as 0 or `false`: a TagEvent or a
 * condition without `generation` is generation 0, as in upstream's own fixtures (Go `encoding/json`,
 * `Unmarshal`: a key missing from the object leaves the field at its zero value). The paths of the
 * schema issues that are such a missing required number or boolean, with the zero value to put
 * there. Required strings keep their Required error (see docs/semantics-notes.md).
 */
function zeroValuePaths(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
): { path: PropertyKey[]; zero: number | boolean }[] {
  const out: { path: PropertyKey[]; zero: number | boolean }[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code !== "invalid_type" || path.length === 0) continue;
    if (typeof path[path.length - 1] === "number") continue;
    const zero = ZERO_VALUES[issue.expected];
    if (zero === undefined) continue;
    // A null is removed first (nullKeyPaths): an optional field then has no issue, a required one
    // reports the missing key here.
    if (valueAt(path, input).present || !parentIsObject(path, input)) continue;
    out.push({ path: [...path], zero });
  }
  return out;
}

/** Whether the value holding the last key of `path` is a plain object (so the key can be set). */
function parentIsObject(path: readonly PropertyKey[], input: unknown): boolean {
  const { present, value } = valueAt(path.slice(0, -1), input);
  return present && isRecord(value);
}

/** `value` with `zero` set at each path (each ends in a key), copying only the objects and arrays on the way. */
function withValues(
  value: unknown,
  sets: readonly { path: readonly PropertyKey[]; zero: unknown }[],
): unknown {
  let out = value;
  for (const { path, zero } of sets) out = setAt(out, path, 0, zero);
  return out;
}

function setAt(value: unknown, path: readonly PropertyKey[], i: number, zero: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const seg = path[i] as PropertyKey;
  if (Array.isArray(value)) {
    if (typeof seg !== "number" || !Object.hasOwn(value, seg)) return value;
    const copy = value.slice();
    copy[seg] = setAt(value[seg], path, i + 1, zero);
    return copy;
  }
  const copy: Record<PropertyKey, unknown> = { ...(value as Record<PropertyKey, unknown>) };
  if (i === path.length - 1) copy[seg] = zero;
  else if (Object.hasOwn(value, seg)) copy[seg] = setAt(copy[seg], path, i + 1, zero);
  else return value;
  return copy;
}

interface Kind<T> {
  readonly kind: string;
  readonly schema: z.ZodType<T>;
  /** Whether the input carries `apiVersion`/`kind` to check. */
  readonly typeMeta: boolean;
  /** Extra checks beyond the schema. */
  readonly extra?: (input: Record<string, unknown>, out: FieldError[]) => void;
  /** Reads Go nil slices printed as `null` (see {@link fixNullItems}); returns the input when there are none. */
  readonly prepare?: (input: Record<string, unknown>) => unknown;
  /** The name reported in the error. */
  readonly name?: (input: Record<string, unknown>) => unknown;
}

function metadataName(input: Record<string, unknown>): unknown {
  return child(input.metadata, "name");
}

function checkTypeMeta(input: Record<string, unknown>, kind: string, out: FieldError[]): void {
  const apiVersion = input.apiVersion;
  if (typeof apiVersion === "string" && !ACCEPTED_API_VERSIONS.includes(apiVersion)) {
    out.push(notSupportedField("apiVersion", apiVersion, ACCEPTED_API_VERSIONS));
  }
  const k = input.kind;
  if (typeof k === "string" && k !== kind) out.push(notSupportedField("kind", k, [kind]));
}

function run<T>(spec: Kind<T>, input: unknown): ParseResult<T> {
  let name = "";
  try {
    if (!isPlainObject(input)) {
      const error = new InvalidError({
        kind: spec.kind,
        name,
        fieldErrors: [invalidField(ROOT_PATH, input, "must be an object")],
      });
      return { success: false, error };
    }
    const n = (spec.name ?? metadataName)(input);
    if (typeof n === "string") name = n;
    const errors: FieldError[] = [];
    if (spec.typeMeta) checkTypeMeta(input, spec.kind, errors);
    let prepared = spec.prepare ? spec.prepare(input) : input;
    let result = spec.schema.safeParse(prepared);
    // A `null` where the schema wants a value reads as absent, as Go decodes it (see nullKeyPaths);
    // a parent that was null hides nothing below it, so one more pass is enough in practice.
    // A required number or boolean left out (or null) is Go's zero value (see zeroValuePaths).
    for (let round = 0; !result.success && round < 4; round++) {
      const nulls = nullKeyPaths(result.error.issues, prepared);
      const zeros = zeroValuePaths(result.error.issues, prepared);
      if (nulls.length === 0 && zeros.length === 0) break;
      prepared = withValues(withoutKeys(prepared, nulls), zeros);
      result = spec.schema.safeParse(prepared);
    }
    if (!result.success) {
      for (const issue of result.error.issues) errors.push(issueToFieldError(issue, prepared));
    }
    spec.extra?.(input, errors);
    if (errors.length > 0) {
      return { success: false, error: new InvalidError({ kind: spec.kind, name, fieldErrors: errors }) };
    }
    // The schemas have no transforms or defaults: a successful parse means the input already has
    // the type. Returning the input itself keeps key order and unknown fields exactly (keys whose
    // value was a Go-decodable null are left out).
    return { success: true, data: frozenCopy(prepared) as T };
  } catch (cause) {
    // Defensive: a hostile input (cyclic, very deep, exotic objects) must still give our error.
    const detail = cause instanceof Error ? cause.message : String(cause);
    return {
      success: false,
      error: new InvalidError({
        kind: spec.kind,
        name,
        fieldErrors: [internalField(ROOT_PATH, detail)],
        cause,
      }),
    };
  }
}

/**
 * The parsed value handed back: a deep copy of the checked input (key order and unknown fields
 * kept; a `Date` written as RFC 3339 with seconds, as the server prints times), deeply frozen and
 * remembered as a state the library checked, so that writes on it skip the freezing walk. The
 * caller's input is neither frozen nor kept.
 */
function frozenCopy(v: unknown): unknown {
  return remember(copyFrozen(v));
}

/** The copy itself: built bottom-up, each node frozen as it is finished (no second walk). */
function copyFrozen(v: unknown): unknown {
  if (v instanceof Date) return wireTime(v);
  if (Array.isArray(v)) return Object.freeze(v.map(copyFrozen));
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const child = (v as Record<string, unknown>)[key];
    if (child === undefined) continue;
    // an own "__proto__" key is data on the wire: define it, never set the prototype
    if (key === "__proto__") {
      Object.defineProperty(out, key, {
        value: copyFrozen(child),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else out[key] = copyFrozen(child);
  }
  return Object.freeze(out);
}

function parser<T>(spec: Kind<T>): {
  parse: (input: unknown) => T;
  safeParse: (input: unknown) => ParseResult<T>;
} {
  return {
    parse(input: unknown): T {
      const r = run(spec, input);
      if (r.success) return r.data;
      throw r.error;
    },
    safeParse(input: unknown): ParseResult<T> {
      return run(spec, input);
    },
  };
}

const imageStream = parser({
  kind: "ImageStream",
  schema: ImageStreamSchema,
  typeMeta: true,
  prepare: fixStreamNullItems,
  extra: (input, out) => checkSpecTags(child(input.spec, "tags"), "spec.tags", input, out),
});
const imageStreamImportExtra = (input: Record<string, unknown>, out: FieldError[]): void =>
  checkSpecTags(
    child(child(child(input.status, "import"), "spec"), "tags"),
    "status.import.spec.tags",
    input,
    out,
  );
const image = parser({ kind: "Image", schema: ImageSchema, typeMeta: true });
const imageStreamMapping = parser({
  kind: "ImageStreamMapping",
  schema: ImageStreamMappingSchema,
  typeMeta: true,
});
const imageStreamTag = parser({
  kind: "ImageStreamTag",
  schema: ImageStreamTagSchema,
  typeMeta: true,
  extra: (input, out) => checkFromKind(input.tag, "tag", out),
});
const imageStreamImage = parser({ kind: "ImageStreamImage", schema: ImageStreamImageSchema, typeMeta: true });
const imageTag = parser({
  kind: "ImageTag",
  schema: ImageTagSchema,
  typeMeta: true,
  prepare: (input) => {
    const status = fixNullItems(input.status);
    return status === input.status ? input : { ...input, status };
  },
  extra: (input, out) => checkFromKind(input.spec, "spec", out),
});
const imageStreamImport = parser({
  kind: "ImageStreamImport",
  schema: ImageStreamImportSchema,
  typeMeta: true,
  prepare: (input) => {
    const status = child(input, "status");
    const stream = child(status, "import");
    const fixed = fixStreamNullItems(stream);
    if (fixed === stream) return input;
    return { ...input, status: { ...(status as Record<string, unknown>), import: fixed } };
  },
  extra: imageStreamImportExtra,
});
const tagReference = parser({
  kind: "TagReference",
  schema: TagReferenceSchema,
  typeMeta: false,
  name: (input) => input.name,
  extra: (input, out) => checkFromKind(input, "", out),
});
const tagEvent = parser({
  kind: "TagEvent",
  schema: TagEventSchema,
  typeMeta: false,
  name: (input) => input.image,
});

/**
 * Parses an ImageStream (`image.openshift.io/v1` or legacy `v1`). Unknown fields and key order are
 * kept: the result is the input itself, checked (only a status tag's `items: null`, a Go nil slice,
 * is read as `[]` in a shallow copy). Throws {@link InvalidError} listing every bad field;
 * a `from.kind` other than `DockerImage`, `ImageStreamImage`, `ImageStreamTag` is reported as
 * upstream validation does (Required on `spec.tags[<tag>].from.kind`, R4.2.4).
 *
 * @param input - untrusted JSON (e.g. `JSON.parse` or YAML output)
 * @example
 * ```ts
 * const stream = parseImageStream({ apiVersion: "v1", kind: "ImageStream", metadata: { name: "ruby", namespace: "test" }, spec: {} });
 * ```
 * @public
 */
export function parseImageStream(input: unknown): ImageStream {
  return imageStream.parse(input);
}

/**
 * Like {@link parseImageStream}, returning a result instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeParseImageStream(42);
 * r.success; // false
 * ```
 * @public
 */
export function safeParseImageStream(input: unknown): ParseResult<ImageStream> {
  return imageStream.safeParse(input);
}

/**
 * Parses an Image (R1.9). Throws {@link InvalidError} listing every bad field.
 *
 * @example
 * ```ts
 * const image = parseImage({ metadata: { name: "sha256:4746…" }, dockerImageReference: "ruby@sha256:4746…" });
 * ```
 * @public
 */
export function parseImage(input: unknown): Image {
  return image.parse(input);
}

/**
 * Like {@link parseImage}, returning a result instead of throwing.
 *
 * @example
 * ```ts
 * safeParseImage({ dockerImageLayers: [{ name: 1 }] }).success; // false
 * ```
 * @public
 */
export function safeParseImage(input: unknown): ParseResult<Image> {
  return image.safeParse(input);
}

/**
 * Parses an ImageStreamMapping (R1.5). Throws {@link InvalidError} listing every bad field.
 *
 * @example
 * ```ts
 * const m = parseImageStreamMapping({ metadata: { name: "ruby", namespace: "test" }, tag: "latest", image: {} });
 * ```
 * @public
 */
export function parseImageStreamMapping(input: unknown): ImageStreamMapping {
  return imageStreamMapping.parse(input);
}

/**
 * Like {@link parseImageStreamMapping}, returning a result instead of throwing.
 *
 * @example
 * ```ts
 * safeParseImageStreamMapping({ tag: "latest" }).success; // false: image is required
 * ```
 * @public
 */
export function safeParseImageStreamMapping(input: unknown): ParseResult<ImageStreamMapping> {
  return imageStreamMapping.safeParse(input);
}

/**
 * Parses an ImageStreamTag (R1.6). Throws {@link InvalidError}; an unknown `tag.from.kind` is
 * reported as Required on `tag.from.kind` (R4.2.4).
 *
 * @example
 * ```ts
 * const istag = parseImageStreamTag({ metadata: { name: "python:3.6" }, tag: { name: "3.6", from: { kind: "DockerImage", name: "python:3.6.0" } } });
 * ```
 * @public
 */
export function parseImageStreamTag(input: unknown): ImageStreamTag {
  return imageStreamTag.parse(input);
}

/**
 * Like {@link parseImageStreamTag}, returning a result instead of throwing.
 *
 * @example
 * ```ts
 * safeParseImageStreamTag({ tag: { name: "a", from: { kind: "Pod", name: "x" } } }).success; // false
 * ```
 * @public
 */
export function safeParseImageStreamTag(input: unknown): ParseResult<ImageStreamTag> {
  return imageStreamTag.safeParse(input);
}

/**
 * Parses an ImageStreamImage (R1.7). Throws {@link InvalidError} listing every bad field.
 *
 * @example
 * ```ts
 * const isimage = parseImageStreamImage({ metadata: { name: "ruby@sha256:4746…" }, image: {} });
 * ```
 * @public
 */
export function parseImageStreamImage(input: unknown): ImageStreamImage {
  return imageStreamImage.parse(input);
}

/**
 * Like {@link parseImageStreamImage}, returning a result instead of throwing.
 *
 * @example
 * ```ts
 * safeParseImageStreamImage({ metadata: {} }).success; // false: image is required
 * ```
 * @public
 */
export function safeParseImageStreamImage(input: unknown): ParseResult<ImageStreamImage> {
  return imageStreamImage.safeParse(input);
}

/**
 * Parses an ImageTag (R1.8). Throws {@link InvalidError}; an unknown `spec.from.kind` is reported as
 * Required on `spec.from.kind` (R4.2.4).
 *
 * @example
 * ```ts
 * const itag = parseImageTag({ metadata: { name: "ruby:latest" }, spec: { name: "latest" } });
 * ```
 * @public
 */
export function parseImageTag(input: unknown): ImageTag {
  return imageTag.parse(input);
}

/**
 * Like {@link parseImageTag}, returning a result instead of throwing.
 *
 * @example
 * ```ts
 * safeParseImageTag({ spec: { name: 1 } }).success; // false
 * ```
 * @public
 */
export function safeParseImageTag(input: unknown): ParseResult<ImageTag> {
  return imageTag.safeParse(input);
}

/**
 * Parses an ImageStreamImport (spec and status). Throws {@link InvalidError} listing every bad field.
 * `from.kind` of the images to import is left to validation (R4.6.1).
 *
 * @example
 * ```ts
 * const isi = parseImageStreamImport({ metadata: { name: "python" }, spec: { import: true, images: [{ from: { kind: "DockerImage", name: "python:3.6" } }] } });
 * ```
 * @public
 */
export function parseImageStreamImport(input: unknown): ImageStreamImport {
  return imageStreamImport.parse(input);
}

/**
 * Like {@link parseImageStreamImport}, returning a result instead of throwing.
 *
 * @example
 * ```ts
 * safeParseImageStreamImport({ spec: { images: [{}] } }).success; // false: from is required
 * ```
 * @public
 */
export function safeParseImageStreamImport(input: unknown): ParseResult<ImageStreamImport> {
  return imageStreamImport.safeParse(input);
}

/**
 * Parses one spec tag (R1.3). Throws {@link InvalidError} (kind `TagReference`, name = the tag
 * name); an unknown or missing `from.kind` is Required on `from.kind` (R4.2.4).
 *
 * @example
 * ```ts
 * const tag = parseTagReference({ name: "latest", from: { kind: "ImageStreamTag", name: "python:3.5" } });
 * ```
 * @public
 */
export function parseTagReference(input: unknown): TagReference {
  return tagReference.parse(input);
}

/**
 * Like {@link parseTagReference}, returning a result instead of throwing.
 *
 * @example
 * ```ts
 * safeParseTagReference({ name: "a", from: { name: "x" } }).success; // false: from.kind
 * ```
 * @public
 */
export function safeParseTagReference(input: unknown): ParseResult<TagReference> {
  return tagReference.safeParse(input);
}

/**
 * Parses one tag event (R1.4.3): `created`, `dockerImageReference` and `image` are required; a
 * missing `generation` is 0, as Go decodes it. Throws {@link InvalidError}.
 *
 * @example
 * ```ts
 * const e = parseTagEvent({ created: "2016-01-29T13:40:11Z", dockerImageReference: "ruby@sha256:…", image: "sha256:…" });
 * e.generation; // 0
 * ```
 * @public
 */
export function parseTagEvent(input: unknown): TagEvent {
  return tagEvent.parse(input);
}

/**
 * Like {@link parseTagEvent}, returning a result instead of throwing.
 *
 * @example
 * ```ts
 * safeParseTagEvent({ image: "sha256:…" }).success; // false
 * ```
 * @public
 */
export function safeParseTagEvent(input: unknown): ParseResult<TagEvent> {
  return tagEvent.safeParse(input);
}
