/**
 * fast-check arbitraries for property tests of image stream semantics: every value they produce has
 * the wire shape and passes the API server's validation (lowercase DNS names, tags matching
 * `[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}`, `sha256:` image names, RFC 3339 timestamps, histories newest
 * first). Values are fresh, unfrozen plain objects; freeze them (`deepFreeze`) to check that a
 * function never writes to its input.
 *
 * Tag order in spec and status is arbitrary, as in a stream a user or another tool wrote; the server
 * functions sort it (`normalizeImageStream` gives the sorted form). Names are unique within a stream.
 *
 * fast-check is a peer dependency: only this entry (`imagestream/testing`) imports it.
 */
import * as fc from "fast-check";
import type { Operation } from "../client/index.js";
import type { TagRequest } from "../client/tag-plan.js";
import type {
  Image,
  ImageLayer,
  ImageStream,
  ImageStreamImport,
  ImageStreamMapping,
  NamedTagEventList,
  TagEvent,
  TagEventCondition,
  TagReference,
} from "../model/index.js";

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const TAG_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
const TAG_REST = `${TAG_FIRST}.-`;
const HEX = "0123456789abcdef";

/** Strings of `min`–`max` characters of `alphabet`. */
function chars(alphabet: string, min: number, max: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(""));
}

/** `fc.constant(value)` when the caller fixed it, else `arb`. */
function fixedOr<T>(value: T | undefined, arb: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return value === undefined ? arb() : fc.constant(value);
}

/**
 * A namespace: a DNS-1123 label (`[a-z0-9]([-a-z0-9]*[a-z0-9])?`), at most 18 characters, often a
 * familiar one (`test`, `default`, `openshift`, …).
 *
 * @returns An arbitrary of namespace names.
 * @example
 * ```ts
 * fc.sample(arbNamespace(), 2); // => e.g. ["default", "k3-x9"]
 * ```
 * @public
 */
export function arbNamespace(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom("test", "default", "openshift", "my-project", "ci") },
    {
      weight: 3,
      arbitrary: fc
        .tuple(chars(LOWER_ALNUM, 1, 1), chars(`${LOWER_ALNUM}-`, 0, 16), chars(LOWER_ALNUM, 1, 1))
        .map(([a, b, c]) => `${a}${b}${c}`),
    },
  );
}

/**
 * An image stream name (`[a-z0-9]+(?:[._-][a-z0-9]+)*`, R4.1.1), often a familiar one (`ruby`, `python`, …).
 *
 * @returns An arbitrary of stream names.
 * @example
 * ```ts
 * fc.sample(arbStreamName(), 2); // => e.g. ["ruby", "a7.b-c"]
 * ```
 * @public
 */
export function arbStreamName(): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constantFrom("origin-ruby-sample", "python", "ruby", "nodejs", "mysql", "app"),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          chars(LOWER_ALNUM, 1, 8),
          fc.array(fc.tuple(fc.constantFrom("-", ".", "_"), chars(LOWER_ALNUM, 1, 8)), { maxLength: 3 }),
        )
        .map(([first, rest]) => first + rest.map(([s, p]) => s + p).join("")),
    },
  );
}

/**
 * A tag name matching `[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}` (valid for `oc tag` and the API), often a
 * familiar one (`latest`, `3.6`, `v1.2.3`, …).
 *
 * @returns An arbitrary of tag names.
 * @example
 * ```ts
 * fc.sample(arbTagName(), 2); // => e.g. ["latest", "Rx_9.-a"]
 * ```
 * @public
 */
export function arbTagName(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom("latest", "3.6", "v1.2.3", "stable", "2.7-slim", "_x", "RC-1") },
    {
      weight: 3,
      arbitrary: fc.tuple(chars(TAG_FIRST, 1, 1), chars(TAG_REST, 0, 20)).map(([a, b]) => a + b),
    },
  );
}

/**
 * An image name: `sha256:` followed by 64 lowercase hex digits (any such string, not a real hash).
 *
 * @returns An arbitrary of image digests.
 * @example
 * ```ts
 * fc.sample(arbDigest(), 1); // => e.g. ["sha256:0f3a…"] (64 hex digits)
 * ```
 * @public
 */
export function arbDigest(): fc.Arbitrary<string> {
  return chars(HEX, 64, 64).map((h) => `sha256:${h}`);
}

const MIN_TIME = Date.UTC(2015, 0, 1);
const MAX_TIME = Date.UTC(2030, 11, 31);

function toTimestamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Options of {@link arbTimestamp}.
 *
 * @example
 * ```ts
 * const opts: ArbTimestampOptions = { min: new Date("2024-01-01T00:00:00Z") };
 * ```
 * @public
 */
export interface ArbTimestampOptions {
  /** Earliest instant (whole seconds); defaults to 2015-01-01. */
  readonly min?: Date;
  /** Latest instant (whole seconds); defaults to 2030-12-31. */
  readonly max?: Date;
}

/**
 * A Kubernetes timestamp: RFC 3339 in UTC with whole seconds (`2016-01-29T13:40:11Z`).
 *
 * @param opts - the range; 2015 to 2030 by default.
 * @returns An arbitrary of timestamps.
 * @example
 * ```ts
 * fc.sample(arbTimestamp(), 1); // => e.g. ["2021-07-04T09:12:55Z"]
 * ```
 * @public
 */
export function arbTimestamp(opts: ArbTimestampOptions = {}): fc.Arbitrary<string> {
  const min = Math.ceil((opts.min?.getTime() ?? MIN_TIME) / 1000);
  const max = Math.floor((opts.max?.getTime() ?? MAX_TIME) / 1000);
  return fc.integer({ min, max }).map((s) => toTimestamp(s));
}

/**
 * A registry host, with or without a port: the integrated registry's service and IP forms, public
 * registries and `localhost:5000`.
 *
 * @returns An arbitrary of registry hosts.
 * @example
 * ```ts
 * fc.sample(arbRegistry(), 1); // => e.g. ["quay.io"]
 * ```
 * @public
 */
export function arbRegistry(): fc.Arbitrary<string> {
  return fc.constantFrom(
    "172.30.56.218:5000",
    "image-registry.openshift-image-registry.svc:5000",
    "quay.io",
    "docker.io",
    "registry.example.com",
    "localhost:5000",
  );
}

/**
 * A repository `registry/namespace/name`, without tag or digest.
 *
 * @returns An arbitrary of repositories.
 * @example
 * ```ts
 * fc.sample(arbRepository(), 1); // => e.g. ["quay.io/test/ruby"]
 * ```
 * @public
 */
export function arbRepository(): fc.Arbitrary<string> {
  return fc.tuple(arbRegistry(), arbNamespace(), arbStreamName()).map(([r, n, s]) => `${r}/${n}/${s}`);
}

/**
 * Options of {@link arbReference}.
 *
 * @example
 * ```ts
 * const opts: ArbReferenceOptions = { by: "digest", repository: "quay.io/test/ruby" };
 * ```
 * @public
 */
export interface ArbReferenceOptions {
  /** `digest` (`repo@sha256:…`), `tag` (`repo:tag`) or `any` of the two (the default). */
  readonly by?: "digest" | "tag" | "any";
  /** The repository to point into; random (`arbRepository`) by default. */
  readonly repository?: string;
  /** The digest of `digest` references; random by default. */
  readonly digest?: string;
  /** The tag of `tag` references; random (`arbTagName`) by default. */
  readonly tag?: string;
}

/**
 * A pull spec that `parseDockerImageReference` accepts, fully qualified: `registry/namespace/name`
 * with a tag or a digest.
 *
 * @param opts - which form, and parts to fix.
 * @returns An arbitrary of pull specs.
 * @example
 * ```ts
 * fc.sample(arbReference({ by: "digest" }), 1); // => e.g. ["quay.io/test/ruby@sha256:0f3a…"]
 * ```
 * @public
 */
export function arbReference(opts: ArbReferenceOptions = {}): fc.Arbitrary<string> {
  const byDigest = fc
    .tuple(fixedOr(opts.repository, arbRepository), fixedOr(opts.digest, arbDigest))
    .map(([repo, d]) => `${repo}@${d}`);
  const byTag = fc
    .tuple(fixedOr(opts.repository, arbRepository), fixedOr(opts.tag, arbTagName))
    .map(([repo, t]) => `${repo}:${t}`);
  if (opts.by === "digest") return byDigest;
  if (opts.by === "tag") return byTag;
  return fc.oneof(byDigest, byTag);
}

/**
 * Options of {@link arbTagEvent}.
 *
 * @example
 * ```ts
 * const opts: ArbTagEventOptions = { repository: "registry.example.com/ns/app" };
 * ```
 * @public
 */
export interface ArbTagEventOptions {
  /** The image (digest) the event points at; random by default. */
  readonly image?: string;
  /** The repository of its `dockerImageReference` (`<repository>@<image>`); random by default. */
  readonly repository?: string;
  /** Highest generation (at least 1); 1000 by default. */
  readonly maxGeneration?: number;
}

/**
 * A tag event pointing at an image by digest (R1.4.3): `dockerImageReference` is `<repository>@<image>`.
 *
 * @param opts - parts to fix.
 * @returns An arbitrary of tag events.
 * @example
 * ```ts
 * fc.sample(arbTagEvent({ repository: "quay.io/test/ruby" }), 1);
 * // => e.g. [{ created: "2019-…Z", dockerImageReference: "quay.io/test/ruby@sha256:…", image: "sha256:…", generation: 3 }]
 * ```
 * @public
 */
export function arbTagEvent(opts: ArbTagEventOptions = {}): fc.Arbitrary<TagEvent> {
  return fc
    .record({
      created: arbTimestamp(),
      repo: fixedOr(opts.repository, arbRepository),
      image: fixedOr(opts.image, arbDigest),
      generation: fc.integer({ min: 1, max: Math.max(1, opts.maxGeneration ?? 1000) }),
    })
    .map(
      ({ created, repo, image, generation }): TagEvent => ({
        created,
        dockerImageReference: `${repo}@${image}`,
        image,
        generation,
      }),
    );
}

/**
 * Options of {@link arbTagHistory}.
 *
 * @example
 * ```ts
 * const opts: ArbTagHistoryOptions = { maxLength: 10 };
 * ```
 * @public
 */
export interface ArbTagHistoryOptions {
  /** Fewest events (at least 1); 1 by default. */
  readonly minLength?: number;
  /** Most events; 4 by default. */
  readonly maxLength?: number;
}

/**
 * The history of one tag, newest first: `created` and `generation` never increase down the list.
 *
 * @param opts - its length.
 * @returns An arbitrary of event lists.
 * @example
 * ```ts
 * fc.sample(arbTagHistory({ maxLength: 2 }), 1); // => e.g. [[{ created: "2024-…", generation: 7, … }, { created: "2019-…", generation: 2, … }]]
 * ```
 * @public
 */
export function arbTagHistory(opts: ArbTagHistoryOptions = {}): fc.Arbitrary<TagEvent[]> {
  const minLength = Math.max(1, opts.minLength ?? 1);
  const maxLength = Math.max(minLength, opts.maxLength ?? 4);
  return fc.array(arbTagEvent(), { minLength, maxLength }).map((events) => {
    const created = events.map((e) => e.created ?? "").sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const generations = events.map((e) => e.generation).sort((a, b) => b - a);
    return events.map((e, i) => ({
      ...e,
      created: created[i] as string,
      generation: generations[i] as number,
    }));
  });
}

/**
 * Options of {@link arbNamedTagEventList}.
 *
 * @example
 * ```ts
 * const opts: ArbNamedTagEventListOptions = { tag: "latest" };
 * ```
 * @public
 */
export interface ArbNamedTagEventListOptions {
  /** The tag; random (`arbTagName`) by default. */
  readonly tag?: string;
}

function arbImportFailure(): fc.Arbitrary<TagEventCondition> {
  return fc.record({
    type: fc.constant("ImportSuccess" as const),
    status: fc.constant("False" as const),
    lastTransitionTime: arbTimestamp(),
    reason: fc.constantFrom("NotFound", "Unauthorized", "InternalError"),
    message: fc.constantFrom("not found", "you may not have access to the container image"),
    generation: fc.integer({ min: 1, max: 1000 }),
  });
}

/**
 * A status tag: its name, its history (newest first) and sometimes an `ImportSuccess=False` condition.
 *
 * @param opts - the tag to fix.
 * @returns An arbitrary of status tags.
 * @example
 * ```ts
 * fc.sample(arbNamedTagEventList({ tag: "latest" }), 1); // => e.g. [{ tag: "latest", items: [ … ] }]
 * ```
 * @public
 */
export function arbNamedTagEventList(
  opts: ArbNamedTagEventListOptions = {},
): fc.Arbitrary<NamedTagEventList> {
  return fc
    .record(
      {
        tag: fixedOr(opts.tag, arbTagName),
        items: arbTagHistory(),
        conditions: fc.array(arbImportFailure(), { maxLength: 1 }),
      },
      { requiredKeys: ["tag", "items"] },
    )
    .map((l): NamedTagEventList => l);
}

type From = { readonly from: NonNullable<TagReference["from"]>; readonly docker: boolean };

function arbFrom(): fc.Arbitrary<From> {
  return fc.oneof(
    fc
      .tuple(
        arbRepository(),
        fc.oneof(
          arbTagName().map((t) => `:${t}`),
          arbDigest().map((d) => `@${d}`),
        ),
      )
      .map(([repo, suffix]): From => ({ from: { kind: "DockerImage", name: repo + suffix }, docker: true })),
    fc
      .record({
        stream: arbStreamName(),
        tag: arbTagName(),
        ns: fc.option(arbNamespace(), { nil: undefined }),
      })
      .map(
        ({ stream, tag, ns }): From => ({
          from: {
            kind: "ImageStreamTag",
            ...(ns === undefined ? {} : { namespace: ns }),
            name: `${stream}:${tag}`,
          },
          docker: false,
        }),
      ),
    fc.tuple(arbStreamName(), arbDigest()).map(
      ([stream, d]): From => ({
        from: { kind: "ImageStreamImage", name: `${stream}@${d}` },
        docker: false,
      }),
    ),
  );
}

/**
 * Options of {@link arbTagReference}.
 *
 * @example
 * ```ts
 * const opts: ArbTagReferenceOptions = { name: "latest" };
 * ```
 * @public
 */
export interface ArbTagReferenceOptions {
  /** The tag name; random (`arbTagName`) by default. */
  readonly name?: string;
}

/**
 * A valid spec tag (R1.3.1): `from` of any of the three kinds (or none), nullable annotations and
 * generation, import and reference policies. Only `DockerImage` tags are `scheduled` (R4.2.3).
 *
 * @param opts - the name to fix.
 * @returns An arbitrary of spec tags.
 * @example
 * ```ts
 * fc.sample(arbTagReference({ name: "latest" }), 1);
 * // => e.g. [{ name: "latest", from: { kind: "DockerImage", name: "quay.io/test/ruby:3.6" }, reference: false, … }]
 * ```
 * @public
 */
export function arbTagReference(opts: ArbTagReferenceOptions = {}): fc.Arbitrary<TagReference> {
  return fc
    .record(
      {
        name: fixedOr(opts.name, arbTagName),
        annotations: fc.oneof(
          fc.constant(null),
          fc.dictionary(
            fc.constantFrom("description", "tags", "openshift.io/display-name", "version"),
            fc.string(),
            { maxKeys: 2 },
          ),
        ),
        from: arbFrom(),
        reference: fc.boolean(),
        generation: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 })),
        importPolicy: fc.record(
          {
            insecure: fc.boolean(),
            scheduled: fc.boolean(),
            importMode: fc.constantFrom("Legacy" as const, "PreserveOriginal" as const, "" as const),
          },
          { requiredKeys: [] },
        ),
        referencePolicy: fc.record(
          { type: fc.constantFrom("Source" as const, "Local" as const) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ["name"] },
    )
    .map(({ from, ...rest }): TagReference => {
      // R4.2.3: only DockerImage tags may be scheduled.
      const unschedule = rest.importPolicy?.scheduled === true && from?.docker !== true;
      return {
        ...rest,
        ...(unschedule ? { importPolicy: { ...rest.importPolicy, scheduled: false } } : {}),
        ...(from === undefined ? {} : { from: from.from }),
      };
    });
}

/**
 * Options of {@link arbImageStream}.
 *
 * @example
 * ```ts
 * const opts: ArbImageStreamOptions = { namespace: "ns", name: "app", maxTags: 3 };
 * ```
 * @public
 */
export interface ArbImageStreamOptions {
  /** Add unknown fields at several levels (they must survive every function unchanged). */
  readonly unknownFields?: boolean;
  /** Most distinct tag names (spec and status together); 5 by default. */
  readonly maxTags?: number;
  /** The namespace; random (`arbNamespace`) by default. */
  readonly namespace?: string;
  /** The stream name; random (`arbStreamName`) by default. */
  readonly name?: string;
  /** Draw tag names from this list only (so that streams and operations share tags); random names by default. */
  readonly tagNames?: readonly string[];
}

function withFields<T extends object>(o: T, extra: { readonly [field: string]: unknown }): T {
  return { ...o, ...extra };
}

/**
 * A valid stored ImageStream: metadata as the API server keeps it (uid, resourceVersion,
 * generation, creationTimestamp, sometimes labels and annotations), spec tags, status histories
 * (newest first) and `status.dockerImageRepository`.
 *
 * @param opts - namespace, name, tag names and size.
 * @returns An arbitrary of streams.
 * @example
 * ```ts
 * fc.assert(fc.property(arbImageStream({ namespace: "ns", name: "app" }), (s) => s.metadata?.name === "app"));
 * ```
 * @public
 */
export function arbImageStream(opts: ArbImageStreamOptions = {}): fc.Arbitrary<ImageStream> {
  const maxTags = opts.maxTags ?? 5;
  const tagName = opts.tagNames === undefined ? arbTagName() : fc.constantFrom(...opts.tagNames);
  const tagPlan = fc.uniqueArray(fc.record({ name: tagName, inSpec: fc.boolean(), inStatus: fc.boolean() }), {
    selector: (t) => t.name,
    maxLength: maxTags,
  });
  return fc
    .record({
      apiVersion: fc.constantFrom("image.openshift.io/v1" as const, "v1" as const),
      name: fixedOr(opts.name, arbStreamName),
      namespace: fixedOr(opts.namespace, arbNamespace),
      generation: fc.integer({ min: 1, max: 1000 }),
      created: arbTimestamp(),
      uid: fc.uuid(),
      resourceVersion: fc.integer({ min: 1, max: 10_000_000 }).map(String),
      annotations: fc.option(
        fc.dictionary(
          fc.constantFrom("openshift.io/generated-by", "openshift.io/image.dockerRepositoryCheck"),
          fc.string(),
          { maxKeys: 2 },
        ),
        { nil: undefined },
      ),
      labels: fc.option(fc.dictionary(fc.constantFrom("app", "template"), arbStreamName(), { maxKeys: 2 }), {
        nil: undefined,
      }),
      local: fc.option(fc.boolean(), { nil: undefined }),
      dockerImageRepository: fc.option(arbRepository(), { nil: undefined }),
      statusRepository: fc.oneof(fc.constant(""), arbRepository()),
      plan: tagPlan,
      unknown: fc.string({ maxLength: 8 }),
    })
    .chain((s) => {
      const specTags = s.plan.filter((t) => t.inSpec).map((t) => arbTagReference({ name: t.name }));
      const statusTags = s.plan.filter((t) => t.inStatus).map((t) => arbNamedTagEventList({ tag: t.name }));
      return fc.tuple(fc.constant(s), fc.tuple(...specTags), fc.tuple(...statusTags));
    })
    .map(([s, specTags, statusTags]): ImageStream => {
      const u = opts.unknownFields === true;
      const spec = {
        ...(s.local === undefined ? {} : { lookupPolicy: { local: s.local } }),
        ...(s.dockerImageRepository === undefined ? {} : { dockerImageRepository: s.dockerImageRepository }),
        ...(specTags.length > 0
          ? { tags: u ? specTags.map((t) => withFields(t, { futureTagField: s.unknown })) : specTags }
          : {}),
      };
      const status = {
        dockerImageRepository: s.statusRepository,
        ...(statusTags.length > 0
          ? {
              tags: u
                ? statusTags.map((l) => ({
                    ...l,
                    items: l.items.map((e) => withFields(e, { futureEventField: 1 })),
                  }))
                : statusTags,
            }
          : {}),
      };
      const metadata = {
        name: s.name,
        namespace: s.namespace,
        uid: s.uid,
        resourceVersion: s.resourceVersion,
        generation: s.generation,
        creationTimestamp: s.created,
        ...(s.annotations === undefined ? {} : { annotations: s.annotations }),
        ...(s.labels === undefined ? {} : { labels: s.labels }),
      };
      const stream: ImageStream = {
        apiVersion: s.apiVersion,
        kind: "ImageStream",
        metadata: u
          ? withFields(metadata, { selflink: `/oapi/v1/namespaces/${s.namespace}/imagestreams/${s.name}` })
          : metadata,
        spec: u ? withFields(spec, { futureField: [s.unknown] }) : spec,
        status,
      };
      return u ? withFields(stream, { "x-unknown": { keep: s.unknown } }) : stream;
    });
}

/** A valid layer list, oldest first. */
function arbLayers(): fc.Arbitrary<ImageLayer[]> {
  return fc.array(
    fc.record(
      {
        name: arbDigest(),
        size: fc.integer({ min: 0, max: 500_000_000 }),
        mediaType: fc.constantFrom(
          "application/vnd.docker.image.rootfs.diff.tar.gzip",
          "application/vnd.oci.image.layer.v1.tar+gzip",
        ),
      },
      { requiredKeys: ["name", "size"] },
    ),
    { minLength: 1, maxLength: 6 },
  );
}

/**
 * Options of {@link arbImage}.
 *
 * @example
 * ```ts
 * const opts: ArbImageOptions = { repository: "registry.example.com/ns/app" };
 * ```
 * @public
 */
export interface ArbImageOptions {
  /** The image name (digest); random by default. */
  readonly digest?: string;
  /** The repository of its `dockerImageReference` (`<repository>@<digest>`); random by default. */
  readonly repository?: string;
}

/**
 * A valid Image (R1.9): named by its digest, `dockerImageReference` by that digest, Docker metadata
 * (config, architecture, size = sum of the layers) and layers.
 *
 * @param opts - digest and repository to fix.
 * @returns An arbitrary of images.
 * @example
 * ```ts
 * fc.sample(arbImage({ digest: imageDigest(1) }), 1)[0]?.metadata?.name; // => imageDigest(1)
 * ```
 * @public
 */
export function arbImage(opts: ArbImageOptions = {}): fc.Arbitrary<Image> {
  return fc
    .record({
      digest: fixedOr(opts.digest, arbDigest),
      repo: fixedOr(opts.repository, arbRepository),
      layers: arbLayers(),
      id: chars(HEX, 64, 64),
      created: arbTimestamp(),
      arch: fc.constantFrom("amd64", "arm64", "ppc64le", "s390x"),
      user: fc.constantFrom("1001", "root", "0"),
      cmd: fc.array(fc.constantFrom("/usr/libexec/s2i/run", "/bin/sh", "-c", "run"), { maxLength: 3 }),
      env: fc.array(fc.constantFrom("PATH=/usr/bin:/bin", "HOME=/opt/app-root/src", "RUBY_VERSION=2.2"), {
        maxLength: 3,
      }),
      port: fc.option(fc.constantFrom("8080/tcp", "443/tcp"), { nil: undefined }),
      labels: fc.dictionary(fc.constantFrom("name", "vendor", "license", "io.k8s.description"), fc.string(), {
        maxKeys: 3,
      }),
      mediaType: fc.constantFrom(
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
      ),
    })
    .map(
      (r): Image => ({
        metadata: {
          name: r.digest,
          annotations: { "image.openshift.io/dockerLayersOrder": "ascending" },
        },
        dockerImageReference: `${r.repo}@${r.digest}`,
        dockerImageMetadata: {
          kind: "DockerImage",
          apiVersion: "1.0",
          Id: `sha256:${r.id}`,
          Created: r.created,
          Architecture: r.arch,
          Size: r.layers.reduce((n, l) => n + l.size, 0),
          Config: {
            User: r.user,
            ...(r.cmd.length > 0 ? { Cmd: r.cmd } : {}),
            ...(r.env.length > 0 ? { Env: r.env } : {}),
            ...(r.port === undefined ? {} : { ExposedPorts: { [r.port]: {} } }),
            Labels: r.labels,
          },
        },
        dockerImageMetadataVersion: "1.0",
        dockerImageLayers: r.layers,
        dockerImageManifestMediaType: r.mediaType,
      }),
    );
}

/**
 * Options of {@link arbImageStreamMapping}.
 *
 * @example
 * ```ts
 * const opts: ArbImageStreamMappingOptions = { namespace: "ns", name: "app", tagNames: ["latest", "v1"] };
 * ```
 * @public
 */
export interface ArbImageStreamMappingOptions {
  /** The stream's namespace; random by default. */
  readonly namespace?: string;
  /** The stream's name; random by default. */
  readonly name?: string;
  /** Draw the tag from this list only; random (`arbTagName`) by default. */
  readonly tagNames?: readonly string[];
  /** The repository of the image's `dockerImageReference`; random by default. */
  readonly repository?: string;
}

/**
 * A valid ImageStreamMapping (R1.5, R4.3), as the integrated registry sends after a push: the
 * stream's name and namespace, a tag, and an image named by its digest.
 *
 * @param opts - stream, tags and repository to fix.
 * @returns An arbitrary of mappings.
 * @example
 * ```ts
 * test.prop([arbImageStream({ namespace: "ns", name: "app" }), arbImageStreamMapping({ namespace: "ns", name: "app" })])(
 *   "R10.6 the same mapping twice gives the same stream", (s, m) => { … },
 * );
 * ```
 * @public
 */
export function arbImageStreamMapping(
  opts: ArbImageStreamMappingOptions = {},
): fc.Arbitrary<ImageStreamMapping> {
  return fc
    .record({
      apiVersion: fc.constantFrom("image.openshift.io/v1" as const, "v1" as const),
      name: fixedOr(opts.name, arbStreamName),
      namespace: fixedOr(opts.namespace, arbNamespace),
      tag: opts.tagNames === undefined ? arbTagName() : fc.constantFrom(...opts.tagNames),
      image: arbImage(opts.repository === undefined ? {} : { repository: opts.repository }),
    })
    .map(
      (r): ImageStreamMapping => ({
        apiVersion: r.apiVersion,
        kind: "ImageStreamMapping",
        metadata: { name: r.name, namespace: r.namespace },
        tag: r.tag,
        image: r.image,
      }),
    );
}

/**
 * Options of {@link arbImageStreamImport}.
 *
 * @example
 * ```ts
 * const opts: ArbImageStreamImportOptions = { namespace: "ns", name: "app", maxImages: 2 };
 * ```
 * @public
 */
export interface ArbImageStreamImportOptions {
  /** The stream's namespace; random by default. */
  readonly namespace?: string;
  /** The stream's name; random by default. */
  readonly name?: string;
  /** Draw the `to` tags from this list only; random (`arbTagName`) by default. */
  readonly tagNames?: readonly string[];
  /** Most images imported (at least one always is: validation rejects an empty import); 3 by default. */
  readonly maxImages?: number;
}

/**
 * An ImageStreamImport with the importer's answer (what `applyImportResult` takes): each requested
 * `DockerImage` either imported (`Success` and the image) or failed (`Failure`, `NotFound`).
 *
 * @param opts - stream, tags and size.
 * @returns An arbitrary of import results.
 * @example
 * ```ts
 * fc.sample(arbImageStreamImport({ namespace: "ns", name: "app" }), 1)[0]?.metadata?.name; // => "app"
 * ```
 * @public
 */
export function arbImageStreamImport(
  opts: ArbImageStreamImportOptions = {},
): fc.Arbitrary<ImageStreamImport> {
  return fc
    .record({
      ns: fixedOr(opts.namespace, arbNamespace),
      stream: fixedOr(opts.name, arbStreamName),
      items: fc.array(
        fc.record({
          from: arbReference({ by: "tag" }),
          to: opts.tagNames === undefined ? arbTagName() : fc.constantFrom(...opts.tagNames),
          ok: fc.boolean(),
          image: arbImage(),
        }),
        { minLength: 1, maxLength: Math.max(1, opts.maxImages ?? 3) },
      ),
    })
    .map(
      ({ ns, stream, items }): ImageStreamImport => ({
        apiVersion: "image.openshift.io/v1",
        kind: "ImageStreamImport",
        metadata: { name: stream, namespace: ns },
        spec: {
          import: true,
          images: items.map((i) => ({ from: { kind: "DockerImage", name: i.from }, to: { name: i.to } })),
        },
        status: {
          images: items.map((i) =>
            i.ok
              ? { status: { status: "Success" }, image: i.image }
              : { status: { status: "Failure", reason: "NotFound", message: "not found" } },
          ),
        },
      }),
    );
}

/**
 * Options of {@link arbTagRequest} and {@link arbOperation}.
 *
 * @example
 * ```ts
 * const opts: ArbTagRequestOptions = { namespace: "ns", name: "app", tagNames: ["latest", "v1"] };
 * ```
 * @public
 */
export interface ArbTagRequestOptions {
  /** The stream's namespace (the current project of `oc tag`). */
  readonly namespace: string;
  /** The stream's name. */
  readonly name: string;
  /** Tags to draw from, so that successive requests meet; `latest`, `v1`, `v2` by default. */
  readonly tagNames?: readonly string[];
}

const DEFAULT_TAGS: readonly string[] = ["latest", "v1", "v2"];

/**
 * A well-formed `oc tag` request into the stream `namespace/name`: a container image source (by tag
 * or digest, sometimes `--scheduled` or `--insecure`) or another tag of the same stream (sometimes
 * `--alias`), one or two destinations, `--reference` and `--reference-policy` at random. Requests
 * are well formed, not always satisfiable: tagging from a tag that has no image is rejected with a
 * `BadRequest`, as `oc` does.
 *
 * @param opts - the stream and its tags.
 * @returns An arbitrary of tag requests for `tag(stream, request, opts)`.
 * @example
 * ```ts
 * fc.sample(arbTagRequest({ namespace: "ns", name: "app" }), 1);
 * // => e.g. [{ source: "quay.io/test/ruby:3.6", sourceKind: "docker", destinations: ["app:latest"], namespace: "ns", … }]
 * ```
 * @public
 */
export function arbTagRequest(opts: ArbTagRequestOptions): fc.Arbitrary<TagRequest> {
  const tags = opts.tagNames ?? DEFAULT_TAGS;
  const dest = fc.constantFrom(...tags).map((t) => `${opts.name}:${t}`);
  const docker = fc.record({
    source: arbReference(),
    sourceKind: fc.constant("docker"),
    scheduled: fc.boolean(),
    insecure: fc.boolean(),
  });
  const istag = fc.record({
    source: dest,
    sourceKind: fc.constant("istag"),
    alias: fc.boolean(),
  });
  return fc
    .record({
      source: fc.oneof(docker, istag),
      destinations: fc.uniqueArray(dest, { minLength: 1, maxLength: 2 }),
      reference: fc.boolean(),
      referencePolicy: fc.constantFrom("source", "local"),
    })
    .map(
      ({ source, ...rest }): TagRequest => ({
        ...source,
        ...rest,
        namespace: opts.namespace,
      }),
    );
}

/**
 * Options of {@link arbOperation}.
 *
 * @example
 * ```ts
 * const opts: ArbOperationOptions = { namespace: "ns", name: "app", types: ["mapping", "tag", "untag"] };
 * ```
 * @public
 */
export interface ArbOperationOptions extends ArbTagRequestOptions {
  /** Which operation types to draw; all eight by default. */
  readonly types?: readonly Operation["type"][];
}

const ALL_OPERATION_TYPES: readonly Operation["type"][] = [
  "mapping",
  "tag",
  "untag",
  "rollback",
  "update",
  "statusUpdate",
  "import",
  "prune",
];

/**
 * One well-formed operation on the stream `namespace/name` for `applyOperation`: a registry push
 * (`mapping`), `tag`, `untag`, `rollback`, a PUT of the stream (`update`) or of its status
 * (`statusUpdate`), an `import` result or a `prune`. All of them use the same few tags, so a
 * sequence exercises history, tracking and deletion. Some are rejected by the semantics (rolling
 * back a tag with no history is `NotFound`), with an `ImageStreamError`, as the API would.
 *
 * @param opts - the stream, its tags and the operation types.
 * @returns An arbitrary of operations.
 * @example
 * ```ts
 * fc.sample(arbOperation({ namespace: "ns", name: "app", types: ["rollback"] }), 1); // => e.g. [{ type: "rollback", tag: "v1", revision: 2 }]
 * ```
 * @public
 */
export function arbOperation(opts: ArbOperationOptions): fc.Arbitrary<Operation> {
  const tags = opts.tagNames ?? DEFAULT_TAGS;
  const stream = { namespace: opts.namespace, name: opts.name, tagNames: tags, maxTags: tags.length };
  const tag = fc.constantFrom(...tags);
  const byType: { readonly [T in Operation["type"]]: () => fc.Arbitrary<Operation> } = {
    mapping: () => arbImageStreamMapping(stream).map((mapping): Operation => ({ type: "mapping", mapping })),
    tag: () =>
      arbTagRequest(opts).map(
        ({ namespace: _, destinations, ...r }): Operation => ({
          ...r,
          destinations: [...destinations],
          type: "tag",
        }),
      ),
    untag: () =>
      fc
        .uniqueArray(tag, { minLength: 1, maxLength: 2 })
        .map((ts): Operation => ({ type: "untag", destinations: ts.map((t) => `${opts.name}:${t}`) })),
    rollback: () =>
      fc
        .record({ tag, revision: fc.integer({ min: 0, max: 3 }) })
        .map((r): Operation => ({ type: "rollback", ...r })),
    update: () => arbImageStream(stream).map((s): Operation => ({ type: "update", stream: s })),
    statusUpdate: () => arbImageStream(stream).map((s): Operation => ({ type: "statusUpdate", stream: s })),
    import: () => arbImageStreamImport(stream).map((result): Operation => ({ type: "import", result })),
    prune: () =>
      fc
        .integer({ min: 0, max: 5 })
        .map((keepTagRevisions): Operation => ({ type: "prune", keepTagRevisions })),
  };
  const types = opts.types === undefined || opts.types.length === 0 ? ALL_OPERATION_TYPES : opts.types;
  return fc.oneof(...types.map((t) => byType[t]()));
}

/**
 * Options of {@link arbOperations}.
 *
 * @example
 * ```ts
 * const opts: ArbOperationsOptions = { namespace: "ns", name: "app", maxLength: 20 };
 * ```
 * @public
 */
export interface ArbOperationsOptions extends ArbOperationOptions {
  /** Fewest operations; 1 by default. */
  readonly minLength?: number;
  /** Most operations; 10 by default. */
  readonly maxLength?: number;
}

/**
 * A sequence of operations on one stream (see {@link arbOperation}), to replay with
 * `ops.reduce((s, op) => applyOperation(s, op, opts), stream)` as a controller or an event log would.
 *
 * @param opts - the stream, its tags, the operation types and the length.
 * @returns An arbitrary of operation lists.
 * @example
 * ```ts
 * test.prop([arbImageStream({ namespace: "ns", name: "app" }), arbOperations({ namespace: "ns", name: "app" })])(
 *   "replaying any operations throws only ImageStreamErrors", (s, ops) => { … },
 * );
 * ```
 * @public
 */
export function arbOperations(opts: ArbOperationsOptions): fc.Arbitrary<Operation[]> {
  const minLength = Math.max(0, opts.minLength ?? 1);
  const maxLength = Math.max(minLength, opts.maxLength ?? 10);
  return fc.array(arbOperation(opts), { minLength, maxLength });
}
