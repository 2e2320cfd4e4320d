/**
 * The fake API's storage: image streams and images in memory, one resourceVersion counter for
 * both (like etcd's revision), and a bounded log of image stream events for watches.
 */
import { BadRequestError } from "../../errors.js";
import type { Image, ImageStream } from "../../model/index.js";
import type { Clock } from "../../server/index.js";

/** A change to an image stream, as a watch reports it. */
export interface StoreEvent {
  readonly type: "ADDED" | "MODIFIED" | "DELETED";
  readonly object: ImageStream;
  /** The resourceVersion of the change (the object's own, for `DELETED` the deletion's). */
  readonly rv: number;
}

/** A watch connection: receives every event committed after it was registered. */
export type StoreListener = (event: StoreEvent) => void;

type Meta = { readonly [key: string]: unknown };

function metaOf(obj: unknown): Meta {
  const meta = (obj as { metadata?: unknown } | undefined)?.metadata;
  return typeof meta === "object" && meta !== null ? (meta as Meta) : {};
}

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** Freezes `v` and everything under it, stopping at nodes that are frozen already (library results). */
export function deepFreeze<T>(v: T): T {
  if (typeof v !== "object" || v === null || Object.isFrozen(v)) return v;
  Object.freeze(v);
  for (const key of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[key]);
  return v;
}

/** `obj` with `fields` set in its metadata: `obj` itself when they are set already, else a frozen copy. */
export function withMetadata<T extends object>(obj: T, fields: Readonly<Record<string, string>>): T {
  const meta = metaOf(obj);
  if (Object.entries(fields).every(([k, v]) => meta[k] === v)) return deepFreeze(obj);
  return deepFreeze({ ...obj, metadata: { ...meta, ...fields } });
}

/** Reads a {@link Clock} as a Kubernetes timestamp (RFC 3339, UTC, whole seconds). */
export function readClock(clock: Clock | undefined): string {
  const value = typeof clock === "function" ? clock() : (clock ?? new Date());
  const date = typeof value === "string" ? new Date(value) : value;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new BadRequestError(
      `the fake image API clock gave ${JSON.stringify(String(value).slice(0, 64))}: expected an RFC 3339 time`,
    );
  }
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `obj` with its `kind` and `apiVersion` (itself when both are right). */
function typed<T extends object>(obj: T, kind: string): T {
  const o = obj as { kind?: unknown; apiVersion?: unknown };
  if (o.kind === kind && o.apiVersion === "image.openshift.io/v1") return obj;
  const header = { kind, apiVersion: "image.openshift.io/v1" };
  return Object.assign({ ...header }, obj, header);
}

/** `namespace/name`, the key of a stream. */
export function streamKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** The in-memory storage behind one fake API server. */
export class Store {
  private revision = 0;
  private uids = 0;
  private names = 0;
  private readonly streams = new Map<string, ImageStream>();
  private readonly imageMap = new Map<string, Image>();
  private readonly log: StoreEvent[] = [];
  /** Events with a resourceVersion above this one are all in `log`. */
  private windowStart = 0;
  private readonly listeners = new Set<StoreListener>();

  constructor(
    private readonly clock: Clock | undefined,
    private readonly logSize: number,
  ) {}

  /** The current resourceVersion: that of the last write. */
  get resourceVersion(): string {
    return String(this.revision);
  }

  /** The resourceVersion the next write will get. */
  get nextResourceVersion(): string {
    return String(this.revision + 1);
  }

  /** The oldest resourceVersion a watch can start from. */
  get oldestWatchable(): number {
    return this.windowStart;
  }

  /** The current time by the server's clock. */
  now(): string {
    return readClock(this.clock);
  }

  /** A new UID (a UUID, deterministic: numbered in creation order). */
  nextUid(): string {
    this.uids += 1;
    return `00000000-0000-4000-8000-${this.uids.toString(16).padStart(12, "0")}`;
  }

  /** A suffix for `metadata.generateName` (five characters, deterministic). */
  nextNameSuffix(): string {
    this.names += 1;
    return (this.names + 36 ** 4).toString(36).slice(-5);
  }

  /** The stored stream `namespace/name`. */
  stream(namespace: string, name: string): ImageStream | undefined {
    return this.streams.get(streamKey(namespace, name));
  }

  /** Every stored stream of `namespace` (every stream when undefined), by namespace and name. */
  streamsIn(namespace?: string): ImageStream[] {
    const keys = [...this.streams.keys()].sort();
    const out: ImageStream[] = [];
    for (const key of keys) {
      const stream = this.streams.get(key) as ImageStream;
      if (namespace === undefined || text(metaOf(stream).namespace) === namespace) out.push(stream);
    }
    return out;
  }

  /** The stored image `name`. */
  image(name: string): Image | undefined {
    return this.imageMap.get(name);
  }

  /** Every stored image, by name. */
  images(): Image[] {
    return [...this.imageMap.keys()].sort().map((k) => this.imageMap.get(k) as Image);
  }

  /**
   * Stores `stream` with a new resourceVersion (and a UID and creationTimestamp when it has
   * none), records the event and tells the watches.
   */
  commitStream(stream: ImageStream): ImageStream {
    const meta = metaOf(stream);
    const key = streamKey(text(meta.namespace), text(meta.name));
    const type = this.streams.has(key) ? "MODIFIED" : "ADDED";
    this.revision += 1;
    const fields: Record<string, string> = { resourceVersion: String(this.revision) };
    if (text(meta.uid) === "") fields.uid = this.nextUid();
    if (text(meta.creationTimestamp) === "") fields.creationTimestamp = this.now();
    const stored = withMetadata(typed(stream, "ImageStream"), fields);
    this.streams.set(key, stored);
    this.record({ type, object: stored, rv: this.revision });
    return stored;
  }

  /** Removes the stream `namespace/name` and returns it; the `DELETED` event carries a new resourceVersion. */
  deleteStream(namespace: string, name: string): ImageStream | undefined {
    const key = streamKey(namespace, name);
    const stored = this.streams.get(key);
    if (stored === undefined) return undefined;
    this.streams.delete(key);
    this.revision += 1;
    const gone = withMetadata(stored, { resourceVersion: String(this.revision) });
    this.record({ type: "DELETED", object: gone, rv: this.revision });
    return stored;
  }

  /**
   * Stores `image` with a new resourceVersion. A `created` image (one a request makes) gets a new
   * UID and creationTimestamp, as the API server fills them on create; a seed keeps its own.
   */
  commitImage(image: Image, created: boolean): Image {
    const meta = metaOf(image);
    this.revision += 1;
    const fields: Record<string, string> = { resourceVersion: String(this.revision) };
    if (created || text(meta.uid) === "") fields.uid = this.nextUid();
    if (created || text(meta.creationTimestamp) === "") fields.creationTimestamp = this.now();
    const stored = withMetadata(typed(image, "Image"), fields);
    this.imageMap.set(text(meta.name), stored);
    return stored;
  }

  /** The events after resourceVersion `rv`, or `undefined` when some of them left the log. */
  eventsAfter(rv: number): StoreEvent[] | undefined {
    if (rv < this.windowStart) return undefined;
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.log[mid] as StoreEvent).rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.log.slice(lo);
  }

  /** Registers a watch; returns the function that removes it. */
  listen(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(event: StoreEvent): void {
    this.log.push(event);
    if (this.log.length > this.logSize * 2) {
      const dropped = this.log.splice(0, this.log.length - this.logSize);
      this.windowStart = (dropped[dropped.length - 1] as StoreEvent).rv;
    }
    for (const listener of this.listeners) listener(event);
  }
}
