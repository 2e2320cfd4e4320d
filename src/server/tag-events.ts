import { BadRequestError } from "../errors.js";
import type { ImageStream, NamedTagEventList, TagEvent, TagReference } from "../model/index.js";
import {
  isObj,
  itemsOf,
  type Obj,
  StatusDraft,
  specTagName,
  specTagsOf,
  statusTagsOf,
  str,
  streamName,
  streamNamespace,
  withStatusTags,
} from "./internal.js";

/**
 * Result of {@link addTagEventResult}: the next stream and whether R7 reported a change.
 *
 * @example
 * ```ts
 * const { stream, changed }: AddTagEventResult = addTagEventResult(is, "latest", event);
 * ```
 * @public
 */
export interface AddTagEventResult {
  /** The stream after the event was added (the input itself when `changed` is false). */
  readonly stream: ImageStream;
  /** `true` when the status changed (upstream `AddTagEventToImageStream` return value). */
  readonly changed: boolean;
}

/**
 * Result of {@link updateTrackingTagsResult}: the next stream and how many tags were updated.
 *
 * @example
 * ```ts
 * const { stream, updated }: UpdateTrackingTagsResult = updateTrackingTagsResult(is, "2.0", event);
 * ```
 * @public
 */
export interface UpdateTrackingTagsResult {
  /** The stream after the tracking tags were updated (the input itself when `updated` is 0). */
  readonly stream: ImageStream;
  /** Number of tracking tags whose status changed (upstream `UpdateTrackingTags` return value). */
  readonly updated: number;
}

/**
 * R7 on a single status list. Returns the new list, or `undefined` when nothing changes.
 * `tag` names a list that does not exist yet.
 */
export function addEventToList(
  list: NamedTagEventList | undefined,
  tag: string,
  event: TagEvent,
): NamedTagEventList | undefined {
  const items = itemsOf(list);
  const top = items[0];
  // R7.1: no list or no items: the list becomes exactly {items: [E]} (conditions dropped).
  // A malformed top (not an object) is treated the same way.
  if (list === undefined || !isObj(top)) {
    return { tag, items: [event] } as NamedTagEventList;
  }
  const p = top as Obj;
  const e = event as Obj;
  const sameRef = str(p.dockerImageReference) === str(e.dockerImageReference);
  const sameImage = str(p.image) === str(e.image);
  let nextTop: TagEvent;
  if (sameRef && sameImage) {
    if (gen(p) === gen(e)) return undefined;
    nextTop = withField(p, "generation", e.generation) as TagEvent;
  } else if (sameRef) {
    nextTop = withField(withField(p, "image", e.image), "generation", e.generation) as TagEvent;
  } else if (sameImage) {
    nextTop = withField(
      withField(p, "dockerImageReference", e.dockerImageReference),
      "generation",
      e.generation,
    ) as TagEvent;
  } else {
    const next = new Array<TagEvent>(items.length + 1);
    next[0] = event;
    for (let i = 0; i < items.length; i++) next[i + 1] = items[i] as TagEvent;
    return clearConditions(list, next);
  }
  const next = items.slice();
  next[0] = nextTop;
  return clearConditions(list, next);
}

function gen(e: Obj): number {
  return typeof e.generation === "number" ? e.generation : 0;
}

/** Copies `value` into `key`; an undefined value removes the key (missing means Go zero value). */
function withField(o: Obj, key: string, value: unknown): Obj {
  const out: Obj = { ...o };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

function clearConditions(list: NamedTagEventList, items: TagEvent[]): NamedTagEventList {
  const out = { ...list, items } as Obj;
  if ("conditions" in out) delete out.conditions;
  return out as NamedTagEventList;
}

/**
 * Adds a tag event to a stream's status as the API server does (R7, `AddTagEventToImageStream`)
 * and reports whether anything changed.
 *
 * Only `items[0]` is compared: same reference and image with the same generation is a no-op;
 * otherwise the top item is collapsed (same reference and/or same image: fields replaced, its
 * `created` kept) or the event is prepended. Every change clears the tag's conditions.
 *
 * @param stream - the image stream (never modified)
 * @param tag - the status tag
 * @param event - the event to add
 * @returns `{stream, changed}`; `stream` is the input itself when `changed` is false
 *
 * @example
 * ```ts
 * const { stream, changed } = addTagEventResult(is, "latest", {
 *   created: "2024-01-01T00:00:00Z",
 *   dockerImageReference: "registry/ns/is@sha256:…",
 *   image: "sha256:…",
 *   generation: 2,
 * });
 * ```
 * @public
 */
export function addTagEventResult(stream: ImageStream, tag: string, event: TagEvent): AddTagEventResult {
  guard(stream, event, tag);
  const draft = new StatusDraft(statusTagsOf(stream));
  if (!addToDraft(draft, tag, event)) return { stream, changed: false };
  return { stream: withStatusTags(stream, draft.result()), changed: true };
}

/** Rejects non-object streams and events with a BadRequestError (no TypeError on user input). */
function guard(stream: unknown, event: unknown, tag: unknown): void {
  if (typeof tag !== "string") throw new BadRequestError("the tag must be a string");
  if (!isObj(stream)) throw new BadRequestError("an ImageStream object is required");
  if (!isObj(event)) throw new BadRequestError("a TagEvent object is required");
}

/** R7 applied to a draft; true when it changed. */
export function addToDraft(draft: StatusDraft, tag: string, event: TagEvent): boolean {
  const next = addEventToList(draft.get(tag), tag, event);
  if (next === undefined) return false;
  draft.set(tag, next);
  return true;
}

/**
 * Adds a tag event to a stream (R7) and returns the next stream; the very same stream when the
 * event changes nothing. See {@link addTagEventResult} for the rules and the "changed" flag.
 *
 * @example
 * ```ts
 * const next = addTagEvent(is, "latest", { created: now, dockerImageReference: ref, image: "sha256:…", generation: 1 });
 * next === is; // true when items[0] already had that reference, image and generation
 * ```
 * @public
 */
export function addTagEvent(stream: ImageStream, tag: string, event: TagEvent): ImageStream {
  return addTagEventResult(stream, tag, event).stream;
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

/** Source tag → spec tags tracking it; cached per `spec.tags` array and stream identity. */
function trackingIndex(stream: ImageStream): Map<string, string[]> {
  const specTags = specTagsOf(stream);
  const ns = streamNamespace(stream);
  const name = streamName(stream);
  const key = `${ns}/${name}`;
  const cached = trackingCache.get(specTags);
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
  if (specTags.length > 0) trackingCache.set(specTags, { key, index });
  return index;
}

/** The same-stream tag a spec tag tracks (upstream `UpdateTrackingTags` filter), or undefined. */
function trackedTag(ref: TagReference, ns: string, name: string): string | undefined {
  if (!isObj(ref)) return undefined;
  const from = (ref as Obj).from;
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

/** R8.10 on a draft: adds `event` to every tag tracking `tag`; returns the number changed. */
export function trackInDraft(stream: ImageStream, draft: StatusDraft, tag: string, event: TagEvent): number {
  let updated = 0;
  for (const specTag of trackingTagsOf(stream, tag)) {
    if (addToDraft(draft, specTag, event)) updated++;
  }
  return updated;
}

/**
 * Propagates a changed tag's newest event to every spec tag that tracks it (R8.10,
 * `UpdateTrackingTags`) and reports how many tags changed.
 *
 * A tracking tag is a spec tag whose `from` is an ImageStreamTag of the same namespace (empty
 * means same) named `<tag>` or `<thisStream>:<tag>`. Each one gets the event through R7.
 * Tags of other streams or namespaces are never tracked.
 *
 * @example
 * ```ts
 * const { stream, updated } = updateTrackingTagsResult(is, "2.0", is.status.tags[0].items[0]);
 * ```
 * @public
 */
export function updateTrackingTagsResult(
  stream: ImageStream,
  tag: string,
  event: TagEvent,
): UpdateTrackingTagsResult {
  guard(stream, event, tag);
  const draft = new StatusDraft(statusTagsOf(stream));
  const updated = trackInDraft(stream, draft, tag, event);
  if (updated === 0) return { stream, updated };
  return { stream: withStatusTags(stream, draft.result()), updated };
}

/**
 * Propagates `event` (the new `items[0]` of `tag`) to the tags tracking `tag` (R8.10) and returns
 * the next stream (the same stream when no tracking tag changed). See
 * {@link updateTrackingTagsResult} for the count.
 *
 * @example
 * ```ts
 * const next = updateTrackingTags(is, "2.0", { created: now, dockerImageReference: ref, image: "sha256:…", generation: 3 });
 * ```
 * @public
 */
export function updateTrackingTags(stream: ImageStream, tag: string, event: TagEvent): ImageStream {
  return updateTrackingTagsResult(stream, tag, event).stream;
}
