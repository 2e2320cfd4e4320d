/**
 * R9.3: deleting an ImageStreamTag removes the spec tag and the whole status history.
 */
import { ConflictError, NotFoundError } from "../errors.js";
import type { ImageStream } from "../model/index.js";
import { updateImageStreamInternal } from "./image-stream.js";
import {
  isObj,
  type Obj,
  specTagName,
  specTagsOf,
  statusTagName,
  statusTagsOf,
  str,
  streamName,
} from "./internal.js";
import { type ServerOptions, sanitizeOptions } from "./options.js";

/**
 * Options of {@link deleteImageStreamTag}: the server options plus an optional UID precondition.
 *
 * @example
 * ```ts
 * const opts: DeleteImageStreamTagOptions = { now: "2024-01-01T00:00:00Z", preconditions: { uid: "ee2b9405-…" } };
 * ```
 * @public
 */
export interface DeleteImageStreamTagOptions extends ServerOptions {
  /** `DeleteOptions.preconditions`: the stream's UID must match. */
  readonly preconditions?: { readonly uid?: string };
}

/**
 * Deletes an ImageStreamTag as `DELETE imagestreamtags/<stream>:<tag>` does (R9.3): removes both
 * the spec tag and the whole status history of `tag`, then writes through the internal update
 * (R6.2.3), so the stream generation rises when the spec changed and legacy tags with a null
 * generation get the new one.
 *
 * @throws NotFoundError (`imagestreamtags`, `<stream>:<tag>`) when neither a spec nor a status tag exists
 * @throws ConflictError `the UID precondition was not met` when `opts.preconditions.uid` differs
 *
 * @example
 * ```ts
 * const next = deleteImageStreamTag(is, "old", { now: "2024-01-01T00:00:00Z" });
 * ```
 * @public
 */
export function deleteImageStreamTag(
  stream: ImageStream,
  tag: string,
  opts: DeleteImageStreamTagOptions = {},
): ImageStream {
  opts = sanitizeOptions(opts);
  const id = `${streamName(stream)}:${str(tag)}`;
  if (!isObj(stream)) throw new NotFoundError({ resource: "imagestreams", name: "" });
  const uid = opts.preconditions?.uid;
  if (uid !== undefined && uid !== "" && uid !== str((stream.metadata as Obj | undefined)?.uid)) {
    throw new ConflictError({ resource: "imagestreamtags", name: id }, "the UID precondition was not met");
  }
  const statusTags = statusTagsOf(stream);
  const specTags = specTagsOf(stream);
  const keptStatus = statusTags.filter((l) => statusTagName(l) !== tag);
  const keptSpec = specTags.filter((t) => specTagName(t) !== tag);
  if (keptStatus.length === statusTags.length && keptSpec.length === specTags.length) {
    throw new NotFoundError({ resource: "imagestreamtags", name: id });
  }
  let next = stream;
  if (keptSpec.length !== specTags.length)
    next = { ...next, spec: { ...(next.spec as Obj), tags: keptSpec } };
  if (keptStatus.length !== statusTags.length) {
    next = { ...next, status: { ...(next.status as Obj), tags: keptStatus } };
  }
  return updateImageStreamInternal(stream, next, opts);
}
