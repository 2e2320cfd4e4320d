/**
 * §6: create, update (public and internal) and status update of an ImageStream.
 */
import { type FieldError, InvalidError, NotFoundError } from "../errors.js";
import { produce } from "../internal/immer.js";
import { finish } from "../model/checked.js";
import type { ImageStream, NamedTagEventList, TagEvent, TagReference } from "../model/index.js";
import { validateImageStream } from "../validation/index.js";
import {
  commit,
  conditionsOf,
  findSpecTag,
  findStatusIndex,
  isObj,
  itemsOf,
  num,
  type Obj,
  requireJson,
  semanticEqual,
  specTagName,
  specTagsByName,
  specTagsOf,
  statusTagsOf,
  str,
  streamGeneration,
  streamName,
  streamNamespace,
  topOf,
} from "./internal.js";
import { normalizeStream } from "./normalize.js";
import { type ServerOptions, sanitizeOptions } from "./options.js";
import { statusRepositories } from "./repositories.js";
import { processSpecTags } from "./spec-tags.js";
import { StatusTags, withTop } from "./status-tags.js";
import { tagRefChanged } from "./tag-ref-changed.js";

function setGeneration(stream: ImageStream, generation: number): ImageStream {
  const meta = isObj(stream.metadata) ? stream.metadata : {};
  if (meta.generation === generation) return stream;
  return { ...stream, metadata: { ...meta, generation } } as ImageStream;
}

/**
 * The status with its repositories (R5): recomputed from the registry hostnames the call was given;
 * a hostname left out keeps the `stored` value (`null` on create: nothing is stored yet).
 */
function withRepositories(
  status: Obj,
  stream: ImageStream,
  opts: ServerOptions,
  namespaceDefaulting: boolean,
  stored: ImageStream["status"] | null,
): Obj {
  const repos = statusRepositories(stream, { ...opts, namespaceDefaulting, stored: stored ?? null });
  const out: Obj = { ...status, dockerImageRepository: repos.dockerImageRepository };
  if (repos.publicDockerImageRepository === "") delete out.publicDockerImageRepository;
  else out.publicDockerImageRepository = repos.publicDockerImageRepository;
  return out;
}

/** Throws one InvalidError (kind ImageStream) with the §8 errors followed by the validation errors. */
function check(stream: ImageStream, old: ImageStream | undefined, specErrors: FieldError[]): void {
  const errors = [...specErrors, ...validateImageStream(stream, old === undefined ? {} : { old })];
  if (errors.length > 0) {
    throw new InvalidError({ kind: "ImageStream", name: streamName(stream), fieldErrors: errors });
  }
}

/**
 * An update of a stream that is not stored is the API server's 404, naming the stream the request
 * asked for: `imagestreams.image.openshift.io "<name>" not found`.
 */
function missingOld(old: unknown, next: unknown): void {
  if (old !== undefined && old !== null) return;
  const name = isObj(next) ? streamName(next as ImageStream) : "";
  throw new NotFoundError({ resource: "imagestreams", name });
}

function guard(stream: unknown, what: string): ImageStream {
  if (!isObj(stream)) {
    throw new InvalidError({
      kind: "ImageStream",
      name: "",
      fieldErrors: [
        { type: "FieldValueRequired", field: what, value: "", detail: "an ImageStream object is required" },
      ],
    });
  }
  requireJson(stream, "ImageStream", streamName(stream as ImageStream));
  return stream as ImageStream;
}

function create(input: ImageStream, opts: ServerOptions, keepStatus: boolean): ImageStream {
  opts = sanitizeOptions(opts);
  const stream0 = normalizeStream(guard(input, "<root>"), opts);
  // R6.1.2, R6.1.3
  let stream = setGeneration(stream0, 1);
  const specTags = specTagsOf(stream);
  if (specTags.length > 0) {
    const tags = specTags.map((t) => ({ ...t, generation: 1 }) as TagReference);
    stream = { ...stream, spec: { ...(stream.spec as Obj), tags } } as ImageStream;
  }
  // R6.1.1 (public) / R6.1.5 (internal): status and repositories (no namespace defaulting on create).
  const status: Obj = keepStatus && isObj(stream.status) ? stream.status : {};
  stream = { ...stream, status: withRepositories(status, stream, opts, false, null) } as ImageStream;
  // R6.1.4: every spec tag is new.
  const { stream: processed, errors } = processSpecTags(undefined, stream, opts);
  check(processed, undefined, errors);
  return commit(input, processed);
}

/**
 * Creates an image stream as `POST imagestreams` does (R6.1, §8, R5).
 *
 * The submitted status is discarded, `metadata.generation` becomes 1, every spec tag's
 * generation becomes 1, the status repositories are computed, and every spec tag is resolved
 * (DockerImage `reference` tags, ImageStreamTag / ImageStreamImage sources through
 * `opts.getImageStream`) into tag events with generation 1; then tracking tags are filled.
 * Spec and status tags come back sorted (R1.11.1) with their defaults applied.
 *
 * @throws InvalidError (kind `ImageStream`) listing the §8 errors (e.g.
 *   `spec.tags[latest].from.name: Invalid value: "a:b:c": must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>`)
 *   followed by the validation errors of §4.1
 *
 * @example
 * ```ts
 * const is = createImageStream(
 *   { metadata: { name: "ruby", namespace: "test" }, spec: { tags: [{ name: "2", from: { kind: "DockerImage", name: "ruby:2" }, reference: true }] } },
 *   { now: "2024-01-01T00:00:00Z", internalRegistryHostname: "172.30.56.218:5000" },
 * );
 * is.status?.tags?.[0]?.items[0]?.dockerImageReference; // "ruby:2"
 * ```
 * @public
 */
export function createImageStream(stream: ImageStream, opts: ServerOptions = {}): ImageStream {
  return create(stream, opts, false);
}

/**
 * Creates an image stream through the internal path (R6.1.5): like {@link createImageStream}
 * but the submitted status (e.g. import results) is kept.
 *
 * @example
 * ```ts
 * const is = createImageStreamInternal({ metadata: { name: "ruby", namespace: "test" }, status: { tags: [list] } }, opts);
 * ```
 * @public
 */
export function createImageStreamInternal(stream: ImageStream, opts: ServerOptions = {}): ImageStream {
  return create(stream, opts, true);
}

/** R6.2 step 1 / R9.5: drops status lists with neither items nor conditions. */
function collapseEmptyStatusTags(status: Obj): Obj {
  const tags = Array.isArray(status.tags) ? (status.tags as NamedTagEventList[]) : undefined;
  if (tags === undefined) return status;
  const kept = tags.filter((l) => itemsOf(l).length > 0 || conditionsOf(l).length > 0);
  if (kept.length === tags.length) return status;
  return { ...status, tags: kept };
}

function update(oldInput: ImageStream, nextInput: ImageStream, opts: ServerOptions, resetStatus: boolean) {
  opts = sanitizeOptions(opts);
  missingOld(oldInput, nextInput);
  const old = normalizeStream(guard(oldInput, "old"), opts);
  const next = normalizeStream(guard(nextInput, "<root>"), opts);
  const ns = streamNamespace(next);
  // step 1 and 2
  const submitted: Obj = isObj(next.status) ? next.status : {};
  const baseStatus: Obj = resetStatus
    ? isObj(old.status)
      ? old.status
      : {}
    : collapseEmptyStatusTags(submitted);
  let generation = streamGeneration(old);
  // step 3: updateSpecTagGenerationsForUpdate
  const oldTags = specTagsByName(old);
  const tags = specTagsOf(next).map((ref) => {
    const r = ref;
    if (r.generation === 0) return ref;
    const oldRef = oldTags.get(specTagName(ref));
    if (oldRef === undefined) return ref;
    const og = oldRef.generation;
    if (og === r.generation) return ref;
    const { generation: _g, ...rest } = r;
    return (og === undefined ? rest : { ...rest, generation: og }) as TagReference;
  });
  const nextSpec = withSpecTags(isObj(next.spec) ? next.spec : {}, tags);
  // step 4
  if (!semanticEqual(isObj(old.spec) ? old.spec : {}, nextSpec) || generation === 0) {
    generation = streamGeneration(old) + 1;
  }
  // step 5: ensureSpecTagGenerationsAreSet
  const settled = tags.map((ref) => {
    const oldRef = oldTags.get(specTagName(ref));
    let g = ref.generation;
    if (oldRef === undefined || tagRefChanged(oldRef, ref, ns)) g = null;
    if (g === null || g === undefined || g === 0) return { ...ref, generation } as TagReference;
    return ref;
  });
  let stream = {
    ...next,
    metadata: { ...(isObj(next.metadata) ? next.metadata : {}), generation },
    spec: withSpecTags(nextSpec, settled),
  } as ImageStream;
  stream = { ...stream, status: withRepositories(baseStatus, stream, opts, true, old.status) } as ImageStream;
  // keep an absent spec absent when the client sent none and none was stored
  if (!isObj(nextInput.spec) && !isObj(old.spec)) stream = dropEmptySpec(stream);
  // step 6: §8
  const { stream: processed, errors } = processSpecTags(old, stream, opts);
  check(processed, old, errors);
  // Wire-equivalent to the stored object (Go zero values, nil vs empty lists): no write.
  if (semanticEqual(oldInput, processed)) return finish(oldInput, oldInput);
  return commit(oldInput, processed, nextInput);
}

/** Sets `spec.tags`, leaving the key out when it was absent and stays empty. */
function withSpecTags(spec: Obj, tags: readonly TagReference[]): Obj {
  if (tags.length === 0 && !Array.isArray(spec.tags)) return spec;
  return { ...spec, tags };
}

function dropEmptySpec(stream: ImageStream): ImageStream {
  const { spec: _spec, ...rest } = stream as Obj;
  return rest as ImageStream;
}

/**
 * Updates an image stream as `PUT imagestreams` does (R6.2, public path).
 *
 * The client's status is ignored (the old status is kept, repositories recomputed); spec tag
 * generations can only be kept or set to 0; `metadata.generation` rises by one when the spec
 * changed (Kubernetes semantic deep equality) or was 0; new and changed tags (R6.4) get the new
 * stream generation and are resolved (§8); tracking tags follow. A call that changes nothing
 * returns `old` itself; unchanged tags and events are shared with `old`.
 *
 * @throws InvalidError (kind `ImageStream`) with the §8 and validation errors
 *
 * @example
 * ```ts
 * const next = updateImageStream(is, { ...is, spec: { ...is.spec, tags: [...tags, { name: "v2", from: { kind: "ImageStreamTag", name: "latest" } }] } }, opts);
 * next.metadata?.generation; // previous + 1
 * ```
 * @public
 */
export function updateImageStream(
  old: ImageStream,
  next: ImageStream,
  opts: ServerOptions = {},
): ImageStream {
  return update(old, next, opts, true);
}

/**
 * Updates an image stream through the internal path (R6.2.3: ImageStreamTag writes, imports):
 * identical to {@link updateImageStream} except that the submitted status is kept (after dropping
 * status tags with neither items nor conditions, R9.5).
 *
 * @example
 * ```ts
 * const next = updateImageStreamInternal(is, { ...is, status: { ...is.status, tags: importedTags } }, opts);
 * ```
 * @public
 */
export function updateImageStreamInternal(
  old: ImageStream,
  next: ImageStream,
  opts: ServerOptions = {},
): ImageStream {
  return update(old, next, opts, false);
}

/**
 * Updates the status of an image stream as `PUT imagestreams/status` does (R6.3).
 *
 * `spec.tags` and `spec.dockerImageRepository` are forced back to the old values, the stream
 * generation is kept, and each status tag whose new `items[0].generation` is 0 gets a generation:
 * the stream generation when the tag had no old status or its top event did not change
 * (`tagEventChanged`), else the spec tag's generation (the stream generation when the spec tag is
 * missing or has none). §8 and tracking tags do not run. Same object back when nothing changes.
 *
 * @example
 * ```ts
 * const next = updateImageStreamStatus(is, { ...is, status: { ...is.status, tags: [{ tag: "latest", items: [{ ...event, generation: 0 }] }] } });
 * ```
 * @public
 */
export function updateImageStreamStatus(
  old: ImageStream,
  next: ImageStream,
  opts: ServerOptions = {},
): ImageStream {
  opts = sanitizeOptions(opts);
  missingOld(old, next);
  const o = normalizeStream(guard(old, "old"), opts);
  const n = normalizeStream(guard(next, "<root>"), opts);
  const spec: Obj = { ...(isObj(n.spec) ? n.spec : {}) };
  const oldSpec: Obj = isObj(o.spec) ? o.spec : {};
  for (const key of ["tags", "dockerImageRepository"]) {
    if (key in oldSpec) spec[key] = oldSpec[key];
    else delete spec[key];
  }
  const generation = streamGeneration(o);
  let stream = {
    ...n,
    metadata: { ...(isObj(n.metadata) ? n.metadata : {}), generation },
    spec,
  } as ImageStream;
  if (!isObj(n.spec) && !isObj(o.spec)) stream = dropEmptySpec(stream);
  const status: Obj = isObj(stream.status) ? stream.status : {};
  stream = { ...stream, status: withRepositories(status, stream, opts, true, o.status) } as ImageStream;
  const plainStream = stream;
  stream = produce(stream, (d) => observedGenerationsInView(o, new StatusTags(d), plainStream));
  return commit(old, stream, next);
}

/**
 * R6.3.2 (upstream `updateObservedGenerationForStatusUpdate`) on a recipe's status view: each
 * status tag whose `items[0].generation` is 0 gets the stream generation when the tag had no old
 * top or its top did not change (`tagEventChanged`), else its spec tag's generation (the stream
 * generation when there is none). `old` is the stored stream; `stream` the plain stream whose
 * metadata and spec the recipe keeps. Writes only what changes; when neither the lists the view
 * started from nor those written since hold a zero top, nothing is scanned.
 */
export function observedGenerationsInView(
  old: ImageStream,
  view: StatusTags,
  stream: ImageStream = old,
): void {
  if (!hasZeroTop(view.base) && !hasZeroTop(view.written)) return;
  const generation = streamGeneration(stream);
  const oldTags = statusTagsOf(old);
  for (const list of view.all()) {
    const top = topOf(list);
    if (top === undefined || num(top.generation) !== 0) continue;
    const tag = str(list.tag);
    const oldTop = topOf(oldTags[findStatusIndex(oldTags, tag)]);
    let g: number;
    if (oldTop === undefined || !tagEventChanged(oldTop, top)) {
      g = generation;
    } else {
      const sg = findSpecTag(stream, tag)?.generation;
      g = typeof sg === "number" ? sg : generation;
    }
    if (g === 0 && top.generation === 0) continue;
    view.set(withTop(list, { ...top, generation: g }));
  }
}

/**
 * True when some status tag's `items[0].generation` is 0. A frozen list found free of zeros is
 * remembered (`WeakSet`), when its entries are frozen too.
 */
function hasZeroTop(tags: readonly NamedTagEventList[]): boolean {
  if (zeroFree.has(tags)) return false;
  for (const list of tags) {
    const top = topOf(list);
    if (top !== undefined && num(top.generation) === 0) return true;
  }
  if (Object.isFrozen(tags) && tags.every(deepFrozenTop)) zeroFree.add(tags);
  return false;
}
const zeroFree = new WeakSet<readonly NamedTagEventList[]>();
/** The list, its items array and its top are frozen: the top's generation cannot change. */
function deepFrozenTop(list: NamedTagEventList): boolean {
  const items = list.items;
  return Object.isFrozen(list) && Object.isFrozen(items) && Object.isFrozen(topOf(list));
}

/** `tagEventChanged(old, next)`: image or reference differs, or the old generation is greater. */
function tagEventChanged(old: TagEvent, next: TagEvent): boolean {
  return (
    str(old.image) !== str(next.image) ||
    str(old.dockerImageReference) !== str(next.dockerImageReference) ||
    num(old.generation) > num(next.generation)
  );
}
