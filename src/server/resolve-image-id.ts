import { ConflictError, NotFoundError, quoteInput } from "../errors.js";
import type { ImageStream, TagEvent, TagReference } from "../model/index.js";
import { digestOrImageMatch } from "../names/index.js";
import { exactReference, parseDockerImageReference } from "../reference/index.js";
import { findSpecTag, isObj, itemsOf, type Obj, statusTagsOf, str } from "./internal.js";
import { nowTimestamp, type ServerOptions, sanitizeOptions } from "./options.js";

/**
 * Finds the one image of a stream's history matching an image id or id prefix (R12.6,
 * `ResolveImageID`) and returns a new tag event for it.
 *
 * Every history item of every status tag is scanned; matching uses R2.6 (`sha256:abc…`,
 * `abc…` and full names match). The event has `created` = now, the matching item's
 * `dockerImageReference` and `image`, and generation 0. When the same image appears several
 * times, the reference comes from the first tag (by name) that has it and, within that tag, from
 * its oldest matching item: upstream keeps the last match of its scan, which within one tag is
 * the oldest item (across tags its order is Go's random map order).
 *
 * @throws NotFoundError (`imagestreamimage`, id) when nothing matches
 * @throws ConflictError `multiple images match the prefix "<id>": a, b` when several images match
 *
 * @example
 * ```ts
 * resolveImageId(is, "sha256:47463d94", { now: "2024-01-01T00:00:00Z" }).image;
 * // "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d"
 * ```
 * @public
 */
export function resolveImageId(stream: ImageStream, id: string, opts: ServerOptions = {}): TagEvent {
  opts = sanitizeOptions(opts);
  const imageId = str(id);
  let first: TagEvent | undefined;
  const images = new Set<string>();
  for (const list of statusTagsOf(stream)) {
    let lastInTag: TagEvent | undefined;
    for (const item of itemsOf(list)) {
      if (!isObj(item)) continue;
      const image = str(item.image);
      if (!digestOrImageMatch(image, imageId)) continue;
      lastInTag = item;
      images.add(image);
    }
    first ??= lastInTag;
  }
  const ref = { resource: "imagestreamimage", name: imageId };
  if (images.size === 0 || first === undefined) throw new NotFoundError(ref);
  if (images.size > 1) {
    const sorted = [...images].sort();
    throw new ConflictError(
      ref,
      `multiple images match the prefix ${quoteInput(imageId)}: ${sorted.join(", ")}`,
    );
  }
  return {
    created: nowTimestamp(opts),
    dockerImageReference: str(first.dockerImageReference),
    image: str(first.image),
    generation: 0,
  };
}

/**
 * The pull spec of a tag event under the tag's reference policy (R12.3,
 * `ResolveReferenceForTagEvent`).
 *
 * `Local` → `<status.dockerImageRepository>@<event image>` (tag cleared, formatted Exact), unless
 * the repository is empty or unparseable or the event has no image; `Source`, anything else, or
 * no spec tag → the event's own `dockerImageReference`.
 *
 * @param stream - the stream (its `status.dockerImageRepository` is used)
 * @param specTag - the spec tag name, or the spec tag itself
 * @param event - the event to resolve
 *
 * @example
 * ```ts
 * resolveReferenceForTagEvent(is, "latest", is.status.tags[0].items[0]);
 * // "172.30.56.218:5000/test/origin-ruby-sample@sha256:…" when latest has referencePolicy Local
 * ```
 * @public
 */
export function resolveReferenceForTagEvent(
  stream: ImageStream,
  specTag: string | TagReference | undefined,
  event: TagEvent,
): string {
  const own = str(event?.dockerImageReference);
  const ref = typeof specTag === "string" ? findSpecTag(stream, specTag) : specTag;
  if (!isObj(ref)) return own;
  const policy = (ref as Obj).referencePolicy;
  if (!isObj(policy) || policy.type !== "Local") return own;
  const repo = str((stream?.status as Obj | undefined)?.dockerImageRepository);
  const image = str(event?.image);
  if (repo === "" || image === "") return own;
  try {
    const parsed = parseDockerImageReference(repo);
    return exactReference({ ...parsed, tag: "", id: image });
  } catch {
    return own;
  }
}
