/**
 * `SortStatusTags` (docs/behaviour.md R12.8, OAS `pkg/image/apis/image/helper.go`), used by `oc get is`.
 */
import type { ImageStream } from "../model/index.js";
import { itemsOf, statusTags } from "./internal.js";

/**
 * The instant of an RFC 3339 timestamp truncated to the second (the precision Kubernetes
 * stores), or `-Infinity` (Go's zero time) when missing or unparseable.
 * @internal
 */
export function timestampSeconds(value: unknown): number {
  if (typeof value !== "string" || value === "") return Number.NEGATIVE_INFINITY;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return Number.NEGATIVE_INFINITY;
  return Math.floor(ms / 1000);
}

/**
 * The status tag names, most recently updated first (`SortStatusTags`, docs/behaviour.md R12.8).
 *
 * The key is `items[0].created` truncated to the second; ties are broken by name ascending;
 * tags without history have the zero time and come last. Duplicate status entries count once
 * (the last one wins, as in the server's map, R1.11.2).
 *
 * @param stream - the image stream
 * @example
 * ```ts
 * sortStatusTags(stream); // => ["latest", "2.0", "1.0"]
 * ```
 * @public
 */
export function sortStatusTags(stream: ImageStream): string[] {
  const created = new Map<string, number>();
  for (const list of statusTags(stream)) {
    if (list === null || typeof list !== "object" || typeof list.tag !== "string") continue;
    const top = itemsOf(list)[0];
    created.set(
      list.tag,
      top !== null && typeof top === "object" ? timestampSeconds(top.created) : Number.NEGATIVE_INFINITY,
    );
  }
  const entries = [...created];
  entries.sort((a, b) => {
    if (a[1] !== b[1]) return a[1] > b[1] ? -1 : 1;
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  });
  return entries.map((e) => e[0]);
}
