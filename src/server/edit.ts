/**
 * Edits as drafts: a recipe edits an immer draft of a stream the way a user edits its YAML, and
 * the result goes through the API server's update path.
 */
import type { Draft } from "immer";
import { BadRequestError } from "../errors.js";
import { produce } from "../internal/immer.js";
import { finish } from "../model/checked.js";
import type { ImageStream } from "../model/index.js";
import { updateImageStream } from "./image-stream.js";
import { isObj, requireJson, streamName } from "./internal.js";
import type { ServerOptions } from "./options.js";

/**
 * A recipe for {@link editImageStream}: edits the draft in place (`draft.spec.tags.push(…)`), as
 * with immer's `produce`. Returning nothing is the norm; a returned object replaces the stream.
 *
 * @example
 * ```ts
 * const recipe: ImageStreamRecipe = (draft) => {
 *   draft.spec = { ...draft.spec, lookupPolicy: { local: true } };
 * };
 * ```
 * @public
 */
export type ImageStreamRecipe = (draft: Draft<ImageStream>) => ImageStream | undefined | undefined;

/**
 * Edits an image stream through a draft and applies the result as `PUT imagestreams` does
 * (exactly {@link updateImageStream}`(stream, edited, options)`): validation, generation
 * bookkeeping, spec tag resolution and tracking tags.
 *
 * The recipe edits an immer draft of `stream` the way a user edits the YAML; the client's status
 * edits are ignored, as the server ignores them on this path.
 *
 * @param stream - the stored stream (never modified; parts shared into the result get frozen)
 * @param recipe - edits the draft
 * @param options - clock, registry hostnames and look-ups, as for {@link updateImageStream}
 * @returns the updated stream, deeply frozen; `stream` itself when the recipe changes nothing
 *   (or nothing the server keeps)
 * @throws {@link InvalidError} (`isInvalid`) when the edited stream is invalid; the recipe's own
 *   exceptions propagate unchanged
 * @example
 * ```ts
 * const next = editImageStream(stream, (draft) => {
 *   draft.spec ??= {};
 *   (draft.spec.tags ??= []).push({ name: "prod", from: { kind: "ImageStreamTag", name: "app:latest" } });
 * }, { now: "2024-05-01T10:00:00Z" });
 * next.metadata?.generation; // => stream's generation + 1
 * ```
 * @public
 */
export function editImageStream(
  stream: ImageStream,
  recipe: ImageStreamRecipe,
  options: ServerOptions = {},
): ImageStream {
  if (!isObj(stream)) throw new BadRequestError("an ImageStream object is required");
  if (typeof recipe !== "function") throw new BadRequestError("the recipe must be a function");
  requireJson(stream, "ImageStream", streamName(stream));
  const edited = produce(stream, recipe as (d: Draft<ImageStream>) => undefined) as ImageStream;
  if (edited === stream) return finish(stream, stream);
  return updateImageStream(stream, edited, options);
}
