/**
 * Model-based test of the fake image API: random sequences of requests (stream creates, pushes
 * through ImageStreamMappings, ImageStreamTag writes and deletes, merge patches, stale updates,
 * reads, stream deletes) go to the fake over HTTP with `@kubernetes/client-node` and to the
 * library's functions over a plain map. After every request both must agree: same success or
 * same `Status` reason and code, same stored streams (apart from UID and resourceVersion), and the
 * resourceVersion of a stream changes exactly when the functions say it was written.
 */
import { fc } from "@fast-check/vitest";
import {
  ApiException,
  type CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { ImageStreamError } from "../../src/errors.js";
import type { Image, ImageStream, ImageStreamTag } from "../../src/model/index.js";
import {
  applyImageStreamMapping,
  createCatalog,
  createImageStream,
  deleteImageStreamTag,
  getImageStreamTag,
  type ServerOptions,
  updateImageStream,
  updateImageStreamTag,
} from "../../src/server/index.js";
import { type FakeImageApi, startFakeImageApi } from "../../src/testing/fake-api/index.js";
import { customObjects, GROUP, VERSION } from "./fake-api-support.js";

const NS = "test";
const REGISTRY = "registry.example:5000";
const NAMES = ["a", "b"] as const;
const TAGS = ["latest", "v1", "prod"] as const;
const IMAGES = ["1", "2", "3"].map((c) => `sha256:${c.repeat(64)}`);
const BASE = Date.UTC(2024, 0, 1);

interface Model {
  streams: Map<string, ImageStream>;
  images: Map<string, Image>;
  step: number;
}

interface Real {
  api: FakeImageApi;
  custom: CustomObjectsApi;
  setClock(now: string): void;
}

/** What a request came to: success (with the HTTP code) or a Status reason and code. */
type Outcome = { ok: true; code: number } | { ok: false; reason: string; code: number };

function now(step: number): string {
  return new Date(BASE + step * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function options(m: Model): ServerOptions {
  return {
    ...createCatalog({ imageStreams: [...m.streams.values()], images: [...m.images.values()] }),
    internalRegistryHostname: REGISTRY,
    now: now(m.step),
  };
}

/** Runs a library call; an ImageStreamError becomes the Status outcome the server would answer. */
function byFunctions(code: number, fn: () => void): Outcome {
  try {
    fn();
    return { ok: true, code };
  } catch (err) {
    if (err instanceof ImageStreamError) return { ok: false, reason: err.reason, code: err.code };
    throw err;
  }
}

async function byHttp(call: () => Promise<{ httpStatusCode: number }>): Promise<Outcome> {
  try {
    return { ok: true, code: (await call()).httpStatusCode };
  } catch (err) {
    if (!(err instanceof ApiException)) throw err;
    const status = JSON.parse(err.body as string) as { reason: string; code: number };
    return { ok: false, reason: status.reason, code: err.code };
  }
}

function portable(stream: ImageStream | undefined): unknown {
  if (stream === undefined) return undefined;
  const { kind: _k, apiVersion: _a, metadata, ...rest } = stream as unknown as Record<string, unknown>;
  const { uid: _u, resourceVersion: _rv, ...meta } = (metadata ?? {}) as Record<string, unknown>;
  return { ...rest, metadata: meta };
}

function stamped(stream: ImageStream, creationTimestamp: string): ImageStream {
  return { ...stream, metadata: { ...stream.metadata, creationTimestamp } } as ImageStream;
}

const target = (plural: string) => ({ group: GROUP, version: VERSION, namespace: NS, plural });

/** One request, told to both sides, then the stores compared. */
abstract class Request implements fc.AsyncCommand<Model, Real> {
  abstract toString(): string;
  /** The functions' side: the outcome, with `m.streams` / `m.images` updated. */
  protected abstract model(m: Model): Outcome;
  /** The HTTP side. */
  protected abstract http(r: Real): Promise<Outcome>;
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    m.step += 1;
    r.setClock(now(m.step));
    const before = new Map(NAMES.map((n) => [n, r.api.imageStream(NS, n)]));
    const streamsBefore = new Map(m.streams);
    const want = this.model(m);
    const got = await this.http(r);
    expect(got, this.toString()).toEqual(want);
    for (const name of NAMES) {
      const stored = r.api.imageStream(NS, name);
      expect(portable(stored), `${this.toString()}: stream ${name}`).toEqual(portable(m.streams.get(name)));
      const written = m.streams.get(name) !== streamsBefore.get(name);
      const rvBefore = before.get(name)?.metadata?.resourceVersion;
      if (stored !== undefined && before.get(name) !== undefined) {
        expect(stored.metadata?.resourceVersion !== rvBefore, `${this.toString()}: ${name} written`).toBe(
          written,
        );
        if (!written) expect(stored).toBe(before.get(name));
      }
    }
    expect(
      r.api
        .catalog()
        .images.map((i) => i.metadata?.name)
        .sort(),
    ).toEqual([...m.images.keys()].sort());
  }
}

class CreateStream extends Request {
  constructor(readonly name: string) {
    super();
  }
  toString() {
    return `create ${this.name}`;
  }
  protected model(m: Model): Outcome {
    if (m.streams.has(this.name)) return { ok: false, reason: "AlreadyExists", code: 409 };
    return byFunctions(201, () => {
      const body = { metadata: { name: this.name, namespace: NS, creationTimestamp: now(m.step) } };
      m.streams.set(this.name, createImageStream(body as ImageStream, options(m)));
    });
  }
  protected http(r: Real) {
    return byHttp(() =>
      r.custom.createNamespacedCustomObjectWithHttpInfo({
        ...target("imagestreams"),
        body: { apiVersion: "image.openshift.io/v1", kind: "ImageStream", metadata: { name: this.name } },
      }),
    );
  }
}

class Push extends Request {
  constructor(
    readonly name: string,
    readonly tag: string,
    readonly image: string,
  ) {
    super();
  }
  toString() {
    return `push ${this.image.slice(7, 9)} to ${this.name}:${this.tag}`;
  }
  private body() {
    return {
      metadata: { name: this.name, namespace: NS },
      tag: this.tag,
      image: {
        metadata: { name: this.image },
        dockerImageReference: `${REGISTRY}/${NS}/${this.name}@${this.image}`,
      },
    };
  }
  protected model(m: Model): Outcome {
    return byFunctions(201, () => {
      const result = applyImageStreamMapping(m.streams.get(this.name), this.body(), options(m));
      if (result.imageCreated) m.images.set(this.image, result.image);
      if (result.stream !== m.streams.get(this.name)) m.streams.set(this.name, result.stream);
    });
  }
  protected http(r: Real) {
    return byHttp(() =>
      r.custom.createNamespacedCustomObjectWithHttpInfo({
        ...target("imagestreammappings"),
        body: this.body(),
      }),
    );
  }
}

class TagFrom extends Request {
  constructor(
    readonly name: string,
    readonly dest: string,
    readonly source: string,
  ) {
    super();
  }
  toString() {
    return `istag ${this.name}:${this.dest} from ${this.source}`;
  }
  private body(): ImageStreamTag {
    return {
      metadata: { name: `${this.name}:${this.dest}`, namespace: NS },
      tag: { name: this.dest, from: { kind: "ImageStreamTag", name: this.source } },
    } as ImageStreamTag;
  }
  protected model(m: Model): Outcome {
    let code = 200;
    const outcome = byFunctions(200, () => {
      const result = updateImageStreamTag(m.streams.get(this.name), this.body(), options(m));
      code = result.created ? 201 : 200;
      const before = m.streams.get(this.name);
      // A stream this write creates gets its creation time from the server, as on any create.
      if (before === undefined) m.streams.set(this.name, stamped(result.stream, now(m.step)));
      else if (JSON.stringify(result.stream) !== JSON.stringify(before))
        m.streams.set(this.name, result.stream);
    });
    return outcome.ok ? { ok: true, code } : outcome;
  }
  protected http(r: Real) {
    return byHttp(() =>
      r.custom.replaceNamespacedCustomObjectWithHttpInfo({
        ...target("imagestreamtags"),
        name: `${this.name}:${this.dest}`,
        body: this.body(),
      }),
    );
  }
}

class Untag extends Request {
  constructor(
    readonly name: string,
    readonly tag: string,
  ) {
    super();
  }
  toString() {
    return `delete istag ${this.name}:${this.tag}`;
  }
  protected model(m: Model): Outcome {
    const stream = m.streams.get(this.name);
    if (stream === undefined) return { ok: false, reason: "NotFound", code: 404 };
    return byFunctions(200, () => {
      const next = deleteImageStreamTag(stream, this.tag, options(m));
      if (JSON.stringify(next) !== JSON.stringify(stream)) m.streams.set(this.name, next);
    });
  }
  protected http(r: Real) {
    return byHttp(() =>
      r.custom.deleteNamespacedCustomObjectWithHttpInfo({
        ...target("imagestreamtags"),
        name: `${this.name}:${this.tag}`,
      }),
    );
  }
}

class SetLookup extends Request {
  constructor(
    readonly name: string,
    readonly local: boolean,
  ) {
    super();
  }
  toString() {
    return `merge-patch ${this.name} lookupPolicy.local=${this.local}`;
  }
  protected model(m: Model): Outcome {
    const stream = m.streams.get(this.name);
    if (stream === undefined) return { ok: false, reason: "NotFound", code: 404 };
    return byFunctions(200, () => {
      const edited = {
        ...stream,
        spec: { ...stream.spec, lookupPolicy: { local: this.local } },
      } as ImageStream;
      const next = updateImageStream(stream, edited, options(m));
      if (JSON.stringify(next) !== JSON.stringify(stream)) m.streams.set(this.name, next);
    });
  }
  protected http(r: Real) {
    return byHttp(() =>
      r.custom.patchNamespacedCustomObjectWithHttpInfo(
        {
          ...target("imagestreams"),
          name: this.name,
          body: { spec: { lookupPolicy: { local: this.local } } },
        },
        setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
      ),
    );
  }
}

class StaleUpdate extends Request {
  constructor(readonly name: string) {
    super();
  }
  toString() {
    return `stale PUT ${this.name}`;
  }
  protected model(m: Model): Outcome {
    if (!m.streams.has(this.name)) return { ok: false, reason: "NotFound", code: 404 };
    return { ok: false, reason: "Conflict", code: 409 };
  }
  protected http(r: Real) {
    return byHttp(() =>
      r.custom.replaceNamespacedCustomObjectWithHttpInfo({
        ...target("imagestreams"),
        name: this.name,
        body: {
          metadata: { name: this.name, resourceVersion: "0" },
          spec: { lookupPolicy: { local: true } },
        },
      }),
    );
  }
}

class ReadTag extends Request {
  constructor(
    readonly name: string,
    readonly tag: string,
  ) {
    super();
  }
  toString() {
    return `get istag ${this.name}:${this.tag}`;
  }
  private seen: unknown;
  protected model(m: Model): Outcome {
    const stream = m.streams.get(this.name);
    if (stream === undefined) return { ok: false, reason: "NotFound", code: 404 };
    return byFunctions(200, () => {
      this.seen = getImageStreamTag(stream, this.tag, options(m)).tag;
    });
  }
  protected async http(r: Real) {
    let tag: unknown;
    const outcome = await byHttp(async () => {
      const res = await r.custom.getNamespacedCustomObjectWithHttpInfo({
        ...target("imagestreamtags"),
        name: `${this.name}:${this.tag}`,
      });
      tag = res.data.tag;
      return res;
    });
    if (outcome.ok) expect(tag, this.toString()).toEqual(this.seen);
    return outcome;
  }
}

class DeleteStream extends Request {
  constructor(readonly name: string) {
    super();
  }
  toString() {
    return `delete ${this.name}`;
  }
  protected model(m: Model): Outcome {
    if (!m.streams.delete(this.name)) return { ok: false, reason: "NotFound", code: 404 };
    return { ok: true, code: 200 };
  }
  protected http(r: Real) {
    return byHttp(() =>
      r.custom.deleteNamespacedCustomObjectWithHttpInfo({ ...target("imagestreams"), name: this.name }),
    );
  }
}

const name = fc.constantFrom(...NAMES);
const tagName = fc.constantFrom(...TAGS);
const commands = [
  name.map((n) => new CreateStream(n)),
  fc.tuple(name, tagName, fc.constantFrom(...IMAGES)).map(([n, t, i]) => new Push(n, t, i)),
  fc.tuple(name, tagName, tagName).map(([n, d, s]) => new TagFrom(n, d, s)),
  fc.tuple(name, tagName).map(([n, t]) => new Untag(n, t)),
  fc.tuple(name, fc.boolean()).map(([n, l]) => new SetLookup(n, l)),
  name.map((n) => new StaleUpdate(n)),
  fc.tuple(name, tagName).map(([n, t]) => new ReadTag(n, t)),
  name.map((n) => new DeleteStream(n)),
];

describe("the fake image API over HTTP agrees with the library's functions (model-based)", () => {
  it("random request sequences: same outcomes, same stored streams, resourceVersion bumped exactly on writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { size: "medium", maxCommands: 40 }), async (cmds) => {
        let clock = now(0);
        const api = await startFakeImageApi({ internalRegistryHostname: REGISTRY, now: () => clock });
        try {
          const real: Real = {
            api,
            custom: customObjects(api.url),
            setClock: (t) => {
              clock = t;
            },
          };
          await fc.asyncModelRun(
            () => ({ model: { streams: new Map(), images: new Map(), step: 0 }, real }),
            cmds,
          );
        } finally {
          await api.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
