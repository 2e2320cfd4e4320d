/**
 * fast-check arbitraries producing VALID image API objects (they parse, and validate clean per
 * SEMANTICS §4): lowercase DNS names, tags matching `[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}`,
 * `sha256:` + 64 hex image names, RFC 3339 timestamps, histories newest first.
 *
 * Tag order in spec and status is arbitrary (not normalized); call `normalizeImageStream` for the
 * server's sorted form. Names are unique within a stream.
 */
import { fc } from "@fast-check/vitest";
import type {
  Image,
  ImageLayer,
  ImageStream,
  ImageStreamMapping,
  NamedTagEventList,
  ObjectReference,
  TagEvent,
  TagReference,
} from "../../src/model/index.js";

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".split("");
const TAG_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_".split("");
const TAG_REST = [...TAG_FIRST, ".", "-"];
const HEX = "0123456789abcdef".split("");

function chars(alphabet: string[], min: number, max: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(""));
}

/** A DNS-1123 label (namespace): `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 20 characters here. */
export function arbNamespace(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom("test", "default", "openshift", "my-project", "ci") },
    {
      weight: 3,
      arbitrary: fc
        .tuple(chars(LOWER_ALNUM, 1, 1), chars([...LOWER_ALNUM, "-"], 0, 16), chars(LOWER_ALNUM, 1, 1))
        .map(([a, b, c]) => `${a}${b}${c}`),
    },
  );
}

/** A valid stream name (`[a-z0-9]+(?:[._-][a-z0-9]+)*`, R4.1.1). */
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

/** A tag name matching `[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}`. */
export function arbTagName(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom("latest", "3.6", "v1.2.3", "stable", "2.7-slim", "_x", "RC-1") },
    {
      weight: 3,
      arbitrary: fc.tuple(chars(TAG_FIRST, 1, 1), chars(TAG_REST, 0, 20)).map(([a, b]) => a + b),
    },
  );
}

/** An image name: `sha256:` + 64 lowercase hex digits. */
export function arbDigest(): fc.Arbitrary<string> {
  return chars(HEX, 64, 64).map((h) => `sha256:${h}`);
}

const MIN_TIME = Date.UTC(2015, 0, 1);
const MAX_TIME = Date.UTC(2030, 11, 31);

/** An RFC 3339 timestamp with seconds and `Z`, between 2015 and 2030. */
export function arbTimestamp(): fc.Arbitrary<string> {
  return fc.integer({ min: MIN_TIME / 1000, max: MAX_TIME / 1000 }).map((s) => toTimestamp(s));
}

function toTimestamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A registry host, with or without a port. */
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

/** A repository `registry/namespace/name` (no tag, no ID). */
export function arbRepository(): fc.Arbitrary<string> {
  return fc.tuple(arbRegistry(), arbNamespace(), arbStreamName()).map(([r, n, s]) => `${r}/${n}/${s}`);
}

/** A pull spec by digest: `registry/namespace/name@sha256:…`. */
export function arbDigestPullSpec(digest?: string): fc.Arbitrary<string> {
  return fc
    .tuple(arbRepository(), digest === undefined ? arbDigest() : fc.constant(digest))
    .map(([repo, d]) => `${repo}@${d}`);
}

/** A tag event pointing at an image by digest (R1.4.3). */
export function arbTagEvent(): fc.Arbitrary<TagEvent> {
  return fc
    .record({
      created: arbTimestamp(),
      repo: arbRepository(),
      image: arbDigest(),
      generation: fc.integer({ min: 1, max: 1000 }),
    })
    .map(({ created, repo, image, generation }) => ({
      created,
      dockerImageReference: `${repo}@${image}`,
      image,
      generation,
    }));
}

/** A history of 1–`max` events, newest first (created and generation non-increasing). */
export function arbTagHistory(max = 4): fc.Arbitrary<TagEvent[]> {
  return fc.array(arbTagEvent(), { minLength: 1, maxLength: max }).map((events) => {
    const created = events.map((e) => e.created ?? "").sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const generations = events.map((e) => e.generation).sort((a, b) => b - a);
    return events.map((e, i) => ({
      ...e,
      created: created[i] as string,
      generation: generations[i] as number,
    }));
  });
}

/** A status tag: a tag name, its history and sometimes an ImportSuccess=False condition. */
export function arbNamedTagEventList(tag?: string): fc.Arbitrary<NamedTagEventList> {
  return fc
    .record(
      {
        tag: tag === undefined ? arbTagName() : fc.constant(tag),
        items: arbTagHistory(),
        conditions: fc.array(
          fc.record({
            type: fc.constant("ImportSuccess"),
            status: fc.constant("False"),
            lastTransitionTime: arbTimestamp(),
            reason: fc.constantFrom("NotFound", "Unauthorized", "InternalError"),
            message: fc.constantFrom("not found", "you may not have access to the container image"),
            generation: fc.integer({ min: 1, max: 1000 }),
          }),
          { maxLength: 1 },
        ),
      },
      { requiredKeys: ["tag", "items"] },
    )
    .map((l) => l as NamedTagEventList);
}

function arbFrom(): fc.Arbitrary<{ from: ObjectReference; docker: boolean }> {
  return fc.oneof(
    fc
      .tuple(
        arbRepository(),
        fc.oneof(
          arbTagName().map((t) => `:${t}`),
          arbDigest().map((d) => `@${d}`),
        ),
      )
      .map(([repo, suffix]) => ({ from: { kind: "DockerImage", name: repo + suffix }, docker: true })),
    fc
      .record({
        stream: arbStreamName(),
        tag: arbTagName(),
        ns: fc.option(arbNamespace(), { nil: undefined }),
      })
      .map(({ stream, tag, ns }) => ({
        from: {
          kind: "ImageStreamTag",
          ...(ns === undefined ? {} : { namespace: ns }),
          name: `${stream}:${tag}`,
        },
        docker: false,
      })),
    fc
      .tuple(arbStreamName(), arbDigest())
      .map(([stream, d]) => ({ from: { kind: "ImageStreamImage", name: `${stream}@${d}` }, docker: false })),
  );
}

/** A valid spec tag (R1.3.1): `from` of any of the three kinds, nullable annotations/generation, policies. */
export function arbTagReference(name?: string): fc.Arbitrary<TagReference> {
  return fc
    .record(
      {
        name: name === undefined ? arbTagName() : fc.constant(name),
        annotations: fc.oneof(
          fc.constant(null),
          fc.dictionary(
            fc.constantFrom("description", "tags", "openshift.io/display-name", "version"),
            fc.string(),
            {
              maxKeys: 2,
            },
          ),
        ),
        from: arbFrom(),
        reference: fc.boolean(),
        generation: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 })),
        importPolicy: fc.record(
          {
            insecure: fc.boolean(),
            scheduled: fc.boolean(),
            importMode: fc.constantFrom("Legacy", "PreserveOriginal", ""),
          },
          { requiredKeys: [] },
        ),
        referencePolicy: fc.record({ type: fc.constantFrom("Source", "Local") }, { requiredKeys: [] }),
      },
      { requiredKeys: ["name"] },
    )
    .map((r) => {
      const { from, ...rest } = r;
      const tag: TagReference = { ...rest } as TagReference;
      if (from !== undefined) {
        tag.from = from.from;
        // R4.2.3: only DockerImage tags may be scheduled.
        if (!from.docker && tag.importPolicy?.scheduled)
          tag.importPolicy = { ...tag.importPolicy, scheduled: false };
      } else if (tag.importPolicy?.scheduled) {
        tag.importPolicy = { ...tag.importPolicy, scheduled: false };
      }
      return tag;
    });
}

/** Options of {@link arbImageStream}. */
export interface ArbImageStreamOptions {
  /** Add unknown fields at several levels (they must survive a round trip). */
  readonly unknownFields?: boolean;
  /** Maximum number of distinct tag names. */
  readonly maxTags?: number;
}

/** A valid ImageStream with spec tags, status histories (newest first) and realistic metadata. */
export function arbImageStream(opts: ArbImageStreamOptions = {}): fc.Arbitrary<ImageStream> {
  const maxTags = opts.maxTags ?? 5;
  const tagPlan = fc.uniqueArray(
    fc.record({ name: arbTagName(), inSpec: fc.boolean(), inStatus: fc.boolean() }),
    { selector: (t) => t.name, maxLength: maxTags },
  );
  return fc
    .record({
      apiVersion: fc.constantFrom("image.openshift.io/v1", "v1"),
      name: arbStreamName(),
      namespace: arbNamespace(),
      generation: fc.integer({ min: 1, max: 1000 }),
      created: arbTimestamp(),
      uid: fc.uuid(),
      resourceVersion: fc.integer({ min: 1, max: 10_000_000 }).map(String),
      annotations: fc.option(
        fc.dictionary(
          fc.constantFrom("openshift.io/generated-by", "openshift.io/image.dockerRepositoryCheck"),
          fc.string(),
          {
            maxKeys: 2,
          },
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
      const specTags = s.plan.filter((t) => t.inSpec).map((t) => arbTagReference(t.name));
      const statusTags = s.plan.filter((t) => t.inStatus).map((t) => arbNamedTagEventList(t.name));
      return fc.tuple(fc.constant(s), fc.tuple(...specTags), fc.tuple(...statusTags));
    })
    .map(([s, specTags, statusTags]) => {
      const stream: ImageStream = {
        apiVersion: s.apiVersion,
        kind: "ImageStream",
        metadata: {
          name: s.name,
          namespace: s.namespace,
          uid: s.uid,
          resourceVersion: s.resourceVersion,
          generation: s.generation,
          creationTimestamp: s.created,
          ...(s.annotations === undefined ? {} : { annotations: s.annotations }),
          ...(s.labels === undefined ? {} : { labels: s.labels }),
        },
        spec: {
          ...(s.local === undefined ? {} : { lookupPolicy: { local: s.local } }),
          ...(s.dockerImageRepository === undefined
            ? {}
            : { dockerImageRepository: s.dockerImageRepository }),
          ...(specTags.length > 0 ? { tags: specTags } : {}),
        },
        status: {
          dockerImageRepository: s.statusRepository,
          ...(statusTags.length > 0 ? { tags: statusTags } : {}),
        },
      };
      if (opts.unknownFields) {
        stream["x-unknown"] = { keep: s.unknown };
        (stream.metadata as Record<string, unknown>).selflink =
          `/oapi/v1/namespaces/${s.namespace}/imagestreams/${s.name}`;
        (stream.spec as Record<string, unknown>).futureField = [s.unknown];
        for (const t of stream.spec?.tags ?? []) t.futureTagField = s.unknown;
        for (const l of stream.status?.tags ?? []) for (const e of l.items) e.futureEventField = 1;
      }
      return stream;
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

/** A valid Image (R1.9): name = digest, `dockerImageReference` by that digest, Docker metadata, layers. */
export function arbImage(): fc.Arbitrary<Image> {
  return fc
    .record({
      digest: arbDigest(),
      repo: arbRepository(),
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
    .map((r) => {
      const size = r.layers.reduce((n, l) => n + l.size, 0);
      const image: Image = {
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
          Size: size,
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
      };
      return image;
    });
}

/** A valid ImageStreamMapping (R1.5, R4.3): stream name/namespace, tag, and an image named by its digest. */
export function arbImageStreamMapping(): fc.Arbitrary<ImageStreamMapping> {
  return fc
    .record({
      apiVersion: fc.constantFrom("image.openshift.io/v1", "v1"),
      name: arbStreamName(),
      namespace: arbNamespace(),
      tag: arbTagName(),
      image: arbImage(),
    })
    .map((r) => ({
      apiVersion: r.apiVersion,
      kind: "ImageStreamMapping",
      metadata: { name: r.name, namespace: r.namespace },
      tag: r.tag,
      image: r.image,
    }));
}
