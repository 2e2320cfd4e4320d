/**
 * Model-based test: random sequences of every write path the library exports
 * (mappings, spec edits, status updates, ImageStreamTag deletes, and — when exported — `tag`,
 * `untag`, `rollbackTag`, `applyImportResult`) run against the library and against the small
 * model of `model.ts`; after every command the stream seen through `project` must equal the
 * model (docs/behaviour.md §6 generations, §7 history, §8 spec tags and tracking, §9 deletion, §10
 * mappings, §11.1 import results). Inputs are deep-frozen and must come back unchanged; a
 * command the model calls a no-op must return the very same object. fast-check shrinks any
 * divergence to a minimal command sequence.
 */
import { fc } from "@fast-check/vitest";
import { applyPatch } from "fast-json-patch";
import { describe, expect, it } from "vitest";
import type { ImageStream } from "../../src/model/index.js";
import * as lib from "../support/all.js";
import { deepFreeze, isDeepFrozen, snapshot } from "../support/freeze.js";
import {
  cloneSpec,
  dockerSource,
  importRef,
  type MEvent,
  Model,
  type MSpec,
  mappingRef,
  modelView,
  NAME,
  NS,
  OTHER,
  OTHER_TAGS,
  POOL_A,
  POOL_B,
  POOL_C,
  project,
  REG,
} from "./model.js";

type Fn = (...args: never[]) => unknown;
const L = lib as unknown as Record<string, Fn | undefined>;
/** A public function by name, or undefined while it is not exported yet. */
function exported<T extends Fn>(name: string): T | undefined {
  return L[name] as T | undefined;
}

const IMAGE_TAGS = ["latest", "v1"] as const;
const ALL_TAGS = ["latest", "v1", "track"] as const;
const BASE = Date.UTC(2024, 0, 1);

interface Real {
  stream: ImageStream;
  step: number;
  /** Names of the commands run, for the report of a failure. */
  log: string[];
}

/** The other stream `ns/other`, reachable through `getImageStream` (R8.6). */
const OTHER_STREAM: ImageStream = deepFreeze({
  apiVersion: "image.openshift.io/v1",
  kind: "ImageStream",
  metadata: { name: OTHER, namespace: NS, generation: 1 },
  spec: {},
  status: {
    dockerImageRepository: `${REG}/${NS}/${OTHER}`,
    tags: Object.entries(OTHER_TAGS).map(([tag, items]) => ({
      tag,
      items: items.map((e) => ({
        created: e.created,
        dockerImageReference: e.ref,
        image: e.image,
        generation: e.gen,
      })),
    })),
  },
});

/** Server options of every call: the clock, the internal registry (R8.8) and the other stream. */
function opts(now: string) {
  return {
    now,
    internalRegistryHostname: REG,
    getImageStream: (ns: string, name: string) => (ns === NS && name === OTHER ? OTHER_STREAM : undefined),
  };
}

function nowOf(step: number): string {
  return new Date(BASE + step * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Runs `f` on the deep-frozen stream, checks the input was not touched, returns the result. */
function call<T>(r: Real, f: (s: ImageStream) => T): T {
  const before = snapshot(r.stream);
  deepFreeze(r.stream);
  const out = f(r.stream);
  expect(snapshot(r.stream)).toEqual(before);
  return out;
}

/** After every command: the projection equals the model, plus the server invariants (R6, R7, R1.11). */
function compare(m: Model, r: Real): void {
  expect(project(r.stream), r.log.join(" ; ")).toEqual(modelView(m));
  const spec = (r.stream.spec?.tags ?? []).map((t) => t.name);
  expect(spec).toEqual([...spec].sort());
  const status = (r.stream.status?.tags ?? []).map((t) => t.tag);
  expect(status).toEqual([...status].sort());
  const g = r.stream.metadata?.generation ?? 0;
  for (const l of r.stream.status?.tags ?? [])
    for (const e of l.items) expect(e.generation).toBeLessThanOrEqual(g);
}

/** Every new state is deeply frozen, and the JSON Patch between two states replays the change. */
function checkTransition(prev: ImageStream, out: ImageStream, name: string): void {
  expect(isDeepFrozen(out), `${name}: every state the library returns is deeply frozen`).toBe(true);
  const ops = lib.imageStreamPatch(prev, out);
  const patched = applyPatch(structuredClone(prev), structuredClone(ops), true, true).newDocument;
  expect(patched, `${name}: imageStreamPatch(prev, next) applied to prev gives next`).toEqual(snapshot(out));
  if (out === prev) expect(ops).toEqual([]);
}

/**
 * Applies a state transition: checks the no-op rule (same object) when the model did not change,
 * that the new state is deeply frozen (immer auto-freeze), and that `imageStreamPatch(prev, out)`
 * applied to `prev` by an independent RFC 6902 implementation (fast-json-patch) gives `out`.
 */
function settle(m: Model, next: Model, r: Real, out: ImageStream, name: string): void {
  const changed = JSON.stringify(modelView(m)) !== JSON.stringify(modelView(next));
  if (!changed) expect(out, `${name}: a no-op must return the same object`).toBe(r.stream);
  checkTransition(r.stream, out, name);
  m.copyFrom(next);
  r.stream = out;
  compare(m, r);
}

function realSpecTags(r: Real): Record<string, unknown>[] {
  return (r.stream.spec?.tags ?? []).map((t) => ({ ...t })) as Record<string, unknown>[];
}

type OperationFn = (s: ImageStream, op: unknown, o: unknown) => ImageStream;
/** The same write through the one reducer `applyOperation` instead of the named function. */
function viaOperation(
  s: ImageStream,
  op: Record<string, unknown>,
  now: string,
  extra: object = {},
): ImageStream {
  const applyOperation = exported<OperationFn>("applyOperation") as OperationFn;
  return applyOperation(s, deepFreeze(op), { ...opts(now), ...extra });
}

/** `PUT imagestreams` with the spec tags edited by `edit` (a client GET-modify-PUT). */
function putSpec(
  r: Real,
  edit: (tags: Record<string, unknown>[]) => Record<string, unknown>[],
  via = false,
): ImageStream {
  const tags = edit(realSpecTags(r));
  // keep an absent spec.tags absent when it stays empty (the client sends back what it read)
  const spec =
    tags.length === 0 && r.stream.spec?.tags === undefined ? r.stream.spec : { ...r.stream.spec, tags };
  const next = { ...r.stream, ...(spec === undefined ? {} : { spec }) } as ImageStream;
  if (via) return call(r, (s) => viaOperation(s, { type: "update", stream: next }, nowOf(r.step)));
  return call(r, (s) => lib.updateImageStream(s, next, opts(nowOf(r.step))));
}

/** How many times each command ran (checked after the property: every command must have run). */
const RUN_COUNTS = new Map<string, number>();

abstract class Cmd implements fc.Command<Model, Real> {
  /** Run through `applyOperation` instead of the named function. */
  via = false;
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  abstract apply(m: Model, r: Real, now: string): void;
  abstract toString(): string;
  run(m: Model, r: Real): void {
    const key = `${this.constructor.name}${this.via ? " via applyOperation" : ""}`;
    RUN_COUNTS.set(key, (RUN_COUNTS.get(key) ?? 0) + 1);
    r.step += 1;
    r.log.push(`${this.toString()}${this.via ? " [op]" : ""}`);
    this.apply(m, r, nowOf(r.step));
  }
}

/**
 * §10: an ImageStreamMapping pushes image `POOL_A[i]` to `tag`. Variants: the image is already
 * known (`getImage` finds it: imageCreated false) and/or annotated `openshift.io/image.managed`;
 * R10.4: only a known managed image takes `<status.dockerImageRepository>@<image>` as reference,
 * otherwise the submitted `dockerImageReference` (here in another registry) is used.
 */
class MapCmd extends Cmd {
  constructor(
    readonly tag: string,
    readonly i: number,
    readonly variant: "plain" | "known" | "managed-new" | "managed-known" = "plain",
  ) {
    super();
  }
  toString() {
    return `map(${this.tag}, A${this.i}${this.variant === "plain" ? "" : `, ${this.variant}`})`;
  }
  apply(m: Model, r: Real, now: string) {
    const image = POOL_A[this.i] as string;
    const plain = this.variant === "plain";
    const managed = this.variant.startsWith("managed");
    const known = this.variant.endsWith("known");
    const submittedRef = plain ? mappingRef(image) : `quay.io/elsewhere/app@${image}`;
    const mapping = {
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStreamMapping",
      metadata: { name: NAME, namespace: NS },
      tag: this.tag,
      image: {
        metadata: {
          name: image,
          ...(managed ? { annotations: { "openshift.io/image.managed": "true" } } : {}),
        },
        dockerImageReference: submittedRef,
      },
    };
    deepFreeze(mapping);
    const stored = deepFreeze({ metadata: { name: image }, dockerImageReference: mappingRef(image) });
    const extra = known ? { getImage: (n: string) => (n === image ? stored : undefined) } : {};
    const out = this.via
      ? {
          stream: call(r, (s) => viaOperation(s, { type: "mapping", mapping }, now, extra)),
          imageCreated: !known,
        }
      : call(r, (s) => lib.applyImageStreamMapping(s, mapping as never, { ...opts(now), ...extra }));
    const next = m.clone();
    const ref = managed && known ? mappingRef(image) : submittedRef; // R10.4 (status repo = REG/ns/app)
    const e: MEvent = { ref, image, gen: m.gen, created: now }; // R10.5
    if (next.addEvent(this.tag, e)) next.track(this.tag, e); // R10.6
    expect(out.imageCreated).toBe(!known); // R10.3
    settle(m, next, r, out.stream, this.toString());
  }
}

/** R6.2 + R8.4: a spec tag from DockerImage `src<k>:1`, reference or not. */
class SetDockerCmd extends Cmd {
  constructor(
    readonly tag: string,
    readonly k: number,
    readonly reference: boolean,
  ) {
    super();
  }
  toString() {
    return `setDocker(${this.tag}, src${this.k}, ref=${this.reference})`;
  }
  apply(m: Model, r: Real, now: string) {
    const from = { kind: "DockerImage", name: dockerSource(this.k) };
    const out = putSpec(
      r,
      (tags) => {
        const i = tags.findIndex((t) => t.name === this.tag);
        const base = i >= 0 ? tags[i] : { name: this.tag };
        const t = { ...base, from, reference: this.reference };
        if (i >= 0) tags[i] = t;
        else tags.push(t);
        return tags;
      },
      this.via,
    );
    const next = m.clone();
    const spec = cloneSpec(m.spec);
    const o = spec.get(this.tag);
    spec.set(this.tag, {
      kind: "DockerImage",
      name: from.name,
      reference: this.reference,
      gen: o?.gen ?? null,
      annotations: o?.annotations ?? null,
    });
    next.update(m, spec, now, m.tops());
    settle(m, next, r, out, this.toString());
  }
}

/** R6.2 + R8.7 + R8.10: `track` follows `source` of this stream (as `source` or `app:source`). */
class SetTrackCmd extends Cmd {
  constructor(
    readonly source: string,
    readonly qualified: boolean,
  ) {
    super();
  }
  toString() {
    return `setTrack(${this.qualified ? `${NAME}:` : ""}${this.source})`;
  }
  apply(m: Model, r: Real, now: string) {
    const name = this.qualified ? `${NAME}:${this.source}` : this.source;
    const out = putSpec(
      r,
      (tags) => {
        const i = tags.findIndex((t) => t.name === "track");
        const t = { ...(i >= 0 ? tags[i] : { name: "track" }), from: { kind: "ImageStreamTag", name } };
        if (i >= 0) tags[i] = t;
        else tags.push(t);
        return tags;
      },
      this.via,
    );
    const next = m.clone();
    const spec = cloneSpec(m.spec);
    const o = spec.get("track");
    spec.set("track", {
      kind: "ImageStreamTag",
      name,
      reference: o?.reference ?? false,
      gen: o?.gen ?? null,
      annotations: o?.annotations ?? null,
    });
    next.update(m, spec, now, m.tops());
    settle(m, next, r, out, this.toString());
  }
}

/**
 * R8.6–R8.8: a spec tag from another stream (`other:<tag>` or `other@<image>`): a one-time
 * snapshot, pull specs into the other stream's internal repository rewritten to this stream
 * unless `reference`; a missing source tag gives no event; a missing stream is an error.
 */
class SetCrossCmd extends Cmd {
  constructor(
    readonly tag: string,
    readonly source: string,
    readonly reference: boolean,
  ) {
    super();
  }
  toString() {
    return `setCross(${this.tag} <- ${this.source}, ref=${this.reference})`;
  }
  apply(m: Model, r: Real, now: string) {
    const kind = this.source.includes("@") ? "ImageStreamImage" : "ImageStreamTag";
    const from = { kind, name: this.source };
    const edit = (tags: Record<string, unknown>[]) => {
      const i = tags.findIndex((t) => t.name === this.tag);
      const t = { ...(i >= 0 ? tags[i] : { name: this.tag }), from, reference: this.reference };
      if (i >= 0) tags[i] = t;
      else tags.push(t);
      return tags;
    };
    if (this.source.startsWith("nope")) {
      // R8.6: the source stream does not exist → Invalid, nothing written
      expect(() => putSpec(r, edit, this.via)).toThrow(lib.InvalidError);
      compare(m, r);
      return;
    }
    const out = putSpec(r, edit, this.via);
    const next = m.clone();
    const spec = cloneSpec(m.spec);
    const o = spec.get(this.tag);
    spec.set(this.tag, {
      kind,
      name: this.source,
      reference: this.reference,
      gen: o?.gen ?? null,
      annotations: o?.annotations ?? null,
    });
    next.update(m, spec, now, m.tops());
    settle(m, next, r, out, this.toString());
  }
}

/** R9.2: removing a spec tag keeps its history. */
class RemoveSpecCmd extends Cmd {
  constructor(readonly tag: string) {
    super();
  }
  toString() {
    return `removeSpec(${this.tag})`;
  }
  apply(m: Model, r: Real, now: string) {
    const out = putSpec(r, (tags) => tags.filter((t) => t.name !== this.tag), this.via);
    const next = m.clone();
    const spec = cloneSpec(m.spec);
    spec.delete(this.tag);
    next.update(m, spec, now, m.tops());
    settle(m, next, r, out, this.toString());
  }
}

/** R6.2 step 4 / R6.4.3: an annotation change bumps the stream generation only. */
class AnnotateCmd extends Cmd {
  constructor(
    readonly tag: string,
    readonly value: string | null,
  ) {
    super();
  }
  override check(m: Readonly<Model>) {
    return m.spec.has(this.tag);
  }
  toString() {
    return `annotate(${this.tag}, ${this.value})`;
  }
  apply(m: Model, r: Real, now: string) {
    const annotations = this.value === null ? null : { note: this.value };
    const out = putSpec(
      r,
      (tags) =>
        tags.map((t) => {
          if (t.name !== this.tag) return t;
          if (annotations !== null) return { ...t, annotations };
          if (t.annotations === null || t.annotations === undefined) return t;
          const { annotations: _dropped, ...rest } = t;
          return rest;
        }),
      this.via,
    );
    const next = m.clone();
    const spec = cloneSpec(m.spec);
    (spec.get(this.tag) as MSpec).annotations = annotations;
    next.update(m, spec, now, m.tops());
    settle(m, next, r, out, this.toString());
  }
}

/** R6.2.1 / R6.2.2: generation 0 gives the tag the new stream generation, without re-resolving. */
class GenZeroCmd extends Cmd {
  constructor(readonly tag: string) {
    super();
  }
  override check(m: Readonly<Model>) {
    return m.spec.has(this.tag);
  }
  toString() {
    return `genZero(${this.tag})`;
  }
  apply(m: Model, r: Real, now: string) {
    const out = putSpec(
      r,
      (tags) => tags.map((t) => (t.name === this.tag ? { ...t, generation: 0 } : t)),
      this.via,
    );
    const next = m.clone();
    const spec = cloneSpec(m.spec);
    (spec.get(this.tag) as MSpec).gen = 0;
    next.update(m, spec, now, m.tops());
    settle(m, next, r, out, this.toString());
  }
}

/** R6.3: a status update whose `tag` top event gets generation 0 (or a new event with generation 0). */
class StatusCmd extends Cmd {
  constructor(
    readonly tag: string,
    readonly push: number | undefined,
  ) {
    super();
  }
  override check(m: Readonly<Model>) {
    return this.push !== undefined || (m.top(this.tag)?.image ?? "") !== "";
  }
  toString() {
    return `status(${this.tag}, ${this.push === undefined ? "zero top" : `push A${this.push}`})`;
  }
  apply(m: Model, r: Real, now: string) {
    const lists = (r.stream.status?.tags ?? []).map((l) => ({ ...l, items: [...l.items] }));
    let list = lists.find((l) => l.tag === this.tag);
    if (list === undefined) {
      list = { tag: this.tag, items: [] };
      lists.push(list);
    }
    const image = this.push === undefined ? "" : (POOL_A[this.push] as string);
    if (this.push === undefined)
      list.items[0] = { ...(list.items[0] as (typeof list.items)[number]), generation: 0 };
    else list.items.unshift({ created: now, dockerImageReference: mappingRef(image), image, generation: 0 });
    const submitted = { ...r.stream, status: { ...r.stream.status, tags: lists } } as ImageStream;
    const out = this.via
      ? call(r, (s) => viaOperation(s, { type: "statusUpdate", stream: submitted }, now))
      : call(r, (s) => lib.updateImageStreamStatus(s, submitted, opts(now)));
    const next = m.clone();
    const old = m.top(this.tag);
    const l = next.status.get(this.tag) ?? { items: [], conditions: [] };
    next.status.set(this.tag, l);
    const top: MEvent =
      this.push === undefined
        ? (l.items[0] as MEvent)
        : { ref: mappingRef(image), image, gen: 0, created: now };
    if (this.push !== undefined) l.items.unshift(top);
    // R6.3.2: tagEventChanged(old, new) = image or reference differ, or old.generation > new.generation
    const changed = old !== undefined && (old.image !== top.image || old.ref !== top.ref || old.gen > 0);
    top.gen = !changed ? m.gen : (m.spec.get(this.tag)?.gen ?? m.gen);
    settle(m, next, r, out, this.toString());
  }
}

/** R9.3: deleting an ImageStreamTag removes spec and history; NotFound when neither exists. */
class DeleteCmd extends Cmd {
  constructor(
    readonly tag: string,
    readonly viaUntag: boolean,
  ) {
    super();
  }
  toString() {
    return `${this.viaUntag ? "untag" : "deleteImageStreamTag"}(${this.tag})`;
  }
  apply(m: Model, r: Real, now: string) {
    const exists = m.spec.has(this.tag) || m.status.has(this.tag);
    const untag =
      exported<(s: ImageStream, req: unknown, o: unknown) => { stream: ImageStream; message: string }>(
        "untag",
      );
    const run = (s: ImageStream): ImageStream => {
      if (this.viaUntag && this.via)
        return viaOperation(s, { type: "untag", destinations: [`${NAME}:${this.tag}`], namespace: NS }, now);
      if (this.viaUntag && untag !== undefined) {
        const res = untag(s, { destinations: [`${NAME}:${this.tag}`], namespace: NS }, opts(now));
        expect(res.message).toBe(`Deleted tag ${NS}/${NAME}:${this.tag}.`); // R15.11
        return res.stream;
      }
      return lib.deleteImageStreamTag(s, this.tag, opts(now));
    };
    if (!exists) {
      expect(() => call(r, run)).toThrow(lib.NotFoundError);
      return;
    }
    const out = call(r, run);
    const next = m.clone();
    const spec = cloneSpec(m.spec);
    spec.delete(this.tag);
    next.status.delete(this.tag);
    next.update(m, spec, now, m.tops());
    settle(m, next, r, out, this.toString());
  }
}

type TagFn = (s: ImageStream, req: unknown, o: unknown) => { stream: ImageStream; message: string };

/**
 * `oc tag` (R15.5, R15.10, R15.11, R13.5): `mode` "istag" snapshots `app:source` to its image
 * (ImageStreamImage), "alias" makes `track` follow it, "docker" tags `src<k>:1` (generation 0).
 */
class TagCmd extends Cmd {
  constructor(
    readonly mode: "istag" | "alias" | "docker",
    readonly source: string,
    readonly dest: string,
    readonly k: number,
    readonly reference: boolean,
  ) {
    super();
  }
  override check(m: Readonly<Model>) {
    if (this.mode === "istag") return this.source !== this.dest && (m.top(this.source)?.image ?? "") !== "";
    return true;
  }
  toString() {
    if (this.mode === "docker") return `tag(${dockerSource(this.k)} -> ${this.dest}, ref=${this.reference})`;
    if (this.mode === "alias") return `tag --alias(${NAME}:${this.source} -> track)`;
    return `tag(${NAME}:${this.source} -> ${this.dest})`;
  }
  apply(m: Model, r: Real, now: string) {
    const tag = exported<TagFn>("tag") as TagFn;
    const dest = this.mode === "alias" ? "track" : this.dest;
    const request =
      this.mode === "docker"
        ? {
            source: dockerSource(this.k),
            destinations: [`${NAME}:${dest}`],
            namespace: NS,
            reference: this.reference,
          }
        : {
            source: `${NAME}:${this.source}`,
            destinations: [`${NAME}:${dest}`],
            namespace: NS,
            alias: this.mode === "alias",
          };
    deepFreeze(request);
    const res = this.via
      ? { stream: call(r, (s) => viaOperation(s, { type: "tag", ...request }, now)), message: undefined }
      : call(r, (s) => tag(s, request, opts(now)));
    const spec = cloneSpec(m.spec);
    let message: string;
    if (this.mode === "docker") {
      spec.set(dest, {
        kind: "DockerImage",
        name: dockerSource(this.k),
        reference: this.reference,
        gen: 0,
        annotations: null,
      });
      message = `Tag ${NAME}:${dest} set to ${dockerSource(this.k)}.`;
    } else if (this.mode === "alias") {
      spec.set(dest, {
        kind: "ImageStreamTag",
        name: `${NAME}:${this.source}`,
        reference: false,
        gen: null,
        annotations: null,
      });
      message = `Tag ${NAME}:${dest} set up to track ${NAME}:${this.source}.`;
    } else {
      const image = m.top(this.source)?.image as string;
      spec.set(dest, {
        kind: "ImageStreamImage",
        name: `${NAME}@${image}`,
        reference: false,
        gen: null,
        annotations: null,
      });
      message = `Tag ${NAME}:${dest} set to ${NAME}@${image}.`;
    }
    if (res.message !== undefined) expect(res.message).toBe(message);
    const next = m.clone();
    next.update(m, spec, now, m.tops());
    settle(m, next, r, res.stream, this.toString());
  }
}

type IstagUpdateFn = (
  s: ImageStream,
  istag: unknown,
  o: unknown,
) => { stream: ImageStream; created: boolean };

/**
 * R13.5: PUT imagestreamtags/app:<tag> with `tag` = a DockerImage spec tag (or null) and
 * `metadata.annotations`: the spec tag becomes the request's tag with the request's annotations;
 * a null `tag` on a tag without spec is BadRequest; `created` tells whether the spec tag is new.
 */
class IstagUpdateCmd extends Cmd {
  constructor(
    readonly tag: string,
    readonly k: number | null,
    readonly note: string | null,
  ) {
    super();
  }
  toString() {
    return `istagUpdate(${this.tag}, ${this.k === null ? "tag: null" : `src${this.k}`}, note=${this.note})`;
  }
  apply(m: Model, r: Real, now: string) {
    const update = exported<IstagUpdateFn>("updateImageStreamTag") as IstagUpdateFn;
    const annotations = this.note === null ? undefined : { note: this.note };
    const istag = deepFreeze({
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStreamTag",
      metadata: { name: `${NAME}:${this.tag}`, namespace: NS, ...(annotations ? { annotations } : {}) },
      tag:
        this.k === null
          ? null
          : { name: this.tag, from: { kind: "DockerImage", name: dockerSource(this.k) } },
    });
    const existing = m.spec.get(this.tag);
    if (this.k === null && existing === undefined) {
      expect(() => call(r, (s) => update(s, istag, opts(now)))).toThrow(lib.BadRequestError);
      return;
    }
    const res = call(r, (s) => update(s, istag, opts(now)));
    expect(res.created).toBe(existing === undefined);
    const spec = cloneSpec(m.spec);
    const base =
      this.k === null
        ? (existing as MSpec)
        : { kind: "DockerImage", name: dockerSource(this.k), reference: false, gen: null };
    spec.set(this.tag, {
      ...base,
      gen: this.k === null ? (existing as MSpec).gen : null,
      annotations: annotations ?? null,
    });
    const next = m.clone();
    next.update(m, spec, now, m.tops());
    settle(m, next, r, res.stream, this.toString());
  }
}

type RollbackFn = (
  s: ImageStream,
  r: { tag: string; revision: number },
  o: unknown,
) => { stream: ImageStream };

/** rollbackTag: `oc tag app@<items[rev].image> app:<tag>`. */
class RollbackCmd extends Cmd {
  constructor(
    readonly tag: string,
    readonly rev: number,
  ) {
    super();
  }
  override check(m: Readonly<Model>) {
    return (m.status.get(this.tag)?.items.length ?? 0) > this.rev;
  }
  toString() {
    return `rollback(${this.tag}, ${this.rev})`;
  }
  apply(m: Model, r: Real, now: string) {
    const rollback = exported<RollbackFn>("rollbackTag") as RollbackFn;
    const res = this.via
      ? {
          stream: call(r, (s) =>
            viaOperation(s, { type: "rollback", tag: this.tag, revision: this.rev }, now),
          ),
        }
      : call(r, (s) => rollback(s, { tag: this.tag, revision: this.rev }, opts(now)));
    const item = m.status.get(this.tag)?.items[this.rev] as MEvent;
    const spec = cloneSpec(m.spec);
    // documented choice of rollbackTag: the tag's `reference` flag is kept
    const reference = m.spec.get(this.tag)?.reference ?? false;
    if (item.image !== "")
      spec.set(this.tag, {
        kind: "ImageStreamImage",
        name: `${NAME}@${item.image}`,
        reference,
        gen: null,
        annotations: null,
      });
    else spec.set(this.tag, { kind: "DockerImage", name: item.ref, reference, gen: 0, annotations: null });
    const next = m.clone();
    next.update(m, spec, now, m.tops());
    settle(m, next, r, res.stream, this.toString());
  }
}

type PruneFn = (s: ImageStream, o: unknown) => ImageStream;

/**
 * pruneTagHistory (R17.2, `oc adm prune images` on one stream) with keepYoungerThan 0: an item
 * stays when its position is < k and it has an image (the empty name is no Image, so reference
 * tags' events go, as with `oc`); another tag keeping the same image does not keep it; once
 * anything is pruned every tag without items goes; generations stay.
 */
class PruneCmd extends Cmd {
  constructor(readonly k: number) {
    super();
  }
  toString() {
    return `prune(keep ${this.k})`;
  }
  apply(m: Model, r: Real, now: string) {
    const prune = exported<PruneFn>("pruneTagHistory") as PruneFn;
    const out = this.via
      ? call(r, (s) => viaOperation(s, { type: "prune", keepTagRevisions: this.k, keepYoungerThan: 0 }, now))
      : call(r, (s) => prune(s, { now, keepTagRevisions: this.k, keepYoungerThan: 0 }));
    const next = m.clone();
    let pruned = false;
    for (const l of next.status.values()) {
      const before = l.items.length;
      l.items = l.items.filter((e, i) => i < this.k && e.image !== "");
      if (l.items.length !== before) pruned = true;
    }
    if (pruned) for (const [t, l] of [...next.status]) if (l.items.length === 0) next.status.delete(t);
    settle(m, next, r, out, this.toString());
  }
}

type ImportFn = (s: ImageStream, result: unknown, o: unknown) => { stream: ImageStream; changed: boolean };

/** R11.1–R11.5: the result of importing `src<k>:1` into `tag`: success (image `POOL_B[k]`) or failure. */
class ImportCmd extends Cmd {
  constructor(
    readonly tag: string,
    readonly k: number,
    readonly failure: string | undefined,
  ) {
    super();
  }
  override check(m: Readonly<Model>) {
    // the import controller never imports reference tags (R11.7)
    const s = m.spec.get(this.tag);
    return s === undefined || (s.kind === "DockerImage" && !s.reference);
  }
  toString() {
    return `import(${this.tag}, src${this.k}, ${this.failure ?? "ok"})`;
  }
  apply(m: Model, r: Real, now: string) {
    const applyImportResult = exported<ImportFn>("applyImportResult") as ImportFn;
    const from = dockerSource(this.k);
    const image = POOL_B[this.k] as string;
    const result = {
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStreamImport",
      metadata: { name: NAME, namespace: NS },
      spec: { import: true, images: [{ from: { kind: "DockerImage", name: from }, to: { name: this.tag } }] },
      status: {
        images: [
          this.failure === undefined
            ? {
                status: { status: "Success" },
                image: { metadata: { name: image }, dockerImageReference: from },
              }
            : { status: { status: "Failure", reason: this.failure, message: `${this.failure} message` } },
        ],
      },
    };
    deepFreeze(result);
    const res = this.via
      ? { stream: call(r, (s) => viaOperation(s, { type: "import", result }, now)) }
      : call(r, (s) => applyImportResult(s, result, opts(now)));
    // model: R11.1–R11.4 on a working copy, then R11.5 and the internal update (R6.2.3)
    const work = m.clone();
    const spec = cloneSpec(m.spec);
    const nextGen = m.gen + 1;
    let changed = false;
    if (this.failure !== undefined) {
      const l = work.status.get(this.tag);
      const same = (l?.conditions ?? []).some(
        (c) => c.reason === this.failure && c.message === `${this.failure} message`,
      );
      if (!same) {
        const cond = { reason: this.failure, message: `${this.failure} message`, gen: nextGen, time: now };
        work.status.set(this.tag, { items: l?.items ?? [], conditions: [cond] });
        const s = spec.get(this.tag);
        if (s !== undefined) s.gen = 0;
        changed = true;
      }
      if (!spec.has(this.tag)) {
        spec.set(this.tag, { kind: "DockerImage", name: from, reference: false, gen: 0, annotations: null });
        changed = true;
      }
    } else {
      const e: MEvent = { ref: importRef(this.k), image, gen: nextGen, created: now };
      const top = work.top(this.tag);
      const s = spec.get(this.tag);
      if (
        top === undefined ||
        top.ref !== e.ref ||
        top.image !== e.image ||
        s === undefined ||
        s.gen === null ||
        s.gen > top.gen
      ) {
        spec.set(this.tag, {
          kind: "DockerImage",
          name: from,
          reference: s?.reference ?? false,
          gen: 0,
          annotations: s?.annotations ?? null,
        });
        work.addEvent(this.tag, e);
        changed = true;
      }
      const l = work.status.get(this.tag) as { conditions: unknown[] };
      if (l.conditions.length > 0) {
        l.conditions = [];
        changed = true;
      }
    }
    if (!changed && m.checked !== undefined) {
      expect(res.stream).toBe(r.stream);
      compare(m, r);
      return;
    }
    const next = m.clone();
    next.status = work.status;
    next.checked = now;
    next.update(m, spec, now, m.tops());
    m.copyFrom(next);
    checkTransition(r.stream, res.stream, "ImportCmd");
    r.stream = res.stream;
    compare(m, r);
  }
}

function commands(): fc.Arbitrary<Iterable<fc.Command<Model, Real>>> {
  const tagOf = fc.constantFrom(...IMAGE_TAGS);
  const anyTag = fc.constantFrom(...ALL_TAGS);
  const list: fc.Arbitrary<fc.Command<Model, Real>>[] = [
    fc
      .tuple(
        tagOf,
        fc.nat(2),
        fc.constantFrom("plain", "plain", "known", "managed-new", "managed-known") as fc.Arbitrary<"plain">,
      )
      .map(([t, i, v]) => new MapCmd(t, i, v)),
    fc.tuple(tagOf, fc.nat(1), fc.boolean()).map(([t, k, ref]) => new SetDockerCmd(t, k, ref)),
    fc.tuple(tagOf, fc.boolean()).map(([t, q]) => new SetTrackCmd(t, q)),
    fc
      .tuple(
        tagOf,
        fc.constantFrom(
          `${OTHER}:base`,
          `${OTHER}:ext`,
          `${OTHER}:missing`,
          `${OTHER}@${POOL_C[1]}`,
          `${OTHER}@${POOL_C[2]}`,
          "nope:base",
        ),
        fc.boolean(),
      )
      .map(([t, src, ref]) => new SetCrossCmd(t, src, ref)),
    anyTag.map((t) => new RemoveSpecCmd(t)),
    fc.tuple(anyTag, fc.constantFrom("x", "y", null)).map(([t, v]) => new AnnotateCmd(t, v)),
    anyTag.map((t) => new GenZeroCmd(t)),
    fc.tuple(tagOf, fc.option(fc.nat(2), { nil: undefined })).map(([t, p]) => new StatusCmd(t, p)),
    anyTag.map((t) => new DeleteCmd(t, false)),
  ];
  if (exported("untag")) list.push(anyTag.map((t) => new DeleteCmd(t, true)));
  if (exported("tag")) {
    list.push(
      fc.tuple(tagOf, tagOf).map(([s, d]) => new TagCmd("istag", s, d, 0, false)),
      tagOf.map((s) => new TagCmd("alias", s, "track", 0, false)),
      fc.tuple(tagOf, fc.nat(1), fc.boolean()).map(([d, k, ref]) => new TagCmd("docker", "", d, k, ref)),
    );
  }
  if (exported("updateImageStreamTag"))
    list.push(
      fc
        .tuple(anyTag, fc.option(fc.nat(1), { nil: null }), fc.constantFrom("x", "y", null))
        .map(([t, k, n]) => new IstagUpdateCmd(t, k, n)),
    );
  if (exported("pruneTagHistory")) list.push(fc.constantFrom(1, 2).map((k) => new PruneCmd(k)));
  if (exported("rollbackTag"))
    list.push(fc.tuple(anyTag, fc.nat(2)).map(([t, rev]) => new RollbackCmd(t, rev)));
  if (exported("applyImportResult")) {
    list.push(
      fc
        .tuple(tagOf, fc.nat(1), fc.option(fc.constantFrom("NotFound", "Unauthorized"), { nil: undefined }))
        .map(([t, k, f]) => new ImportCmd(t, k, f)),
    );
  }
  // every command also runs, at random, through the one reducer applyOperation (when exported)
  const withVia = exported("applyOperation")
    ? list.map((a) =>
        fc.tuple(a, fc.boolean()).map(([c, via]) => {
          (c as Cmd).via = via && !(c instanceof DeleteCmd && !c.viaUntag) && !(c instanceof IstagUpdateCmd);
          return c;
        }),
      )
    : list;
  return fc.commands(withVia, { maxCommands: 40, size: "max" });
}

function setup(): { model: Model; real: Real } {
  const stream = lib.createImageStream(
    {
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStream",
      metadata: { name: NAME, namespace: NS, uid: "u-1" },
    },
    opts(nowOf(0)),
  );
  return { model: new Model(), real: { stream, step: 0, log: [] } };
}

describe("model-based: the write path against the §6–§11 model", () => {
  it("starting state: createImageStream gives generation 1 and no tags (R6.1.2)", () => {
    const { model, real } = setup();
    expect(project(real.stream)).toEqual(modelView(model));
  });

  it("random command sequences agree with the model after every step (R6.2, R6.3, R7, R8, R9.3, R10, R11)", () => {
    fc.assert(
      fc.property(commands(), (cmds) => {
        fc.modelRun(setup, cmds);
      }),
      { numRuns: Number(process.env.PROOF_RUNS ?? 100), seed: Number(process.env.PROOF_SEED ?? 7) },
    );
    // every command kind really ran (the property is not vacuous)
    const expected = [
      "MapCmd",
      "SetDockerCmd",
      "SetTrackCmd",
      "SetCrossCmd",
      "RemoveSpecCmd",
      "AnnotateCmd",
      "GenZeroCmd",
      "StatusCmd",
      "DeleteCmd",
    ];
    if (exported("tag")) expected.push("TagCmd");
    if (exported("rollbackTag")) expected.push("RollbackCmd");
    if (exported("applyImportResult")) expected.push("ImportCmd");
    if (exported("pruneTagHistory")) expected.push("PruneCmd");
    if (exported("updateImageStreamTag")) expected.push("IstagUpdateCmd");
    // (rollbacks need a history longer than the revision; oc-faithful pruning keeps histories short)
    for (const name of expected) expect(RUN_COUNTS.get(name) ?? 0, name).toBeGreaterThan(5);
    if (exported("applyOperation"))
      for (const name of expected.filter((n) => n !== "DeleteCmd" && n !== "IstagUpdateCmd"))
        expect(
          RUN_COUNTS.get(`${name} via applyOperation`) ?? 0,
          `${name} via applyOperation`,
        ).toBeGreaterThan(5);
    const total = [...RUN_COUNTS.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1000);
  });

  it("the model itself is not vacuous: a wrong rule is caught (R7.2 collapse keeps created)", () => {
    // Sanity check of the harness: a deliberately broken model (created replaced on collapse) diverges.
    const { model, real } = setup();
    const a = POOL_A[0] as string;
    const m1 = lib.applyImageStreamMapping(
      real.stream,
      {
        metadata: { name: NAME, namespace: NS },
        tag: "latest",
        image: { metadata: { name: a }, dockerImageReference: mappingRef(a) },
      } as never,
      { now: nowOf(1) },
    ).stream;
    const m2 = lib.applyImageStreamMapping(
      m1,
      {
        metadata: { name: NAME, namespace: NS },
        tag: "latest",
        image: { metadata: { name: a }, dockerImageReference: `${REG}/${NS}/other@${a}` },
      } as never,
      { now: nowOf(2) },
    ).stream;
    model.addEvent("latest", { ref: mappingRef(a), image: a, gen: 1, created: nowOf(1) });
    model.addEvent("latest", { ref: `${REG}/${NS}/other@${a}`, image: a, gen: 1, created: nowOf(2) });
    expect(project(m2)).toEqual(modelView(model));
    const broken = model.clone();
    (broken.status.get("latest")?.items[0] as MEvent).created = nowOf(2);
    expect(project(m2)).not.toEqual(modelView(broken));
  });
});
