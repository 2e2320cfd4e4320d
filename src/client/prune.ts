/**
 * History pruning as `oc adm prune images` does it for image streams (docs/behaviour.md R17.2).
 */
import { castDraft, produce } from "../internal/immer.js";
import { finish } from "../model/checked.js";
import type { Image, ImageStream, TagEvent } from "../model/index.js";
import { type Clock, nowTimestamp } from "../server/options.js";

/**
 * Options of {@link pruneTagHistory}; the defaults are those of `oc adm prune images`.
 *
 * @example
 * ```ts
 * const opts: PruneOptions = { keepTagRevisions: 3, keepYoungerThan: 60 * 60 * 1000, now: "2024-01-01T00:00:00Z" };
 * ```
 * @public
 */
export interface PruneOptions {
  /** `--keep-tag-revisions`: history positions `< n` are kept (default 3). */
  readonly keepTagRevisions?: number;
  /** `--keep-younger-than` in milliseconds: events created less than this long ago are kept (default 60 minutes). */
  readonly keepYoungerThan?: number;
  /** The clock (see `ServerOptions.now`). */
  readonly now?: Clock;
  /** Whether an image is used by other objects (pods, builds, deployments…); their items are kept. */
  readonly isImageUsed?: (image: string) => boolean;
  /** Whether a tag is in use; revision 0 of a used tag is always kept. */
  readonly isTagUsed?: (tag: string) => boolean;
  /** Looks up Image objects; when given, events whose Image no longer exists are dropped. */
  readonly getImage?: (name: string) => Image | undefined;
}

const DEFAULT_KEEP_REVISIONS = 3;
const DEFAULT_KEEP_YOUNGER_THAN = 60 * 60 * 1000;

function timeMillis(value: unknown): number {
  const t = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

function createdMillis(event: TagEvent | undefined): number {
  return timeMillis(event?.created);
}

/**
 * Removes old history items from every status tag, the way `oc adm prune images` would (R17.2).
 *
 * A stream created less than `keepYoungerThan` ago is left alone. Otherwise each item is checked
 * in `oc`'s order: it is kept when it is younger than `keepYoungerThan` or when it is revision 0
 * of a tag `isTagUsed` reports as used; else it is dropped when its Image object is gone
 * (`getImage` returns `undefined`); else it is kept when its position is `< keepTagRevisions` or
 * when `isImageUsed(image)` is true (pods, builds and other objects that hold the image). As in
 * `oc`, another tag of the stream that keeps the same image does not keep this item: it only
 * keeps the image; and an item without an image (a reference tag's event) names no Image that
 * exists, so it goes unless age or a used tag protects it. When anything was pruned, every tag
 * left without items is removed from status (as `oc`'s update does). Returns the very same stream
 * when nothing is pruned.
 *
 * @param stream - the image stream.
 * @param opts - pruning options (defaults: 3 revisions, 60 minutes).
 * @example
 * ```ts
 * const pruned = pruneTagHistory(stream, { keepTagRevisions: 1, keepYoungerThan: 0, now: "2024-01-01T00:00:00Z" });
 * pruned.status?.tags?.[0]?.items.length; // 1
 * ```
 * @public
 */
export function pruneTagHistory(stream: ImageStream, options: PruneOptions = {}): ImageStream {
  const o: PruneOptions = typeof options === "object" && options !== null ? options : {};
  const fn = <F>(f: F | undefined): F | undefined => (typeof f === "function" ? f : undefined);
  const opts = {
    keepTagRevisions: o.keepTagRevisions,
    keepYoungerThan: o.keepYoungerThan,
    now: o.now,
    isImageUsed: fn(o.isImageUsed),
    isTagUsed: fn(o.isTagUsed),
    getImage: fn(o.getImage),
  };
  const tags = typeof stream === "object" && stream !== null ? stream.status?.tags : undefined;
  if (!Array.isArray(tags) || tags.length === 0) return finish(stream, stream);
  const keepRevisions =
    typeof opts.keepTagRevisions === "number" && opts.keepTagRevisions >= 0
      ? opts.keepTagRevisions
      : DEFAULT_KEEP_REVISIONS;
  const keepYounger =
    typeof opts.keepYoungerThan === "number" && opts.keepYoungerThan >= 0
      ? opts.keepYoungerThan
      : DEFAULT_KEEP_YOUNGER_THAN;
  const threshold = Date.parse(nowTimestamp(opts.now === undefined ? {} : { now: opts.now })) - keepYounger;
  // `oc` keeps every item of a stream that is itself younger than the threshold.
  if (timeMillis(stream.metadata?.creationTimestamp) > threshold) return finish(stream, stream);

  let changed = false;
  const pruned = tags.map((list) => {
    const items: readonly TagEvent[] = Array.isArray(list?.items) ? list.items : [];
    const tagUsed = typeof list?.tag === "string" && opts.isTagUsed?.(list.tag) === true;
    const kept = items.filter((event, i) => {
      const image = typeof event?.image === "string" ? event.image : "";
      // `oc`'s order: age and a used tag's revision 0 protect even an item whose Image is gone.
      if (createdMillis(event) > threshold || (i === 0 && tagUsed)) return true;
      // An Image that does not exist drops the item: the empty name never does (reference
      // tags), an unknown one per `getImage`.
      if (image === "" || (opts.getImage !== undefined && opts.getImage(image) === undefined)) return false;
      return i < keepRevisions || opts.isImageUsed?.(image) === true;
    });
    if (kept.length === items.length) return list;
    changed = true;
    return { ...list, items: kept };
  });
  if (!changed) return finish(stream, stream);
  // The update `oc` sends drops every tag left without items (conditions or not).
  const nextTags = pruned.filter((list) => Array.isArray(list?.items) && list.items.length > 0);
  const next = produce(stream, (d) => {
    (d.status as { tags?: unknown }).tags = castDraft(nextTags);
  });
  return finish(next, stream);
}
