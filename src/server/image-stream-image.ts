/**
 * R13.6: the virtual ImageStreamImage resource.
 */
import { NotFoundError } from "../errors.js";
import type { Image, ImageStream, ImageStreamImage } from "../model/index.js";
import { digestOrImageMatch } from "../names/index.js";
import { imageWithMetadata } from "./image-metadata.js";
import { isObj, itemsOf, type Obj, statusTagsOf, str, streamNamespace } from "./internal.js";
import { nowTimestamp, type ServerOptions, sanitizeOptions } from "./options.js";
import { requestedStream } from "./requested-stream.js";

/**
 * Reads the ImageStreamImage `<stream>@<id>` as `GET imagestreamimages` does (R13.6).
 *
 * Candidates are the images of the stream's whole status history plus, through
 * `opts.getImage`, the sub-manifests (`dockerImageManifests[].digest`) of manifest-list images.
 * The first candidate matching R2.6 wins (tags by name, items newest first, then sub-manifests;
 * upstream picks an arbitrary one and never reports ambiguity). The result is named
 * `<stream>@<id as requested>`, carries the **stream's** annotations and the Image's
 * creationTimestamp, and the Image with its metadata filled from the stored manifest (layers,
 * `dockerImageMetadata`, media type: upstream `InternalImageWithMetadata`), then manifest and config
 * blanked. Without `opts.getImage` the image is `{metadata: {name}}`.
 *
 * @param stored - the stream (`undefined` when it does not exist)
 * @param id - the image id or id prefix, or `<stream>@<id>` as the API names it
 * @param opts - `getImage` to read the Image and the sub-manifests of manifest lists; `now` for the
 *   `Created` of a manifest list's metadata
 * @throws NotFoundError (`imagestreams`, `<s>`) when `stored` is missing and `id` is `<s>@<id>`;
 *   BadRequestError `ImageStreamImages must be retrieved with <name>@<id>` when it is missing and
 *   `id` names no stream
 * @throws NotFoundError (`imagestreamimage`, `<s>@<id>`) when no candidate matches
 * @throws NotFoundError (`images`) when `opts.getImage` does not know the matching image
 * @throws BadRequestError with the upstream message when the stored manifest or config cannot be
 *   read (upstream a server error)
 *
 * @example
 * ```ts
 * const isimage = getImageStreamImage(is, "sha256:47463d94eb5c", catalog);
 * isimage.metadata?.name; // "origin-ruby-sample@sha256:47463d94eb5c"
 * ```
 * @public
 */
export function getImageStreamImage(
  stored: ImageStream | undefined,
  id: string,
  opts: ServerOptions = {},
): ImageStreamImage {
  opts = sanitizeOptions(opts);
  const { stream, name: requested, part: imageId } = requestedStream(stored, id, "ImageStreamImages");
  const name = `${requested}@${imageId}`;
  const notFound = new NotFoundError({ resource: "imagestreamimage", name });
  const seen = new Set<string>();
  const candidates: string[] = [];
  for (const list of statusTagsOf(stream)) {
    for (const item of itemsOf(list)) {
      const image = str(item?.image);
      if (image === "" || seen.has(image)) continue;
      seen.add(image);
      candidates.push(image);
    }
  }
  let match = candidates.find((c) => digestOrImageMatch(c, imageId));
  if (match === undefined && opts.getImage) {
    outer: for (const c of candidates) {
      const manifests = (opts.getImage(c) as Obj | undefined)?.dockerImageManifests;
      if (!Array.isArray(manifests)) continue;
      for (const m of manifests) {
        const digest = str((m as Obj | undefined)?.digest);
        if (digest !== "" && digestOrImageMatch(digest, imageId)) {
          match = digest;
          break outer;
        }
      }
    }
  }
  if (match === undefined) throw notFound;
  let image: Obj;
  if (opts.getImage) {
    const found = opts.getImage(match);
    if (found === undefined) throw new NotFoundError({ resource: "images", name: match });
    // upstream Get: InternalImageWithMetadata, then the manifest and config are dropped
    image = { ...(imageWithMetadata(found, () => nowTimestamp(opts)) as Obj) };
  } else {
    image = { metadata: { name: match } };
  }
  delete image.dockerImageManifest;
  delete image.dockerImageConfig;
  const streamMeta: Obj = isObj(stream.metadata) ? stream.metadata : {};
  const metadata: Obj = { name };
  const ns = streamNamespace(stream);
  if (ns !== "") metadata.namespace = ns;
  metadata.creationTimestamp = (image.metadata as Obj | undefined)?.creationTimestamp ?? null;
  if (isObj(streamMeta.annotations)) metadata.annotations = streamMeta.annotations;
  return {
    kind: "ImageStreamImage",
    apiVersion: "image.openshift.io/v1",
    metadata,
    image: image as Image,
  } as ImageStreamImage;
}
