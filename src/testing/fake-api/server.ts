/**
 * `startFakeImageApi`: an HTTP server on 127.0.0.1 that serves the `image.openshift.io/v1` API
 * over an in-memory store, writing through the library's server functions, for controller tests
 * that run a real Kubernetes client.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BadRequestError, NotFoundError } from "../../errors.js";
import { parseImage, parseImageStream } from "../../model/index.js";
import { createCatalog, type ServerOptions } from "../../server/index.js";
import { parseJson, readBody } from "./body.js";
import type { Context, Reply, Routed } from "./context.js";
import { apiGroup, apiGroupList, apiResourceList, RESOURCES, type Verb } from "./discovery.js";
import {
  createImageStreamTagReply,
  deleteImageStreamTagReply,
  getImageStreamTagReply,
  listImageStreamTagsReply,
  updateImageStreamTagReply,
} from "./image-stream-tags.js";
import {
  createImageStreamReply,
  deleteImageStreamReply,
  getImageStreamReply,
  listImageStreamsReply,
  patchImageStreamReply,
  updateImageStreamReply,
} from "./image-streams.js";
import { getImageReply, getImageStreamImageReply, listImagesReply } from "./images.js";
import { createImageStreamImportReply } from "./imports.js";
import { cloneJson } from "./json-patch.js";
import { createImageStreamMappingReply } from "./mappings.js";
import type { FakeApiRequest, FakeImageApi, FakeImageApiOptions } from "./options.js";
import { methodNotAllowed, pathNotFound, statusOf, unsupportedMediaType } from "./status.js";
import { Store } from "./store.js";
import { serveWatch } from "./watch.js";

const GROUP = "image.openshift.io";
const VERSION = "v1";
/** The API server's default `MaxRequestBodyBytes` (3 MiB). */
const DEFAULT_MAX_BODY = 3 * 1024 * 1024;

type Handler = (ctx: Context, r: Routed) => Reply | Promise<Reply>;

/** `resource[/subresource]` → verb → handler. */
const HANDLERS: Readonly<Record<string, Partial<Record<Verb, Handler>>>> = {
  imagestreams: {
    get: getImageStreamReply,
    list: listImageStreamsReply,
    create: createImageStreamReply,
    update: updateImageStreamReply,
    patch: patchImageStreamReply,
    delete: deleteImageStreamReply,
  },
  "imagestreams/status": {
    get: getImageStreamReply,
    update: updateImageStreamReply,
    patch: patchImageStreamReply,
  },
  imagestreamtags: {
    get: getImageStreamTagReply,
    list: listImageStreamTagsReply,
    create: createImageStreamTagReply,
    update: updateImageStreamTagReply,
    delete: deleteImageStreamTagReply,
  },
  imagestreamimages: { get: getImageStreamImageReply },
  imagestreammappings: { create: createImageStreamMappingReply },
  imagestreamimports: { create: createImageStreamImportReply },
  images: { get: getImageReply, list: listImagesReply },
};

/** The path split into URL-decoded segments (`imagestreamtags/app%3Alatest` → `app:latest`). */
function segmentsOf(pathname: string): string[] {
  const raw = pathname.split("/").slice(1);
  if (raw[raw.length - 1] === "") raw.pop();
  try {
    return raw.map((s) => decodeURIComponent(s));
  } catch {
    throw new BadRequestError(`malformed URL path ${JSON.stringify(pathname.slice(0, 256))}`);
  }
}

interface Target {
  readonly resource: string;
  readonly subresource: string | undefined;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
}

/** `/apis/image.openshift.io/v1/[namespaces/<ns>/]<resource>[/<name>[/<subresource>]]`. */
function targetOf(segments: readonly string[]): Target {
  if (segments.length < 4 || segments[0] !== "apis" || segments[1] !== GROUP || segments[2] !== VERSION) {
    throw pathNotFound();
  }
  let rest = segments.slice(3);
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3) {
    namespace = rest[1] as string;
    rest = rest.slice(2);
  }
  if (rest.length > 3 || namespace === "") throw pathNotFound();
  const [resource, name, subresource] = rest as [string, string | undefined, string | undefined];
  const info = RESOURCES.get(subresource === undefined ? resource : `${resource}/${subresource}`);
  if (info === undefined || name === "") throw pathNotFound();
  if (info.namespaced ? namespace === undefined && name !== undefined : namespace !== undefined) {
    throw pathNotFound();
  }
  return { resource, subresource, namespace, name };
}

function verbOf(method: string, target: Target, query: URLSearchParams): Verb {
  const watch = query.get("watch");
  const watching = watch === "true" || watch === "1";
  const item = target.name !== undefined;
  if (method === "GET" || method === "HEAD") return watching ? "watch" : item ? "get" : "list";
  if (method === "POST" && !item) return "create";
  if (method === "PUT" && item) return "update";
  if (method === "PATCH" && item) return "patch";
  if (method === "DELETE" && item) return "delete";
  throw methodNotAllowed();
}

function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

const serialized = new WeakMap<object, string>();

/** JSON of a reply body; stored objects (deeply frozen) are serialized once, list items one by one. */
function toJson(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Object.isFrozen(value)) {
    let s = serialized.get(value);
    if (s === undefined) {
      s = JSON.stringify(value);
      serialized.set(value, s);
    }
    return s;
  }
  const items = (value as { items?: unknown }).items;
  if (!Array.isArray(items)) return JSON.stringify(value);
  const parts = Object.entries(value).map(
    ([k, v]) =>
      `${JSON.stringify(k)}:${k === "items" ? `[${items.map(toJson).join(",")}]` : JSON.stringify(v)}`,
  );
  return `{${parts.join(",")}}`;
}

function send(res: ServerResponse, code: number, body: unknown, close = false): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const payload = toJson(body);
  res.writeHead(code, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(payload),
    ...(close ? { Connection: "close" } : {}),
  });
  res.end(payload);
}

/** Image streams of the options as stored objects: shape-checked, namespace defaulted, copied. */
function seedStreams(store: Store, options: FakeImageApiOptions): void {
  for (const stream of options.imageStreams ?? []) {
    parseImageStream(stream);
    const copy = cloneJson(stream) as { metadata?: { namespace?: unknown } };
    copy.metadata ??= {};
    if (typeof copy.metadata.namespace !== "string" || copy.metadata.namespace === "") {
      copy.metadata.namespace = "default";
    }
    store.commitStream(copy as never);
  }
  for (const image of options.images ?? []) {
    parseImage(image);
    store.commitImage(cloneJson(image) as never, false);
  }
}

/**
 * Starts a fake OpenShift image API on `127.0.0.1` (a free port): discovery, `imagestreams`
 * (get, list, watch, create, update, patch, delete, `/status`), `imagestreamtags`,
 * `imagestreamimages`, `imagestreammappings`, `imagestreamimports` and `images`, every write
 * made by the library's server functions on deeply frozen stored states. Every object carries a
 * `metadata.resourceVersion` that each write bumps; a stale one is `409 Conflict`. Every error is
 * a Kubernetes `Status` with the upstream reason, message and code, and a failed request changes
 * nothing. Point a Kubernetes client at `url` (`skipTLSVerify: true` for plain HTTP) and call
 * `close()` when done.
 *
 * @param options - seed objects, registry hostnames, the clock, the importer and a request hook.
 * @returns the running server's handle.
 * @throws InvalidError when a seed object does not have the wire shape.
 * @example
 * ```ts
 * import { KubeConfig, CustomObjectsApi } from "@kubernetes/client-node";
 * import { startFakeImageApi } from "imagestream/testing";
 *
 * const api = await startFakeImageApi({ internalRegistryHostname: "registry:5000", now: "2024-01-01T00:00:00Z" });
 * const kc = new KubeConfig();
 * kc.loadFromOptions({
 *   clusters: [{ name: "fake", server: api.url, skipTLSVerify: true }],
 *   users: [{ name: "test" }],
 *   contexts: [{ name: "fake", cluster: "fake", user: "test" }],
 *   currentContext: "fake",
 * });
 * const custom = kc.makeApiClient(CustomObjectsApi);
 * await custom.createNamespacedCustomObject({
 *   group: "image.openshift.io", version: "v1", namespace: "test", plural: "imagestreams",
 *   body: { metadata: { name: "app" } },
 * });
 * api.imageStream("test", "app")?.status?.dockerImageRepository; // => "registry:5000/test/app"
 * await api.close();
 * ```
 * @public
 */
export async function startFakeImageApi(options: FakeImageApiOptions = {}): Promise<FakeImageApi> {
  const store = new Store(options.now, Math.max(1, options.watchWindow ?? 1000));
  seedStreams(store, options);
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const libraryOptions: ServerOptions = {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.internalRegistryHostname === undefined
      ? {}
      : { internalRegistryHostname: options.internalRegistryHostname }),
    ...(options.externalRegistryHostname === undefined
      ? {}
      : { externalRegistryHostname: options.externalRegistryHostname }),
    getImageStream: (namespace, name) => store.stream(namespace, name),
    getImage: (name) => store.image(name),
  };
  const watches = new Set<ServerResponse>();
  let url = "";
  let closing: Promise<void> | undefined;
  const api: FakeImageApi = {
    get url() {
      return url;
    },
    get resourceVersion() {
      return store.resourceVersion;
    },
    imageStream: (namespace, name) => store.stream(namespace, name),
    image: (name) => store.image(name),
    catalog: () => createCatalog({ imageStreams: store.streamsIn(), images: store.images() }),
    bumpResourceVersion(namespace, name) {
      const stream = store.stream(namespace, name);
      if (stream === undefined) throw new NotFoundError({ resource: "imagestreams", name });
      return String(store.commitStream(stream).metadata?.resourceVersion ?? "");
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const res of watches) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const segments = segmentsOf(url.pathname);
    const path = segments.join("/");
    if (req.method === "GET" && path === "apis") return send(res, 200, apiGroupList());
    if (req.method === "GET" && path === `apis/${GROUP}`) return send(res, 200, apiGroup());
    if (req.method === "GET" && path === `apis/${GROUP}/${VERSION}`) return send(res, 200, apiResourceList());
    const target = targetOf(segments);
    const method = req.method ?? "GET";
    const verb = verbOf(method, target, url.searchParams);
    const key =
      target.subresource === undefined ? target.resource : `${target.resource}/${target.subresource}`;
    const info = RESOURCES.get(key);
    const handler = HANDLERS[key]?.[verb];
    if (info === undefined || (handler === undefined && verb !== "watch") || !info.verbs.includes(verb)) {
      throw methodNotAllowed();
    }
    if (target.namespace === undefined && info.namespaced && verb !== "list" && verb !== "watch") {
      throw pathNotFound();
    }
    const contentType = mediaType(req);
    let body: unknown;
    if (verb === "create" || verb === "update" || verb === "patch" || verb === "delete") {
      const raw = await readBody(req, limit);
      if (raw.length > 0) {
        if (verb !== "patch" && contentType !== "" && contentType !== "application/json") {
          throw unsupportedMediaType(contentType, ["application/json"]);
        }
        body = parseJson(raw, verb === "delete" ? "DeleteOptions" : info.kind);
      }
    } else {
      req.resume();
    }
    const dryRun = url.searchParams.getAll("dryRun");
    for (const value of dryRun) {
      if (value !== "All") {
        throw new BadRequestError(
          `Invalid dryRun option: ${JSON.stringify(value.slice(0, 64))}; only "All" is supported`,
        );
      }
    }
    const routed: Routed = {
      method,
      verb,
      resource: target.resource,
      subresource: target.subresource,
      namespace: target.namespace,
      name: target.name,
      query: url.searchParams,
      contentType,
      body,
    };
    if (options.onRequest !== undefined) {
      const seen: FakeApiRequest = {
        method,
        verb,
        resource: target.resource,
        subresource: target.subresource,
        namespace: target.namespace,
        name: target.name,
        query: Object.fromEntries(url.searchParams),
        body,
      };
      await options.onRequest(seen, api);
    }
    const ctx: Context = {
      store,
      options: libraryOptions,
      dryRun: dryRun.length > 0,
      importer: options.importer,
    };
    if (verb === "watch") return serveWatch(ctx, routed, res, watches);
    const reply = await (handler as Handler)(ctx, routed);
    send(res, reply.code, reply.body);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      const status = statusOf(err);
      send(res, status.code ?? 500, status, status.code === 413);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
