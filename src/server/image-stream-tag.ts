/**
 * §13: the virtual ImageStreamTag resource (get, list, create, update).
 */
import {
  AlreadyExistsError,
  BadRequestError,
  ConflictError,
  ImageStreamError,
  InvalidError,
  NotFoundError,
  quoteInput,
} from "../errors.js";
import {
  compareTagNames,
  type Image,
  type ImageStream,
  type ImageStreamTag,
  type NamedTagEventList,
  type TagReference,
} from "../model/index.js";
import { parseImageStreamTagName, splitImageStreamTag } from "../names/index.js";
import { validateImageStreamTag, validateImageStreamTagUpdate } from "../validation/index.js";
import { imageWithMetadata } from "./image-metadata.js";
import { createImageStream, updateImageStreamInternal } from "./image-stream.js";
import {
  conditionsOf,
  findSpecTag,
  findStatusTag,
  isObj,
  type Obj,
  specTagName,
  specTagsOf,
  str,
  streamName,
  streamNamespace,
  tagsByName,
  topOf,
} from "./internal.js";
import { nowTimestamp, type ServerOptions, sanitizeOptions } from "./options.js";
import { requestedStream } from "./requested-stream.js";
import { resolveReferenceForTagEvent } from "./resolve-image-id.js";

/**
 * Result of {@link createImageStreamTag}.
 *
 * @example
 * ```ts
 * const { stream, imageStreamTag }: CreateImageStreamTagResult = createImageStreamTag(is, istag, opts);
 * ```
 * @public
 */
export interface CreateImageStreamTagResult {
  /** The stream after the write (created when it did not exist). */
  readonly stream: ImageStream;
  /** The ImageStreamTag the server answers with. */
  readonly imageStreamTag: ImageStreamTag;
}

/**
 * Result of {@link updateImageStreamTag}.
 *
 * @example
 * ```ts
 * const { stream, imageStreamTag, created }: UpdateImageStreamTagResult = updateImageStreamTag(is, istag, opts);
 * ```
 * @public
 */
export interface UpdateImageStreamTagResult extends CreateImageStreamTagResult {
  /** `true` when the spec tag did not exist before. */
  readonly created: boolean;
}

const ISTAG = "imagestreamtags";

/** Upstream `imageFor` + R13.1: the Image of a tag's top event, or throws NotFound. */
function imageFor(stream: ImageStream, tag: string, opts: ServerOptions): Image {
  const top = topOf(findStatusTag(stream, tag));
  const image = str((top as Obj | undefined)?.image);
  if (top === undefined || image === "") {
    throw new NotFoundError({ resource: ISTAG, name: `${streamName(stream)}:${tag}` });
  }
  if (opts.getImage === undefined) return { metadata: { name: image } } as Image;
  const found = opts.getImage(image);
  if (found === undefined) throw new NotFoundError({ resource: "images", name: image });
  return found;
}

/** The clock of a call that never reads an Image's manifest (no Image is given). */
const NO_CLOCK = (): string => "";

/** Upstream `newISTag` (R13.2). */
function newISTag(
  tag: string,
  stream: ImageStream,
  image: Image | undefined,
  allowEmptyEvent: boolean,
  now: () => string,
  found?: { readonly list: NamedTagEventList | undefined; readonly specTag: TagReference | undefined },
): ImageStreamTag {
  const name = `${streamName(stream)}:${tag}`;
  const list = found ? found.list : findStatusTag(stream, tag);
  let event = topOf(list) as Obj | undefined;
  const meta: Obj = isObj(stream.metadata) ? stream.metadata : {};
  if (event === undefined || str(event.image) === "") {
    if (!allowEmptyEvent) throw new NotFoundError({ resource: ISTAG, name });
    event = { created: meta.creationTimestamp ?? null, dockerImageReference: "", image: "", generation: 0 };
  }
  const annotations: Record<string, string> = {};
  const metadata: Obj = { name };
  const ns = streamNamespace(stream);
  if (ns !== "") metadata.namespace = ns;
  metadata.creationTimestamp = event.created ?? null;
  metadata.annotations = annotations;
  if (isObj(meta.labels)) metadata.labels = meta.labels;
  if (meta.resourceVersion !== undefined) metadata.resourceVersion = meta.resourceVersion;
  if (meta.uid !== undefined) metadata.uid = meta.uid;
  const specTag = found ? found.specTag : findSpecTag(stream, tag);
  let outImage: Obj;
  if (image !== undefined) {
    outImage = { ...(image as Obj) };
    if (specTag !== undefined) {
      const imageMeta: Obj = isObj(outImage.metadata) ? { ...outImage.metadata } : {};
      const imageAnnotations: Obj = isObj(imageMeta.annotations) ? { ...imageMeta.annotations } : {};
      const tagAnnotations = specTag.annotations;
      if (isObj(tagAnnotations)) {
        for (const [k, v] of Object.entries(tagAnnotations)) {
          annotations[k] = v as string;
          imageAnnotations[k] = v;
        }
      }
      imageMeta.annotations = imageAnnotations;
      outImage.metadata = imageMeta;
    }
    // upstream newISTag: InternalImageWithMetadata after the annotations, then the blobs are dropped
    outImage = { ...(imageWithMetadata(outImage as Image, now) as Obj) };
    delete outImage.dockerImageManifest;
    delete outImage.dockerImageConfig;
  } else {
    if (specTag !== undefined) {
      const tagAnnotations = specTag.annotations;
      if (isObj(tagAnnotations)) Object.assign(annotations, tagAnnotations);
    }
    outImage = { metadata: { name: str(event.image) } };
  }
  outImage.dockerImageReference = resolveReferenceForTagEvent(stream, specTag, event as never);
  const spec = isObj(stream.spec) ? stream.spec : {};
  const lookup = isObj(spec.lookupPolicy) ? spec.lookupPolicy : {};
  const out: Obj = {
    kind: "ImageStreamTag",
    apiVersion: "image.openshift.io/v1",
    metadata,
    tag: specTag === undefined ? null : specTag,
    generation: typeof event.generation === "number" ? event.generation : 0,
    lookupPolicy: { ...lookup, local: lookup.local === true },
  };
  const conditions = conditionsOf(list);
  if (conditions.length > 0) out.conditions = conditions;
  out.image = outImage;
  return out as ImageStreamTag;
}

/**
 * Reads the ImageStreamTag `<stream>:<tag>` as `GET imagestreamtags` does (R13.1, R13.2).
 *
 * The result carries the stream's namespace, labels, resourceVersion and UID,
 * `creationTimestamp` = `items[0].created`, `generation` = `items[0].generation`, the tag's
 * conditions, the stream's lookupPolicy, a copy of the spec tag (or `null`), the spec tag's
 * annotations (also overlaid onto the image's annotations), the Image from `opts.getImage` with
 * its metadata filled from the stored manifest (layers, `dockerImageMetadata`, media type: upstream
 * `InternalImageWithMetadata`) and then manifest and config blanked, and
 * `image.dockerImageReference` = R12.3 applied to `items[0]`. Without `opts.getImage` the image is
 * `{metadata: {name}}`. The responses of {@link createImageStreamTag} and {@link updateImageStreamTag}
 * are built the same way.
 *
 * @param stream - the stream (`undefined` when it does not exist)
 * @param tag - the tag, or `<stream>:<tag>` as the API names it (empty: `latest`)
 * @param opts - `getImage` to fill `image`
 * @throws NotFoundError (`imagestreams`, `<s>`) when `stream` is missing and `tag` is `<s>:<tag>`;
 *   BadRequestError `ImageStreamTags must be retrieved with <name>:<tag>` when it is missing and
 *   `tag` names no stream, or `tag` is not a valid `<name>:<tag>`
 * @throws NotFoundError (`imagestreamtags`, `<s>:<t>`) when the tag has no status items or
 *   `items[0].image` is empty (a DockerImage `reference: true` tag is never gettable, §18.6)
 * @throws NotFoundError (`images`) when `opts.getImage` does not know the image
 * @throws BadRequestError with the upstream message when the Image's stored manifest or config
 *   cannot be read (upstream a server error)
 *
 * @example
 * ```ts
 * const istag = getImageStreamTag(is, "latest", createCatalog({ imageStreams: [is], images }));
 * istag.image?.dockerImageReference; // "172.30.56.218:5000/test/origin-ruby-sample@sha256:…"
 * ```
 * @public
 */
export function getImageStreamTag(
  stream: ImageStream | undefined,
  tag: string,
  opts: ServerOptions = {},
): ImageStreamTag {
  opts = sanitizeOptions(opts);
  const found = requestedStream(stream, tag, "ImageStreamTags");
  const t = found.part || "latest";
  return newISTag(t, found.stream, imageFor(found.stream, t, opts), false, () => nowTimestamp(opts));
}

/**
 * Lists ImageStreamTags as `LIST imagestreamtags` does (R13.3): one entry per **status** tag with
 * an image (spec-only and reference-only tags are skipped), sorted by stream then tag; `image`
 * only has `metadata.name` and the R12.3 `dockerImageReference`.
 *
 * @param streams - one stream or several (e.g. a namespace)
 *
 * @example
 * ```ts
 * listImageStreamTags(is).map((t) => t.metadata?.name); // ["origin-ruby-sample:latest"]
 * ```
 * @public
 */
export function listImageStreamTags(
  streams: ImageStream | readonly ImageStream[],
  _opts: ServerOptions = {},
): ImageStreamTag[] {
  const list = Array.isArray(streams) ? streams : [streams as ImageStream];
  const out: ImageStreamTag[] = [];
  for (const stream of list) {
    if (!isObj(stream)) continue;
    // One pass over each list (the last duplicate wins, R1.11.2), so listing n tags is O(n log n).
    const { spec: specByTag, status: statusByTag } = tagsByName(stream);
    for (const tag of [...statusByTag.keys()].sort(compareTagNames)) {
      const list = statusByTag.get(tag);
      const top = topOf(list);
      if (top === undefined || str(top.image) === "") continue;
      out.push(newISTag(tag, stream, undefined, false, NO_CLOCK, { list, specTag: specByTag.get(tag) }));
    }
  }
  return out;
}

function invalid(istag: Obj, errors: ReturnType<typeof validateImageStreamTag>): void {
  if (errors.length > 0) {
    throw new InvalidError({
      kind: "ImageStreamTag",
      name: str((istag.metadata as Obj | undefined)?.name),
      fieldErrors: errors,
    });
  }
}

/** The image of the tag for the response, ignoring NotFound (upstream ignores the error). */
function imageForResponse(stream: ImageStream, tag: string, opts: ServerOptions): Image | undefined {
  try {
    return imageFor(stream, tag, opts);
  } catch (err) {
    if (err instanceof ImageStreamError && err.reason === "NotFound") return undefined;
    /* c8 ignore next */
    throw err;
  }
}

function withSpecTag(stream: ImageStream, tag: string, ref: TagReference): ImageStream {
  const tags = specTagsOf(stream).filter((t) => specTagName(t) !== tag);
  tags.push(ref);
  return { ...stream, spec: { ...(isObj(stream.spec) ? stream.spec : {}), tags } } as ImageStream;
}

function newStream(name: string, namespace: string): ImageStream {
  return { metadata: namespace === "" ? { name } : { name, namespace } } as ImageStream;
}

/**
 * Creates an ImageStreamTag as `POST imagestreamtags` does (R13.4).
 *
 * The name must contain `:`; a missing stream is created through the public create path (R6.1);
 * an existing spec tag is AlreadyExists; the request's `tag` (with `name` set to the tag) becomes
 * the spec tag, written through the internal update (R6.2.3), so it is resolved (§8). Metadata
 * annotations, conditions and image of the request are ignored.
 *
 * @param stream - the target stream, `undefined` when it does not exist yet
 * @throws BadRequestError `"<n>" must be of the form <stream_name>:<tag>`
 * @throws AlreadyExistsError (`imagestreamtag`) when the spec tag exists
 * @throws InvalidError (kind `ImageStreamTag`) on validation errors (R4.4), or (kind `ImageStream`) from the write
 *
 * @example
 * ```ts
 * const { stream, imageStreamTag } = createImageStreamTag(is, {
 *   metadata: { name: "ruby:stable", namespace: "test" },
 *   tag: { name: "stable", from: { kind: "ImageStreamTag", name: "latest" } },
 * }, opts);
 * ```
 * @public
 */
export function createImageStreamTag(
  stream: ImageStream | undefined,
  istag: ImageStreamTag,
  opts: ServerOptions = {},
): CreateImageStreamTagResult {
  opts = sanitizeOptions(opts);
  const ist: Obj = isObj(istag) ? istag : {};
  const prepared: Obj = { ...ist };
  delete prepared.conditions;
  delete prepared.image;
  invalid(ist, validateImageStreamTag(prepared));
  const meta: Obj = isObj(ist.metadata) ? ist.metadata : {};
  const fullName = str(meta.name);
  const { name, tag, ok } = splitImageStreamTag(fullName);
  if (!ok) throw new BadRequestError(`${quoteInput(fullName)} must be of the form <stream_name>:<tag>`);
  const target = stream ?? newStream(name, str(meta.namespace));
  if (findSpecTag(target, tag) !== undefined) {
    throw new AlreadyExistsError({ resource: "imagestreamtag", name: fullName });
  }
  let next = target;
  const requestTag = isObj(istag?.tag) ? istag.tag : undefined;
  if (requestTag) next = withSpecTag(target, tag, { ...requestTag, name: tag });
  const written =
    stream === undefined ? createImageStream(next, opts) : updateImageStreamInternal(stream, next, opts);
  const image = imageForResponse(written, tag, opts);
  return { stream: written, imageStreamTag: newISTag(tag, written, image, true, () => nowTimestamp(opts)) };
}

/**
 * Updates (or creates) an ImageStreamTag as `PUT imagestreamtags` does — what `oc tag` uses (R13.5).
 *
 * A missing stream is created. The spec tag becomes the request's `tag` (name forced to the tag)
 * and its `annotations` become the request's `metadata.annotations` — so an update without
 * annotations wipes the spec tag's annotations (quirk R15.14, §18.8). A request without `tag`
 * only rewrites the annotations of an existing spec tag. The write goes through the internal
 * update (R6.2.3) or the public create (R6.1).
 *
 * @param stream - the stream named in `metadata.name`, `undefined` when it does not exist
 * @throws BadRequestError `ImageStreamTags must be retrieved with <name>:<tag>` for a bad name
 * @throws BadRequestError `imagestreamtag <t> is not a spec tag in imagestream <ns>/<s>, cannot be updated`
 * @throws ConflictError `another caller has updated the resource version to <rv>` on a stale resourceVersion
 * @throws NotFoundError (`imagestreamtags`) when a resourceVersion is sent but the stream does not exist
 * @throws InvalidError (kind `ImageStreamTag`) on validation errors (R4.4)
 *
 * @example
 * ```ts
 * const { stream, created } = updateImageStreamTag(is, {
 *   metadata: { name: "ruby:v1", namespace: "test" },
 *   tag: { name: "v1", from: { kind: "ImageStreamImage", name: "ruby@sha256:47463d94eb5c" }, generation: 0 },
 * }, opts);
 * ```
 * @public
 */
export function updateImageStreamTag(
  stream: ImageStream | undefined,
  istag: ImageStreamTag,
  opts: ServerOptions = {},
): UpdateImageStreamTagResult {
  opts = sanitizeOptions(opts);
  const ist: Obj = isObj(istag) ? istag : {};
  const meta: Obj = isObj(ist.metadata) ? ist.metadata : {};
  const fullName = str(meta.name);
  let name: string;
  let tag: string;
  try {
    ({ name, tag } = parseImageStreamTagName(fullName));
  } catch {
    throw new BadRequestError("ImageStreamTags must be retrieved with <name>:<tag>");
  }
  const create = stream === undefined;
  const target = stream ?? newStream(name, str(meta.namespace));
  const old = newISTag(tag, target, undefined, true, NO_CLOCK) as Obj;
  const streamMeta: Obj = isObj(target.metadata) ? target.metadata : {};
  const streamRV = str(streamMeta.resourceVersion);
  const requestRV = str(meta.resourceVersion);
  const nextMeta: Obj = { ...meta };
  if (requestRV === "") {
    if (streamRV !== "") nextMeta.resourceVersion = streamRV;
  } else if (streamRV === "") {
    throw new NotFoundError({ resource: ISTAG, name: fullName });
  } else if (streamRV !== requestRV) {
    throw new ConflictError(
      { resource: ISTAG, name: fullName },
      `another caller has updated the resource version to ${streamRV}`,
    );
  }
  const labels = streamMeta.labels;
  if (
    isObj(labels) &&
    Object.keys(labels).length > 0 &&
    !(isObj(meta.labels) && Object.keys(meta.labels).length > 0)
  ) {
    nextMeta.labels = labels;
  }
  const annotations = isObj(meta.annotations) ? meta.annotations : null;
  const prepared: Obj = { ...ist, metadata: nextMeta };
  if (isObj(ist.tag)) prepared.tag = { ...ist.tag, annotations };
  if (create) {
    delete prepared.conditions;
    delete prepared.image;
    invalid(ist, validateImageStreamTag(prepared));
  } else {
    if ("conditions" in old) prepared.conditions = old.conditions;
    else delete prepared.conditions;
    prepared.image = old.image;
    invalid(ist, validateImageStreamTagUpdate(prepared, old));
  }
  const existing = findSpecTag(target, tag);
  if (existing === undefined && !isObj(ist.tag)) {
    throw new BadRequestError(
      `imagestreamtag ${tag} is not a spec tag in imagestream ${streamNamespace(target)}/${streamName(target)}, cannot be updated`,
    );
  }
  const requestTag = isObj(istag?.tag) ? istag.tag : undefined;
  const base = requestTag ?? (existing as TagReference);
  const ref = { ...base, name: tag, annotations } as TagReference;
  const next = withSpecTag(target, tag, ref);
  const written = create ? createImageStream(next, opts) : updateImageStreamInternal(target, next, opts);
  const image = imageForResponse(written, tag, opts);
  return {
    stream: written,
    imageStreamTag: newISTag(tag, written, image, true, () => nowTimestamp(opts)),
    created: existing === undefined,
  };
}
