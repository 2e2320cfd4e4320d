/**
 * Input generators for the fuzz suite: every kind of user data the public API accepts, each as
 * a `valid` arbitrary (well-formed, from `test/support/arbitraries.ts`) and a `fuzz` arbitrary
 * (valid documents with random mutations — a field deleted, a type swapped, a nested object
 * nulled, a hostile string planted — plus `fc.anything()`, unicode and control characters).
 */
import { fc } from "@fast-check/vitest";
import * as lib from "../support/all.js";
import {
  arbDigest,
  arbDigestPullSpec,
  arbImage,
  arbImageStream,
  arbImageStreamImport,
  arbImageStreamMapping,
  arbNamespace,
  arbRegistry,
  arbRepository,
  arbStreamName,
  arbTagEvent,
  arbTagName,
  arbTagReference,
  arbTimestamp,
} from "../support/arbitraries.js";
import { deepFreeze } from "../support/freeze.js";

/** Names that break naive `obj[name]` code. */
export const HOSTILE_NAMES = [
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "valueOf",
];

const CONTROL = [
  "\u0000",
  "\u0001",
  "\t",
  "\n",
  "\r",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u202e",
  "\ufeff",
];
const PIECES = [
  ...CONTROL,
  ":",
  "@",
  "/",
  ".",
  "-",
  "_",
  "a",
  "Z",
  "0",
  "9",
  " ",
  "[",
  "]",
  "%",
  "sha256:",
  "sha512:",
  "localhost",
  "docker.io",
  "library",
  "é",
  "😀",
  "\ud800",
  "\udc00",
];

/** Strings: full unicode, control characters, reference-shaped noise, valid references and hostile names. */
export function arbHostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 30 }),
    fc.constantFrom(...HOSTILE_NAMES, "", " ", "latest", "a".repeat(256), "A:B", "a@", "@a", ":", "@", "/"),
    arbDigestPullSpec(),
    fc.tuple(arbRepository(), arbTagName()).map(([r, t]) => `${r}:${t}`),
    fc.tuple(arbStreamName(), arbTagName()).map(([s, t]) => `${s}:${t}`),
    fc.tuple(arbStreamName(), arbDigest()).map(([s, d]) => `${s}@${d}`),
    arbDigest(),
    fc.tuple(arbDigestPullSpec(), fc.nat(80), fc.constantFrom(...PIECES)).map(([s, i, c]) => {
      const at = i % (s.length + 1);
      return s.slice(0, at) + c + s.slice(at);
    }),
  );
}

/** Fresh hostile objects on every draw (inputs get deep-frozen, so instances must not be shared). */
const hostileObjects = fc
  .constantFrom<() => unknown>(
    () => Object.create(null),
    () => ({ toString: null, valueOf: null }),
    () => ({ toString: 1 }),
    () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
    () => [],
    () => [null],
    () => ({}),
    () => ({ length: -1 }),
    () => new Date(0),
    () => /x/,
    () => new Map(),
  )
  .map((make) => make());

/** JSON values (what a YAML/JSON document can hold), edge numbers, hostile strings and `__proto__` keys. */
export function arbJson(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom<unknown>(null, -1, 0, 1e308, true, false, "", "true"),
    fc
      .constantFrom(
        () => [],
        () => ({}),
        () => [null],
      )
      .map((make) => make()),
    fc
      .constant(null)
      .map(() => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}')),
    arbHostileString(),
  );
}

/** Anything at all: fc.anything (null-prototype objects, sparse arrays), edge numbers, hostile objects, strings. */
export function arbAny(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything({ withNullPrototype: true, withSparseArray: true, maxDepth: 3 }),
    fc.constantFrom<unknown>(null, undefined, Number.NaN, -0, Number.POSITIVE_INFINITY, 1e308, -1, true, 0),
    hostileObjects,
    arbHostileString(),
  );
}

type Path = (string | number)[];

function paths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (v !== null && typeof v === "object") {
    for (const k of Object.keys(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths((v as Record<string, unknown>)[k], p, out);
    }
  }
  return out;
}

const MUTATIONS = ["delete", "null", "swap", "string", "array", "object", "number", "hostile"] as const;

/** Applies 1–3 random mutations to a (JSON) copy of a valid document; planted values come from `values`. */
export function mutated<T>(
  base: fc.Arbitrary<T>,
  values: fc.Arbitrary<unknown> = arbJson(),
): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      base,
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...MUTATIONS), values, arbHostileString()), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([value, muts]) => {
      const json = JSON.stringify(value);
      if (json === undefined) return value;
      const doc = JSON.parse(json) as unknown;
      for (const [n, kind, any, text] of muts) {
        const all = paths(doc);
        if (all.length === 0) break;
        const path = all[n % all.length] as Path;
        let parent = doc as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        if (parent === null || typeof parent !== "object" || Object.isFrozen(parent)) continue;
        const key = path[path.length - 1] as string | number;
        const old = parent[key];
        switch (kind) {
          case "delete":
            if (Array.isArray(parent)) parent.splice(Number(key), 1);
            else delete parent[key];
            break;
          case "null":
            parent[key] = null;
            break;
          case "swap":
            parent[key] =
              typeof old === "string"
                ? 42
                : typeof old === "number"
                  ? String(old)
                  : typeof old === "boolean"
                    ? "true"
                    : Array.isArray(old)
                      ? { 0: old[0] }
                      : old !== null && typeof old === "object"
                        ? [old]
                        : false;
            break;
          case "string":
            parent[key] = text;
            break;
          case "array":
            parent[key] = [old, any];
            break;
          case "object":
            parent[key] = { [text]: old };
            break;
          case "number":
            parent[key] = -1;
            break;
          case "hostile":
            parent[key] = any;
            break;
        }
      }
      return doc;
    });
}

/** Data level: valid, mutated with JSON values, any JSON value — in the proportions 3:5:2. */
export function fuzzOf<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 5, arbitrary: mutated(valid) },
    { weight: 2, arbitrary: arbJson() },
  );
}

/** Anything level: like {@link fuzzOf} but with non-JSON JavaScript values (null-prototype objects, Map, RegExp, undefined…). */
export function anyOf<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 4, arbitrary: mutated(valid, arbAny()) },
    { weight: 3, arbitrary: arbAny() },
  );
}

function arbImageStreamTag(): fc.Arbitrary<unknown> {
  return fc
    .record({ ns: arbNamespace(), stream: arbStreamName(), tag: arbTagName(), ref: arbTagReference() })
    .map(({ ns, stream, tag, ref }) => ({
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStreamTag",
      metadata: { name: `${stream}:${tag}`, namespace: ns },
      tag: { ...ref, name: tag },
    }));
}

/** An ImageStreamImport with its result: the published arbitrary (imagestream/testing). */
function arbImport(): fc.Arbitrary<unknown> {
  return arbImageStreamImport();
}

function arbTagRequest(): fc.Arbitrary<unknown> {
  const dest = fc.oneof(
    arbHostileString(),
    fc.tuple(arbStreamName(), arbTagName()).map(([s, t]) => `${s}:${t}`),
    fc.tuple(arbNamespace(), arbStreamName(), arbTagName()).map(([n, s, t]) => `${n}/${s}:${t}`),
  );
  return fc.record(
    {
      source: arbHostileString(),
      destinations: fc.array(dest, { minLength: 1, maxLength: 3 }),
      namespace: fc.oneof(arbNamespace(), arbHostileString()),
      sourceKind: fc.constantFrom("docker", "istag", "isimage", "ImageStreamTag", "bogus", ""),
      delete: fc.boolean(),
      alias: fc.boolean(),
      reference: fc.boolean(),
      scheduled: fc.boolean(),
      insecure: fc.boolean(),
      referencePolicy: fc.constantFrom("source", "local", "Local", "x"),
      importMode: fc.constantFrom("Legacy", "PreserveOriginal", "", "x"),
    },
    { requiredKeys: ["destinations", "namespace"] },
  );
}

function arbOperation(): fc.Arbitrary<unknown> {
  return fc.oneof(
    arbImageStreamMapping().map((mapping) => ({ type: "mapping", mapping })),
    arbTagRequest().map((r) => ({ ...(r as object), type: "tag" })),
    arbTagRequest().map((r) => ({ ...(r as object), type: "untag" })),
    fc.record({
      type: fc.constant("rollback"),
      tag: arbTagName(),
      revision: fc.integer({ min: -1, max: 5 }),
    }),
    arbImageStream().map((stream) => ({ type: "update", stream })),
    arbImageStream().map((stream) => ({ type: "statusUpdate", stream })),
    arbImport().map((result) => ({ type: "import", result })),
    fc.record({ type: fc.constant("prune"), keepTagRevisions: fc.integer({ min: -1, max: 5 }) }),
  );
}

function parsedOr<T>(f: (s: string) => T, s: fc.Arbitrary<string>): fc.Arbitrary<T | string> {
  return s.map((x) => {
    try {
      return f(x);
    } catch {
      return x;
    }
  });
}

const refString = fc.oneof(
  arbDigestPullSpec(),
  fc.tuple(arbRepository(), arbTagName()).map(([r, t]) => `${r}:${t}`),
  arbStreamName(),
  fc.tuple(arbRegistry(), arbStreamName()).map(([r, s]) => `${r}/${s}`),
);

/** Options a program passes (sane values), whose look-ups return stored — fuzzed — objects. */
function arbServerOptions(
  stream: fc.Arbitrary<unknown>,
  image: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  return fc.option(
    fc.record(
      {
        now: fc.oneof(arbTimestamp(), fc.constant(new Date(Date.UTC(2024, 0, 1)))),
        internalRegistryHostname: arbRegistry(),
        externalRegistryHostname: arbRegistry(),
        defaultImportMode: fc.constantFrom("Legacy", "PreserveOriginal"),
        getImageStream: fc.func(fc.option(stream, { nil: undefined })).map(
          (f) =>
            (...a: unknown[]) =>
              deepFreeze(f(...a)),
        ),
        getImage: fc.func(fc.option(image, { nil: undefined })).map(
          (f) =>
            (...a: unknown[]) =>
              deepFreeze(f(...a)),
        ),
      },
      { requiredKeys: ["now"] },
    ),
    { nil: undefined },
  );
}

/** One kind of argument: well-formed values, user data (JSON, any string), and any JavaScript value. */
export interface Kind {
  readonly valid: fc.Arbitrary<unknown>;
  readonly data: fc.Arbitrary<unknown>;
  readonly any: fc.Arbitrary<unknown>;
}

function kind(
  valid: fc.Arbitrary<unknown>,
  data: fc.Arbitrary<unknown> = fuzzOf(valid),
  any: fc.Arbitrary<unknown> = anyOf(valid),
): Kind {
  return { valid, data, any };
}

const streamValid = arbImageStream({ maxTags: 4 });
const imageValid = arbImage();
const streamFuzz = fuzzOf(streamValid);
const imageFuzz = fuzzOf(imageValid);

/** A typed object the program builds (reference objects): data level = valid or mutated, never a bare JSON value. */
function objectKind(valid: fc.Arbitrary<unknown>): Kind {
  return kind(valid, fc.oneof(valid, mutated(valid)), anyOf(valid));
}

/** Values only the program (or the library itself) produces: data level = valid only. */
function programKind(valid: fc.Arbitrary<unknown>): Kind {
  return kind(valid, valid, anyOf(valid));
}

const refOptsValid = fc.option(
  fc.record(
    { dialect: fc.constantFrom("docker", "openshift"), lengthRule: fc.constantFrom("name", "path") },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const clockValid = fc.option(fc.record({ now: arbTimestamp() }), { nil: undefined });
const clockData = fc.option(
  fc.record(
    { now: arbTimestamp(), keepTagRevisions: fc.integer({ min: -2, max: 5 }), keepYoungerThan: fc.integer() },
    { requiredKeys: ["now"] },
  ),
  { nil: undefined },
);

function lookupOf(
  noise: fc.Arbitrary<unknown>,
  stream: fc.Arbitrary<unknown>,
  image: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  return fc.record({
    namespace: fc.oneof(arbNamespace(), arbHostileString()),
    resource: fc.oneof(fc.constantFrom("pods", "deployments.apps", "builds.build.openshift.io"), noise),
    operation: fc.oneof(fc.constantFrom("create", "update"), noise),
    annotations: fc.option(
      fc.oneof(fc.dictionary(arbHostileString(), arbHostileString(), { maxKeys: 2 }), noise),
      {
        nil: undefined,
      },
    ),
    getImageStream: fc.func(fc.option(stream, { nil: undefined })).map(
      (f) =>
        (...a: unknown[]) =>
          deepFreeze(f(...a)),
    ),
    getImage: fc.func(fc.option(image, { nil: undefined })).map(
      (f) =>
        (...a: unknown[]) =>
          deepFreeze(f(...a)),
    ),
  });
}

/** Every kind of argument the public API takes. */
export const KINDS = {
  /** A string from a user (a reference, a name, a tag). */
  str: kind(refString, arbHostileString(), fc.oneof(arbHostileString(), arbAny())),
  /** A list of strings. */
  strs: kind(
    fc.array(arbTagName(), { maxLength: 5 }),
    fc.array(arbHostileString(), { maxLength: 5 }),
    anyOf(fc.array(arbHostileString(), { maxLength: 5 })),
  ),
  /** A number from a user (durations, sizes, revisions). */
  num: kind(
    fc.integer({ min: 0, max: 1e9 }),
    fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.NaN, -0, Number.MAX_SAFE_INTEGER, 1e308)),
    fc.oneof(fc.double(), arbAny()),
  ),
  /** Anything (JSON from anywhere). */
  any: kind(fc.jsonValue({ maxDepth: 2 }), arbJson(), arbAny()),
  stream: kind(streamValid, streamFuzz, anyOf(streamValid)),
  streams: kind(fc.array(streamValid, { maxLength: 3 }), fuzzOf(fc.array(streamValid, { maxLength: 3 }))),
  image: kind(imageValid, imageFuzz, anyOf(imageValid)),
  mapping: kind(arbImageStreamMapping()),
  tagref: kind(arbTagReference()),
  event: kind(arbTagEvent()),
  istag: kind(arbImageStreamTag()),
  istags: kind(fc.array(arbImageStreamTag(), { maxLength: 3 })),
  itags: kind(streamValid.map((s) => lib.listImageTags(s as never))),
  import: kind(arbImport()),
  request: kind(arbTagRequest()),
  /** A rollback request: a tag (or stream:tag) and a history index. */
  rollback: kind(
    fc.record({ tag: arbTagName(), revision: fc.integer({ min: -1, max: 5 }) }),
    fc.record({ tag: arbHostileString(), revision: fc.oneof(fc.integer(), fc.double()) }),
    anyOf(fc.record({ tag: arbTagName(), revision: fc.integer({ min: 0, max: 3 }) })),
  ),
  operation: kind(arbOperation()),
  /** An OpenShift DockerImageReference object (parsed, or mutated). */
  oref: objectKind(parsedOr(lib.parseDockerImageReference, refString)),
  /** A Docker-dialect Reference object. */
  dref: objectKind(parsedOr((s) => lib.parseNormalizedNamed(s), refString)),
  /** A FieldError list / one FieldError. */
  fieldErrors: programKind(fc.array(fc.constant(lib.requiredField("metadata.name")), { maxLength: 2 })),
  fieldError: programKind(fc.constant(lib.invalidField("spec.tags[x].from.name", "x", "bad"))),
  /** Options of resolvePullSpecForTag and its wrappers. */
  pullOpts: programKind(
    fc.option(
      fc.record({ defaultExternal: fc.boolean(), requireLatest: fc.boolean() }, { requiredKeys: [] }),
      {
        nil: undefined,
      },
    ),
  ),
  /** `{imageStreams, images}` for createCatalog. */
  catalogInit: kind(
    fc.record({
      imageStreams: fc.array(streamValid, { maxLength: 3 }),
      images: fc.array(imageValid, { maxLength: 2 }),
    }),
  ),
  /** A catalog built from (possibly mutated) streams. */
  catalog: kind(
    fc
      .array(streamValid, { maxLength: 3 })
      .map((imageStreams) => lib.createCatalog({ imageStreams, images: [] })),
    fc.array(streamFuzz, { maxLength: 3 }).map((imageStreams) => {
      try {
        return lib.createCatalog({ imageStreams: imageStreams as never, images: [] });
      } catch {
        return lib.createCatalog({ imageStreams: [], images: [] });
      }
    }),
    fc.array(streamFuzz, { maxLength: 3 }).map((imageStreams) => {
      try {
        return lib.createCatalog({ imageStreams: imageStreams as never, images: [] });
      } catch {
        return lib.createCatalog({ imageStreams: [], images: [] });
      }
    }),
  ),
  /** Server options (program data) with look-ups returning stored, fuzzed objects. */
  opts: kind(
    arbServerOptions(streamValid, imageValid),
    arbServerOptions(streamFuzz, imageFuzz),
    arbServerOptions(anyOf(streamValid), anyOf(imageValid)),
  ),
  /** Options of the reference parsers (program data: sane at the data level). */
  refOpts: kind(refOptsValid, refOptsValid, anyOf(refOptsValid)),
  /**
   * A recipe for editImageStream (program code, so sane at every level): a no-op, a spec tag
   * pushed, the lookup policy set, a label written, or a replacement returned.
   */
  recipe: kind(
    fc.constantFrom<(d: Record<string, unknown>) => unknown>(
      () => undefined,
      (d) => {
        if (typeof d.spec !== "object" || d.spec === null) d.spec = {};
        const spec = d.spec as Record<string, unknown>;
        if (Array.isArray(spec.tags)) {
          spec.tags.push({ name: "pushed", from: { kind: "DockerImage", name: "quay.io/a/b:1" } });
        }
      },
      (d) => {
        d.spec = { ...(d.spec as object), lookupPolicy: { local: true } };
      },
      (d) => {
        if (typeof d.metadata !== "object" || d.metadata === null) d.metadata = {};
        (d.metadata as Record<string, unknown>).labels = { edited: "yes" };
      },
      () => ({ metadata: { name: "replaced", namespace: "ns" } }),
    ),
  ),
  /** Options with a clock (describe, tables, prune). */
  clock: kind(clockValid, clockData, anyOf(clockData)),
  /** Options of resolveImageReference (lookup policy): strings from a pod spec, stored streams. */
  lookup: kind(
    lookupOf(fc.constantFrom("x"), streamValid, imageValid),
    lookupOf(arbJson(), streamFuzz, imageFuzz),
    lookupOf(arbAny(), anyOf(streamValid), anyOf(imageValid)),
  ),
} satisfies Record<string, Kind>;

export type KindName = keyof typeof KINDS;
