/**
 * §1.8: the virtual ImageTag resource, read side (`GET` and `LIST imagetags`,
 * OAS `registry/imagetag/rest.go`).
 */
import { NotFoundError } from "../errors.js";
import type { Image, ImageStream, ImageTag, NamedTagEventList, TagReference } from "../model/index.js";
import { imageWithMetadata } from "./image-metadata.js";
import {
  conditionsOf,
  findSpecTag,
  findStatusTag,
  isObj,
  itemsOf,
  type Obj,
  str,
  streamName,
  tagsByName,
  topOf,
} from "./internal.js";
import { nowTimestamp, type ServerOptions, sanitizeOptions } from "./options.js";
import { requestedStream } from "./requested-stream.js";
import { resolveReferenceForTagEvent } from "./resolve-image-id.js";

const ITAG = "imagetags";

/**
 * Upstream `newITag`: the stream's metadata renamed `<stream>:<tag>`, the status tag (tag,
 * conditions, items) and a copy of the spec tag when they exist, and the image when one is given.
 * Throws NotFound when the tag has neither a spec nor a status entry.
 */
function newITag(
  tag: string,
  stream: ImageStream,
  image: Image | undefined,
  list: NamedTagEventList | undefined,
  specTag: TagReference | undefined,
  opts: ServerOptions = {},
): ImageTag {
  const name = `${streamName(stream)}:${tag}`;
  if (list === undefined && specTag === undefined) throw new NotFoundError({ resource: ITAG, name });
  const out: Obj = {
    kind: "ImageTag",
    apiVersion: "image.openshift.io/v1",
    metadata: { ...(isObj(stream.metadata) ? stream.metadata : {}), name },
    spec: specTag === undefined ? null : { ...specTag },
    status: null,
    image: null,
  };
  if (list !== undefined) {
    const status: Obj = { tag };
    const conditions = conditionsOf(list);
    if (conditions.length > 0) status.conditions = conditions;
    status.items = itemsOf(list);
    out.status = status;
  }
  if (image !== undefined) {
    // upstream newITag: InternalImageWithMetadata, then the manifest and config are dropped
    const img: Obj = { ...(imageWithMetadata(image, () => nowTimestamp(opts)) as Obj) };
    delete img.dockerImageManifest;
    delete img.dockerImageConfig;
    img.dockerImageReference = resolveReferenceForTagEvent(stream, specTag, topOf(list) as never);
    out.image = img;
  }
  return out as ImageTag;
}

/**
 * Reads the ImageTag `<stream>:<tag>` as `GET imagetags` does (R1.8.1): the stream's metadata
 * under the name `<stream>:<tag>`, `spec` (a copy of the spec tag, or `null`), `status` (the
 * status tag's conditions and items, or `null`) and `image`: the Image of `items[0]` from
 * `opts.getImage` with its metadata filled from the stored manifest (upstream
 * `InternalImageWithMetadata`), manifest and config blanked, `dockerImageReference` resolved for the tag event
 * (R12.3). `image` is `null` when the tag has no image, or `opts.getImage` is absent or does not
 * know it (upstream ignores that NotFound).
 *
 * @param stream - the image stream (`undefined` when it does not exist)
 * @param tag - the tag, or `<stream>:<tag>` as the API names it (empty: `latest`)
 * @param opts - `getImage` to fill `image`
 * @throws NotFoundError (`imagestreams`, `<s>`) when `stream` is missing and `tag` is `<s>:<tag>`;
 *   BadRequestError `ImageTags must be retrieved with <name>:<tag>` when it is missing and `tag` names no stream
 * @throws NotFoundError (`imagetags`, `<stream>:<tag>`) when the tag has neither a spec nor a status entry
 * @example
 * ```ts
 * const itag = getImageTag(is, "latest", { getImage: (name) => images.get(name) });
 * itag.spec?.from?.name; // "ruby:2.7"
 * itag.status?.items?.length; // 2
 * ```
 * @public
 */
export function getImageTag(
  stream: ImageStream | undefined,
  tag: string,
  opts: ServerOptions = {},
): ImageTag {
  opts = sanitizeOptions(opts);
  const requested = requestedStream(stream, tag, "ImageTags");
  const s = requested.stream;
  const t = requested.part || "latest";
  const list = findStatusTag(s, t);
  const image = str((topOf(list) as Obj | undefined)?.image);
  const found = image !== "" && opts.getImage !== undefined ? opts.getImage(image) : undefined;
  return newITag(t, s, found, list, findSpecTag(s, t), opts);
}

/**
 * Lists ImageTags as `LIST imagetags` does (R1.8.1): for each stream in the given order, one
 * entry per tag that has a spec or a status entry, tags in string order; `image` is always `null`
 * on a list.
 *
 * @param streams - one stream or several (e.g. a namespace)
 * @example
 * ```ts
 * listImageTags(is).map((t) => t.metadata?.name); // ["ruby:2.7", "ruby:latest"]
 * ```
 * @public
 */
export function listImageTags(streams: ImageStream | readonly ImageStream[]): ImageTag[] {
  const all = Array.isArray(streams) ? streams : [streams as ImageStream];
  const out: ImageTag[] = [];
  for (const stream of all) {
    if (!isObj(stream)) continue;
    const { spec: specByTag, status: statusByTag } = tagsByName(stream);
    const names = [...new Set([...specByTag.keys(), ...statusByTag.keys()])].sort(byCodeUnits);
    for (const tag of names) {
      out.push(newITag(tag, stream, undefined, statusByTag.get(tag), specByTag.get(tag)));
    }
  }
  return out;
}

/** Go's `sort.Strings` order (byte order; for UTF-16 strings without surrogates, code-unit order). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
