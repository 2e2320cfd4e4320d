/**
 * The current image of a tag (docs/behaviour.md R12.1, R12.2) and its history.
 */
import type { ImageStream, TagEvent } from "../model/index.js";
import { defaultTag, itemsOf, specHasTag, statusHasTag } from "./internal.js";
import { referenceForEvent } from "./reference-policy.js";

/**
 * The newest tag event of a tag (`LatestTaggedImage`, docs/behaviour.md R12.1).
 *
 * An empty tag means `latest`. Returns `items[0]` of the tag's status history, or `undefined`
 * when the tag has no status or no items. Spec tags are never consulted and references are not
 * followed.
 *
 * @param stream - the image stream
 * @param tag - the tag name (`""` → `latest`)
 * @example
 * ```ts
 * latestTaggedImage(stream, "latest")?.dockerImageReference;
 * // => "registry:5000/test/ruby@sha256:4746…"
 * ```
 * @public
 */
export function latestTaggedImage(stream: ImageStream, tag: string): TagEvent | undefined {
  const items = itemsOf(statusHasTag(stream, defaultTag(tag)));
  const top = items[0];
  return top !== null && typeof top === "object" ? top : undefined;
}

/**
 * The pull spec of a tag's current image, honouring the tag's reference policy
 * (`ResolveLatestTaggedImage`, docs/behaviour.md R12.2).
 *
 * An empty tag means `latest`. `undefined` when the tag has no image yet; the event's
 * `dockerImageReference` when there is no spec tag; otherwise the reference-policy rule R12.3
 * (`Local` → `<status.dockerImageRepository>@<image>`).
 *
 * @param stream - the image stream
 * @param tag - the tag name (`""` → `latest`)
 * @example
 * ```ts
 * resolveLatestTaggedImage(stream, "latest");
 * // => "image-registry.openshift-image-registry.svc:5000/test/ruby@sha256:4746…" (Local policy)
 * ```
 * @public
 */
export function resolveLatestTaggedImage(stream: ImageStream, tag: string): string | undefined {
  const name = defaultTag(tag);
  const latest = latestTaggedImage(stream, name);
  if (latest === undefined) return undefined;
  return referenceForEvent(stream, specHasTag(stream, name), latest);
}

/**
 * The history of a tag, newest first (a copy of `status.tags[tag].items`).
 *
 * An empty tag means `latest`. Returns an empty array when the tag has no status.
 *
 * @param stream - the image stream
 * @param tag - the tag name (`""` → `latest`)
 * @example
 * ```ts
 * tagHistory(stream, "latest").map((e) => e.image);
 * // => ["sha256:909de6…", "sha256:47463d…"]
 * ```
 * @public
 */
export function tagHistory(stream: ImageStream, tag: string): TagEvent[] {
  return itemsOf(statusHasTag(stream, defaultTag(tag))).filter(
    (e): e is TagEvent => e !== null && typeof e === "object",
  );
}
