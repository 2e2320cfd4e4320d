/**
 * Kubernetes `Status` bodies of the fake image API: the library's errors through
 * `ImageStreamError#toStatus()`, plus the few reasons the HTTP layer of an API server adds
 * (kubernetes/apimachinery `pkg/api/errors/errors.go`: `NewRequestEntityTooLargeError`,
 * `NewMethodNotSupported`, `NewGenericServerResponse`, `NewInternalError`, and the watch cache's
 * `Expired`).
 */
import { ImageStreamError } from "../../errors.js";

/** A Kubernetes `Status` object as the fake API writes it. */
export interface ApiStatus {
  readonly kind: "Status";
  readonly apiVersion: "v1";
  readonly metadata: Record<string, never>;
  readonly status: "Failure" | "Success";
  readonly message?: string;
  readonly reason?: string;
  readonly details?: {
    readonly name?: string;
    readonly group?: string;
    readonly kind?: string;
    readonly uid?: string;
    readonly causes?: ReadonlyArray<{
      readonly reason?: string;
      readonly message: string;
      readonly field?: string;
    }>;
  };
  /** The HTTP code; absent on a `Success` status, as upstream (`omitempty`). */
  readonly code?: number;
}

/** An HTTP-layer failure that carries its `Status` (the library has no class for these reasons). */
export class StatusFailure extends Error {
  readonly status: ApiStatus;
  constructor(status: ApiStatus) {
    super(status.message ?? status.reason ?? "request failed");
    this.name = "StatusFailure";
    this.status = status;
  }
}

function failure(
  code: number,
  reason: string,
  message: string,
  details?: ApiStatus["details"],
): StatusFailure {
  return new StatusFailure({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    ...(details === undefined ? {} : { details }),
    code,
  });
}

/** 404 for a path the API does not serve (`NewGenericServerResponse(404, …)`). */
export function pathNotFound(): StatusFailure {
  return failure(404, "NotFound", "the server could not find the requested resource", {});
}

/** 405 for a verb the resource does not serve (`NewGenericServerResponse(405, …)`). */
export function methodNotAllowed(): StatusFailure {
  return failure(
    405,
    "MethodNotAllowed",
    "the server does not allow this method on the requested resource",
    {},
  );
}

/** 413 for a body over the limit (`NewRequestEntityTooLargeError`). */
export function entityTooLarge(detail: string): StatusFailure {
  return failure(413, "RequestEntityTooLarge", `Request entity too large: ${detail}`);
}

/** 415 for a content type the endpoint does not accept. */
export function unsupportedMediaType(contentType: string, accepted: readonly string[]): StatusFailure {
  return failure(
    415,
    "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`,
    {
      causes: [
        {
          reason: "UnexpectedServerResponse",
          message: `unsupported content type ${JSON.stringify(contentType.slice(0, 256))}`,
        },
      ],
    },
  );
}

/**
 * 422 for a JSON patch that does not apply (a failed `test` included): upstream
 * `applyJSPatch` answers `NewGenericServerResponse(422, …)`, whose message is the generic one.
 * The applier's own message is added as a cause so that a failing test can be read.
 */
export function patchNotApplicable(detail: string): StatusFailure {
  return failure(422, "Invalid", "the server rejected our request due to an error in our request", {
    causes: [{ reason: "UnexpectedServerResponse", message: detail }],
  });
}

/** 410 `Expired`, sent as a watch `ERROR` event when the requested resourceVersion left the event window. */
export function expired(requested: string, oldest: number): StatusFailure {
  return failure(410, "Expired", `too old resource version: ${requested} (${oldest})`);
}

/** The `Status` a request that failed with `err` is answered with; anything unexpected is a 500. */
export function statusOf(err: unknown): ApiStatus {
  if (err instanceof StatusFailure) return err.status;
  if (err instanceof ImageStreamError) return err.toStatus() as ApiStatus;
  const message = err instanceof Error ? err.message : String(err);
  return failure(500, "InternalError", `Internal error occurred: ${message.slice(0, 1024)}`, {
    causes: [{ message: message.slice(0, 1024) }],
  }).status;
}

/** `Status` `Success` (what deletes of ImageStreamTags and creates of mappings answer). */
export function success(details?: ApiStatus["details"]): ApiStatus {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Success",
    ...(details === undefined ? {} : { details }),
  };
}
