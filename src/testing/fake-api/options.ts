/**
 * Public types of the fake image API: its options, the request its hook sees, and the handle
 * `startFakeImageApi` returns.
 */
import type { Image, ImageStream, ImageStreamImport, ImageStreamImportStatus } from "../../model/index.js";
import type { Catalog, Clock } from "../../server/index.js";

/**
 * What an {@link ImageImporter} gets besides the request: the namespace and read access to the
 * fake's store.
 *
 * @example
 * ```ts
 * const importer: ImageImporter = (request, { now }) => ({ images: [] });
 * ```
 * @public
 */
export interface ImporterContext {
  /** The namespace of the request. */
  readonly namespace: string;
  /** The server's current time (RFC 3339). */
  readonly now: string;
  /** Reads a stored image stream. */
  readonly getImageStream: (namespace: string, name: string) => ImageStream | undefined;
  /** Reads a stored image. */
  readonly getImage: (name: string) => Image | undefined;
}

/**
 * Answers ImageStreamImport requests in place of a registry: given the request (its `spec`),
 * returns the `status` a registry would have produced — `images[i]` answers `spec.images[i]`
 * (`{status: {status: "Success"}, image}` or a `Failure` status), `repository.images` answers
 * `spec.repository`. May be async.
 *
 * @example
 * ```ts
 * const importer: ImageImporter = (request) => ({
 *   images: (request.spec?.images ?? []).map(() => ({
 *     status: { status: "Success" },
 *     image: { metadata: { name: "sha256:…" }, dockerImageReference: "docker.io/library/python@sha256:…" },
 *   })),
 * });
 * ```
 * @public
 */
export type ImageImporter = (
  request: ImageStreamImport,
  context: ImporterContext,
) => ImageStreamImportStatus | Promise<ImageStreamImportStatus>;

/**
 * One API request as the {@link FakeImageApiOptions.onRequest} hook sees it: routed, names
 * URL-decoded, body parsed.
 *
 * @example
 * ```ts
 * const onRequest = (r: FakeApiRequest) => {
 *   if (r.verb === "patch" && r.resource === "imagestreams") console.log(r.name, r.body);
 * };
 * ```
 * @public
 */
export interface FakeApiRequest {
  /** The HTTP method. */
  readonly method: string;
  /** The Kubernetes verb (`get`, `list`, `watch`, `create`, `update`, `patch`, `delete`). */
  readonly verb: "get" | "list" | "watch" | "create" | "update" | "patch" | "delete";
  /** The plural resource (`imagestreams`, `imagestreamtags`, …). */
  readonly resource: string;
  /** `status` for `imagestreams/<name>/status`. */
  readonly subresource: string | undefined;
  /** The namespace of the path; `undefined` for cluster-scoped and all-namespace requests. */
  readonly namespace: string | undefined;
  /** The URL-decoded object name (`app:latest`); `undefined` on collections. */
  readonly name: string | undefined;
  /** The query parameters. */
  readonly query: Readonly<Record<string, string>>;
  /** The parsed JSON body, `undefined` without one. */
  readonly body: unknown;
}

/**
 * Options of {@link startFakeImageApi}.
 *
 * @example
 * ```ts
 * const options: FakeImageApiOptions = {
 *   imageStreams: [stream],
 *   internalRegistryHostname: "image-registry.openshift-image-registry.svc:5000",
 *   now: "2024-01-01T00:00:00Z",
 * };
 * ```
 * @public
 */
export interface FakeImageApiOptions {
  /** Image streams stored at start, as they would be in etcd (status kept; UID, creation time and resourceVersion filled when absent). */
  readonly imageStreams?: readonly ImageStream[];
  /** Images stored at start. */
  readonly images?: readonly Image[];
  /** Hostname (with port) of the integrated registry: `status.dockerImageRepository` and pull specs use it. */
  readonly internalRegistryHostname?: string;
  /** Public hostname of the integrated registry (`status.publicDockerImageRepository`). */
  readonly externalRegistryHostname?: string;
  /** The server's clock (creation times, tag events); the real time by default. */
  readonly now?: Clock;
  /** Answers ImageStreamImport requests; without it every import fails as with an unreachable registry. */
  readonly importer?: ImageImporter;
  /**
   * Called with every API request after it is routed and its body parsed, before it is served.
   * Throw an `ImageStreamError` (e.g. a `ConflictError`) to answer with its `Status` instead; use
   * the handle (second argument) to change the store first, e.g. `bumpResourceVersion`.
   */
  readonly onRequest?: (request: FakeApiRequest, api: FakeImageApi) => void | Promise<void>;
  /** Largest accepted request body in bytes (413 above it); 3 MiB by default, as the API server. */
  readonly maxBodyBytes?: number;
  /** How many image stream events a watch can replay (older resourceVersions get `410 Expired`); 1000 by default. */
  readonly watchWindow?: number;
}

/**
 * A running fake image API: its URL, its store, and `close()`.
 *
 * @example
 * ```ts
 * const api = await startFakeImageApi({ imageStreams: [stream] });
 * try {
 *   api.imageStream("test", "app")?.metadata?.resourceVersion; // "1"
 * } finally {
 *   await api.close();
 * }
 * ```
 * @public
 */
export interface FakeImageApi {
  /** `http://127.0.0.1:<port>`: the `server` of a kubeconfig cluster. */
  readonly url: string;
  /** The current resourceVersion (that of the last write). */
  readonly resourceVersion: string;
  /** The stored image stream `namespace/name` (deeply frozen). */
  imageStream(namespace: string, name: string): ImageStream | undefined;
  /** The stored image `name` (deeply frozen). */
  image(name: string): Image | undefined;
  /** Everything stored, as a {@link Catalog} (usable as the look-ups of the library's server functions). */
  catalog(): Catalog;
  /**
   * Writes the stream `namespace/name` again unchanged, as another client would: a new
   * resourceVersion and a `MODIFIED` event, so that a client holding the old one gets `409 Conflict`.
   * @returns the new resourceVersion.
   * @throws NotFoundError when the stream does not exist.
   */
  bumpResourceVersion(namespace: string, name: string): string;
  /** Ends every watch, stops listening and closes every connection. */
  close(): Promise<void>;
}
