/**
 * A small, obviously correct model of the history and generation rules (docs/behaviour.md §6–§10, §11.1,
 * R13.5, R15.10) for one stream `ns/app`, used by the model-based test.
 *
 * The model only knows what those rules talk about: the stream generation, per spec tag
 * (from kind/name, reference, generation, annotations) and per status tag the history of
 * (reference, image, generation, created) newest first plus the ImportSuccess conditions.
 * Each write path of the library is modelled by transcribing the rule text step by step.
 */

export const NS = "ns";
export const NAME = "app";
export const REG = "registry.example.com:5000";

/** Images pushed by mappings (pool A) and found by imports (pool B); disjoint so every image has one pull spec. */
export const POOL_A = ["a", "b", "c"].map((c) => `sha256:${c.repeat(64)}`);
export const POOL_B = ["d", "e"].map((c) => `sha256:${c.repeat(64)}`);

/** Images of the other stream `ns/other` (disjoint from A and B). */
export const POOL_C = ["1", "2", "3"].map((c) => `sha256:${c.repeat(64)}`);
export const OTHER = "other";
export const OTHER_CREATED = "2023-06-01T00:00:00Z";
/** The fixed history of `ns/other` (pulled through the internal registry, so R8.8 rewrites it). */
export const OTHER_TAGS: Record<string, MEvent[]> = {
  base: [
    { ref: `${REG}/${NS}/${OTHER}@${POOL_C[0]}`, image: POOL_C[0] as string, gen: 1, created: OTHER_CREATED },
    { ref: `${REG}/${NS}/${OTHER}@${POOL_C[1]}`, image: POOL_C[1] as string, gen: 1, created: OTHER_CREATED },
  ],
  ext: [{ ref: `quay.io/x/y@${POOL_C[2]}`, image: POOL_C[2] as string, gen: 1, created: OTHER_CREATED }],
};

/** R8.8: a pull spec into the source stream of the internal registry is rewritten to this stream. */
export function rewrite(ref: string, sourceName: string, reference: boolean): string {
  const prefix = `${REG}/${NS}/${sourceName}@`;
  if (reference || !ref.startsWith(prefix)) return ref;
  return `${REG}/${NS}/${NAME}@${ref.slice(prefix.length)}`;
}

export function mappingRef(image: string): string {
  return `${REG}/${NS}/${NAME}@${image}`;
}
export function dockerSource(k: number): string {
  return `docker.io/library/src${k}:1`;
}
export function importRef(k: number): string {
  return `docker.io/library/src${k}@${POOL_B[k]}`;
}

export interface MEvent {
  ref: string;
  image: string;
  gen: number;
  created: string;
}
export interface MCond {
  reason: string;
  message: string;
  gen: number;
  time: string;
}
export interface MSpec {
  kind: string;
  name: string;
  reference: boolean;
  gen: number | null;
  annotations: Record<string, string> | null;
}
export interface MStatus {
  items: MEvent[];
  conditions: MCond[];
}

export class Model {
  gen = 1;
  spec = new Map<string, MSpec>();
  status = new Map<string, MStatus>();
  /** Value of the dockerRepositoryCheck annotation (R11.5), undefined when absent. */
  checked: string | undefined = undefined;

  clone(): Model {
    const m = new Model();
    m.gen = this.gen;
    m.checked = this.checked;
    for (const [k, v] of this.spec)
      m.spec.set(k, { ...v, annotations: v.annotations ? { ...v.annotations } : null });
    for (const [k, v] of this.status)
      m.status.set(k, {
        items: v.items.map((e) => ({ ...e })),
        conditions: v.conditions.map((c) => ({ ...c })),
      });
    return m;
  }

  copyFrom(m: Model): void {
    this.gen = m.gen;
    this.checked = m.checked;
    this.spec = m.spec;
    this.status = m.status;
  }

  top(tag: string): MEvent | undefined {
    return this.status.get(tag)?.items[0];
  }

  /** R7: compare with the top only; four collapse cases; conditions cleared; created kept. */
  addEvent(tag: string, e: MEvent): boolean {
    const list = this.status.get(tag);
    if (list === undefined || list.items.length === 0) {
      this.status.set(tag, { items: [{ ...e }], conditions: [] });
      return true;
    }
    const p = list.items[0] as MEvent;
    const sameRef = p.ref === e.ref;
    const sameImage = p.image === e.image;
    if (sameRef && sameImage && p.gen === e.gen) return false;
    if (sameRef && sameImage) p.gen = e.gen;
    else if (sameRef) {
      p.image = e.image;
      p.gen = e.gen;
    } else if (sameImage) {
      p.ref = e.ref;
      p.gen = e.gen;
    } else list.items.unshift({ ...e });
    list.conditions = [];
    return true;
  }

  /** R8.10 / R2.1: spec tags that track `tag` of this stream (ImageStreamTag, same namespace, `tag` or `app:tag`). */
  trackers(tag: string): string[] {
    const out: string[] = [];
    for (const [name, s] of [...this.spec].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (s.kind !== "ImageStreamTag") continue;
      if (s.name === tag || s.name === `${NAME}:${tag}`) out.push(name);
    }
    return out;
  }

  /** R10.6 / UpdateTrackingTags: the event is added to every tracking tag. */
  track(tag: string, e: MEvent): void {
    for (const t of this.trackers(tag)) this.addEvent(t, e);
  }

  tops(): Map<string, MEvent | undefined> {
    const m = new Map<string, MEvent | undefined>();
    for (const [k, v] of this.status) m.set(k, v.items[0] ? { ...v.items[0] } : undefined);
    return m;
  }

  /**
   * R6.2 (public and internal update) followed by §8 and R8.10. `next` is the submitted spec
   * (tag generations as the client sent them); `oldTops` are the tops of the stored stream.
   */
  update(old: Model, next: Map<string, MSpec>, now: string, oldTops: Map<string, MEvent | undefined>): void {
    // step 3
    for (const [t, s] of next) {
      const o = old.spec.get(t);
      if (s.gen !== 0 && o !== undefined) s.gen = o.gen;
    }
    // step 4
    this.gen = old.gen;
    if (!specEqual(old.spec, next)) this.gen = old.gen + 1;
    // step 5
    for (const [t, s] of next) {
      const o = old.spec.get(t);
      if (o === undefined || refChanged(o, s)) s.gen = null;
      if (s.gen === null || s.gen === 0) s.gen = this.gen;
    }
    this.spec = next;
    // step 6: §8, spec tags in name order
    for (const t of [...next.keys()].sort()) {
      const s = next.get(t) as MSpec;
      const o = old.spec.get(t);
      if (o !== undefined && !refChanged(o, s)) continue; // R8.1
      const gen = s.gen as number;
      if (s.kind === "DockerImage") {
        if (s.reference) this.addEvent(t, { ref: s.name, image: "", gen, created: now }); // R8.4
      } else if (s.kind === "ImageStreamTag") {
        const parts = s.name.split(":");
        const [stream, source] =
          parts.length === 1 ? [NAME, parts[0] as string] : [parts[0] as string, parts[1] as string];
        if (stream === NAME) {
          const list = this.status.get(source);
          const top = list?.items[0];
          if (top !== undefined) {
            const e = { ...top, gen, ref: rewrite(top.ref, NAME, s.reference) }; // R8.7: the source's top, created copied
            top.gen = gen; // R8.12 quirk: the source top shares the event
            this.addEvent(t, e);
          }
        } else {
          // R8.6: another stream (only `other` exists); a one-time snapshot of its top
          const top = OTHER_TAGS[source]?.[0];
          if (top !== undefined)
            this.addEvent(t, { ...top, gen, ref: rewrite(top.ref, stream, s.reference) });
        }
      } else if (s.kind === "ImageStreamImage") {
        const [stream, id] = s.name.split("@") as [string, string];
        // When several items carry the image under different pull specs, upstream keeps the last
        // match of its scan: within one tag the oldest item, across tags Go's random map order.
        // The library (and this model) take the first tag by name that has the image, and within
        // it the oldest matching item.
        const lastMatch = (items: readonly MEvent[]) => items.filter((e) => e.image === id).at(-1);
        let found: MEvent | undefined;
        if (stream === NAME) {
          for (const k of [...this.status.keys()].sort())
            found ??= lastMatch(this.status.get(k)?.items ?? []);
        } else {
          for (const k of Object.keys(OTHER_TAGS).sort()) found ??= lastMatch(OTHER_TAGS[k] ?? []);
        }
        if (found !== undefined)
          this.addEvent(t, {
            ref: rewrite(found.ref, stream, s.reference),
            image: found.image,
            gen,
            created: now,
          });
      }
    }
    // R8.10: tags whose top changed propagate it to their trackers
    for (const t of [...this.status.keys()].sort()) {
      const top = this.top(t);
      if (top === undefined || eventEqual(oldTops.get(t), top)) continue;
      this.track(t, { ...top });
    }
    // R9.5: status tags with neither items nor conditions are dropped
    for (const [t, l] of [...this.status])
      if (l.items.length === 0 && l.conditions.length === 0) this.status.delete(t);
  }
}

export function eventEqual(a: MEvent | undefined, b: MEvent | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.ref === b.ref && a.image === b.image && a.gen === b.gen && a.created === b.created;
}

/** R6.4: from.name, reference (importMode, namespace never vary here), or generation set to 0. */
export function refChanged(o: MSpec, s: MSpec): boolean {
  if (s.kind === "" && s.name === "") return false;
  if (o.name !== s.name || o.reference !== s.reference) return true;
  return o.gen !== null && s.gen !== null && o.gen !== s.gen && s.gen === 0;
}

function annotationsEqual(a: Record<string, string> | null, b: Record<string, string> | null): boolean {
  const ka = Object.keys(a ?? {});
  const kb = Object.keys(b ?? {});
  return ka.length === kb.length && ka.every((k) => a?.[k] === b?.[k]);
}

/** Kubernetes semantic equality of two spec tag maps (nil and empty maps equal). */
export function specEqual(a: Map<string, MSpec>, b: Map<string, MSpec>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y === undefined) return false;
    if (x.kind !== y.kind || x.name !== y.name || x.reference !== y.reference || x.gen !== y.gen)
      return false;
    if (!annotationsEqual(x.annotations, y.annotations)) return false;
  }
  return true;
}

export function cloneSpec(m: Map<string, MSpec>): Map<string, MSpec> {
  const out = new Map<string, MSpec>();
  for (const [k, v] of m) out.set(k, { ...v, annotations: v.annotations ? { ...v.annotations } : null });
  return out;
}

/** The model as plain JSON, the shape `project` gives for the real stream. */
export function modelView(m: Model): unknown {
  const spec = [...m.spec.keys()].sort().map((k) => {
    const s = m.spec.get(k) as MSpec;
    return {
      name: k,
      kind: s.kind,
      from: s.name,
      reference: s.reference,
      generation: s.gen,
      annotations: s.annotations && Object.keys(s.annotations).length > 0 ? s.annotations : null,
    };
  });
  const status = [...m.status.keys()].sort().map((k) => {
    const l = m.status.get(k) as MStatus;
    return {
      tag: k,
      items: l.items.map((e) => ({ ref: e.ref, image: e.image, generation: e.gen, created: e.created })),
      conditions: l.conditions.map((c) => ({
        reason: c.reason,
        message: c.message,
        generation: c.gen,
        time: c.time,
      })),
    };
  });
  return { generation: m.gen, spec, status, checked: m.checked ?? null };
}

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v !== null && typeof v === "object" ? (v as J) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The real stream seen through the model's eyes (order as stored, so sorting is checked too). */
export function project(stream: unknown): unknown {
  const s = obj(stream);
  const meta = obj(s.metadata);
  const spec = arr(obj(s.spec).tags).map((t0) => {
    const t = obj(t0);
    const from = obj(t.from);
    const ann = t.annotations === undefined || t.annotations === null ? null : obj(t.annotations);
    return {
      name: t.name,
      kind: from.kind,
      from: from.name,
      reference: t.reference === true,
      generation: t.generation ?? null,
      annotations: ann && Object.keys(ann).length > 0 ? ann : null,
    };
  });
  const status = arr(obj(s.status).tags).map((l0) => {
    const l = obj(l0);
    return {
      tag: l.tag,
      items: arr(l.items).map((e0) => {
        const e = obj(e0);
        return { ref: e.dockerImageReference, image: e.image, generation: e.generation, created: e.created };
      }),
      conditions: arr(l.conditions).map((c0) => {
        const c = obj(c0);
        return { reason: c.reason, message: c.message, generation: c.generation, time: c.lastTransitionTime };
      }),
    };
  });
  const checked = obj(meta.annotations)["openshift.io/image.dockerRepositoryCheck"];
  return { generation: meta.generation, spec, status, checked: checked ?? null };
}
