/**
 * Typed errors thrown by every module of `imagestream`, and predicates to branch on them.
 *
 * Each error carries the Kubernetes `reason` and HTTP `code` the API server would answer with,
 * the upstream message, and (for `Invalid`) the list of field errors with Kubernetes field paths
 * such as `spec.tags[latest].from.name`. `toStatus()` turns any of them into a `Status` object.
 * `isNotFound`, `isInvalid`, … answer for an error of any copy of the package, for a `Status`,
 * and for errors that wrap either in their `cause` (modelled on kubernetes/apimachinery
 * `pkg/api/errors/errors.go`, `IsNotFound` and siblings).
 *
 * Messages echo at most 256 characters of any untrusted input (`quoteInput`); the full input stays
 * on the error object (`resource.name`, field error `value`, `ImageReferenceError.input`).
 *
 * Its only import is the internal `safe-string.ts`, so every other module (including `reference/`) may use it.
 */

import { clipInput, clippedSuffix, echoMax, headOf, INPUT_ECHO_MAX, safeString } from "./safe-string.js";

/**
 * Kubernetes status reasons used by the image API.
 *
 * @example
 * ```ts
 * const reason: StatusReason = new NotFoundError({ resource: "imagestreams", name: "x" }).reason; // "NotFound"
 * ```
 * @public
 */
export type StatusReason = "Invalid" | "NotFound" | "Conflict" | "BadRequest" | "Forbidden" | "AlreadyExists";

/**
 * Kubernetes field error types (`k8s.io/apimachinery/pkg/util/validation/field`).
 *
 * @example
 * ```ts
 * const type: FieldErrorType = requiredField("metadata.name").type; // "FieldValueRequired"
 * ```
 * @public
 */
export type FieldErrorType =
  | "FieldValueRequired"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "FieldValueDuplicate"
  | "FieldValueNotFound"
  | "InternalError";

/**
 * One validation failure on one field, as Kubernetes reports it.
 *
 * @example
 * ```ts
 * const e: FieldError = { type: "FieldValueRequired", field: "image.metadata.name", value: "", detail: "" };
 * ```
 * @public
 */
export interface FieldError {
  /** What kind of failure (`FieldValueRequired`, `FieldValueInvalid`, …). */
  readonly type: FieldErrorType;
  /** Kubernetes field path, e.g. `spec.tags[latest].from.name`. */
  readonly field: string;
  /**
   * The offending value, in full (omitted from messages for Required/Forbidden/TooLong/TooMany/Internal
   * errors; other messages quote at most 256 characters of it).
   */
  readonly value: unknown;
  /** The upstream detail message. */
  readonly detail: string;
}

/**
 * Quotes untrusted text for an error message: the whole string when it has at most `max` characters,
 * else its first `max` characters quoted, then `…` and the full length. Messages of the library and
 * of the CLI quote every name, clock value, field error value and reference this way, so a huge
 * input never gives a huge message; the full input stays on the error object.
 *
 * Characters are UTF-16 code units, as `String.prototype.length` counts them; a surrogate pair is
 * never split.
 *
 * @param s - the untrusted text (anything else is printed with `String`-like rules, never throwing).
 * @param max - how many characters to keep; defaults to 256.
 * @param quote - how to quote the kept part; defaults to `JSON.stringify` (Go's `%q` for ASCII text).
 * @returns `quote(s)`, or `quote(first max characters)` followed by `… (<length> characters)`.
 * @example
 * ```ts
 * quoteInput("ruby"); // => '"ruby"'
 * quoteInput("a".repeat(10_000_000), 3); // => '"aaa"… (10000000 characters)'
 * ```
 * @public
 */
export function quoteInput(
  s: string,
  max: number = INPUT_ECHO_MAX,
  quote: (text: string) => string = JSON.stringify,
): string {
  const text = safeString(s);
  const n = echoMax(max);
  return text.length <= n ? quote(text) : `${quote(headOf(text, n))}${clippedSuffix(text)}`;
}

const TYPE_LABEL: Record<FieldErrorType, string> = {
  FieldValueRequired: "Required value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  FieldValueDuplicate: "Duplicate value",
  FieldValueNotFound: "Not found",
  InternalError: "Internal error",
};

/** Types whose message omits the value, as in `field.Error.ErrorBody`. */
const OMIT_VALUE: ReadonlySet<FieldErrorType> = new Set<FieldErrorType>([
  "FieldValueRequired",
  "FieldValueForbidden",
  "FieldValueTooLong",
  "FieldValueTooMany",
  "InternalError",
]);

/** A field error value as `field.Error` prints it (`%#v`-like JSON), at most 256 characters of it. */
function formatValue(value: unknown): string {
  if (typeof value === "string") return quoteInput(value);
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  let json: string;
  try {
    json = JSON.stringify(value) ?? safeString(value);
  } catch {
    json = safeString(value);
  }
  return clipInput(json);
}

/** A list of field errors from anything: a non-array is an empty list (as Go's nil slice). */
function fieldErrorList(v: unknown): readonly FieldError[] {
  return Array.isArray(v) ? v : [];
}

/**
 * Formats a field error the way `field.Error.Error()` does: `path: Type: value: detail`.
 *
 * @example
 * ```ts
 * formatFieldError(requiredField("image.metadata.name"));
 * // => "image.metadata.name: Required value"
 * ```
 * @public
 */
export function formatFieldError(e: FieldError): string {
  // The path holds user-chosen keys (`spec.tags[<tag>]`): echoed up to 256 characters like any input.
  const field = typeof e === "object" && e !== null ? clipInput(safeString(e.field)) : "";
  return `${field}: ${fieldErrorBody(e)}`;
}

function fieldErrorBody(e: FieldError): string {
  // Anything may come in (never a TypeError): an unknown type prints as Go's `Type.String()` does.
  const fe: Partial<Record<keyof FieldError, unknown>> = typeof e === "object" && e !== null ? e : {};
  const type = fe.type;
  const known = typeof type === "string" && Object.hasOwn(TYPE_LABEL, type);
  let s = known ? TYPE_LABEL[type as FieldErrorType] : `<unknown error ${quoteInput(safeString(type))}>`;
  if (!known || !OMIT_VALUE.has(type as FieldErrorType)) s += `: ${formatValue(fe.value)}`;
  if (typeof fe.detail === "string" && fe.detail !== "") s += `: ${fe.detail}`;
  return s;
}

/**
 * A `Required value` field error.
 *
 * @example
 * ```ts
 * requiredField("spec.tags[latest].from.name");
 * ```
 * @public
 */
export function requiredField(field: string, detail = ""): FieldError {
  return { type: "FieldValueRequired", field, value: "", detail };
}

/**
 * An `Invalid value` field error.
 *
 * @example
 * ```ts
 * invalidField("metadata.name", "Foo", 'must match "[a-z0-9]+(?:[._-][a-z0-9]+)*"');
 * ```
 * @public
 */
export function invalidField(field: string, value: unknown, detail: string): FieldError {
  return { type: "FieldValueInvalid", field, value, detail };
}

/**
 * An `Unsupported value` field error listing the supported values.
 *
 * @example
 * ```ts
 * notSupportedField("spec.tags[a].referencePolicy.type", "Other", ["Source", "Local"]);
 * ```
 * @public
 */
export function notSupportedField(field: string, value: unknown, validValues: readonly string[]): FieldError {
  const valid: readonly unknown[] = Array.isArray(validValues) ? validValues : [];
  const detail = valid.length > 0 ? `supported values: ${valid.map(formatValue).join(", ")}` : "";
  return { type: "FieldValueNotSupported", field, value, detail };
}

/**
 * A `Forbidden` field error.
 *
 * @example
 * ```ts
 * forbiddenField("spec.tags[a].from", "ns/is: \"denied\" \"\"");
 * ```
 * @public
 */
export function forbiddenField(field: string, detail: string): FieldError {
  return { type: "FieldValueForbidden", field, value: "", detail };
}

/**
 * A `Not found` field error.
 *
 * @example
 * ```ts
 * notFoundField("spec.tags[a].from.name", "other");
 * ```
 * @public
 */
export function notFoundField(field: string, value: unknown): FieldError {
  return { type: "FieldValueNotFound", field, value, detail: "" };
}

/**
 * An `Internal error` field error.
 *
 * @example
 * ```ts
 * internalField("", "imagestreams \"x\" is invalid");
 * ```
 * @public
 */
export function internalField(field: string, detail: string): FieldError {
  return { type: "InternalError", field, value: "", detail };
}

/**
 * The Kubernetes `Status` object an API server returns for a failed request.
 *
 * @example
 * ```ts
 * const status: Status = new NotFoundError({ resource: "imagestreams", name: "x" }).toStatus();
 * status.code; // 404
 * ```
 * @public
 */
export interface Status {
  readonly kind: "Status";
  readonly apiVersion: "v1";
  readonly metadata: Record<string, never>;
  readonly status: "Failure";
  readonly message: string;
  readonly reason: StatusReason;
  readonly details?: {
    readonly name?: string;
    readonly group?: string;
    readonly kind?: string;
    readonly causes?: ReadonlyArray<{
      readonly reason: FieldErrorType;
      readonly message: string;
      readonly field: string;
    }>;
  };
  readonly code: number;
}

/**
 * Identifies the resource an error is about (`imagestreams.image.openshift.io "name"`).
 *
 * @example
 * ```ts
 * const ref: ResourceRef = { resource: "imagestreamtags", name: "ruby:latest" };
 * new NotFoundError(ref);
 * ```
 * @public
 */
export interface ResourceRef {
  /** API group; defaults to `image.openshift.io`. Empty string for the core group. */
  readonly group?: string;
  /** Plural resource name, e.g. `imagestreams`, `imagestreamtags`, `images`. */
  readonly resource: string;
  /** Object name. */
  readonly name: string;
}

const CODES: Record<StatusReason, number> = {
  Invalid: 422,
  NotFound: 404,
  Conflict: 409,
  BadRequest: 400,
  Forbidden: 403,
  AlreadyExists: 409,
};

/** `resource.group` (`schema.GroupResource.String`); both parts bounded, as callers may pass anything. */
function qualified(ref: ResourceRef): string {
  const group = ref.group ?? "image.openshift.io";
  return clipInput(group === "" ? ref.resource : `${ref.resource}.${group}`);
}

/** The `%q` of a resource name in a message: at most 256 characters of it (the full name stays in `resource`). */
function quoteName(ref: ResourceRef): string {
  return quoteInput(ref.name);
}

/**
 * The brand on `ImageStreamError.prototype`. `Symbol.for` gives every copy of the package (ESM and
 * CommonJS builds, two versions in one `node_modules`, a bundle) the same symbol, so an error of one
 * copy is recognised by the predicates and by `instanceof` of another.
 */
const BRAND: unique symbol = /* @__PURE__ */ Symbol.for("imagestream.error");

/**
 * Puts the brand on `ImageStreamError.prototype` when the first error is built, rather than as a
 * class member: a computed key that is not a well-known symbol makes esbuild keep the class (and
 * everything it uses) in bundles that never throw, such as one importing only `quoteInput`.
 * Every branded check is about an instance, so the brand is always there when it is looked for.
 */
function brandPrototype(proto: object): void {
  if (!Object.hasOwn(proto, BRAND)) Object.defineProperty(proto, BRAND, { value: true });
}

/**
 * The class tags (`Symbol.toStringTag` getters, one per class) along the prototype chain of a
 * branded value, most derived first; empty for anything else. Each class defines its own tag, so a
 * tag names a class even when the code is minified (where `constructor.name` is mangled).
 */
function classTagsOf(value: unknown): string[] {
  const tags: string[] = [];
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return tags;
  try {
    if (!(BRAND in value)) return tags;
    for (let p: unknown = Object.getPrototypeOf(value), depth = 0; p !== null && depth < 32; depth++) {
      const getter = Object.getOwnPropertyDescriptor(p, Symbol.toStringTag)?.get;
      if (getter !== undefined) {
        const tag: unknown = getter.call(value);
        if (typeof tag === "string") tags.push(tag);
      }
      p = Object.getPrototypeOf(p);
    }
  } catch {
    // A Proxy whose traps throw is not one of ours.
  }
  return tags;
}

/** `value instanceof cls`, or an error of another copy of the package carrying the brand and the class tag of `cls`. */
function instanceOfClass(cls: abstract new (...args: never[]) => unknown, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(cls, value)) return true;
  const tag = Object.getOwnPropertyDescriptor(cls.prototype, Symbol.toStringTag)?.get?.call(undefined);
  return typeof tag === "string" && classTagsOf(value).includes(tag);
}

/**
 * Base class of every error `imagestream` throws.
 *
 * `instanceof` works across copies of the package: `e instanceof NotFoundError` is true for a
 * `NotFoundError` of any copy (same brand, same class tag), as zod does with its traits. To branch on
 * the kind of failure, prefer the predicates (`isNotFound(e)`, …), which also accept a Kubernetes
 * `Status` and wrapped errors.
 *
 * @example
 * ```ts
 * try {
 *   parseDockerImageReference("Foo");
 * } catch (e) {
 *   if (e instanceof ImageStreamError) console.log(e.reason, e.message); // BadRequest repository name must be lowercase
 * }
 * ```
 * @public
 */
export class ImageStreamError extends Error {
  /**
   * True for an instance of this class from this copy of the package, or for an error of another
   * copy whose prototype chain carries the brand and this class's tag.
   *
   * @param value - anything.
   * @returns whether `value` is an instance of the class `instanceof` was called on.
   * @example
   * ```ts
   * new NotFoundError({ resource: "imagestreams", name: "x" }) instanceof ImageStreamError; // => true
   * ```
   */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never[]
    ) => T,
    value: unknown,
  ): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` was called on, a subclass too
    return instanceOfClass(this, value);
  }

  /** `"ImageStreamError"`: `Object.prototype.toString` names the class, and `instanceof` across copies reads it. */
  get [Symbol.toStringTag](): string {
    return "ImageStreamError";
  }

  /** Kubernetes status reason. */
  readonly reason: StatusReason;
  /** HTTP status code the API server would answer with. */
  readonly code: number;
  /** Field errors with Kubernetes paths (non-empty for `Invalid`). */
  readonly fieldErrors: readonly FieldError[];
  /** The resource the error is about, when there is one. */
  readonly resource: ResourceRef | undefined;

  constructor(
    reason: StatusReason,
    message: string,
    options: { fieldErrors?: readonly FieldError[]; resource?: ResourceRef; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    brandPrototype(ImageStreamError.prototype);
    this.name = new.target.name;
    this.reason = reason;
    this.code = CODES[reason];
    this.fieldErrors = Object.freeze([...fieldErrorList(options.fieldErrors)]);
    this.resource = options.resource;
  }

  /**
   * The Kubernetes `Status` object for this error.
   *
   * @example
   * ```ts
   * new BadRequestError("bad").toStatus().code; // 400
   * ```
   */
  toStatus(): Status {
    const details: {
      name?: string;
      group?: string;
      kind?: string;
      causes?: Array<{ reason: FieldErrorType; message: string; field: string }>;
    } = {};
    if (this.resource) {
      details.name = this.resource.name;
      details.group = this.resource.group ?? "image.openshift.io";
      details.kind = this.resource.resource;
    }
    if (this.fieldErrors.length > 0) {
      details.causes = this.fieldErrors.map((e) => ({
        reason: e.type,
        message: fieldErrorBody(e),
        field: e.field,
      }));
    }
    return {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: this.message,
      reason: this.reason,
      ...(Object.keys(details).length > 0 ? { details } : {}),
      code: this.code,
    };
  }
}

/**
 * `Invalid` (422): the object failed validation; `fieldErrors` lists every failure.
 *
 * The message is built as `NewInvalid` does: `Kind.group "name" is invalid: <errors>`, with the
 * errors joined as `[a, b]` when there are several.
 *
 * @example
 * ```ts
 * const err = new InvalidError({ kind: "ImageStream", name: "ruby", fieldErrors: [requiredField("spec.tags[a].from.name")] });
 * err.message; // 'ImageStream.image.openshift.io "ruby" is invalid: spec.tags[a].from.name: Required value'
 * ```
 * @public
 */
export class InvalidError extends ImageStreamError {
  /** `"InvalidError"`, the class tag `instanceof` reads across copies of the package. */
  override get [Symbol.toStringTag](): string {
    return "InvalidError";
  }

  constructor(args: {
    kind: string;
    group?: string;
    name: string;
    fieldErrors: readonly FieldError[];
    cause?: unknown;
  }) {
    // Never a TypeError on odd arguments: non-string parts are printed safely, a non-array list is empty.
    const a: Partial<Record<string, unknown>> = typeof args === "object" && args !== null ? args : {};
    const kind = safeString(a.kind);
    const name = safeString(a.name);
    const group = a.group === undefined ? "image.openshift.io" : safeString(a.group);
    const fieldErrors = fieldErrorList(a.fieldErrors);
    const qualifiedKind = clipInput(group === "" ? kind : `${kind}.${group}`);
    const parts = fieldErrors.map(formatFieldError);
    const body = parts.length === 1 ? (parts[0] as string) : `[${parts.join(", ")}]`;
    super("Invalid", `${qualifiedKind} ${quoteInput(name)} is invalid: ${body}`, {
      fieldErrors,
      resource: { group, resource: kind, name },
      cause: a.cause,
    });
  }
}

/**
 * `NotFound` (404): `imagestreams.image.openshift.io "name" not found`.
 *
 * @example
 * ```ts
 * new NotFoundError({ resource: "imagestreamtags", name: "ruby:latest" }).message;
 * // 'imagestreamtags.image.openshift.io "ruby:latest" not found'
 * ```
 * @public
 */
export class NotFoundError extends ImageStreamError {
  /** `"NotFoundError"`, the class tag `instanceof` reads across copies of the package. */
  override get [Symbol.toStringTag](): string {
    return "NotFoundError";
  }

  constructor(ref: ResourceRef) {
    super("NotFound", `${qualified(ref)} ${quoteName(ref)} not found`, { resource: ref });
  }
}

/**
 * `AlreadyExists` (409): `imagestreamtags.image.openshift.io "name" already exists`.
 *
 * @example
 * ```ts
 * new AlreadyExistsError({ resource: "imagestreamtags", name: "ruby:latest" }).code; // 409
 * ```
 * @public
 */
export class AlreadyExistsError extends ImageStreamError {
  /** `"AlreadyExistsError"`, the class tag `instanceof` reads across copies of the package. */
  override get [Symbol.toStringTag](): string {
    return "AlreadyExistsError";
  }

  constructor(ref: ResourceRef) {
    super("AlreadyExists", `${qualified(ref)} ${quoteName(ref)} already exists`, { resource: ref });
  }
}

/**
 * `Conflict` (409): `Operation cannot be fulfilled on <resource> "name": <detail>`.
 *
 * `detail` keeps the upstream inner message (e.g. `multiple images match the prefix "abc": a, b`).
 *
 * @example
 * ```ts
 * new ConflictError({ resource: "imagestreamimages", name: "abc" }, 'multiple images match the prefix "abc": a, b').detail;
 * ```
 * @public
 */
export class ConflictError extends ImageStreamError {
  /** `"ConflictError"`, the class tag `instanceof` reads across copies of the package. */
  override get [Symbol.toStringTag](): string {
    return "ConflictError";
  }

  /** The upstream inner message, without the Kubernetes prefix. */
  readonly detail: string;
  constructor(ref: ResourceRef, detail: string) {
    super("Conflict", `Operation cannot be fulfilled on ${qualified(ref)} ${quoteName(ref)}: ${detail}`, {
      resource: ref,
    });
    this.detail = detail;
  }
}

/**
 * `BadRequest` (400): the message is the upstream one, verbatim.
 *
 * @example
 * ```ts
 * new BadRequestError("ImageStreamTags must be retrieved with <name>:<tag>").code; // 400
 * ```
 * @public
 */
export class BadRequestError extends ImageStreamError {
  /** `"BadRequestError"`, the class tag `instanceof` reads across copies of the package. */
  override get [Symbol.toStringTag](): string {
    return "BadRequestError";
  }

  constructor(message: string, options: { cause?: unknown } = {}) {
    super("BadRequest", message, options);
  }
}

/**
 * `Forbidden` (403): `<resource> "name" is forbidden: <detail>`, or the bare detail without a resource.
 *
 * @example
 * ```ts
 * new ForbiddenError("cannot get imagestreams/layers").reason; // "Forbidden"
 * ```
 * @public
 */
export class ForbiddenError extends ImageStreamError {
  /** `"ForbiddenError"`, the class tag `instanceof` reads across copies of the package. */
  override get [Symbol.toStringTag](): string {
    return "ForbiddenError";
  }

  /** The upstream inner message, without the Kubernetes prefix. */
  readonly detail: string;
  constructor(detail: string, ref?: ResourceRef, fieldErrors?: readonly FieldError[]) {
    const message = ref ? `${qualified(ref)} ${quoteName(ref)} is forbidden: ${detail}` : detail;
    super("Forbidden", message, {
      ...(ref ? { resource: ref } : {}),
      ...(fieldErrors ? { fieldErrors } : {}),
    });
    this.detail = detail;
  }
}

/**
 * Stable kinds of image reference errors, named after the upstream sentinel errors.
 *
 * @example
 * ```ts
 * function isCaseProblem(e: ImageReferenceError): boolean {
 *   const kind: ImageReferenceErrorKind = e.kind;
 *   return kind === "NameContainsUppercase";
 * }
 * ```
 * @public
 */
export type ImageReferenceErrorKind =
  | "NameEmpty"
  | "ReferenceInvalidFormat"
  | "NameContainsUppercase"
  | "NameTooLong"
  | "NameNotCanonical"
  | "TagInvalidFormat"
  | "DigestInvalidFormat"
  | "DigestInvalidLength"
  | "DigestUnsupported"
  | "NameIsHexIdentifier"
  | "RepositoryNameUppercase"
  | "ImageStreamTagName"
  | "ImageStreamImageName";

/**
 * A string that is not a valid image reference, digest or image stream name (`BadRequest`, 400).
 *
 * `kind` is stable across releases; `message` is the exact upstream message; `offset` is the index
 * of the first offending character when the scanner can point at one.
 *
 * @example
 * ```ts
 * try {
 *   parseDockerImageReference("Foo");
 * } catch (e) {
 *   if (e instanceof ImageReferenceError) e.kind; // "NameContainsUppercase"
 * }
 * ```
 * @public
 */
export class ImageReferenceError extends ImageStreamError {
  /** `"ImageReferenceError"`, the class tag `instanceof` reads across copies of the package. */
  override get [Symbol.toStringTag](): string {
    return "ImageReferenceError";
  }

  /** Stable machine-readable kind. */
  readonly kind: ImageReferenceErrorKind;
  /** The input that failed. */
  readonly input: string;
  /** Index of the first offending character, when known. */
  readonly offset: number | undefined;
  constructor(kind: ImageReferenceErrorKind, message: string, input: string, offset?: number) {
    super("BadRequest", message);
    this.kind = kind;
    this.input = input;
    this.offset = offset;
  }
}

/**
 * Reasons the Kubernetes API defines (apimachinery `knownReasons`): a predicate falls back on the
 * HTTP code only for a reason outside this list, as `IsNotFound` and its siblings do.
 */
const KNOWN_REASONS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  "Unauthorized",
  "Forbidden",
  "NotFound",
  "AlreadyExists",
  "Conflict",
  "Gone",
  "Invalid",
  "ServerTimeout",
  "StoreReadError",
  "Timeout",
  "TooManyRequests",
  "BadRequest",
  "MethodNotAllowed",
  "NotAcceptable",
  "RequestEntityTooLarge",
  "UnsupportedMediaType",
  "InternalError",
  "Expired",
  "ServiceUnavailable",
]);

/** How many `cause` links the predicates follow (a cycle or a very deep chain ends the walk). */
const MAX_CAUSE_DEPTH = 16;

/** A response body longer than this is not parsed as a `Status` (its code still counts). */
const MAX_STATUS_BODY = 1_048_576;

/**
 * The reason and HTTP code of a failure, as {@link reasonForError} reads them.
 *
 * @example
 * ```ts
 * const r: ErrorReason | undefined = reasonForError(new NotFoundError({ resource: "images", name: "x" }));
 * // => { reason: "NotFound", code: 404 }
 * ```
 * @public
 */
export interface ErrorReason {
  /** The Kubernetes status reason (`NotFound`, …); `""` when the source gives none (apimachinery's `StatusReasonUnknown`). */
  readonly reason: string;
  /** The HTTP status code; `0` when the source gives none. */
  readonly code: number;
}

type Fields = { readonly [key: string]: unknown };

function fieldsOf(v: unknown): Fields | undefined {
  return typeof v === "object" && v !== null ? (v as Fields) : undefined;
}

function statusReason(status: Fields, fallbackCode: number): ErrorReason {
  return {
    reason: typeof status.reason === "string" ? status.reason : "",
    code: typeof status.code === "number" ? status.code : fallbackCode,
  };
}

/** The body of a client-node `ApiException`: a `Status` object, or its JSON text (client-node 1.x). */
function statusOfBody(body: unknown): Fields | undefined {
  let b = body;
  if (typeof b === "string") {
    if (b.length > MAX_STATUS_BODY || !b.trimStart().startsWith("{")) return undefined;
    try {
      b = JSON.parse(b);
    } catch {
      return undefined;
    }
  }
  const status = fieldsOf(b);
  return status?.kind === "Status" ? status : undefined;
}

/** The reason and code of one link of a chain, or undefined when it carries none. */
function ownReason(e: Fields): ErrorReason | undefined {
  if (BRAND in e && typeof e.reason === "string" && typeof e.code === "number")
    return { reason: e.reason, code: e.code };
  if (e.kind === "Status") return statusReason(e, 0);
  // @kubernetes/client-node ApiException: `code` is the HTTP status, `body` the response.
  if (typeof e.code === "number" && "body" in e) {
    const status = statusOfBody(e.body);
    return status === undefined ? { reason: "", code: e.code } : statusReason(status, e.code);
  }
  return undefined;
}

/**
 * The reason and HTTP code of a failure: an `ImageStreamError` of any copy of the package, a
 * Kubernetes `Status` object (what `toStatus()` returns and the API sends), a
 * `@kubernetes/client-node` `ApiException` (numeric `code`, `body` a `Status` or its JSON text), or
 * the first of those found along a `cause` chain (at most 16 links). Modelled on apimachinery's
 * `ReasonForError`, which also sees through wrapping.
 *
 * @param err - anything a `catch` gives, including `undefined`; never throws.
 * @returns `{ reason, code }`, or `undefined` when `err` carries neither (a plain `Error`, `null`).
 * @example
 * ```ts
 * reasonForError(new Error("while syncing", { cause: new NotFoundError({ resource: "imagestreams", name: "x" }) }));
 * // => { reason: "NotFound", code: 404 }
 * reasonForError({ kind: "Status", status: "Failure", reason: "Conflict", code: 409 }); // => { reason: "Conflict", code: 409 }
 * reasonForError(new Error("boom")); // => undefined
 * ```
 * @public
 */
export function reasonForError(err: unknown): ErrorReason | undefined {
  try {
    let e = fieldsOf(err);
    for (let depth = 0; e !== undefined && depth < MAX_CAUSE_DEPTH; depth++) {
      const r = ownReason(e);
      if (r !== undefined) return r;
      e = fieldsOf(e.cause);
    }
  } catch {
    // A hostile object (a Proxy whose traps throw) carries no reason.
  }
  return undefined;
}

/** apimachinery's rule: the reason matches, or the reason is unknown and the HTTP code matches. */
function hasReason(err: unknown, reason: StatusReason, code: number | undefined): boolean {
  const r = reasonForError(err);
  if (r === undefined) return false;
  return r.reason === reason || (code !== undefined && !KNOWN_REASONS.has(r.reason) && r.code === code);
}

/**
 * True when `err` is a `NotFound` failure: a {@link NotFoundError} of any copy of the package, a
 * `Status` with reason `NotFound`, or one with an unknown reason and code 404, directly or in the
 * `cause` chain (apimachinery `IsNotFound`). False for `undefined`, `null` and unrelated errors.
 *
 * @param err - anything a `catch` gives.
 * @returns whether the failure is `NotFound`.
 * @example
 * ```ts
 * try {
 *   getImageStreamTag(stream, "missing");
 * } catch (e) {
 *   if (!isNotFound(e)) throw e; // => the tag does not exist: create it
 * }
 * ```
 * @public
 */
export function isNotFound(err: unknown): boolean {
  return hasReason(err, "NotFound", 404);
}

/**
 * True when `err` is an `AlreadyExists` failure ({@link AlreadyExistsError}, or a `Status` with that
 * reason), directly or in the `cause` chain. As in apimachinery `IsAlreadyExists`, the code alone
 * never counts: 409 with an unknown reason is a conflict.
 *
 * @param err - anything a `catch` gives.
 * @returns whether the failure is `AlreadyExists`.
 * @example
 * ```ts
 * isAlreadyExists(new AlreadyExistsError({ resource: "imagestreamtags", name: "ruby:latest" })); // => true
 * isAlreadyExists({ kind: "Status", reason: "", code: 409 }); // => false
 * ```
 * @public
 */
export function isAlreadyExists(err: unknown): boolean {
  return hasReason(err, "AlreadyExists", undefined);
}

/**
 * True when `err` is a `Conflict` failure ({@link ConflictError}, a `Status` with reason `Conflict`,
 * or an unknown reason with code 409), directly or in the `cause` chain (apimachinery `IsConflict`).
 * An `AlreadyExists` (also 409) is not a conflict.
 *
 * @param err - anything a `catch` gives.
 * @returns whether the failure is `Conflict`: re-read the object and retry.
 * @example
 * ```ts
 * isConflict({ kind: "Status", status: "Failure", reason: "Conflict", code: 409 }); // => true
 * ```
 * @public
 */
export function isConflict(err: unknown): boolean {
  return hasReason(err, "Conflict", 409);
}

/**
 * True when `err` is an `Invalid` failure ({@link InvalidError}, a `Status` with reason `Invalid`, or
 * an unknown reason with code 422), directly or in the `cause` chain (apimachinery `IsInvalid`).
 *
 * @param err - anything a `catch` gives.
 * @returns whether the failure is `Invalid`; for field errors, narrow with {@link isImageStreamError}.
 * @example
 * ```ts
 * try {
 *   parseImageStream(doc);
 * } catch (e) {
 *   if (isInvalid(e) && isImageStreamError(e)) e.fieldErrors.map((f) => f.field); // => ["metadata.name"]
 * }
 * ```
 * @public
 */
export function isInvalid(err: unknown): boolean {
  return hasReason(err, "Invalid", 422);
}

/**
 * True when `err` is a `BadRequest` failure ({@link BadRequestError}, {@link ImageReferenceError}, a
 * `Status` with reason `BadRequest`, or an unknown reason with code 400), directly or in the `cause`
 * chain (apimachinery `IsBadRequest`).
 *
 * @param err - anything a `catch` gives.
 * @returns whether the failure is `BadRequest`.
 * @example
 * ```ts
 * try {
 *   parseDockerImageReference("Foo");
 * } catch (e) {
 *   isBadRequest(e); // => true
 * }
 * ```
 * @public
 */
export function isBadRequest(err: unknown): boolean {
  return hasReason(err, "BadRequest", 400);
}

/**
 * True when `err` is a `Forbidden` failure ({@link ForbiddenError}, a `Status` with reason
 * `Forbidden`, or an unknown reason with code 403), directly or in the `cause` chain (apimachinery
 * `IsForbidden`).
 *
 * @param err - anything a `catch` gives.
 * @returns whether the failure is `Forbidden`.
 * @example
 * ```ts
 * isForbidden(new ForbiddenError("cannot get imagestreams/layers")); // => true
 * ```
 * @public
 */
export function isForbidden(err: unknown): boolean {
  return hasReason(err, "Forbidden", 403);
}

/**
 * Type guard for an `ImageStreamError` of any copy of the package (ESM or CommonJS build, another
 * version, a bundle), checked by its brand rather than by this copy's class. Unlike the reason
 * predicates it does not look at `cause` and is false for a `Status` object, which has no
 * `fieldErrors` or `toStatus()`.
 *
 * @param err - anything a `catch` gives.
 * @returns whether `err` is an `ImageStreamError`, so `reason`, `code`, `fieldErrors` and `toStatus()` can be read.
 * @example
 * ```ts
 * try {
 *   parseDockerImageReference("Foo");
 * } catch (e) {
 *   if (isImageStreamError(e)) e.toStatus().code; // => 400
 * }
 * ```
 * @public
 */
export function isImageStreamError(err: unknown): err is ImageStreamError {
  try {
    return err instanceof ImageStreamError;
  } catch {
    return false; // a Proxy whose getPrototypeOf trap throws
  }
}
