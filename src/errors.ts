/**
 * Typed errors thrown by every module of `imagestream`.
 *
 * Each error carries the Kubernetes `reason` and HTTP `code` the API server would answer with,
 * the upstream message, and (for `Invalid`) the list of field errors with Kubernetes field paths
 * such as `spec.tags[latest].from.name`. `toStatus()` turns any of them into a `Status` object.
 *
 * Its only import is the internal `safe-string.ts`, so every other module (including `reference/`) may use it.
 */

import { safeString } from "./safe-string.js";

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
  /** The offending value (omitted from messages for Required/Forbidden/TooMany/Internal errors). */
  readonly value: unknown;
  /** The upstream detail message. */
  readonly detail: string;
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

function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  try {
    return JSON.stringify(value) ?? safeString(value);
  } catch {
    return safeString(value);
  }
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
  const field = typeof e === "object" && e !== null ? safeString(e.field) : "";
  return `${field}: ${fieldErrorBody(e)}`;
}

function fieldErrorBody(e: FieldError): string {
  // Anything may come in (issue 2 "Bad input"): an unknown type prints as Go's `Type.String()` does.
  const fe: Partial<Record<keyof FieldError, unknown>> = typeof e === "object" && e !== null ? e : {};
  const type = fe.type;
  const known = typeof type === "string" && Object.hasOwn(TYPE_LABEL, type);
  let s = known ? TYPE_LABEL[type as FieldErrorType] : `<unknown error ${JSON.stringify(safeString(type))}>`;
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

function qualified(ref: ResourceRef): string {
  const group = ref.group ?? "image.openshift.io";
  return group === "" ? ref.resource : `${ref.resource}.${group}`;
}

/**
 * Base class of every error `imagestream` throws.
 *
 * @example
 * ```ts
 * try {
 *   parseDockerImageReference("Foo");
 * } catch (e) {
 *   if (e instanceof ImageStreamError) console.log(e.reason, e.message);
 * }
 * ```
 * @public
 */
export class ImageStreamError extends Error {
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
    const qualifiedKind = group === "" ? kind : `${kind}.${group}`;
    const parts = fieldErrors.map(formatFieldError);
    const body = parts.length === 1 ? (parts[0] as string) : `[${parts.join(", ")}]`;
    super("Invalid", `${qualifiedKind} ${JSON.stringify(name)} is invalid: ${body}`, {
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
  constructor(ref: ResourceRef) {
    super("NotFound", `${qualified(ref)} ${JSON.stringify(ref.name)} not found`, { resource: ref });
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
  constructor(ref: ResourceRef) {
    super("AlreadyExists", `${qualified(ref)} ${JSON.stringify(ref.name)} already exists`, { resource: ref });
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
  /** The upstream inner message, without the Kubernetes prefix. */
  readonly detail: string;
  constructor(ref: ResourceRef, detail: string) {
    super(
      "Conflict",
      `Operation cannot be fulfilled on ${qualified(ref)} ${JSON.stringify(ref.name)}: ${detail}`,
      {
        resource: ref,
      },
    );
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
  /** The upstream inner message, without the Kubernetes prefix. */
  readonly detail: string;
  constructor(detail: string, ref?: ResourceRef, fieldErrors?: readonly FieldError[]) {
    const message = ref ? `${qualified(ref)} ${JSON.stringify(ref.name)} is forbidden: ${detail}` : detail;
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
