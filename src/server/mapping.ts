/**
 * §10: ImageStreamMapping (what the integrated registry sends on every push).
 */
import { InvalidError, NotFoundError } from "../errors.js";
import { produce } from "../internal/immer.js";
import { finish } from "../model/checked.js";
import type { Image, ImageStream, ImageStreamMapping, TagEvent } from "../model/index.js";
import { exactReference, parseDockerImageReference } from "../reference/index.js";
import { validateImageStreamMapping } from "../validation/index.js";
import { observedGenerationsInView } from "./image-stream.js";
import {
  DEFAULT_TAG,
  isObj,
  MANAGED_ANNOTATION,
  type Obj,
  requireJson,
  str,
  streamGeneration,
  streamName,
  streamNamespace,
} from "./internal.js";
import { nowTimestamp, type ServerOptions, sanitizeOptions } from "./options.js";
import { withStatusRepositories } from "./repositories.js";
import { StatusTags } from "./status-tags.js";
import { addTagEventToView, trackInView } from "./tag-events.js";

/** Copies the two status repositories of `from` into a status draft (absent stays absent). */
function setRepositories(status: Obj, from: Obj): void {
  for (const key of ["dockerImageRepository", "publicDockerImageRepository"] as const) {
    if (key in from) {
      if (status[key] !== from[key]) status[key] = from[key];
    } else if (key in status) delete status[key];
  }
}

/**
 * Result of {@link applyImageStreamMapping}.
 *
 * @example
 * ```ts
 * const { stream, image, imageCreated }: ImageStreamMappingResult = applyImageStreamMapping(is, mapping, opts);
 * ```
 * @public
 */
export interface ImageStreamMappingResult {
  /** The stream after the event was added; the input stream itself when nothing changed (no write). */
  readonly stream: ImageStream;
  /** The Image: the existing one when `opts.getImage` knew it (never modified), else the new one. */
  readonly image: Image;
  /** `true` when the Image did not exist and must be created. */
  readonly imageCreated: boolean;
}

/** R10.1 PrepareForCreate: default the image reference into the internal registry; drop signatures. */
function prepareImage(mapping: Obj, opts: ServerOptions): Image {
  const image: Obj = isObj(mapping.image) ? mapping.image : {};
  const meta = isObj(mapping.metadata) ? mapping.metadata : {};
  const name = str((image.metadata as Obj | undefined)?.name);
  let out: Obj = image;
  const internal = opts.internalRegistryHostname ?? "";
  if (str(image.dockerImageReference) === "" && internal !== "") {
    out = {
      ...out,
      dockerImageReference: `${internal}/${str(meta.namespace)}/${str(meta.name)}@${name}`,
    };
  }
  if ("signatures" in out) {
    const { signatures: _dropped, ...rest } = out;
    out = rest;
  }
  return out as Image;
}

/** `DockerImageReferenceForStream` + ID: `<status or spec repository>@<image>`, or undefined. */
function streamReference(stream: ImageStream, imageName: string): string | undefined {
  const spec =
    str((stream.status as Obj | undefined)?.dockerImageRepository) ||
    str((stream.spec as Obj | undefined)?.dockerImageRepository);
  if (spec === "") return undefined;
  try {
    const ref = parseDockerImageReference(spec);
    return exactReference({ ...ref, id: imageName });
  } catch {
    return undefined;
  }
}

/**
 * Applies an ImageStreamMapping to its stream as the API server does (§10): tags the mapping's
 * image into the stream and tells whether the Image must be created.
 *
 * Steps: R10.1 (an empty `image.dockerImageReference` becomes
 * `<internalRegistryHostname>/<namespace>/<name>@<image>`; signatures dropped), R10.2 validation,
 * R10.3 the Image is created unless `opts.getImage` knows it (an existing Image is returned
 * unmodified), R10.4 the event reference is the image's reference, or `<stream repository>@<image>`
 * when the Image already existed and the submitted one is annotated
 * `openshift.io/image.managed: "true"`, R10.5 the event has `created` = now and generation = the stream's
 * `metadata.generation`, R10.6 it is added with R7 to `mapping.tag` (default `latest`), the tags
 * tracking that tag follow (R8.10) and the status-update rules apply (R6.3). Spec and stream
 * generation never change. When R7 reports no change the input stream itself is returned (no write).
 *
 * Conflict retry (R10.7) is the caller's business: when your store rejects the write because the
 * stream changed meanwhile, re-read it and call this function again on the fresh stream (upstream
 * retries up to 10 times, giving up only when the tag's latest event changed to something else).
 *
 * @param stream - the stream named by `mapping.metadata.name` (`undefined` when it does not exist)
 * @param mapping - the ImageStreamMapping
 * @param opts - clock, registry hostnames and `getImage`
 * @throws NotFoundError (`imagestreams`) when `stream` is undefined
 * @throws InvalidError (kind `ImageStreamMapping`) when the mapping is invalid (R4.3)
 *
 * @example
 * ```ts
 * const { stream, imageCreated } = applyImageStreamMapping(is, {
 *   metadata: { name: "origin-ruby-sample", namespace: "test" },
 *   tag: "latest",
 *   image: { metadata: { name: "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d" }, dockerImageReference: "172.30.56.218:5000/test/origin-ruby-sample@sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d" },
 * }, { now: "2016-01-29T13:40:11Z" });
 * stream.status?.tags?.[0]?.items[0]?.image; // "sha256:47463d…"
 * ```
 * @public
 */
export function applyImageStreamMapping(
  stream: ImageStream | undefined,
  mapping: ImageStreamMapping,
  opts: ServerOptions = {},
): ImageStreamMappingResult {
  opts = sanitizeOptions(opts);
  const m: Obj = isObj(mapping) ? mapping : {};
  const mappingName = str((m.metadata as Obj | undefined)?.name);
  const image = prepareImage(m, opts);
  const errors = validateImageStreamMapping(image === m.image ? m : { ...m, image });
  if (errors.length > 0) {
    throw new InvalidError({ kind: "ImageStreamMapping", name: mappingName, fieldErrors: errors });
  }
  if (!isObj(stream)) throw new NotFoundError({ resource: "imagestreams", name: mappingName });
  requireJson(stream, "ImageStream", streamName(stream));
  // The server reads the stream the mapping names (openshift/openshift-apiserver
  // pkg/image/apiserver/registry/imagestreammapping/rest.go, findStreamForMapping): a stream with
  // another name (or in another namespace) is not that stream, so the answer is its 404.
  const mappingNamespace = str((m.metadata as Obj | undefined)?.namespace);
  const ns = streamNamespace(stream);
  if (
    streamName(stream) !== mappingName ||
    (mappingNamespace !== "" && ns !== "" && mappingNamespace !== ns)
  ) {
    throw new NotFoundError({ resource: "imagestreams", name: mappingName });
  }
  requireJson(mapping, "ImageStreamMapping", mappingName);
  const imageName = str((image.metadata as Obj | undefined)?.name);
  const existing = opts.getImage?.(imageName);
  const imageCreated = existing === undefined;
  const decorated = withStatusRepositories(stream, opts);
  let ref = str(image.dockerImageReference);
  const annotations = (image.metadata as Obj | undefined)?.annotations;
  if (!imageCreated && isObj(annotations) && annotations[MANAGED_ANNOTATION] === "true") {
    ref = streamReference(decorated, imageName) ?? ref;
  }
  const tag = str(m.tag) || DEFAULT_TAG;
  const event: TagEvent = {
    created: nowTimestamp(opts),
    dockerImageReference: ref,
    image: imageName,
    generation: streamGeneration(stream),
  };
  const resultImage = finish(existing ?? image, existing ?? m.image);
  // One produce: R7 on the tag, R8.10 on the tags tracking it, then R6.3.2 (the status-update
  // rules) on what changed. Nothing written when R7 reports no change: the same stream comes back.
  const next = produce(stream, (d) => {
    const view = new StatusTags(d);
    if (!addTagEventToView(view, tag, event)) return;
    trackInView(stream, view, tag, event);
    observedGenerationsInView(stream, view);
    if (decorated !== stream) {
      const status = d.status as Obj;
      setRepositories(status, decorated.status as Obj);
    }
  });
  if (next === stream) return { stream: finish(stream, stream), image: resultImage, imageCreated };
  return { stream: finish(next, stream), image: resultImage, imageCreated };
}
