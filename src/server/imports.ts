/**
 * Image imports (docs/behaviour.md §11): applying an ImageStreamImport result to a stream
 * (OAS `registry/imagestreamimport/rest.go`), deciding what the import controller posts
 * (OCM `imagestream_controller.go`) and whether a stream is scheduled
 * (OCM `scheduled_image_controller.go`).
 */
import { BadRequestError, ConflictError, NotFoundError, quoteInput } from "../errors.js";
import {
  DOCKER_IMAGE_REPOSITORY_CHECK_ANNOTATION,
  IMPORTER_PREFER_ARCH_ANNOTATION,
  IMPORTER_PREFER_OS_ANNOTATION,
  type Image,
  type ImageImportSpec,
  type ImageImportStatus,
  type ImageStream,
  type ImageStreamImport,
  type ImageStreamImportSpec,
  type ImageStreamImportStatus,
  INSECURE_REPOSITORY_ANNOTATION,
  type NamedTagEventList,
  type ObjectMeta,
  type TagEvent,
  type TagEventCondition,
  type TagImportPolicy,
  type TagReference,
  type TagReferencePolicy,
} from "../model/index.js";
import { exactReference, mostSpecific, parseDockerImageReference } from "../reference/index.js";
import { createImageStreamInternal, updateImageStreamInternal } from "./image-stream.js";
import { isObj, str } from "./internal.js";
import { normalizeStream } from "./normalize.js";
import { nowTimestamp, type ServerOptions } from "./options.js";
import { addEventToList } from "./tag-events.js";

/**
 * Options of {@link applyImportResult}: the server options plus the API server's own platform,
 * used when a spec tag has no `prefer-arch` / `prefer-os` annotation (R11.14).
 *
 * @example
 * ```ts
 * const opts: ImportOptions = { now: "2024-01-01T00:00:00Z", preferArch: "arm64", preferOs: "linux" };
 * ```
 * @public
 */
export interface ImportOptions extends ServerOptions {
  /** Architecture of the API server (`runtime.GOARCH`); default `amd64`. */
  readonly preferArch?: string;
  /** Operating system of the API server (`runtime.GOOS`); default `linux`. */
  readonly preferOs?: string;
}

/**
 * The outcome of {@link applyImportResult}.
 *
 * @example
 * ```ts
 * const { stream, images, changed }: ImportApplication = applyImportResult(stream, result, { now });
 * ```
 * @public
 */
export interface ImportApplication {
  /** The stream as stored after the import (the input itself when nothing was written). */
  readonly stream: ImageStream;
  /** Image objects the import creates (those `opts.getImage` does not know), in import order. */
  readonly images: readonly Image[];
  /** Whether the stream was written (R11.5). */
  readonly changed: boolean;
}

function num(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

function specTags(stream: ImageStream): readonly TagReference[] {
  const tags = stream.spec?.tags;
  return Array.isArray(tags) ? tags : [];
}

function statusTags(stream: ImageStream): readonly NamedTagEventList[] {
  const tags = stream.status?.tags;
  return Array.isArray(tags) ? tags : [];
}

function findStatusTag(stream: ImageStream, tag: string): NamedTagEventList | undefined {
  return statusTags(stream).find((t) => isObj(t) && t.tag === tag);
}

function topEvent(stream: ImageStream, tag: string): TagEvent | undefined {
  const list = findStatusTag(stream, tag);
  return Array.isArray(list?.items) ? list.items[0] : undefined;
}

/** A non-null, non-array object, without narrowing a typed value to a plain record. */
function isRecord(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The spec and status tags of the stream being imported into, keyed by name (the internal map
 * representation), so that each import entry costs O(1) and the whole import stays linear.
 */
class TagDraft {
  private readonly spec = new Map<string, TagReference>();
  private readonly status = new Map<string, NamedTagEventList>();
  private specChanged = false;
  private statusChanged = false;

  constructor(stream: ImageStream) {
    for (const t of specTags(stream)) if (isObj(t)) this.spec.set(str(t.name), t);
    for (const l of statusTags(stream)) if (isObj(l)) this.status.set(str(l.tag), l);
  }

  specTag(tag: string): TagReference | undefined {
    return this.spec.get(tag);
  }

  setSpecTag(tag: TagReference): void {
    this.spec.set(tag.name, tag);
    this.specChanged = true;
  }

  statusTag(tag: string): NamedTagEventList | undefined {
    return this.status.get(tag);
  }

  top(tag: string): TagEvent | undefined {
    const list = this.status.get(tag);
    const top: TagEvent | undefined = Array.isArray(list?.items) ? list.items[0] : undefined;
    return isObj(top) ? top : undefined; // a null item (fuzz) is no event
  }

  /** R7 (`AddTagEventToImageStream`). */
  addEvent(tag: string, event: TagEvent): void {
    const next = addEventToList(this.status.get(tag), tag, event);
    if (next === undefined) return;
    this.status.set(tag, next);
    this.statusChanged = true;
  }

  /** `setTagConditions`: replaces the conditions of a status tag, creating the entry if needed. */
  setConditions(tag: string, conditions: readonly TagEventCondition[]): void {
    const base: NamedTagEventList = this.status.get(tag) ?? { tag, items: [] };
    const { conditions: _old, ...rest } = base;
    this.status.set(
      tag,
      (conditions.length > 0 ? { ...rest, conditions: [...conditions] } : rest) as NamedTagEventList,
    );
    this.statusChanged = true;
  }

  /** The stream with the drafted tags (sorted by name, R1.11.1); `base` itself when nothing was set. */
  build(base: ImageStream): ImageStream {
    let out = base;
    if (this.specChanged) {
      const tags = [...this.spec.values()].sort((a, b) => byName(a.name, b.name));
      out = { ...out, spec: { ...out.spec, tags } };
    }
    if (this.statusChanged) {
      const tags = [...this.status.values()].sort((a, b) => byName(a.tag, b.tag));
      out = { ...out, status: { ...out.status, tags } };
    }
    return out;
  }
}

/** Structural equality over JSON-like values (key order ignored). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => deepEqual(v, b[i]));
  }
  if (!isObj(a) || !isObj(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual(a[k], b[k]));
}

function defaultedImportPolicy(policy: TagImportPolicy | undefined, opts: ServerOptions): TagImportPolicy {
  const p = isObj(policy) ? policy : {};
  const importMode = str(p.importMode) || opts.defaultImportMode || "Legacy";
  return { ...p, importMode: importMode as NonNullable<TagImportPolicy["importMode"]> };
}

function defaultedReferencePolicy(policy: TagReferencePolicy | undefined): TagReferencePolicy {
  const p = isObj(policy) ? policy : {};
  return { ...p, type: (str(p.type) || "Source") as NonNullable<TagReferencePolicy["type"]> };
}

/** `ensureSpecTag`: sets from/generation 0/import policy (and a missing reference policy). */
function ensureSpecTag(
  draft: TagDraft,
  tag: string,
  from: string,
  importPolicy: TagImportPolicy,
  referencePolicy: TagReferencePolicy,
  reset: boolean,
): void {
  const existing = draft.specTag(tag);
  if (existing !== undefined && !reset) return;
  const base: TagReference = existing ?? { name: tag };
  draft.setSpecTag({
    ...base,
    from: { kind: "DockerImage", name: from },
    generation: 0,
    importPolicy,
    referencePolicy:
      str(base.referencePolicy?.type) === "" ? referencePolicy : (base.referencePolicy ?? referencePolicy),
  });
}

/** `mostAccuratePullSpec(ref, id, "")`: the reference with ID = image name, most specific, exact. */
function mostAccuratePullSpec(pullSpec: string, id: string): string {
  try {
    const ref = parseDockerImageReference(pullSpec);
    return exactReference(mostSpecific(id.length > 0 ? { ...ref, id } : ref));
  } catch {
    return pullSpec;
  }
}

function isManifestList(image: Image): boolean {
  return Array.isArray(image.dockerImageManifests) && image.dockerImageManifests.length > 0;
}

/** R11.14: the sub-manifest Legacy import keeps (prefer-arch/os, then amd64/linux, then the first). */
function chooseSubManifest(
  image: Image,
  manifests: readonly Image[],
  annotations: Record<string, string> | null | undefined,
  opts: ImportOptions,
): Image {
  const list = (image.dockerImageManifests ?? []).filter(isObj);
  const arch = str(annotations?.[IMPORTER_PREFER_ARCH_ANNOTATION]) || opts.preferArch || "amd64";
  const os = str(annotations?.[IMPORTER_PREFER_OS_ANNOTATION]) || opts.preferOs || "linux";
  const chosen =
    list.find((m) => m.architecture === arch && m.os === os) ??
    list.find((m) => m.architecture === "amd64" && m.os === "linux") ??
    list[0];
  const digest = str(chosen?.digest);
  const known = manifests.find((m) => m.metadata?.name === digest);
  if (known !== undefined) return known;
  let reference = `${str(image.dockerImageReference)}`;
  try {
    const ref = parseDockerImageReference(reference);
    reference = exactReference({ ...ref, tag: "", id: digest });
  } catch {
    // keep the raw reference
  }
  return {
    metadata: { name: digest },
    dockerImageReference: reference,
    ...(chosen?.mediaType ? { dockerImageManifestMediaType: chosen.mediaType } : {}),
  } as Image;
}

interface Work {
  readonly draft: TagDraft;
  readonly images: Image[];
  readonly seen: Set<string>;
  readonly now: string;
  readonly nextGeneration: number;
  readonly opts: ImportOptions;
  /** Spec tags as they were before the import (the importer reads the stored stream's annotations). */
  readonly before: TagDraft;
}

function recordImage(w: Work, image: Image): void {
  const name = str(image.metadata?.name);
  if (name === "" || w.seen.has(name)) return;
  w.seen.add(name);
  if (w.opts.getImage?.(name) === undefined) w.images.push(image);
}

/** `checkImportFailure`: true (and a condition recorded) when the status is not a success. */
function checkImportFailure(w: Work, status: ImageImportStatus | undefined, tagIn: string): boolean {
  const s = isObj(status?.status) ? status.status : {};
  if (isObj(status?.image) && s.status === "Success") return false;
  const condition: TagEventCondition = {
    type: "ImportSuccess",
    status: "False",
    lastTransitionTime: w.now,
    reason: str(s.reason),
    message: str(s.message) || "unknown error prevented import",
    generation: w.nextGeneration,
  };
  let tag = tagIn;
  if (tag === "") {
    if (str(status?.tag) !== "") tag = str(status?.tag);
    else if (isObj(status?.image)) {
      try {
        tag = parseDockerImageReference(str(status.image.dockerImageReference)).tag;
      } catch {
        tag = "";
      }
    }
  }
  if (tag === "") return true;
  const existing = w.draft.statusTag(tag)?.conditions ?? [];
  const same = existing.some(
    (c) =>
      isObj(c) &&
      c.type === condition.type &&
      c.status === condition.status &&
      str(c.reason) === condition.reason &&
      str(c.message) === condition.message,
  );
  if (!same) {
    w.draft.setConditions(tag, [condition]);
    const specTag = w.draft.specTag(tag);
    if (specTag !== undefined) w.draft.setSpecTag({ ...specTag, generation: 0 });
  }
  return true;
}

/** `importSuccessful`: records one imported image on `tag`. */
function importSuccessful(
  w: Work,
  image: Image,
  tag: string,
  from: string,
  importPolicy: TagImportPolicy,
  referencePolicy: TagReferencePolicy,
): void {
  const name = str(image.metadata?.name);
  const event: TagEvent = {
    created: w.now,
    dockerImageReference: mostAccuratePullSpec(str(image.dockerImageReference), name),
    image: name,
    generation: w.nextGeneration,
  };
  const top = w.draft.top(tag);
  const differentEvent =
    top === undefined || top.dockerImageReference !== event.dockerImageReference || top.image !== name;
  const specTag = w.draft.specTag(tag);
  const specGen = specTag?.generation;
  const differentGeneration =
    specTag === undefined ||
    typeof specGen !== "number" ||
    top === undefined ||
    specGen > num(top.generation);
  if (differentEvent || differentGeneration || specTag === undefined) {
    ensureSpecTag(w.draft, tag, from, importPolicy, referencePolicy, true);
    w.draft.addEvent(tag, event);
  }
  const current = w.draft.specTag(tag) as TagReference;
  w.draft.setSpecTag({ ...current, importPolicy });
  w.draft.setConditions(tag, []);
  recordImage(w, image);
}

/** Replaces a manifest list by its chosen sub-manifest in Legacy mode (R11.14) and records sub-images (R11.15). */
function importedImage(
  w: Work,
  status: ImageImportStatus,
  tag: string,
  importPolicy: TagImportPolicy,
): Image {
  const image = status.image as Image;
  const manifests = Array.isArray(status.manifests) ? status.manifests.filter(isObj) : [];
  // `importSuccessful` creates every sub-manifest it is given before the image itself; only a
  // manifest list in Legacy mode is replaced by one of its entries (the importer's choice, R11.14).
  if (!isManifestList(image) || importPolicy.importMode === "PreserveOriginal") {
    for (const m of manifests) recordImage(w, m);
    return image;
  }
  return chooseSubManifest(image, manifests, w.before.specTag(tag)?.annotations, w.opts);
}

/** R1.11.6: `to` defaults to the tag of `from.name`. */
function importTarget(spec: ImageImportSpec): string | undefined {
  if (isObj(spec.to)) return str(spec.to.name);
  try {
    const tag = parseDockerImageReference(str(spec.from?.name)).tag;
    return tag === "" ? undefined : tag;
  } catch {
    return undefined;
  }
}

function collapseEmptyStatusTags(stream: ImageStream): ImageStream {
  const tags = statusTags(stream);
  const kept = tags.filter(
    (t) =>
      (Array.isArray(t.items) && t.items.length > 0) ||
      (Array.isArray(t.conditions) && t.conditions.length > 0),
  );
  if (kept.length === tags.length) return stream;
  return { ...stream, status: { ...stream.status, tags: kept } };
}

function withAnnotation(stream: ImageStream, key: string, value: string): ImageStream {
  return {
    ...stream,
    metadata: { ...stream.metadata, annotations: { ...(stream.metadata?.annotations ?? {}), [key]: value } },
  };
}

/**
 * The consistency checks of the ImageStreamImport REST handler on the stream named by
 * `metadata.name` (openshift/openshift-apiserver `pkg/image/apiserver/registry/imagestreamimport/rest.go`,
 * `Create`): a request carrying a resourceVersion or UID needs the stream to exist (the stream's
 * NotFound), at that resourceVersion (Conflict) and with that UID (NotFound).
 */
function checkImportTarget(existing: ImageStream | undefined, result: ImageStreamImport): void {
  const meta = isObj(result.metadata) ? result.metadata : {};
  const name = str(meta.name);
  const rv = str(meta.resourceVersion);
  const uid = str(meta.uid);
  if (existing === undefined) {
    if (rv !== "" || uid !== "") throw new NotFoundError({ resource: "imagestreams", name });
    return;
  }
  const stored = isObj(existing.metadata) ? existing.metadata : {};
  if (rv !== "" && rv !== str(stored.resourceVersion)) {
    throw new ConflictError(
      { resource: "imagestream", name },
      `the image stream was updated from ${quoteInput(rv)} to ${quoteInput(str(stored.resourceVersion))}`,
    );
  }
  if (uid !== "" && uid !== str(stored.uid)) throw new NotFoundError({ resource: "imagestream", name });
}

/**
 * Applies the result of an image import to a stream, as the ImageStreamImport REST handler does
 * when `spec.import` is true (R11.1–R11.5, R11.14, R11.15).
 *
 * `result` is an ImageStreamImport whose `spec` is what was requested and whose `status` is what
 * the importer found: `status.images[i]` answers `spec.images[i]` and holds `status`
 * (`{status: "Success"}` or `{status: "Failure", reason, message}`), `image` (the imported Image;
 * for a manifest list the list image with `dockerImageManifests`) and optionally `manifests` (the
 * sub-manifest Images); `status.repository.images[]` answers `spec.repository` and carries `tag`.
 *
 * Per tag: success pushes `{created: now, <repo>@<image>, image, nextGeneration}` and resets the
 * spec tag when the tag changed, always sets the import policy and clears conditions; failure
 * records one `ImportSuccess=False` condition and resets the tag generation to 0 unless an
 * identical condition exists. The stream is then written through the internal update path
 * (or created) with `openshift.io/image.dockerRepositoryCheck` = now, unless nothing changed and the
 * annotation was already there. `stream` may be `undefined` (the import creates it).
 *
 * @param stream - the stored stream, or `undefined` when it does not exist yet.
 * @param result - the ImageStreamImport with spec and importer status.
 * @param opts - clock, registry hostnames, `getImage`, `preferArch`/`preferOs`.
 * @throws {@link NotFoundError} (`imagestreams`, `metadata.name`) when `stream` is `undefined` but
 *   `result` carries a resourceVersion or UID; (`imagestream`) when the UID differs from the stream's
 * @throws {@link ConflictError} `the image stream was updated from "<a>" to "<b>"` on another resourceVersion
 * @example
 * ```ts
 * const { stream: next } = applyImportResult(stream, {
 *   metadata: { name: "python", namespace: "default" },
 *   spec: { import: true, images: [{ from: { kind: "DockerImage", name: "docker.io/python:3.6.0" }, to: { name: "3.6" } }] },
 *   status: { images: [{ status: { status: "Success" }, image: { metadata: { name: "sha256:…" }, dockerImageReference: "docker.io/python:3.6.0" } }] },
 * }, { now: "2024-01-01T00:00:00Z" });
 * ```
 * @public
 */
export function applyImportResult(
  stream: ImageStream | undefined,
  result: ImageStreamImport,
  opts: ImportOptions = {},
): ImportApplication {
  if (!isRecord(result)) throw new BadRequestError("an ImageStreamImport is required");
  const spec: ImageStreamImportSpec = isObj(result.spec) ? result.spec : {};
  const status: ImageStreamImportStatus = isObj(result.status) ? result.status : {};
  const existing = isObj(stream) ? stream : undefined;
  checkImportTarget(existing, result);
  // `spec.import` is a Go bool: absent is false, a dry run that writes nothing (upstream
  // `if !isi.Spec.Import { return isi }`).
  if (spec.import !== true) return { stream: stream as ImageStream, images: [], changed: false };
  const create = existing === undefined;
  // The handler works on the decoded stream, i.e. with the R1.3.4/R1.3.5 defaults applied.
  const original: ImageStream =
    existing !== undefined
      ? normalizeStream(existing, opts)
      : {
          metadata: {
            name: str(result.metadata?.name),
            ...(str(result.metadata?.namespace) !== "" ? { namespace: str(result.metadata?.namespace) } : {}),
            generation: 0,
          },
          spec: {},
          status: {},
        };
  const hasAnnotation = isObj(original.metadata?.annotations)
    ? Object.hasOwn(original.metadata.annotations, DOCKER_IMAGE_REPOSITORY_CHECK_ANNOTATION)
    : false;
  const now = nowTimestamp(opts);
  const w: Work = {
    draft: new TagDraft(original),
    images: [],
    seen: new Set(),
    now,
    nextGeneration: num(original.metadata?.generation) + 1,
    opts,
    before: new TagDraft(original),
  };

  const repoSpec = isObj(spec.repository) ? spec.repository : undefined;
  if (repoSpec !== undefined) {
    const repoImages = Array.isArray(status.repository?.images) ? status.repository.images : [];
    const importPolicy = defaultedImportPolicy(repoSpec.importPolicy, opts);
    const referencePolicy = defaultedReferencePolicy(repoSpec.referencePolicy);
    for (const st of repoImages) {
      if (!isRecord(st)) continue;
      if (checkImportFailure(w, st, str(st.tag))) continue;
      let ref: ReturnType<typeof parseDockerImageReference>;
      let from: ReturnType<typeof parseDockerImageReference>;
      try {
        ref = parseDockerImageReference(str(st.image?.dockerImageReference));
        from = parseDockerImageReference(str(repoSpec.from?.name));
      } catch {
        continue;
      }
      const tag = str(st.tag) || ref.tag;
      const image = importedImage(w, st, tag, importPolicy);
      importSuccessful(
        w,
        image,
        tag,
        exactReference({ ...from, id: "", tag }),
        importPolicy,
        referencePolicy,
      );
    }
  }

  const specImages = Array.isArray(spec.images) ? spec.images : [];
  const statusImages = Array.isArray(status.images) ? status.images : [];
  specImages.forEach((imageSpec, i) => {
    if (typeof imageSpec !== "object" || imageSpec === null) return;
    const tag = importTarget(imageSpec);
    if (tag === undefined) return;
    const st = statusImages[i];
    const importPolicy = defaultedImportPolicy(imageSpec.importPolicy, opts);
    const referencePolicy = defaultedReferencePolicy(imageSpec.referencePolicy);
    const fromName = str(imageSpec.from?.name);
    if (checkImportFailure(w, isObj(st) ? st : undefined, tag)) {
      ensureSpecTag(w.draft, tag, fromName, importPolicy, referencePolicy, false);
      return;
    }
    const image = importedImage(w, st as ImageImportStatus, tag, importPolicy);
    importSuccessful(w, image, tag, fromName, importPolicy, referencePolicy);
  });

  const next = w.draft.build(original);
  const hasChanges = !deepEqual(collapseEmptyStatusTags(original), collapseEmptyStatusTags(next));
  if (create) {
    const annotated = withAnnotation(next, DOCKER_IMAGE_REPOSITORY_CHECK_ANNOTATION, now);
    return { stream: createImageStreamInternal(annotated, opts), images: w.images, changed: true };
  }
  if (hasAnnotation && !hasChanges)
    return { stream: existing as ImageStream, images: w.images, changed: false };
  const annotated = withAnnotation(next, DOCKER_IMAGE_REPOSITORY_CHECK_ANNOTATION, now);
  return {
    stream: updateImageStreamInternal(existing as ImageStream, annotated, opts),
    images: w.images,
    changed: true,
  };
}

/** R11.7: importable iff `from` is a DockerImage and the tag is not a reference tag. */
function tagImportable(tag: TagReference): boolean {
  return isObj(tag) && isObj(tag.from) && tag.from.kind === "DockerImage" && tag.reference !== true;
}

/**
 * The latest generation the import controller has observed for a tag (R11.8): the larger of
 * `items[0].generation` and the generation of the first `ImportSuccess` condition; 0 without status.
 *
 * @example
 * ```ts
 * latestObservedTagGeneration(stream, "latest"); // 3
 * ```
 * @public
 */
export function latestObservedTagGeneration(stream: ImageStream, tag: string): number {
  const list = isObj(stream) ? findStatusTag(stream, tag) : undefined;
  if (list === undefined) return 0;
  let latest = Array.isArray(list.items) && list.items.length > 0 ? num(list.items[0]?.generation) : 0;
  const condition = (Array.isArray(list.conditions) ? list.conditions : []).find(
    (c) => isObj(c) && c.type === "ImportSuccess",
  );
  if (condition !== undefined && num(condition.generation) > latest) latest = num(condition.generation);
  return latest;
}

/** R11.9 `tagNeedsImport`. */
function tagNeedsImport(stream: ImageStream, tag: TagReference, importWhenGenerationNil: boolean): boolean {
  if (!tagImportable(tag)) return false;
  if (typeof tag.generation !== "number") return importWhenGenerationNil;
  return tag.generation > latestObservedTagGeneration(stream, tag.name);
}

function hasRepositoryCheck(stream: ImageStream): boolean {
  return str(stream.metadata?.annotations?.[DOCKER_IMAGE_REPOSITORY_CHECK_ANNOTATION]) !== "";
}

/** R11.10 `needsImport`: whether to import, and whether the import is partial. */
function needsImport(stream: ImageStream): { ok: boolean; partial: boolean } {
  if (!hasRepositoryCheck(stream)) {
    if (str(stream.spec?.dockerImageRepository) !== "") return { ok: true, partial: false };
    if (specTags(stream).some(tagImportable)) return { ok: true, partial: true };
  }
  if (specTags(stream).some((t) => tagNeedsImport(stream, t, false))) return { ok: true, partial: true };
  return { ok: false, partial: false };
}

/**
 * The ImageStreamImport the import controller posts for a stream, or `undefined` when the
 * stream needs no import (R11.7–R11.10).
 *
 * A stream without the `openshift.io/image.dockerRepositoryCheck` annotation and with
 * `spec.dockerImageRepository` gets a full import (the repository plus every importable tag);
 * otherwise a partial import lists the importable tags whose generation is newer than the latest
 * observed one (a null generation counts here). Each image request carries `from`, `to.name` = the
 * tag, and the tag's import and reference policies.
 *
 * @param stream - the stored image stream.
 * @example
 * ```ts
 * const isi = planImport(stream);
 * isi?.spec?.images?.map((i) => i.to?.name); // ["3.6"]
 * ```
 * @public
 */
export function planImport(stream: ImageStream): ImageStreamImport | undefined {
  if (!isRecord(stream)) return undefined;
  const { ok, partial } = needsImport(stream);
  if (!ok) return undefined;
  const meta: ObjectMeta = isObj(stream.metadata) ? stream.metadata : {};
  const images: ImageImportSpec[] = [];
  for (const tag of specTags(stream)) {
    const wanted = partial ? tagNeedsImport(stream, tag, true) : tagImportable(tag);
    if (!wanted) continue;
    images.push({
      from: { kind: "DockerImage", name: str(tag.from?.name) },
      to: { name: tag.name },
      ...(tag.importPolicy !== undefined ? { importPolicy: tag.importPolicy } : {}),
      ...(tag.referencePolicy !== undefined ? { referencePolicy: tag.referencePolicy } : {}),
    });
  }
  const repo = str(stream.spec?.dockerImageRepository);
  const withRepository = !partial && repo !== "";
  if (!withRepository && images.length === 0) return undefined;
  const insecure = meta.annotations?.[INSECURE_REPOSITORY_ANNOTATION] === "true";
  return {
    apiVersion: "image.openshift.io/v1",
    kind: "ImageStreamImport",
    metadata: {
      name: str(meta.name),
      ...(str(meta.namespace) !== "" ? { namespace: str(meta.namespace) } : {}),
      ...(str(meta.resourceVersion) !== "" ? { resourceVersion: str(meta.resourceVersion) } : {}),
      ...(str(meta.uid) !== "" ? { uid: str(meta.uid) } : {}),
    },
    spec: {
      import: true,
      ...(withRepository
        ? { repository: { from: { kind: "DockerImage", name: repo }, importPolicy: { insecure } } }
        : {}),
      ...(images.length > 0 ? { images } : {}),
    },
  };
}

/**
 * Whether the scheduled import controller passes over a scheduled tag (openshift/openshift-controller-manager
 * `pkg/image/controller/scheduled_image_controller.go`, `needsScheduling` and `resetScheduledTags`):
 * its non-empty `from.name` does not parse (`reference.Parse` fails), or it names a digest that was
 * already imported at the tag's generation (`tagImported`). An empty `from.name` is not passed over.
 */
function skippedByScheduler(stream: ImageStream, tag: TagReference): boolean {
  const from = str(tag.from?.name);
  let id = "";
  try {
    id = parseDockerImageReference(from).id;
  } catch {
    return from !== "";
  }
  if (id === "") return false;
  const top = topEvent(stream, tag.name);
  return top !== undefined && typeof tag.generation === "number" && num(top.generation) === tag.generation;
}

function scheduledTags(stream: ImageStream): TagReference[] {
  return specTags(stream).filter(
    (t) => tagImportable(t) && t.importPolicy?.scheduled === true && !skippedByScheduler(stream, t),
  );
}

/**
 * Whether the scheduled import controller periodically re-imports this stream (R11.12): some
 * importable tag has `importPolicy.scheduled`, a `from.name` that parses (or is empty), and is not an
 * already-imported digest reference (openshift/openshift-controller-manager
 * `pkg/image/controller/scheduled_image_controller.go`, `needsScheduling`).
 *
 * @example
 * ```ts
 * needsScheduledImport(stream); // true when e.g. `python:3.6` was tagged with --scheduled
 * ```
 * @public
 */
export function needsScheduledImport(stream: ImageStream): boolean {
  return isObj(stream) && scheduledTags(stream).length > 0;
}

/**
 * The ImageStreamImport a scheduled pass posts (R11.13): on a private copy, every scheduled tag's
 * generation is set to stream generation + 1, then {@link planImport} runs (upstream
 * `resetScheduledTags`, then `handleImageStream`). A tag whose `from.name` does not parse, or an
 * already-imported digest tag, keeps its generation. `undefined` when the stream is not scheduled.
 *
 * @example
 * ```ts
 * planScheduledImport(stream)?.spec?.images?.length; // number of scheduled tags to re-import
 * ```
 * @public
 */
export function planScheduledImport(stream: ImageStream): ImageStreamImport | undefined {
  if (!needsScheduledImport(stream)) return undefined;
  const scheduled = new Set(scheduledTags(stream).map((t) => t.name));
  const next = num(stream.metadata?.generation) + 1;
  const copy: ImageStream = {
    ...stream,
    spec: {
      ...stream.spec,
      tags: specTags(stream).map((t) => (scheduled.has(t.name) ? { ...t, generation: next } : t)),
    },
  };
  return planImport(copy);
}
