/**
 * `oc tag` writes (docs/behaviour.md §15, R15.8, R15.11–R15.14): applying a planned tag through the
 * ImageStreamTag update path of the server (§13), deleting tags, and rolling a tag back.
 */
import { BadRequestError, NotFoundError } from "../errors.js";
import type { ImageStream, ImageStreamTag } from "../model/index.js";
import { exactReference, parseDockerImageReference } from "../reference/index.js";
import { clipInput } from "../safe-string.js";
import {
  type Catalog,
  deleteImageStreamTag,
  type ServerOptions,
  updateImageStreamTag,
} from "../server/index.js";
import { requestedStream } from "../server/requested-stream.js";
import { planTag, type TagPlan, type TagRequest } from "./tag-plan.js";

/**
 * The result of {@link tag}, {@link untag} and {@link rollbackTag}: the stored stream and what `oc` prints.
 *
 * @example
 * ```ts
 * const { stream, message }: TagResult = tag(python, { source: "python:3.5", destinations: ["python:latest"], namespace: "default" }, opts);
 * ```
 * @public
 */
export interface TagResult {
  /** The stream after the write(s). */
  readonly stream: ImageStream;
  /** The printed output: one line per destination, joined with `\n`. */
  readonly message: string;
  /** The printed lines, one per destination. */
  readonly messages: readonly string[];
}

/**
 * The result of {@link tagInCatalog}: the updated catalog and the printed lines.
 *
 * @example
 * ```ts
 * const { catalog: next, messages }: CatalogTagResult = tagInCatalog(catalog, request, opts);
 * ```
 * @public
 */
export interface CatalogTagResult {
  /** The catalog with every written stream replaced. */
  readonly catalog: Catalog;
  /** One printed line per destination. */
  readonly messages: readonly string[];
}

function metaOf(stream: ImageStream | undefined): { name: string; namespace: string } {
  const m = stream?.metadata;
  return {
    name: typeof m?.name === "string" ? m.name : "",
    namespace: typeof m?.namespace === "string" ? m.namespace : "",
  };
}

/** A `getImageStream` that sees `stream` itself (so same-stream sources resolve against the current state). */
function lookupWith(
  stream: ImageStream | undefined,
  opts: ServerOptions,
): (ns: string, name: string) => ImageStream | undefined {
  const { name, namespace } = metaOf(stream);
  return (ns, n) => {
    if (stream !== undefined && n === name && (ns === namespace || namespace === "")) return stream;
    return opts.getImageStream?.(ns, n);
  };
}

function checkDestination(stream: ImageStream | undefined, ns: string, name: string): void {
  if (stream === undefined) return;
  const meta = metaOf(stream);
  if (meta.name !== name || (meta.namespace !== "" && meta.namespace !== ns)) {
    throw new BadRequestError(
      `destination ${clipInput(`${ns}/${name}`)} is not the image stream ${clipInput(`${meta.namespace}/${meta.name}`)}; use tagInCatalog to tag several image streams`,
    );
  }
}

/** The current project defaults to the stream's namespace when the request names none. */
function withProject(stream: ImageStream | undefined, request: TagRequest): TagRequest {
  if (typeof request !== "object" || request === null || typeof request.namespace === "string")
    return request;
  return { ...request, namespace: metaOf(stream).namespace };
}

function asImageStreamTag(step: TagPlan["steps"][number]): ImageStreamTag {
  return step.imageStreamTag as unknown as ImageStreamTag;
}

function result(stream: ImageStream, messages: string[]): TagResult {
  return { stream, message: messages.join("\n"), messages };
}

/**
 * `oc tag SOURCE DEST…` applied to one image stream: plans the request (R15.1–R15.10, resolving a
 * non-alias ImageStreamTag source to its current image with the stream itself or
 * `opts.getImageStream`, R15.5), then writes each destination through the ImageStreamTag update
 * path (R13.5; the spec tag's annotations are replaced by none, R15.14) and returns the stream with
 * the messages of R15.11. With `delete: true` this is {@link untag}.
 *
 * Every destination must name `stream` (use {@link tagInCatalog} for several streams); `stream`
 * may be `undefined`, in which case the update creates it. Without `request.namespace` the
 * current project is the stream's namespace.
 *
 * @param stream - the destination image stream (or `undefined` to create it).
 * @param request - the `oc tag` arguments and flags.
 * @param opts - server options (clock, registry hostnames, `getImageStream`, `getImage`).
 * @example
 * ```ts
 * const { message } = tag(python, { source: "python:3.5", destinations: ["python:latest"], namespace: "default" }, { now });
 * // "Tag python:latest set to python@sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25."
 * ```
 * @public
 */
export function tag(
  stream: ImageStream | undefined,
  request: TagRequest,
  opts: ServerOptions = {},
): TagResult {
  if (request?.delete === true) return untag(stream as ImageStream, request, opts);
  const plan = planTag(withProject(stream, request), { getImageStream: lookupWith(stream, opts) });
  for (const step of plan.steps) checkDestination(stream, step.destination.namespace, step.destination.name);
  let current = stream;
  const messages: string[] = [];
  for (const step of plan.steps) {
    current = updateImageStreamTag(current, asImageStreamTag(step), opts).stream;
    messages.push(step.message);
  }
  return result(current as ImageStream, messages);
}

/**
 * `oc tag -d DEST…` on one image stream (R15.8): deletes each tag through the ImageStreamTag
 * delete path, which removes the spec tag and its whole history (R9.3), and prints
 * `Deleted tag <ns>/<stream>:<tag>.`. A tag with neither spec nor status is a `NotFoundError`.
 *
 * @param stream - the image stream (`undefined` when it does not exist: the `NotFoundError` of the
 *   stream the first destination names).
 * @param request - the destinations (`delete` is implied) and the current project.
 * @param opts - server options.
 * @example
 * ```ts
 * untag(python, { destinations: ["python:3.5"], namespace: "default" }, { now }).message;
 * // "Deleted tag default/python:3.5."
 * ```
 * @public
 */
export function untag(
  stream: ImageStream | undefined,
  request: TagRequest,
  opts: ServerOptions = {},
): TagResult {
  const plan = planTag({ ...withProject(stream, request), delete: true });
  if (stream === undefined || stream === null) {
    const first = plan.steps[0]?.destination;
    throw new NotFoundError({ resource: "imagestreams", name: first?.name ?? "" });
  }
  for (const step of plan.steps) checkDestination(stream, step.destination.namespace, step.destination.name);
  let current = stream;
  const messages: string[] = [];
  for (const step of plan.steps) {
    current = deleteImageStreamTag(current, step.destination.tag, opts);
    messages.push(step.message);
  }
  return result(current, messages);
}

/**
 * `oc tag` over a whole catalog of image streams: destinations in several streams and namespaces
 * (R15.6–R15.13). The source is resolved once against the catalog as it was before any write
 * (as `oc` does in `Complete`); destinations are then written in argument order, each one seeing
 * the previous writes. Deleting from a missing stream is a `NotFoundError`.
 *
 * @param catalog - the catalog (from `createCatalog`).
 * @param request - the `oc tag` arguments and flags.
 * @param opts - server options; `getImageStream` / `getImage` default to the catalog's.
 * @example
 * ```ts
 * const { catalog: next, messages } = tagInCatalog(catalog, { source: "docker.io/python:3.6.0", destinations: ["python:3.6", "ns2/python:3.6"], namespace: "default" }, { now });
 * // ["Tag python:3.6 set to docker.io/python:3.6.0.", "Tag ns2/python:3.6 set to docker.io/python:3.6.0."]
 * ```
 * @public
 */
export function tagInCatalog(
  catalog: Catalog,
  request: TagRequest,
  opts: ServerOptions = {},
): CatalogTagResult {
  const plan = planTag(request, { getImageStream: (ns, name) => catalog.getImageStream(ns, name) });
  let current = catalog;
  const messages: string[] = [];
  for (const step of plan.steps) {
    const { namespace, name } = step.destination;
    const serverOpts: ServerOptions = {
      ...opts,
      getImageStream: opts.getImageStream ?? ((ns: string, n: string) => current.getImageStream(ns, n)),
      getImage: opts.getImage ?? ((n: string) => current.getImage(n)),
    };
    const stream = current.getImageStream(namespace, name);
    let next: ImageStream;
    if (plan.operation === "delete") {
      if (stream === undefined) throw new NotFoundError({ resource: "imagestreams", name });
      next = deleteImageStreamTag(stream, step.destination.tag, serverOpts);
    } else {
      next = updateImageStreamTag(stream, asImageStreamTag(step), serverOpts).stream;
    }
    current = current.with(next);
    messages.push(step.message);
  }
  return { catalog: current, messages };
}

/**
 * What {@link rollbackTag} does: which tag goes back to which history item.
 *
 * @example
 * ```ts
 * const request: RollbackRequest = { tag: "latest", revision: 1 };
 * ```
 * @public
 */
export interface RollbackRequest {
  /** The tag to roll back: `<tag>` of the given stream, or `<stream>:<tag>`. */
  readonly tag: string;
  /** The history index to go back to: 0 is the current image, 1 the one before, … */
  readonly revision: number;
}

/**
 * Points a tag back at the image of history item `revision` (0 = current), the way
 * `oc tag <stream>@<image> <stream>:<tag>` does: the spec tag becomes an ImageStreamImage
 * reference to that image (a DockerImage reference when the item has no image), the server
 * resolves it (R8.7) and pushes a new top event. History is never rewritten. The tag's
 * `reference` flag and reference policy are kept; its annotations are cleared as by any
 * `oc tag` (R15.14).
 *
 * @param stored - the image stream (`undefined` when it does not exist).
 * @param request - `tag`: the tag to roll back, or `<stream>:<tag>`; `revision`: the history index
 *   to go back to.
 * @param opts - server options.
 * @throws NotFoundError (`imagestreams`, `<stream>`) when `stored` is missing and `nameAndTag` is
 *   `<stream>:<tag>`; (`imagestreamtags`) when the tag has no history
 * @throws BadRequestError for a revision outside the history, or a missing stream that
 *   `nameAndTag` does not name
 * @example
 * ```ts
 * rollbackTag(python, { tag: "latest", revision: 1 }, { now }).message; // => "Tag python:latest set to python@sha256:…."
 * ```
 * @public
 */
export function rollbackTag(
  stored: ImageStream | undefined,
  request: RollbackRequest,
  opts: ServerOptions = {},
): TagResult {
  const { tag: nameAndTag, revision } =
    typeof request === "object" && request !== null ? request : ({} as Partial<RollbackRequest>);
  if (typeof nameAndTag !== "string") throw new BadRequestError("a tag name is required");
  const requested = requestedStream(stored, nameAndTag, "ImageStreamTags");
  const stream = requested.stream;
  const name = requested.name;
  const tagName = requested.part;
  const { namespace } = metaOf(stream);
  const list = (Array.isArray(stream?.status?.tags) ? stream.status.tags : []).find(
    (t) => t?.tag === tagName,
  );
  const items = Array.isArray(list?.items) ? list.items : [];
  if (items.length === 0)
    throw new NotFoundError({ resource: "imagestreamtags", name: `${name}:${tagName}` });
  if (
    typeof revision !== "number" ||
    !Number.isInteger(revision) ||
    revision < 0 ||
    revision >= items.length
  ) {
    throw new BadRequestError(
      `revision ${typeof revision === "number" ? String(revision) : typeof revision} does not exist in the history of ${clipInput(`${name}:${tagName}`)} (${items.length} items)`,
    );
  }
  const event = items[revision] as (typeof items)[number];
  let source: string;
  let sourceKind: string;
  if (typeof event.image === "string" && event.image !== "") {
    source = `${name}@${event.image}`;
    sourceKind = "isimage";
  } else {
    source = exactReference(parseDockerImageReference(event.dockerImageReference));
    sourceKind = "docker";
  }
  const specTag = (Array.isArray(stream.spec?.tags) ? stream.spec.tags : []).find((t) => t?.name === tagName);
  return tag(
    stream,
    {
      source,
      sourceKind,
      destinations: [`${name}:${tagName}`],
      namespace,
      reference: specTag?.reference === true,
      referencePolicy: specTag?.referencePolicy?.type === "Local" ? "local" : "source",
    },
    opts,
  );
}
