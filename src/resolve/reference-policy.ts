/**
 * Bridge to the reference-policy rule R12.3 (`resolveReferenceForTagEvent`), which lives in
 * `src/server/` (engineer D1) because spec tag processing needs it too.
 */
import type { ImageStream, TagEvent, TagReference } from "../model/index.js";
import { str } from "./internal.js";

// TEMPORARY until src/server exports resolveReferenceForTagEvent (R12.3).
function resolveReferenceForTagEvent(stream: ImageStream, spec: TagReference, event: TagEvent): string {
  const ref = str(event.dockerImageReference);
  if (spec.referencePolicy?.type !== "Local") return ref;
  const local = str(stream.status?.dockerImageRepository);
  const image = str(event.image);
  if (local === "" || image === "") return ref;
  const at = local.indexOf("@");
  let repo = at >= 0 ? local.slice(0, at) : local;
  const slash = repo.lastIndexOf("/");
  const colon = repo.lastIndexOf(":");
  if (colon > slash) repo = repo.slice(0, colon);
  return `${repo}@${image}`;
}

/**
 * The pull spec of `event` for a tag whose spec tag is `spec` (R12.3); without a spec tag the
 * event's own reference (the Go code passes a zero TagReference, whose policy is not `Local`).
 */
export function referenceForEvent(
  stream: ImageStream,
  spec: TagReference | undefined,
  event: TagEvent,
): string {
  if (spec === undefined) return str(event.dockerImageReference);
  return resolveReferenceForTagEvent(stream, spec, event);
}
