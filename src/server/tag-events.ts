/**
 * R7 (tag events) and R8.10 (tracking tags) as edits of an immer draft, and the public functions
 * built on them. Upstream: openshift/openshift-apiserver pkg/image/apiserver/internalimageutil,
 * `AddTagEventToImageStream` and `UpdateTrackingTags`.
 */
import { BadRequestError } from "../errors.js";
import { produce } from "../internal/immer.js";
import { finish, isRemembered } from "../model/checked.js";
import type { ImageStream, NamedTagEventList, TagEvent, TagReference } from "../model/index.js";
import {
  isObj,
  itemsOf,
  type Obj,
  requireJson,
  specTagName,
  specTagsOf,
  str,
  streamName,
  streamNamespace,
} from "./internal.js";
import { StatusTags } from "./status-tags.js";

/** What R7 does to a list: nothing, a new list, `items[0]` collapsed in place, or a prepend. */
type R7Step = "none" | "new" | "collapse" | "prepend";

/** R7's decision for `list` and `event`, on plain values. */
function r7Step(list: NamedTagEventList | undefined, event: TagEvent): R7Step {
  const top = itemsOf(list)[0];
  // R7.1: no list or no items: the list becomes exactly {tag, items: [E]} (conditions dropped).
  // A malformed top (not an object) is treated the same way.
  if (list === undefined || !isObj(top)) return "new";
  const p = top;
  const e = event;
  const sameRef = str(p.dockerImageReference) === str(e.dockerImageReference);
  const sameImage = str(p.image) === str(e.image);
  if (sameRef && sameImage && gen(p) === gen(e)) return "none";
  return sameRef || sameImage ? "collapse" : "prepend";
}

function gen(e: TagEvent): number {
  return typeof e.generation === "number" ? e.generation : 0;
}

/** The event as the library stores it: a copy, so later edits never reach the caller's object. */
function ownEvent(event: TagEvent): TagEvent {
  return { ...event };
}

/** Sets `key`; an undefined value removes the key (absent is the Go zero value). */
function setField(o: Obj, key: string, value: unknown): void {
  if (value === undefined) delete o[key];
  else o[key] = value;
}

/**
 * R7 (upstream `AddTagEventToImageStream`) on one plain list: only `items[0]` is compared; the
 * same reference and image with the same generation is a no-op (`undefined`); the same reference
 * or the same image updates `items[0]` (its `created` kept); anything else prepends the event.
 * Every change drops the list's conditions. Returns the new list; the other items are shared.
 */
export function addEventToList(
  list: NamedTagEventList | undefined,
  tag: string,
  event: TagEvent,
): NamedTagEventList | undefined {
  const step = r7Step(list, event);
  if (step === "none") return undefined;
  if (step === "new" || list === undefined) return { tag, items: [ownEvent(event)] } as NamedTagEventList;
  const items = itemsOf(list);
  let next: TagEvent[];
  if (step === "collapse") {
    const p = items[0] as TagEvent;
    const e = event;
    const top: Obj = { ...p };
    if (str(p.image) !== str(e.image)) setField(top, "image", e.image);
    if (str(p.dockerImageReference) !== str(e.dockerImageReference)) {
      setField(top, "dockerImageReference", e.dockerImageReference);
    }
    setField(top, "generation", e.generation);
    next = items.slice();
    next[0] = top as unknown as TagEvent;
  } else {
    next = [ownEvent(event), ...items];
  }
  const { conditions: _dropped, ...rest } = list;
  return { ...rest, items: next };
}

/** R7 on the list of `tag` in a recipe's status view; false when nothing changed. */
export function addTagEventToView(view: StatusTags, tag: string, event: TagEvent): boolean {
  const next = addEventToList(view.get(tag), tag, event);
  if (next === undefined) return false;
  view.set(next);
  return true;
}

/**
 * Adds a tag event to a stream's status as the API server does (R7, upstream
 * openshift/openshift-apiserver pkg/image/apiserver/internalimageutil, `AddTagEventToImageStream`).
 *
 * Only `items[0]` is compared: same reference and image with the same generation is a no-op;
 * otherwise the top item is collapsed (same reference and/or same image: fields replaced, its
 * `created` kept) or the event is prepended. Every change clears the tag's conditions. Whether
 * anything changed (upstream's boolean) is `next !== stream`.
 *
 * @param stream - the image stream (never modified; parts shared into the result get frozen)
 * @param tag - the status tag
 * @param event - the event to add (copied, never kept)
 * @returns a deeply frozen stream; `stream` itself when nothing changed
 * @throws {@link BadRequestError} (`isBadRequest`) when `stream` or `event` is not an object;
 *   {@link InvalidError} (`isInvalid`) when they hold values that are not JSON data
 * @example
 * ```ts
 * const next = addTagEvent(is, "latest", { created: now, dockerImageReference: ref, image: "sha256:…", generation: 1 });
 * addTagEvent(next, "latest", next.status!.tags![0]!.items[0]!) === next; // => true
 * ```
 * @public
 */
export function addTagEvent(stream: ImageStream, tag: string, event: TagEvent): ImageStream {
  guard(stream, event, tag);
  return finish(
    produce(stream, (d) => {
      addTagEventToView(new StatusTags(d), tag, event);
    }),
    stream,
  );
}

/** Rejects non-object streams and events with a BadRequestError (no TypeError on user input). */
function guard(stream: unknown, event: unknown, tag: unknown): void {
  if (typeof tag !== "string") throw new BadRequestError("the tag must be a string");
  if (!isObj(stream)) throw new BadRequestError("an ImageStream object is required");
  if (!isObj(event)) throw new BadRequestError("a TagEvent object is required");
  requireJson(stream, "ImageStream", streamName(stream as ImageStream));
  requireJson(event, "TagEvent", "");
  const status = stream.status;
  if (status !== undefined && status !== null && !isObj(status)) {
    throw new BadRequestError("status must be an object");
  }
}

/**
 * Names of the spec tags that track `tag` of this stream (R8.10): `from.kind` ImageStreamTag,
 * namespace empty or the stream's, and `from.name` either `<tag>` or `<thisStream>:<tag>`.
 */
export function trackingTagsOf(stream: ImageStream, tag: string): string[] {
  const index = trackingIndex(stream);
  return index.get(tag) ?? [];
}

const trackingCache = new WeakMap<readonly TagReference[], { key: string; index: Map<string, string[]> }>();

/** Source tag → spec tags tracking it; cached per frozen `spec.tags` array and stream name. */
function trackingIndex(stream: ImageStream): Map<string, string[]> {
  const specTags = specTagsOf(stream);
  const ns = streamNamespace(stream);
  const name = streamName(stream);
  const key = `${ns}/${name}`;
  // cached only for deeply frozen states the library produced: their spec tags cannot change
  const cacheable = isRemembered(stream) && specTags.length > 0;
  const cached = cacheable ? trackingCache.get(specTags) : undefined;
  if (cached && cached.key === key) return cached.index;
  const index = new Map<string, string[]>();
  for (const ref of specTags) {
    const source = trackedTag(ref, ns, name);
    if (source === undefined) continue;
    const list = index.get(source);
    const specTag = specTagName(ref);
    if (list) {
      if (!list.includes(specTag)) list.push(specTag);
    } else index.set(source, [specTag]);
  }
  if (cacheable) trackingCache.set(specTags, { key, index });
  return index;
}

/** The same-stream tag a spec tag tracks (upstream `UpdateTrackingTags` filter), or undefined. */
function trackedTag(ref: TagReference, ns: string, name: string): string | undefined {
  if (!isObj(ref)) return undefined;
  const from = ref.from;
  if (!isObj(from) || from.kind !== "ImageStreamTag") return undefined;
  const refNs = str(from.namespace) || ns;
  if (refNs !== ns) return undefined;
  const fromName = str(from.name);
  const colon = fromName.indexOf(":");
  if (colon < 0) return fromName;
  // SplitImageStreamTag (R2.1): first colon, empty tag means latest.
  const stream = fromName.slice(0, colon);
  const tag = fromName.slice(colon + 1) || "latest";
  return stream === name ? tag : undefined;
}

/**
 * R8.10 on a recipe's status view: adds `event` to every tag tracking `tag`; returns the number changed.
 * `stream` is the plain stream whose spec names the tracking tags.
 */
export function trackInView(stream: ImageStream, view: StatusTags, tag: string, event: TagEvent): number {
  let updated = 0;
  for (const specTag of trackingTagsOf(stream, tag)) {
    if (addTagEventToView(view, specTag, event)) updated++;
  }
  return updated;
}

/**
 * Propagates `event` (the new `items[0]` of `tag`) to every spec tag that tracks `tag` (R8.10,
 * upstream `UpdateTrackingTags`).
 *
 * A tracking tag is a spec tag whose `from` is an ImageStreamTag of the same namespace (empty
 * means same) named `<tag>` or `<thisStream>:<tag>`. Each one gets the event through R7 (see
 * {@link addTagEvent}). Tags of other streams or namespaces are never tracked.
 *
 * @param stream - the image stream (never modified; parts shared into the result get frozen)
 * @param tag - the tag whose newest event changed
 * @param event - that event (copied, never kept)
 * @returns a deeply frozen stream; `stream` itself when no tracking tag changed
 * @throws {@link BadRequestError} (`isBadRequest`) when `stream` or `event` is not an object
 * @example
 * ```ts
 * const next = updateTrackingTags(is, "2.0", { created: now, dockerImageReference: ref, image: "sha256:…", generation: 3 });
 * next.status?.tags?.find((t) => t.tag === "latest")?.items[0]?.image; // => "sha256:…" when latest tracks 2.0
 * ```
 * @public
 */
export function updateTrackingTags(stream: ImageStream, tag: string, event: TagEvent): ImageStream {
  guard(stream, event, tag);
  return finish(
    produce(stream, (d) => {
      trackInView(stream, new StatusTags(d), tag, event);
    }),
    stream,
  );
}
