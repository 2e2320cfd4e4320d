/**
 * Bridge to the reference-policy rule R12.3 (`resolveReferenceForTagEvent`), which lives in
 * `src/server/` because spec tag processing needs it too.
 */
import type { ImageStream, TagEvent, TagReference } from "../model/index.js";
import { resolveReferenceForTagEvent } from "../server/index.js";
import { str } from "./internal.js";

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
