/**
 * Hostile names: `__proto__`, `constructor`, `prototype`, `hasOwnProperty`,
 * `toString` and `valueOf` as tag names, stream names, namespaces and annotation keys are
 * ordinary data through every operation (mapping, spec update, tag/untag, rollback, import,
 * delete, get/list, describe, queries, catalog), and `Object.prototype` is never modified.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageStream } from "../../src/model/index.js";
import * as lib from "../support/all.js";
import { deepFreeze, snapshot } from "../support/freeze.js";

const HOSTILE = ["__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf"] as const;
const NOW = "2024-01-01T00:00:00Z";
const DIGEST_A = `sha256:${"a".repeat(64)}`;
const DIGEST_B = `sha256:${"b".repeat(64)}`;
const REG = "registry.example.com:5000";

type Fn = (...args: never[]) => unknown;
const L = lib as unknown as Record<string, Fn | undefined>;

function protoSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((k) => `${k}:${typeof Object.getOwnPropertyDescriptor(Object.prototype, k)?.value}`);
}
const ARRAY_PROTO = Object.getOwnPropertyNames(Array.prototype).sort().join(",");
let before: string[];
beforeAll(() => {
  before = protoSnapshot();
});
afterAll(() => {
  // checked once more after every test of the file ran
  expect(protoSnapshot()).toEqual(before);
  expect(Object.getOwnPropertyNames(Array.prototype).sort().join(",")).toBe(ARRAY_PROTO);
});

/** Object.prototype and Array.prototype unchanged, and no `polluted` key reachable from a fresh object. */
function expectNoPollution(): void {
  expect(protoSnapshot()).toEqual(before);
  expect(Object.getOwnPropertyNames(Array.prototype).sort().join(",")).toBe(ARRAY_PROTO);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** JSON with an own `__proto__` key where asked (an object literal would set the prototype instead). */
function json<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"__PROTO__"', '"__proto__"')) as T;
}

/** Maps a hostile name to the placeholder used inside `json` templates. */
function key(name: string): string {
  return name === "__proto__" ? "__PROTO__" : name;
}

function mapping(stream: string, ns: string, tag: string, digest: string) {
  return json<never>({
    apiVersion: "image.openshift.io/v1",
    kind: "ImageStreamMapping",
    metadata: { name: stream, namespace: ns },
    tag: key(tag),
    image: { metadata: { name: digest }, dockerImageReference: `${REG}/${ns}/${stream}@${digest}` },
  });
}

function baseStream(name = "app", ns = "ns"): ImageStream {
  return lib.createImageStream(
    { apiVersion: "image.openshift.io/v1", kind: "ImageStream", metadata: { name, namespace: ns } },
    { now: NOW },
  );
}

function frozen<T>(v: T): T {
  return deepFreeze(v);
}

/** Runs `f` on a frozen value and checks it is untouched and nothing is polluted. */
function untouched<T, R>(value: T, f: (v: T) => R): R {
  const snap = snapshot(value);
  const out = f(frozen(value));
  expect(snapshot(value)).toEqual(snap);
  expectNoPollution();
  return out;
}

describe.each(HOSTILE)("hostile name %j", (name) => {
  it("as a tag name: mapping, queries, istag get/list, describe, delete — the tag is data, absent tags stay absent", () => {
    const empty = frozen(baseStream());
    // an absent tag named like an Object.prototype member is absent
    expect(lib.latestTaggedImage(empty, name)).toBeUndefined();
    expect(lib.resolveLatestTaggedImage(empty, name)).toBeUndefined();
    expect(lib.tagHistory(empty, name)).toEqual([]);
    expect(() => lib.getImageStreamTag(empty, name, { now: NOW })).toThrow(lib.NotFoundError);
    expect(() => lib.deleteImageStreamTag(empty, name, { now: NOW })).toThrow(lib.NotFoundError);

    const m = mapping("app", "ns", name, DIGEST_A);
    const { stream } = untouched(empty, (s) => lib.applyImageStreamMapping(s, m, { now: NOW }));
    expect(stream.status?.tags?.map((t) => t.tag)).toEqual([name]);
    expect(Object.hasOwn(stream.status?.tags?.[0] ?? {}, "tag")).toBe(true);
    expect(lib.latestTaggedImage(stream, name)?.image).toBe(DIGEST_A);
    expect(lib.resolveLatestTaggedImage(stream, name)).toBe(`${REG}/ns/app@${DIGEST_A}`);
    expect(lib.tagHistory(stream, name)).toHaveLength(1);
    expect(lib.sortStatusTags(stream)).toEqual([name]);
    // another absent hostile tag is still absent next to it
    for (const other of HOSTILE.filter((h) => h !== name))
      expect(lib.latestTaggedImage(stream, other)).toBeUndefined();

    const second = untouched(stream, (s) =>
      lib.applyImageStreamMapping(s, mapping("app", "ns", name, DIGEST_B), { now: NOW }),
    );
    expect(second.stream.status?.tags?.[0]?.items.map((e) => e.image)).toEqual([DIGEST_B, DIGEST_A]);

    const istag = untouched(second.stream, (s) =>
      lib.getImageStreamTag(s, name, {
        now: NOW,
        getImage: (n) => ({ metadata: { name: n }, dockerImageReference: "x" }) as never,
      }),
    );
    expect(istag.metadata?.name).toBe(`app:${name}`);
    const list = untouched(second.stream, (s) => lib.listImageStreamTags(s, { now: NOW }));
    expect(list.map((t) => t.metadata?.name)).toEqual([`app:${name}`]);

    const text = untouched(second.stream, (s) => lib.describeImageStream(s, { now: NOW }));
    expect(text).toContain(name);

    const deleted = untouched(second.stream, (s) => lib.deleteImageStreamTag(s, name, { now: NOW }));
    expect(deleted.status?.tags ?? []).toEqual([]);
  });

  it("as a spec tag name and as the target of a tracking tag: update, follow, pull specs", () => {
    const withImage = lib.applyImageStreamMapping(baseStream(), mapping("app", "ns", name, DIGEST_A), {
      now: NOW,
    }).stream;
    const next = json<ImageStream>({
      ...withImage,
      spec: {
        tags: [
          { name: key(name), from: { kind: "DockerImage", name: "docker.io/library/x:1" }, reference: true },
          { name: "follow", from: { kind: "ImageStreamTag", name: key(name) } },
        ],
      },
    });
    const updated = untouched(withImage, (s) => lib.updateImageStream(s, frozen(next), { now: NOW }));
    const specNames = updated.spec?.tags?.map((t) => t.name);
    expect(specNames).toEqual(["follow", name].sort());
    expect(updated.metadata?.generation).toBe(2);
    // the tracking tag follows the hostile tag's new top (R8.10)
    expect(lib.latestTaggedImage(updated, "follow")?.dockerImageReference).toBe("docker.io/library/x:1");
    expect(lib.followTagReference(updated, "follow").tag).toBe(name);
    const pull = lib.resolvePullSpecForTag(updated, name, { defaultExternal: false, requireLatest: false });
    expect(pull.pullSpec).toBe("docker.io/library/x:1");
    const pruned = untouched(updated, (s) => lib.pruneTagHistory(s, { now: NOW, keepTagRevisions: 1 }));
    expect(pruned.status?.tags?.map((t) => t.tag)).toEqual(updated.status?.tags?.map((t) => t.tag));
    // normalize and parse keep the names as data
    const parsed = lib.parseImageStream(json(next));
    expect(parsed.spec?.tags?.map((t) => t.name).sort()).toEqual(["follow", name].sort());
    const normalized = lib.normalizeImageStream(frozen(json<ImageStream>(next)));
    expect(normalized.spec?.tags?.map((t) => t.name)).toEqual(["follow", name].sort());
  });

  it("through `oc tag`, rollback, untag and an import result", () => {
    const tag = L.tag as unknown as (
      s: ImageStream | undefined,
      r: unknown,
      o: unknown,
    ) => { stream: ImageStream; message: string };
    const untag = L.untag as unknown as (
      s: ImageStream,
      r: unknown,
      o: unknown,
    ) => { stream: ImageStream; message: string };
    const rollbackTag = L.rollbackTag as unknown as (
      s: ImageStream,
      r: { tag: string; revision: number },
      o: unknown,
    ) => { stream: ImageStream };
    const applyImportResult = L.applyImportResult as unknown as (
      s: ImageStream,
      r: unknown,
      o: unknown,
    ) => { stream: ImageStream };
    let s = lib.applyImageStreamMapping(baseStream(), mapping("app", "ns", "latest", DIGEST_A), {
      now: NOW,
    }).stream;
    s = lib.applyImageStreamMapping(s, mapping("app", "ns", "latest", DIGEST_B), { now: NOW }).stream;
    const tagged = untouched(s, (x) =>
      tag(x, frozen({ source: "app:latest", destinations: [`app:${name}`], namespace: "ns" }), { now: NOW }),
    );
    expect(tagged.message).toBe(`Tag app:${name} set to app@${DIGEST_B}.`);
    expect(lib.latestTaggedImage(tagged.stream, name)?.image).toBe(DIGEST_B);
    const rolled = untouched(tagged.stream, (x) =>
      rollbackTag(x, { tag: "latest", revision: 1 }, { now: NOW }),
    );
    expect(lib.latestTaggedImage(rolled.stream, "latest")?.image).toBe(DIGEST_A);
    const imported = untouched(rolled.stream, (x) =>
      applyImportResult(
        x,
        frozen(
          json({
            metadata: { name: "app", namespace: "ns" },
            spec: {
              import: true,
              images: [
                { from: { kind: "DockerImage", name: "docker.io/library/x:1" }, to: { name: key(name) } },
              ],
            },
            status: {
              images: [
                {
                  status: { status: "Success" },
                  image: { metadata: { name: DIGEST_A }, dockerImageReference: "docker.io/library/x:1" },
                },
              ],
            },
          }),
        ),
        { now: NOW },
      ),
    );
    expect(lib.latestTaggedImage(imported.stream, name)?.image).toBe(DIGEST_A);
    const removed = untouched(imported.stream, (x) =>
      untag(x, frozen({ destinations: [`app:${name}`], namespace: "ns" }), { now: NOW }),
    );
    expect(removed.message).toBe(`Deleted tag ns/app:${name}.`);
    expect(lib.latestTaggedImage(removed.stream, name)).toBeUndefined();
    expect(removed.stream.spec?.tags?.some((t) => t.name === name)).toBe(false);
  });

  it("as an annotation key on the stream and on a spec tag: kept as an own key through update and describe", () => {
    const s0 = baseStream();
    const next = json<ImageStream>({
      ...s0,
      metadata: { ...s0.metadata, annotations: { [key(name)]: "stream-note" } },
      spec: {
        tags: [
          {
            name: "t",
            annotations: { [key(name)]: "tag-note" },
            from: { kind: "DockerImage", name: "docker.io/library/x:1" },
          },
        ],
      },
    });
    const out = untouched(s0, (s) => {
      try {
        return lib.updateImageStream(s, frozen(next), { now: NOW });
      } catch (e) {
        // a key that is not a valid annotation name may be rejected — as data, with our error
        expect(e).toBeInstanceOf(lib.ImageStreamError);
        return undefined;
      }
    });
    if (out !== undefined) {
      const ann = out.metadata?.annotations as Record<string, string>;
      expect(Object.getPrototypeOf(ann)).toBe(Object.prototype);
      expect(Object.hasOwn(ann, name)).toBe(true);
      expect(ann[name]).toBe("stream-note");
      const tagAnn = out.spec?.tags?.[0]?.annotations as Record<string, string>;
      expect(Object.hasOwn(tagAnn, name)).toBe(true);
      expect(lib.describeImageStream(out, { now: NOW })).toContain("stream-note");
    }
    const parsed = lib.parseImageStream(json(next));
    expect(Object.hasOwn(parsed.metadata?.annotations ?? {}, name)).toBe(true);
    expect(Object.getPrototypeOf(parsed.metadata?.annotations)).toBe(Object.prototype);
  });

  it("as a stream name and namespace: catalog look-ups find exactly the stored stream", () => {
    const lower = name.toLowerCase();
    const stream = frozen(
      json<ImageStream>({
        apiVersion: "image.openshift.io/v1",
        kind: "ImageStream",
        metadata: { name: key(name), namespace: key(name) },
      }),
    );
    const catalog = lib.createCatalog({ imageStreams: [stream], images: [] });
    expect(catalog.getImageStream(name, name)).toBe(stream);
    expect(catalog.getImageStream("ns", name)).toBeUndefined();
    expect(catalog.getImageStream(name, "other")).toBeUndefined();
    expect(catalog.getImage(name)).toBeUndefined();
    expectNoPollution();
    // creating/mapping with the name: valid DNS names work, invalid ones are rejected as data
    const attempts: (() => ImageStream)[] = [
      () => lib.createImageStream(stream, { now: NOW }),
      () => lib.applyImageStreamMapping(stream, mapping(name, name, "latest", DIGEST_A), { now: NOW }).stream,
    ];
    for (const fn of attempts) {
      try {
        const s = fn();
        expect(s.metadata?.name).toBe(name);
        expect(lower).toMatch(/^[a-z0-9]/);
      } catch (e) {
        expect(e).toBeInstanceOf(lib.ImageStreamError);
      }
      expectNoPollution();
    }
  });
});

it("Object.prototype is unchanged after the whole file", () => {
  expectNoPollution();
});

it("the pollution check itself detects a polluted Object.prototype", () => {
  const proto = Object.prototype as Record<string, unknown>;
  proto.polluted = true;
  try {
    expect(() => expectNoPollution()).toThrow();
  } finally {
    delete proto.polluted;
  }
  expectNoPollution();
});

describe("hostile names that are valid DNS names as stream and namespace (constructor, prototype)", () => {
  for (const [ns, name] of [
    ["prototype", "constructor"],
    ["constructor", "prototype"],
  ] as const) {
    it(`stream ${ns}/${name}: create, mapping, oc tag across the catalog, describe, delete`, () => {
      const created = untouched(
        {
          apiVersion: "image.openshift.io/v1",
          kind: "ImageStream",
          metadata: { name, namespace: ns },
        } as ImageStream,
        (s) => lib.createImageStream(s, { now: NOW }),
      );
      expect(created.metadata?.name).toBe(name);
      const mapped = untouched(created, (s) =>
        lib.applyImageStreamMapping(s, mapping(name, ns, "toString", DIGEST_A), { now: NOW }),
      ).stream;
      expect(lib.latestTaggedImage(mapped, "toString")?.image).toBe(DIGEST_A);
      const tagInCatalog = L.tagInCatalog as unknown as (
        c: lib.Catalog,
        r: unknown,
        o: unknown,
      ) => { catalog: lib.Catalog; messages: readonly string[] };
      const catalog = lib.createCatalog({ imageStreams: [mapped], images: [] });
      const out = tagInCatalog(
        catalog,
        frozen({
          source: `${name}:toString`,
          destinations: [`${ns}/${name}:__proto__`, `${ns}/${name}:constructor`],
          namespace: ns,
        }),
        { now: NOW },
      );
      expectNoPollution();
      expect(out.messages).toEqual([
        `Tag ${name}:__proto__ set to ${name}@${DIGEST_A}.`,
        `Tag ${name}:constructor set to ${name}@${DIGEST_A}.`,
      ]);
      const stored = out.catalog.getImageStream(ns, name) as ImageStream;
      expect(stored.spec?.tags?.map((t) => t.name)).toEqual(["__proto__", "constructor"]);
      expect(lib.latestTaggedImage(stored, "__proto__")?.image).toBe(DIGEST_A);
      expect(out.catalog.getImageStream(name, ns)).toBeUndefined();
      expect(lib.describeImageStream(stored, { now: NOW })).toContain("__proto__");
      const deleted = untouched(stored, (s) => lib.deleteImageStreamTag(s, "__proto__", { now: NOW }));
      expect(deleted.spec?.tags?.map((t) => t.name)).toEqual(["constructor"]);
    });
  }
});
