import type { TagReference } from "../model/index.js";
import { isObj, type Obj, str } from "./internal.js";

/**
 * The API server's "tag reference changed" predicate (R6.4, `tagRefChanged`).
 *
 * False when `next.from` is missing or has neither kind nor name. Otherwise true when the
 * namespaces differ (empty means `streamNamespace`), `from.name` differs, `reference` differs,
 * `importPolicy.importMode` differs, or both generations are set, differ, and the new one is 0.
 * Deliberately **not** a change (R6.4.3, quirk §18.1): `from.kind`, `importPolicy.scheduled`,
 * `importPolicy.insecure`, `referencePolicy` and annotations. Import modes are compared as sent
 * (`updateImageStream` applies the import-mode default first, R1.3.4).
 *
 * @param old - the previous spec tag (`undefined` counts as a tag without `from`)
 * @param next - the new spec tag
 * @param streamNamespace - the namespace of the stream both tags belong to
 *
 * @example
 * ```ts
 * tagRefChanged(
 *   { name: "a", from: { kind: "DockerImage", name: "ruby:2" } },
 *   { name: "a", from: { kind: "ImageStreamTag", name: "ruby:2" } },
 *   "ns",
 * ); // false: the kind is ignored
 * ```
 * @public
 */
export function tagRefChanged(
  old: TagReference | undefined,
  next: TagReference | undefined,
  streamNamespace: string,
): boolean {
  // the same spec tag object is unchanged by definition (every comparison below is of its fields)
  if (old === next) return false;
  const n = (isObj(next) ? next : {}) as Obj;
  const o = (isObj(old) ? old : {}) as Obj;
  const nextFrom = n.from;
  if (!isObj(nextFrom)) return false;
  if (str(nextFrom.kind) === "" && str(nextFrom.name) === "") return false;
  const oldFrom = isObj(o.from) ? o.from : {};
  const oldNamespace = str(oldFrom.namespace) || str(streamNamespace);
  const nextNamespace = str(nextFrom.namespace) || str(streamNamespace);
  if (oldNamespace !== nextNamespace) return true;
  if (str(oldFrom.name) !== str(nextFrom.name)) return true;
  if ((o.reference === true) !== (n.reference === true)) return true;
  if (importMode(o) !== importMode(n)) return true;
  const og = o.generation;
  const ng = n.generation;
  return typeof og === "number" && typeof ng === "number" && og !== ng && ng === 0;
}

function importMode(ref: Obj): string {
  const p = ref.importPolicy;
  return isObj(p) ? str(p.importMode) : "";
}
