/**
 * Output normalization of the server functions (R1.11): spec and status tags sorted by name
 * with the last duplicate winning, spec tag names equal to their key, and the decode defaults
 * (`referencePolicy.type` = Source, `importPolicy.importMode` = the cluster default).
 */
import type { ImageStream, NamedTagEventList, TagReference } from "../model/index.js";
import {
  isObj,
  type Obj,
  sortUniqueBy,
  specTagName,
  specTagsOf,
  statusTagName,
  statusTagsOf,
} from "./internal.js";
import type { ServerOptions } from "./options.js";

/** R1.3.4 / R1.3.5 defaults applied to one spec tag (same object when already defaulted). */
export function defaultTagReference(ref: TagReference, opts: ServerOptions): TagReference {
  if (!isObj(ref)) return ref;
  const r = ref as Obj;
  const rp = isObj(r.referencePolicy) ? r.referencePolicy : undefined;
  const ip = isObj(r.importPolicy) ? r.importPolicy : undefined;
  const needRp = rp === undefined || rp.type === undefined || rp.type === "";
  const needIp = ip === undefined || ip.importMode === undefined || ip.importMode === "";
  if (!needRp && !needIp) return ref;
  const out: Obj = { ...r };
  if (needRp) out.referencePolicy = { ...(rp ?? {}), type: "Source" };
  if (needIp) out.importPolicy = { ...(ip ?? {}), importMode: opts.defaultImportMode ?? "Legacy" };
  return out as TagReference;
}

/**
 * Sorts and de-duplicates spec and status tags and applies the spec tag defaults; returns the same
 * stream when nothing changes.
 */
export function normalizeStream(stream: ImageStream, opts: ServerOptions): ImageStream {
  let out = stream;
  const spec = specTagsOf(stream);
  if (spec.length > 0) {
    let tags = sortUniqueBy(spec, specTagName);
    let changed = false;
    const defaulted = tags.map((t) => {
      const d = defaultTagReference(t, opts);
      if (d !== t) changed = true;
      return d;
    });
    if (changed) tags = defaulted;
    if (tags !== spec) out = { ...out, spec: { ...(out.spec as Obj), tags } } as ImageStream;
  }
  const status = statusTagsOf(stream);
  if (status.length > 0) {
    const tags = sortUniqueBy(status, statusTagName) as NamedTagEventList[];
    if (tags !== status) out = { ...out, status: { ...(out.status as Obj), tags } } as ImageStream;
  }
  return out;
}
