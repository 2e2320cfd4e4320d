/**
 * `FollowTagReference` (SEMANTICS R12.7, OC `pkg/helpers/image/helpers.go`).
 */
import { BadRequestError } from "../errors.js";
import type { ImageStream, TagReference } from "../model/index.js";
import { specHasTag, str } from "./internal.js";

/**
 * Result of {@link followTagReference}.
 *
 * @example
 * ```ts
 * const r: FollowedTagReference = { tag: "2.0", ref: { name: "2.0" }, multiple: true };
 * ```
 * @public
 */
export interface FollowedTagReference {
  /** The terminal tag reached. */
  readonly tag: string;
  /** Its spec tag. */
  readonly ref: TagReference;
  /** True once at least one hop was taken (the starting tag was an alias). */
  readonly multiple: boolean;
}

/** Upstream error messages. */
export const REFERENCE_TAG_CIRCULAR = "reference tag is circular";
export const REFERENCE_TAG_NOT_FOUND = "reference tag is not found";
export const REFERENCE_TAG_CROSS_STREAM = "reference tag points to another imagestream";

/** Non-throwing walk, for `oc describe` (which ignores failures). */
export type FollowOutcome =
  | { readonly ok: true; readonly tag: string; readonly ref: TagReference; readonly multiple: boolean }
  | { readonly ok: false; readonly tag: string; readonly multiple: boolean; readonly error: string };

/** The walk of R12.7 without exceptions. Linear in the number of spec tags. */
export function walkTagReference(stream: ImageStream, tag: string): FollowOutcome {
  let multiple = false;
  const seen = new Set<string>();
  const namespace = str(stream?.metadata?.namespace);
  const streamName = str(stream?.metadata?.name);
  let current = typeof tag === "string" ? tag : "";
  for (;;) {
    if (seen.has(current)) return { ok: false, tag: current, multiple, error: REFERENCE_TAG_CIRCULAR };
    seen.add(current);
    const ref = specHasTag(stream, current);
    if (ref === undefined) return { ok: false, tag: current, multiple, error: REFERENCE_TAG_NOT_FOUND };
    const from = ref.from;
    if (from === null || typeof from !== "object" || from.kind !== "ImageStreamTag") {
      return { ok: true, tag: current, ref, multiple };
    }
    const fromNamespace = str(from.namespace);
    if (fromNamespace !== "" && fromNamespace !== namespace) {
      return { ok: false, tag: current, multiple, error: REFERENCE_TAG_CROSS_STREAM };
    }
    const fromName = str(from.name);
    const colon = fromName.indexOf(":");
    if (colon >= 0) {
      // SplitImageStreamTag: split at the first ':'; an empty tag means latest.
      if (fromName.slice(0, colon) !== streamName) {
        return { ok: false, tag: current, multiple, error: REFERENCE_TAG_CROSS_STREAM };
      }
      const next = fromName.slice(colon + 1);
      current = next === "" ? "latest" : next;
    } else {
      current = fromName;
    }
    multiple = true;
  }
}

/**
 * Follows same-stream `ImageStreamTag` spec tags to the tag that really holds the source
 * (`FollowTagReference`, SEMANTICS R12.7).
 *
 * `from.name` may be `foo` or `<thisStream>:foo`. The walk stops at a spec tag whose `from` is
 * absent or not an `ImageStreamTag`.
 *
 * @param stream - the image stream
 * @param tag - the starting spec tag
 * @returns the terminal tag, its spec tag, and whether at least one hop was taken
 * @throws BadRequestError `reference tag is circular`, `reference tag is not found` (a missing
 *   spec tag, including the starting one) or `reference tag points to another imagestream`.
 * @example
 * ```ts
 * followTagReference(stream, "latest"); // latest → ImageStreamTag "2.0" (DockerImage)
 * // => { tag: "2.0", ref: { name: "2.0", from: { kind: "DockerImage", … } }, multiple: true }
 * ```
 * @public
 */
export function followTagReference(stream: ImageStream, tag: string): FollowedTagReference {
  const r = walkTagReference(stream, tag);
  if (!r.ok) throw new BadRequestError(r.error);
  return { tag: r.tag, ref: r.ref, multiple: r.multiple };
}
