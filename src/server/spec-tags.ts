/**
 * §8: server-side processing of spec tags (`Strategy.tagsChanged`) and tracking tags
 * (`updateChangedTrackingTags`).
 */
import {
  type FieldError,
  ImageStreamError,
  invalidField,
  NotFoundError,
  notFoundField,
  quoteInput,
} from "../errors.js";
import { type Draft, produce, writable } from "../internal/immer.js";
import type { ImageStream, TagEvent } from "../model/index.js";
import { exactReference, parseDockerImageReference } from "../reference/index.js";
import {
  eventsEqual,
  isObj,
  locateStatusTag,
  type Obj,
  specTagName,
  specTagsByName,
  specTagsOf,
  statusTagName,
  statusTagsOf,
  str,
  streamGeneration,
  streamName,
  streamNamespace,
  topOf,
} from "./internal.js";
import { nowTimestamp, type ServerOptions } from "./options.js";
import { resolveImageId } from "./resolve-image-id.js";
import { StatusTags, withTop } from "./status-tags.js";
import { addTagEventToView, trackingTagsOf } from "./tag-events.js";
import { tagRefChanged } from "./tag-ref-changed.js";

/** Upstream detail for an unparseable `from.name` (R8.5). */
export const FROM_FORM_DETAIL = "must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>";

/**
 * `parseFromReference` (R8.5): splits `from.name` on every `:` (ImageStreamTag) or `@`
 * (ImageStreamImage). Returns `[streamName, tagOrId]` or undefined on error.
 */
export function parseFromReference(
  thisStream: string,
  kind: string,
  name: string,
): [string, string] | undefined {
  let sep: string;
  if (kind === "ImageStreamTag") sep = ":";
  else if (kind === "ImageStreamImage") sep = "@";
  else return undefined;
  const parts = name.split(sep);
  if (parts.length === 1) return [thisStream, name];
  if (parts.length === 2) return [parts[0] as string, parts[1] as string];
  return undefined;
}

/** Result of {@link processSpecTags}. */
export interface SpecTagsResult {
  readonly stream: ImageStream;
  readonly errors: FieldError[];
}

/**
 * Runs §8 on `stream` (whose generations are already settled by §6) against `old` (undefined on
 * create): resolves new or changed spec tags into tag events, then updates tracking tags.
 */
export function processSpecTags(
  old: ImageStream | undefined,
  stream: ImageStream,
  opts: ServerOptions,
): SpecTagsResult {
  const errors: FieldError[] = [];
  const next = produce(stream, (d) => {
    processInDraft(old, stream, d, new StatusTags(d), opts, errors);
  });
  return { stream: next, errors };
}

/** §8 on a stream draft; `stream` is the plain stream the draft started from. */
function processInDraft(
  old: ImageStream | undefined,
  stream: ImageStream,
  d: Draft<ImageStream>,
  view: StatusTags,
  opts: ServerOptions,
  errors: FieldError[],
): void {
  const ns = streamNamespace(stream);
  const name = streamName(stream);
  const generation = streamGeneration(stream);
  const oldTags = specTagsByName(old);
  const specTags = specTagsOf(stream);

  specTags.forEach((ref, index) => {
    const tag = specTagName(ref);
    const oldRef = oldTags.get(tag);
    // R8.1
    if (old !== undefined && oldRef !== undefined && !tagRefChanged(oldRef, ref, ns)) return;
    const from = ref.from;
    // R8.2
    if (!isObj(from)) return;
    // R8.3
    if (ref.generation !== generation) {
      // spec.tags holds only objects here (the shape was checked by normalizeStream)
      writable<Obj>(writable<Obj>(d.spec as Obj, "tags"), index).generation = generation;
    }
    const kind = str(from.kind);
    const fromName = str(from.name);
    const path = `spec.tags[${tag}].from`;
    const reference = ref.reference === true;
    // R8.4
    if (kind === "DockerImage" && fromName !== "") {
      if (reference) {
        addTagEventToView(view, tag, {
          created: nowTimestamp(opts),
          dockerImageReference: fromName,
          image: "",
          generation,
        });
      }
      return;
    }
    // R8.5
    const parsed = parseFromReference(name, kind, fromName);
    if (parsed === undefined) {
      errors.push(invalidField(`${path}.name`, fromName, FROM_FORM_DETAIL));
      return;
    }
    const [sourceName, tagOrId] = parsed;
    // R8.6
    const sourceNs = str(from.namespace) || ns;
    const sameStream = sourceNs === ns && sourceName === name;
    let source: ImageStream | undefined;
    if (!sameStream) {
      try {
        source = opts.getImageStream?.(sourceNs, sourceName);
      } catch (err) {
        if (err instanceof NotFoundError) {
          errors.push(notFoundField(`${path}.name`, fromName));
        } else {
          errors.push(
            invalidField(
              `${path}.name`,
              fromName,
              `unable to retrieve image stream: ${quoteInput(message(err), 1024, String)}`,
            ),
          );
        }
        return;
      }
      if (source === undefined) {
        errors.push(notFoundField(`${path}.name`, fromName));
        return;
      }
    }
    // R8.7
    let event: TagEvent | undefined;
    try {
      if (kind === "ImageStreamImage") {
        const current = sameStream
          ? ({ ...stream, status: { ...stream.status, tags: view.all() } } as ImageStream)
          : (source as ImageStream);
        event = { ...resolveImageId(current, tagOrId, opts), generation };
      } else {
        const sourceTag = tagOrId === "" ? "latest" : tagOrId;
        if (sameStream) {
          const list = view.get(sourceTag);
          const top = topOf(list);
          if (list !== undefined && top !== undefined) {
            event = { ...top, generation };
            // R8.12 quirk: the source tag's items[0] is the same object, so it gets the generation too.
            if (top.generation !== generation) view.set(withTop(list, event));
          }
        } else {
          const list = statusTagsOf(source).find((l) => isObj(l) && l.tag === sourceTag);
          const top = topOf(list);
          if (top !== undefined) event = { ...top, generation };
        }
      }
    } catch (err) {
      errors.push(
        invalidField(
          `${path}.name`,
          fromName,
          `error generating tag event: ${quoteInput(message(err), 1024, String)}`,
        ),
      );
      return;
    }
    if (event === undefined) return;
    // R8.8
    const internal = opts.internalRegistryHostname ?? "";
    if (!reference && internal !== "") {
      const rewritten = rewriteToStream(
        str(event.dockerImageReference),
        internal,
        sourceNs,
        sourceName,
        ns,
        name,
      );
      if (rewritten !== undefined) event = { ...event, dockerImageReference: rewritten };
    }
    // R8.9
    addTagEventToView(view, tag, event);
  });

  updateChangedTrackingTags(old, stream, view);
}

function message(err: unknown): string {
  if (err instanceof ImageStreamError || err instanceof Error) return err.message;
  return String(err);
}

/** R8.8: a pull spec into the source stream of the internal registry is rewritten to this stream. */
function rewriteToStream(
  pullSpec: string,
  internal: string,
  sourceNs: string,
  sourceName: string,
  ns: string,
  name: string,
): string | undefined {
  try {
    const ref = parseDockerImageReference(pullSpec);
    if (ref.registry !== internal || ref.namespace !== sourceNs || ref.name !== sourceName) return undefined;
    return exactReference({ ...ref, namespace: ns, name });
  } catch {
    return undefined;
  }
}

/**
 * R8.10 after spec processing: every status tag whose `items[0]` differs from the old stream's
 * (on create: every status tag with items) propagates its new top to the tags tracking it.
 * Tags changed by tracking propagate in turn (each tag at most once), so chains settle.
 */
function updateChangedTrackingTags(
  old: ImageStream | undefined,
  stream: ImageStream,
  view: StatusTags,
): void {
  const oldLists = statusTagsOf(old);
  // the old top of a tag, looked up only for the tags in the queue (the last duplicate wins)
  const oldTop = (tag: string): TagEvent | undefined => {
    const at = locateStatusTag(oldLists, tag);
    return at >= 0 ? topOf(oldLists[at]) : undefined;
  };
  // When the lists the view started from are the old stream's own, only the lists written since can
  // hold a new top: the others are skipped without being compared.
  const unchangedBase = old !== undefined && view.base === statusTagsOf(old);
  const names = (unchangedBase ? view.written : view.all()).map(statusTagName);
  const queue = [...new Set(names)].sort();
  const processed = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const tag = queue[i] as string;
    if (processed.has(tag)) continue;
    const top = topOf(view.get(tag));
    if (top === undefined) continue;
    if (old !== undefined && eventsEqual(oldTop(tag), top)) continue;
    processed.add(tag);
    for (const tracking of trackingTagsOf(stream, tag)) {
      if (addTagEventToView(view, tracking, top)) queue.push(tracking);
    }
  }
}
