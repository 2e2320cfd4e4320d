/**
 * Request bodies: read with a size limit, parsed as JSON and checked against the kind the
 * endpoint takes, with the API server's messages (kubernetes/kubernetes
 * `staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go`, `limitedReadBody` and
 * `transformDecodeError`; `handlers/create.go` and `update.go` for the version and name checks;
 * `pkg/registry/rest/meta.go`, `EnsureObjectNamespaceMatchesRequestNamespace`).
 */
import type { IncomingMessage } from "node:http";
import { BadRequestError } from "../../errors.js";
import { entityTooLarge } from "./status.js";

const API_VERSION = "image.openshift.io/v1";

/** A JSON object as a request carries it. */
export type JsonObject = { [key: string]: unknown };

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function quoted(s: string): string {
  return JSON.stringify(s.length > 256 ? `${s.slice(0, 256)}…` : s);
}

/**
 * Reads the whole body of `req`, failing with 413 as soon as it exceeds `limit` bytes (the rest
 * is drained and dropped).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(entityTooLarge(`limit is ${limit}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(entityTooLarge(`limit is ${limit}`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on("error", (err) => {
      if (!failed) reject(err);
      failed = true;
    });
    // A client that goes away mid-body: nothing to answer, but the request must not hang.
    req.on("close", () => {
      if (!failed && !req.complete)
        reject(new Error("the client closed the connection before the body ended"));
      failed = true;
    });
  });
}

/** Parses a JSON body; bad JSON is a 400 naming the expected kind. */
export function parseJson(raw: Buffer, kind: string): unknown {
  const source = raw.toString("utf8");
  try {
    return JSON.parse(source);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new BadRequestError(
      `the object provided is unrecognized (must be of type ${kind}): couldn't get version/kind; json parse error: ${detail.slice(0, 256)} (${quoted(source.slice(0, 30))})`,
    );
  }
}

/**
 * Checks that a decoded body is an object of `kind` in `image.openshift.io/v1` (absent `kind`
 * and `apiVersion` are taken as those) and returns a copy with both set and `metadata` an object.
 */
export function asObjectOf(body: unknown, kind: string): JsonObject {
  if (!isObject(body)) {
    throw new BadRequestError(
      `the object provided is unrecognized (must be of type ${kind}): couldn't get version/kind; json parse error: a JSON object is required`,
    );
  }
  const bodyKind = body.kind;
  const apiVersion = body.apiVersion;
  if (bodyKind !== undefined && bodyKind !== "" && bodyKind !== kind) {
    const k = typeof bodyKind === "string" ? bodyKind : (JSON.stringify(bodyKind) ?? "");
    const v = typeof apiVersion === "string" ? apiVersion : "";
    throw new BadRequestError(
      `${k.slice(0, 256)} in version ${quoted(v.split("/").pop() ?? "")} cannot be handled as a ${kind}: no kind ${quoted(k)} is registered for version ${quoted(v)}`,
    );
  }
  if (apiVersion !== undefined && apiVersion !== "" && apiVersion !== API_VERSION) {
    const v = typeof apiVersion === "string" ? apiVersion : (JSON.stringify(apiVersion) ?? "");
    throw new BadRequestError(
      `the API version in the data (${v.slice(0, 256)}) does not match the expected API version (${API_VERSION})`,
    );
  }
  const metadata = body.metadata;
  if (metadata !== undefined && metadata !== null && !isObject(metadata)) {
    throw new BadRequestError(
      `${kind} in version "v1" cannot be handled as a ${kind}: json: cannot unmarshal into Go struct field ${kind}.metadata of type v1.ObjectMeta`,
    );
  }
  return { ...body, kind, apiVersion: API_VERSION, metadata: { ...(isObject(metadata) ? metadata : {}) } };
}

/**
 * A decoded body as the library type of its kind. The only cast of the fake: the library's
 * functions check the shape at their edge and answer a bad one with an `InvalidError`.
 */
export function wire<T>(obj: JsonObject): T {
  return obj as unknown as T;
}

/** The metadata of an object made by {@link asObjectOf}. */
export function metadataOf(obj: JsonObject): JsonObject {
  return obj.metadata as JsonObject;
}

/** A string field of `obj`, `""` when absent or not a string. */
export function field(obj: JsonObject, key: string): string {
  const v = obj[key];
  return typeof v === "string" ? v : "";
}

/** Fills an empty `metadata.namespace` with the request's; a different one is a 400. */
export function inNamespace(obj: JsonObject, namespace: string): void {
  const meta = metadataOf(obj);
  const ns = field(meta, "namespace");
  if (ns === "") meta.namespace = namespace;
  else if (ns !== namespace) {
    throw new BadRequestError(
      "the namespace of the provided object does not match the namespace sent on the request",
    );
  }
}

/** An update's object must carry the name of its URL. */
export function namedAs(obj: JsonObject, name: string): void {
  const objectName = field(metadataOf(obj), "name");
  if (objectName !== name) {
    throw new BadRequestError(
      `the name of the object (${objectName.slice(0, 256)}) does not match the name on the URL (${name.slice(0, 256)})`,
    );
  }
}
