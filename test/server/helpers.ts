/** Test helpers for the server tests: vector conversion (internal maps → v1 lists) and builders. */
import type { ImageStream, NamedTagEventList, TagEvent, TagReference } from "../../src/model/index.js";

type Obj = Record<string, unknown>;

/** Converts the vectors' internal map form (`spec.tags` / `status.tags` keyed by name) to v1 lists. */
export function streamFromVector(s: Obj): ImageStream {
  const spec = (s.spec ?? {}) as Obj;
  const status = (s.status ?? {}) as Obj;
  const specTags = Object.entries((spec.tags ?? {}) as Record<string, Obj>).map(([name, t]) => ({
    ...t,
    name,
  }));
  const statusTags = statusTagsFromMap((status.tags ?? {}) as Record<string, Obj>);
  return {
    ...s,
    spec: { ...spec, tags: specTags },
    status: { ...status, tags: statusTags },
  } as unknown as ImageStream;
}

/** `status.tags` map → sorted v1 list. */
export function statusTagsFromMap(m: Record<string, Obj>): NamedTagEventList[] {
  return Object.keys(m)
    .sort()
    .map((tag) => ({ tag, ...m[tag] }) as unknown as NamedTagEventList);
}

/** `status.tags` list → map (the vectors' form). */
export function statusTagsToMap(tags: readonly NamedTagEventList[] | undefined): Record<string, Obj> {
  const out: Record<string, Obj> = {};
  for (const t of tags ?? []) {
    const { tag, ...rest } = t as unknown as Obj;
    out[tag as string] = rest;
  }
  return out;
}

/** A 64-hex digest made from a short seed. */
export function digest(seed: string | number): string {
  const hex = Buffer.from(String(seed)).toString("hex");
  return `sha256:${hex.padEnd(64, "0").slice(0, 64)}`;
}

/** A minimal stream. */
export function stream(
  name: string,
  namespace: string,
  opts: { generation?: number; spec?: TagReference[]; status?: NamedTagEventList[]; extra?: Obj } = {},
): ImageStream {
  return {
    metadata: { name, namespace, ...(opts.generation !== undefined ? { generation: opts.generation } : {}) },
    spec: { tags: opts.spec ?? [] },
    status: { dockerImageRepository: "", tags: opts.status ?? [] },
    ...(opts.extra ?? {}),
  } as unknown as ImageStream;
}

/** A tag event. */
export function ev(ref: string, image: string, generation = 1, created = "2024-01-01T00:00:00Z"): TagEvent {
  return { created, dockerImageReference: ref, image, generation } as TagEvent;
}

/**
 * How many status lists of `after` are not the very list of `before` with the same tag: the count
 * upstream's `UpdateTrackingTags` returns, read off structural sharing (a write copies only what
 * it changes).
 */
export function changedLists(before: ImageStream, after: ImageStream): number {
  const old = new Map((before.status?.tags ?? []).map((l) => [l.tag, l] as const));
  return (after.status?.tags ?? []).filter((l) => old.get(l.tag) !== l).length;
}
