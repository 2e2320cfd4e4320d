/**
 * Builders for test fixtures: each fills in the fields a test does not care about (namespace, name,
 * valid digests, timestamps, generations) and returns a deeply frozen object, typed without casts.
 * Defaults: namespace `ns`, stream `app`, tag `latest`, time `2024-01-01T00:00:00Z`, repository
 * `registry.example.com/ns/app`, image `imageDigest(0)`.
 *
 * Builders are nouns named after the kind they build (`imageStream`, `tagEvent`); the fast-check
 * arbitraries beside them are named `arb…`.
 */
import type {
  Image,
  ImageStream,
  ImageStreamMapping,
  ObjectMeta,
  TagEvent,
  TagReference,
} from "../model/index.js";

const NAMESPACE = "ns";
const NAME = "app";
const TAG = "latest";
const TIME = "2024-01-01T00:00:00Z";
const REGISTRY = "registry.example.com";

/**
 * Freezes `value` and everything reachable from it (arrays, plain objects, nested frozen parts),
 * in place; cycles are fine. Functions throw `TypeError` when they write to a frozen input in strict
 * mode, which is what a "never writes to its input" test wants.
 *
 * @param value - anything; primitives come back as they are.
 * @returns `value` itself, now deeply frozen.
 * @example
 * ```ts
 * const s = deepFreeze({ metadata: { name: "app" } });
 * Object.isFrozen(s.metadata); // => true
 * ```
 * @public
 */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if ((typeof v !== "object" && typeof v !== "function") || v === null || seen.has(v)) continue;
    if (ArrayBuffer.isView(v)) continue; // Object.freeze throws on a typed array with elements
    seen.add(v);
    // Frozen parents may hold unfrozen children: walk through them too.
    for (const key of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d !== undefined && "value" in d) stack.push(d.value);
    }
    Object.freeze(v);
  }
  return value;
}

/**
 * A valid image name (`sha256:` and 64 hex digits) made from a short seed, readable in test output:
 * the seed's UTF-8 bytes in hex, padded with zeros. Seeds of up to 32 bytes give distinct digests.
 *
 * @param seed - a number or a short string; `0` by default.
 * @returns `sha256:<64 hex digits>`.
 * @example
 * ```ts
 * imageDigest(1); // => "sha256:3100000000000000000000000000000000000000000000000000000000000000"
 * ```
 * @public
 */
export function imageDigest(seed: string | number = 0): string {
  let hex = "";
  for (const byte of new TextEncoder().encode(String(seed))) hex += byte.toString(16).padStart(2, "0");
  return `sha256:${hex.padEnd(64, "0").slice(0, 64)}`;
}

/** The `sha256:…` digest after the last `@` of a pull spec, if it has one. */
function digestOf(reference: string | undefined): string | undefined {
  const at = reference?.lastIndexOf("@") ?? -1;
  return reference !== undefined && at >= 0 ? reference.slice(at + 1) : undefined;
}

function repositoryOf(namespace: string, name: string): string {
  return `${REGISTRY}/${namespace}/${name}`;
}

/**
 * What {@link tagEvent} takes: any field of a `TagEvent`.
 *
 * @example
 * ```ts
 * const init: TagEventInit = { image: imageDigest(1), generation: 2 };
 * ```
 * @public
 */
export type TagEventInit = Partial<TagEvent>;

/**
 * A tag event: `created` 2024-01-01T00:00:00Z, generation 1, and an image and reference that agree
 * (`registry.example.com/ns/app@<image>`; given only a reference by digest, the image is its digest).
 *
 * @param init - the fields that matter to the test.
 * @returns A deeply frozen `TagEvent`.
 * @example
 * ```ts
 * tagEvent({ image: imageDigest(1) }).dockerImageReference; // => "registry.example.com/ns/app@sha256:31000…"
 * ```
 * @public
 */
export function tagEvent(init: TagEventInit = {}): TagEvent {
  const image = init.image ?? digestOf(init.dockerImageReference) ?? imageDigest(0);
  return deepFreeze({
    ...init,
    created: init.created === undefined ? TIME : init.created,
    dockerImageReference: init.dockerImageReference ?? `${repositoryOf(NAMESPACE, NAME)}@${image}`,
    image,
    generation: init.generation ?? 1,
  });
}

/**
 * What {@link tagReference} takes: any field of a spec tag.
 *
 * @example
 * ```ts
 * const init: TagReferenceInit = { name: "v1", from: { kind: "ImageStreamTag", name: "app:latest" } };
 * ```
 * @public
 */
export type TagReferenceInit = Partial<TagReference>;

/**
 * A spec tag: name `latest`, `from` a container image `registry.example.com/ns/app:<name>`, and the
 * policies the API server defaults (`importMode: Legacy`, `referencePolicy.type: Source`). No
 * `generation`: the server assigns it.
 *
 * @param init - the fields that matter to the test (a given `from` replaces the default whole).
 * @returns A deeply frozen `TagReference`.
 * @example
 * ```ts
 * tagReference({ name: "v1", from: { kind: "ImageStreamTag", name: "app:latest" } }).from?.kind; // => "ImageStreamTag"
 * ```
 * @public
 */
export function tagReference(init: TagReferenceInit = {}): TagReference {
  const name = init.name ?? TAG;
  return deepFreeze({
    name,
    from: { kind: "DockerImage", name: `${repositoryOf(NAMESPACE, NAME)}:${name}` },
    importPolicy: { importMode: "Legacy" },
    referencePolicy: { type: "Source" },
    ...init,
  });
}

/**
 * What {@link imageStream} takes: any field of an `ImageStream`; `metadata` is merged with the defaults.
 *
 * @example
 * ```ts
 * const init: ImageStreamInit = { metadata: { name: "ruby" }, spec: { tags: [tagReference()] } };
 * ```
 * @public
 */
export type ImageStreamInit = Partial<ImageStream>;

/** The highest generation a stream's tags mention, so the default stream generation is never behind them. */
function highestGeneration(s: ImageStreamInit): number {
  let g = 1;
  for (const t of s.spec?.tags ?? []) if (typeof t.generation === "number") g = Math.max(g, t.generation);
  for (const l of s.status?.tags ?? []) for (const e of l.items ?? []) g = Math.max(g, e.generation);
  return g;
}

/**
 * An image stream `ns/app` created 2024-01-01T00:00:00Z. Its `metadata.generation` defaults to the
 * highest generation among its spec tags and events (at least 1), as on a stream the API server
 * wrote; `spec` and `status` are what you give (absent otherwise).
 *
 * @param init - the fields that matter to the test; `metadata` fields override the defaults one by one.
 * @returns A deeply frozen `ImageStream`; objects in `init` end up in it and get frozen too.
 * @example
 * ```ts
 * const s = imageStream({ status: { tags: [{ tag: "latest", items: [tagEvent({ generation: 2 })] }] } });
 * s.metadata?.generation; // => 2
 * ```
 * @public
 */
export function imageStream(init: ImageStreamInit = {}): ImageStream {
  const metadata: ObjectMeta = {
    name: NAME,
    namespace: NAMESPACE,
    creationTimestamp: TIME,
    ...init.metadata,
    generation: init.metadata?.generation ?? highestGeneration(init),
  };
  return deepFreeze({ apiVersion: "image.openshift.io/v1", kind: "ImageStream", ...init, metadata });
}

/**
 * What {@link image} takes: any field of an `Image`; `metadata` is merged with the defaults.
 *
 * @example
 * ```ts
 * const init: ImageInit = { metadata: { name: imageDigest(2) } };
 * ```
 * @public
 */
export type ImageInit = Partial<Image>;

/**
 * An Image named by a digest (`imageDigest(0)`, or the digest of a given `dockerImageReference`),
 * with `dockerImageReference` `registry.example.com/ns/app@<name>` unless given.
 *
 * @param init - the fields that matter to the test.
 * @returns A deeply frozen `Image`.
 * @example
 * ```ts
 * image({ metadata: { name: imageDigest(2) } }).dockerImageReference; // => "registry.example.com/ns/app@sha256:32000…"
 * ```
 * @public
 */
export function image(init: ImageInit = {}): Image {
  return imageIn(init, NAMESPACE, NAME);
}

function imageIn(init: ImageInit, namespace: string, name: string): Image {
  const digest = init.metadata?.name ?? digestOf(init.dockerImageReference) ?? imageDigest(0);
  return deepFreeze({
    apiVersion: "image.openshift.io/v1",
    kind: "Image",
    ...init,
    metadata: { ...init.metadata, name: digest },
    dockerImageReference: init.dockerImageReference ?? `${repositoryOf(namespace, name)}@${digest}`,
  });
}

/**
 * What {@link imageStreamMapping} takes: any field of an `ImageStreamMapping`; `metadata` is merged
 * with the defaults and `image` is completed by {@link image}.
 *
 * @example
 * ```ts
 * const init: ImageStreamMappingInit = { tag: "v1", image: { metadata: { name: imageDigest(3) } } };
 * ```
 * @public
 */
export type ImageStreamMappingInit = Partial<ImageStreamMapping>;

/**
 * An ImageStreamMapping into `ns/app` tag `latest`, as the integrated registry sends after a push;
 * its image is completed like {@link image}, with a reference into the mapping's own repository
 * (`registry.example.com/<namespace>/<name>@<digest>`).
 *
 * @param init - the fields that matter to the test.
 * @returns A deeply frozen `ImageStreamMapping`.
 * @example
 * ```ts
 * const m = imageStreamMapping({ tag: "v1", image: { metadata: { name: imageDigest(3) } } });
 * applyImageStreamMapping(imageStream(), m, { now: fixedClock("2024-01-01T00:00:00Z") }).stream.status?.tags?.[0]?.tag; // => "v1"
 * ```
 * @public
 */
export function imageStreamMapping(init: ImageStreamMappingInit = {}): ImageStreamMapping {
  const metadata: ObjectMeta = { name: NAME, namespace: NAMESPACE, ...init.metadata };
  return deepFreeze({
    apiVersion: "image.openshift.io/v1",
    kind: "ImageStreamMapping",
    ...init,
    metadata,
    tag: init.tag ?? TAG,
    image: imageIn(init.image ?? {}, metadata.namespace ?? NAMESPACE, metadata.name ?? NAME),
  });
}
