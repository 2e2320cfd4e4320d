/**
 * §1.8: the virtual ImageTag resource, read side (`GET` and `LIST imagetags`,
 * OAS `registry/imagetag/rest.go`).
 */
import { NotFoundError } from "../errors.js";
import type { Image, ImageStream, ImageTag, NamedTagEventList, TagReference } from "../model/index.js";
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
import { type ServerOptions, sanitizeOptions } from "./options.js";
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
): ImageTag {
  const name = `${streamName(stream)}:${tag}`;
  if (list === undefined && specTag === undefined) throw new NotFoundError({ resource: ITAG, name });
  const out: Obj = {
    kind: "ImageTag",
    apiVersion: "image.openshift.io/v1",
    metadata: { ...(isObj(stream.metadata) ? stream.metadata : {}), name },
    spec: specTag === undefined ? null : { ...(specTag as Obj) },
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
    const img: Obj = { ...(image as Obj) };
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
 * `opts.getImage`, manifest and config blanked, `dockerImageReference` resolved for the tag event
 * (R12.3). `image` is `null` when the tag has no image, or `opts.getImage` is absent or does not
 * know it (upstream ignores that NotFound).
 *
 * @param stream - the image stream
 * @param tag - the tag (empty: `latest`)
 * @param opts - `getImage` to fill `image`
 * @throws NotFoundError (`imagetags`, `<stream>:<tag>`) when the tag has neither a spec nor a status entry
 * @example
 * ```ts
 * const itag = getImageTag(is, "latest", { getImage: (name) => images.get(name) });
 * itag.spec?.from?.name; // "ruby:2.7"
 * itag.status?.items?.length; // 2
 * ```
 * @public
 */
export function getImageTag(stream: ImageStream, tag: string, opts: ServerOptions = {}): ImageTag {
  opts = sanitizeOptions(opts);
  if (!isObj(stream)) throw new NotFoundError({ resource: "imagestreams", name: "" });
  const t = str(tag) || "latest";
  const list = findStatusTag(stream, t);
  const image = str((topOf(list) as Obj | undefined)?.image);
  const found = image !== "" && opts.getImage !== undefined ? opts.getImage(image) : undefined;
  return newITag(t, stream, found, list, findSpecTag(stream, t));
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
