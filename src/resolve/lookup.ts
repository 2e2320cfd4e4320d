/**
 * Lookup policy (`spec.lookupPolicy.local`) as the `image.openshift.io/ImagePolicy` admission
 * plugin applies it to container image strings (SEMANTICS §14; ALG `pkg/admission/imagepolicy`).
 */
import { NotFoundError } from "../errors.js";
import type { Image, ImageStream } from "../model/index.js";
import { type DockerImageReference, exactReference, parseDockerImageReference } from "../reference/index.js";
import { type Clock, getImageStreamTag } from "../server/index.js";

/**
 * The annotation that forces resolution of every non-digest image through image streams (R14.5).
 *
 * @example
 * ```ts
 * const annotations = { [RESOLVE_NAMES_ANNOTATION]: "*" };
 * ```
 * @public
 */
export const RESOLVE_NAMES_ANNOTATION = "alpha.image.policy.openshift.io/resolve-names";

/**
 * A Kubernetes group/resource, e.g. `{ group: "apps", resource: "deployments" }`.
 *
 * @example
 * ```ts
 * const gr: GroupResource = { group: "batch", resource: "jobs" };
 * ```
 * @public
 */
export interface GroupResource {
  /** API group; empty for the core group (`pods`, `replicationcontrollers`). */
  readonly group?: string;
  /** Plural resource name. */
  readonly resource: string;
}

/**
 * Options of {@link resolveImageReference}: where the image string appears and how to look up streams.
 *
 * @example
 * ```ts
 * const opts: LookupOptions = { namespace: "myapp", resource: "deployments.apps", operation: "create", getImageStream: (ns, n) => undefined };
 * ```
 * @public
 */
export interface LookupOptions {
  /** Namespace of the object holding the image string (the only namespace consulted, R14.6). */
  readonly namespace: string;
  /**
   * The resource being admitted: `{group, resource}`, `resource[.group]` (`pods`,
   * `deployments.apps`, `builds.build.openshift.io`) or `group/resource` (`apps/deployments`).
   * Default `pods`.
   */
  readonly resource?: GroupResource | string;
  /** `create` (default) or `update` (case-insensitive, so admission's `CREATE`/`UPDATE` work too). */
  readonly operation?: "create" | "update" | "CREATE" | "UPDATE";
  /** Annotations of the object and of its pod template, merged. */
  readonly annotations?: Readonly<Record<string, string>> | null;
  /** Looks up an image stream. */
  readonly getImageStream?: (namespace: string, name: string) => ImageStream | undefined;
  /** Looks up an Image by name. */
  readonly getImage?: (name: string) => Image | undefined;
  /** Hostname of the integrated registry (a reference to it is a "full" reference). */
  readonly internalRegistryHostname?: string;
  /** Clock, passed to the ImageStreamTag view. */
  readonly now?: Clock;
}

/**
 * Why {@link resolveImageReference} left an image string alone.
 *
 * @example
 * ```ts
 * const reason: LookupUnchangedReason = "lookup-not-allowed";
 * ```
 * @public
 */
export type LookupUnchangedReason =
  /** No default resolution rule covers the resource. */
  | "resource-not-covered"
  /** Updates of batch/jobs, build.openshift.io/builds and apps/statefulsets are never rewritten (R14.4). */
  | "update-not-rewritten"
  /** The string does not parse as an image reference. */
  | "invalid-reference"
  /** The reference has a digest: looked up as an Image, never rewritten. */
  | "digest"
  /** A reference into the integrated registry whose tag exists: resolved for policy, not rewritten. */
  | "full-reference"
  /** Not a partial reference (it has a registry or a namespace) and resolution is not forced. */
  | "not-local-name"
  /** No image stream tag, and no fallback applies. */
  | "not-found"
  /** The ImageStreamTag exists but its stream does not allow local lookup (R14.3). */
  | "lookup-not-allowed";

/**
 * The outcome of {@link resolveImageReference}: the rewritten pull spec, or why the string is kept.
 *
 * @example
 * ```ts
 * const r: LookupResolution = { kind: "rewrite", image: "registry/ns/mysql@sha256:…", original: "mysql", imageStreamTag: "ns/mysql:latest" };
 * ```
 * @public
 */
export type LookupResolution =
  | {
      readonly kind: "rewrite";
      /** The new image string. */
      readonly image: string;
      /** The string as written in the object. */
      readonly original: string;
      /** `namespace/stream:tag` that was consulted. */
      readonly imageStreamTag: string;
      /** True for the missing-istag fallback `<status.dockerImageRepository>:<tag>` (no digest). */
      readonly fallback: boolean;
    }
  | {
      readonly kind: "unchanged";
      /** The string as written. */
      readonly image: string;
      /** Why it was not rewritten. */
      readonly reason: LookupUnchangedReason;
      /** The upstream message, when there is one. */
      readonly message?: string;
    };

/** Default rules of the plugin (ALG `apis/imagepolicy/v1/defaults.go`), all with `localNames: true`. */
const COVERED = new Set([
  "/pods",
  "/replicationcontrollers",
  "apps.openshift.io/deploymentconfigs",
  "apps/daemonsets",
  "apps/deployments",
  "apps/statefulsets",
  "apps/replicasets",
  "build.openshift.io/builds",
  "batch/jobs",
  "batch/cronjobs",
  "extensions/daemonsets",
  "extensions/deployments",
  "extensions/replicasets",
]);

const NO_REWRITE_ON_UPDATE = new Set(["batch/jobs", "build.openshift.io/builds", "apps/statefulsets"]);

function groupResourceKey(resource: GroupResource | string | undefined): string {
  if (resource === undefined) return "/pods";
  if (typeof resource === "string") {
    const slash = resource.indexOf("/");
    if (slash >= 0) return resource;
    const dot = resource.indexOf(".");
    return dot < 0 ? `/${resource}` : `${resource.slice(dot + 1)}/${resource.slice(0, dot)}`;
  }
  if (typeof resource === "object" && resource !== null) {
    const group = typeof resource.group === "string" ? resource.group : "";
    return `${group}/${typeof resource.resource === "string" ? resource.resource : ""}`;
  }
  return "";
}

function unchanged(image: string, reason: LookupUnchangedReason, message?: string): LookupResolution {
  return message === undefined
    ? { kind: "unchanged", image, reason }
    : { kind: "unchanged", image, reason, message };
}

/** The stream's `status.dockerImageRepository`: R14.3 falls back to it, and only to it. */
function streamRepository(stream: ImageStream): string {
  const repo = stream.status?.dockerImageRepository;
  return typeof repo === "string" ? repo : "";
}

/**
 * Resolves a container image string the way the ImagePolicy admission plugin does with its
 * default configuration (R14.1–R14.6).
 *
 * A *partial* reference (no registry, no namespace: `mysql`, `php:latest`) is looked up as the
 * ImageStreamTag `<name>:<tag|latest>` in `opts.namespace`. When that stream has
 * `lookupPolicy.local` (or the object carries `alpha.image.policy.openshift.io/resolve-names: "*"`,
 * which also makes registry and namespace of the string irrelevant), the string becomes the
 * tag's image by digest, honouring the tag's reference policy (`Source` → original repository,
 * `Local` → integrated registry). A missing tag in a stream that allows lookup falls back to
 * `<status.dockerImageRepository>:<tag>`. Digest references, references with a registry or a
 * namespace (`library/mysql`, `docker.io/mysql`), uncovered resources and updates of jobs,
 * builds and statefulsets are left unchanged, with the reason. A *full* reference into the
 * integrated registry (`<host>/<ns>/<name>:<tag>`) is resolved in its own namespace but only
 * rewritten by the missing-tag fallback, as upstream sets `LocalRewrite` there too.
 *
 * @param image - the image string of a container.
 * @param opts - namespace, resource, operation, annotations and look-ups.
 * @example
 * ```ts
 * const r = resolveImageReference("mysql", { namespace: "myapp", getImageStream, getImage });
 * if (r.kind === "rewrite") r.image; // "docker.io/library/mysql@sha256:…"
 * ```
 * @public
 */
export function resolveImageReference(image: string, opts: LookupOptions): LookupResolution {
  const raw: Partial<LookupOptions> = typeof opts === "object" && opts !== null ? opts : {};
  const fn = <F>(f: F | undefined): F | undefined => (typeof f === "function" ? f : undefined);
  const getImageStream = fn(raw.getImageStream);
  const getImage = fn(raw.getImage);
  const o = {
    namespace: raw.namespace,
    resource: raw.resource,
    operation: raw.operation,
    annotations:
      typeof raw.annotations === "object" && raw.annotations !== null ? raw.annotations : undefined,
    internalRegistryHostname:
      typeof raw.internalRegistryHostname === "string" ? raw.internalRegistryHostname : undefined,
    now: raw.now,
  };
  if (typeof image !== "string") {
    return unchanged("", "invalid-reference", "the image reference must be a string");
  }
  const original = image;
  const key = groupResourceKey(o.resource);
  if (!COVERED.has(key)) return unchanged(original, "resource-not-covered");
  const isUpdate = typeof o.operation === "string" && o.operation.toLowerCase() === "update";
  if (isUpdate && NO_REWRITE_ON_UPDATE.has(key)) return unchanged(original, "update-not-rewritten");

  let ref: DockerImageReference;
  try {
    ref = parseDockerImageReference(original);
  } catch (err) {
    return unchanged(original, "invalid-reference", err instanceof Error ? err.message : String(err));
  }
  if (ref.id !== "") return unchanged(original, "digest");

  const forced = o.annotations?.[RESOLVE_NAMES_ANNOTATION] === "*";
  const host = o.internalRegistryHostname;
  const full = host !== undefined && host !== "" && ref.registry === host;
  const partial = forced || (ref.registry === "" && ref.namespace === "" && ref.name !== "");
  if (!full && !partial) {
    return unchanged(
      original,
      "not-local-name",
      `(${exactReference(ref)}) could not be resolved to an exact image reference`,
    );
  }

  const objectNamespace = typeof o.namespace === "string" ? o.namespace : "";
  const namespace = ref.namespace === "" || forced ? objectNamespace : ref.namespace;
  const tag = ref.tag === "" ? "latest" : ref.tag;
  const istagName = `${namespace}/${ref.name}:${tag}`;
  const stream = getImageStream?.(namespace, ref.name);
  if (typeof stream !== "object" || stream === null) return unchanged(original, "not-found");

  let istag: ReturnType<typeof getImageStreamTag>;
  try {
    istag = getImageStreamTag(stream, tag, {
      ...(getImage !== undefined ? { getImage } : {}),
      ...(getImageStream !== undefined ? { getImageStream } : {}),
      ...(o.internalRegistryHostname !== undefined
        ? { internalRegistryHostname: o.internalRegistryHostname }
        : {}),
      ...(o.now !== undefined ? { now: o.now } : {}),
    });
  } catch (err) {
    // isImageStreamTagNotFound: only a missing tag (not a missing stream or Image) falls back,
    // for partial and full references alike.
    if (err instanceof NotFoundError && err.resource?.resource === "imagestreamtags") {
      const lookup = forced || stream.spec?.lookupPolicy?.local === true;
      const repo = streamRepository(stream);
      if (lookup && repo !== "") {
        try {
          const r = parseDockerImageReference(repo);
          return {
            kind: "rewrite",
            image: exactReference({ ...r, tag, id: "" }),
            original,
            imageStreamTag: istagName,
            fallback: true,
          };
        } catch {
          // an unparseable repository gives no rewrite
        }
      }
    }
    return unchanged(original, "not-found", err instanceof Error ? err.message : String(err));
  }

  // A full reference (into the integrated registry) is resolved for policy checks only.
  if (!partial) return unchanged(original, "full-reference");
  if (!forced && istag.lookupPolicy?.local !== true) {
    return unchanged(
      original,
      "lookup-not-allowed",
      "ImageStreamTag does not allow local references and the resource did not request image stream resolution",
    );
  }
  const pullSpec =
    typeof istag.image?.dockerImageReference === "string" ? istag.image.dockerImageReference : "";
  const imageName = typeof istag.image?.metadata?.name === "string" ? istag.image.metadata.name : "";
  try {
    const r = parseDockerImageReference(pullSpec);
    return {
      kind: "rewrite",
      image: exactReference({ ...r, tag: "", id: imageName }),
      original,
      imageStreamTag: istagName,
      fallback: false,
    };
  } catch (err) {
    return unchanged(
      original,
      "not-found",
      `image reference ${pullSpec} could not be parsed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
