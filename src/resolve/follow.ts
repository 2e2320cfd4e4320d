/**
 * `FollowTagReference` (docs/behaviour.md R12.7, OC `pkg/helpers/image/helpers.go`).
 */
import { BadRequestError } from "../errors.js";
import type { ImageStream, TagReference } from "../model/index.js";
import { specTags, str } from "./internal.js";

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

/** First spec tag by name (`SpecHasTag` semantics: the first entry wins). */
export function specTagIndex(stream: ImageStream): Map<string, TagReference> {
  const index = new Map<string, TagReference>();
  for (const t of specTags(stream)) {
    if (t !== null && typeof t === "object" && typeof t.name === "string" && !index.has(t.name))
      index.set(t.name, t);
  }
  return index;
}

/**
 * The walk of R12.7 without exceptions. Linear in the number of spec tags; pass `index`
 * (from {@link specTagIndex}) to walk many tags of one stream.
 */
export function walkTagReference(
  stream: ImageStream,
  tag: string,
  index: Map<string, TagReference> = specTagIndex(stream),
): FollowOutcome {
  let multiple = false;
  const seen = new Set<string>();
  const namespace = str(stream?.metadata?.namespace);
  const streamName = str(stream?.metadata?.name);
  let current = typeof tag === "string" ? tag : "";
  for (;;) {
    if (seen.has(current)) return { ok: false, tag: current, multiple, error: REFERENCE_TAG_CIRCULAR };
    seen.add(current);
    const ref = index.get(current);
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

/** One hop of R12.7 from a spec tag: the next tag, `null` when terminal, or an error message. */
function nextHop(
  ref: TagReference,
  namespace: string,
  streamName: string,
): { readonly next: string | null } | { readonly error: string } {
  const from = ref.from;
  if (from === null || typeof from !== "object" || from.kind !== "ImageStreamTag") return { next: null };
  const fromNamespace = str(from.namespace);
  if (fromNamespace !== "" && fromNamespace !== namespace) return { error: REFERENCE_TAG_CROSS_STREAM };
  const fromName = str(from.name);
  const colon = fromName.indexOf(":");
  if (colon < 0) return { next: fromName };
  if (fromName.slice(0, colon) !== streamName) return { error: REFERENCE_TAG_CROSS_STREAM };
  const next = fromName.slice(colon + 1);
  return { next: next === "" ? "latest" : next };
}

/**
 * For every spec tag that is a same-stream alias (R12.7 succeeds after at least one hop), its
 * final target — what `oc describe` folds into the target's header. Linear time overall: each
 * tag's outcome is computed once and shared by every tag whose chain passes through it.
 */
export function aliasTargets(
  stream: ImageStream,
  index: Map<string, TagReference> = specTagIndex(stream),
): Map<string, string> {
  const namespace = str(stream?.metadata?.namespace);
  const streamName = str(stream?.metadata?.name);
  // outcome per tag: the terminal tag, or null when following fails
  const memo = new Map<string, string | null>();
  for (const start of index.keys()) {
    if (memo.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let current = start;
    let outcome: string | null;
    for (;;) {
      const known = memo.get(current);
      if (known !== undefined) {
        outcome = known;
        break;
      }
      if (onPath.has(current)) {
        outcome = null; // circular
        break;
      }
      const ref = index.get(current);
      if (ref === undefined) {
        outcome = null; // not found
        break;
      }
      path.push(current);
      onPath.add(current);
      const hop = nextHop(ref, namespace, streamName);
      if ("error" in hop) {
        outcome = null;
        break;
      }
      if (hop.next === null) {
        outcome = current;
        break;
      }
      current = hop.next;
    }
    for (const t of path) memo.set(t, outcome);
  }
  const out = new Map<string, string>();
  for (const [tag, target] of memo) if (target !== null && target !== tag) out.set(tag, target);
  return out;
}

/**
 * Follows same-stream `ImageStreamTag` spec tags to the tag that really holds the source
 * (`FollowTagReference`, docs/behaviour.md R12.7).
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
