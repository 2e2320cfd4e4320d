/**
 * R9.3: deleting an ImageStreamTag removes the spec tag and the whole status history.
 */
import { ConflictError, NotFoundError } from "../errors.js";
import type { ImageStream } from "../model/index.js";
import { updateImageStreamInternal } from "./image-stream.js";
import { type Obj, specTagName, specTagsOf, statusTagName, statusTagsOf, str } from "./internal.js";
import { type ServerOptions, sanitizeOptions } from "./options.js";
import { requestedStream } from "./requested-stream.js";

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
 * @param stored - the stream (`undefined` when it does not exist)
 * @param tagArg - the tag, or `<stream>:<tag>` as the API names it
 * @param opts - server options and the UID precondition
 * @throws NotFoundError (`imagestreams`, `<s>`) when `stored` is missing and `tagArg` is `<s>:<tag>`;
 *   BadRequestError `ImageStreamTags must be retrieved with <name>:<tag>` when it is missing and
 *   `tagArg` names no stream
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
  stored: ImageStream | undefined,
  tagArg: string,
  opts: DeleteImageStreamTagOptions = {},
): ImageStream {
  opts = sanitizeOptions(opts);
  const { stream, name, part: tag } = requestedStream(stored, tagArg, "ImageStreamTags");
  const id = `${name}:${tag}`;
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
