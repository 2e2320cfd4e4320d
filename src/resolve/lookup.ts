/**
 * Lookup policy (`spec.lookupPolicy.local`) as the `image.openshift.io/ImagePolicy` admission
 * plugin applies it to container image strings (docs/behaviour.md §14; openshift/apiserver-library-go
 * `pkg/admission/imagepolicy`: `imagepolicy.go`, `accept.go`, `helpers.go`,
 * `apis/imagepolicy/v1/{types.go,defaults.go}`).
 */
import {
  type FieldError,
  InvalidError,
  invalidField,
  NotFoundError,
  notSupportedField,
  requiredField,
} from "../errors.js";
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
  /** Plural resource name; in a resolution rule, `*` stands for every resource of the group. */
  readonly resource: string;
}

/**
 * How the ImagePolicy admission plugin resolves image pull specs (upstream `ImageResolutionType`):
 *
 * - `RequiredRewrite`: resolution must succeed (else the object is rejected) and the pull spec is
 *   rewritten to the resolved image;
 * - `Required`: resolution must succeed, the pull spec is kept;
 * - `AttemptRewrite`: resolution is attempted and the pull spec rewritten when it succeeds;
 * - `Attempt`: resolution is attempted, the pull spec is kept (the plugin's default);
 * - `DoNotAttempt`: no resolution.
 *
 * @example
 * ```ts
 * const policy: ImageResolutionType = "RequiredRewrite";
 * ```
 * @public
 */
export type ImageResolutionType =
  | "RequiredRewrite"
  | "Required"
  | "AttemptRewrite"
  | "Attempt"
  | "DoNotAttempt";

/** Every {@link ImageResolutionType}, in upstream's order. */
const RESOLUTION_TYPES: readonly ImageResolutionType[] = [
  "RequiredRewrite",
  "Required",
  "AttemptRewrite",
  "Attempt",
  "DoNotAttempt",
];

/**
 * A per-resource resolution rule of the ImagePolicy plugin (upstream `ImageResolutionPolicyRule`).
 *
 * @example
 * ```ts
 * const rule: ImageResolutionPolicyRule = {
 *   targetResource: { group: "apps", resource: "deployments" },
 *   policy: "AttemptRewrite",
 *   localNames: true,
 * };
 * ```
 * @public
 */
export interface ImageResolutionPolicyRule {
  /**
   * What to do for the resources this rule covers when the reference is not a local name it
   * rewrites anyway; absent means the config's `resolveImages` (upstream defaulting).
   */
  readonly policy?: ImageResolutionType;
  /** The resource covered: exact group, and the resource name or `*` for all of the group. */
  readonly targetResource: GroupResource;
  /**
   * When true, a short name (`mysql`, `php:7`) that resolves through a stream allowing local lookup
   * (or through the resolve-names annotation) is rewritten whatever `policy` says.
   */
  readonly localNames?: boolean;
}

/**
 * The resolution part of the ImagePolicy plugin's configuration (upstream `ImagePolicyConfig`).
 * Execution rules (which images may run) are not modelled; upstream also uses them to default the
 * `policy` of the built-in rules, so here those rules always default to `DoNotAttempt`.
 *
 * @example
 * ```ts
 * // Reject pods whose images cannot be resolved to an image the cluster knows, and pin them.
 * const config: ImagePolicyConfig = {
 *   resolveImages: "RequiredRewrite",
 *   resolutionRules: [{ targetResource: { resource: "pods" }, localNames: true }],
 * };
 * ```
 * @public
 */
export interface ImagePolicyConfig {
  /** The default resolution behaviour, and whether a failed resolution rejects; default `Attempt`. */
  readonly resolveImages?: ImageResolutionType;
  /**
   * Per-resource rules; a resource no rule covers is not admitted by the plugin at all. Absent
   * (not empty) means the built-in rules: pods, replication controllers, deployment configs,
   * daemon sets, deployments, stateful sets, replica sets, builds, jobs and cron jobs (apps,
   * extensions and batch as upstream lists them), each with `localNames: true` and
   * `policy: "DoNotAttempt"`.
   */
  readonly resolutionRules?: readonly ImageResolutionPolicyRule[];
}

/**
 * An owner reference of the admitted object, as in `metadata.ownerReferences`: only `controller`
 * matters here.
 *
 * @example
 * ```ts
 * const owner: LookupOwnerReference = { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-5d4f", uid: "1", controller: true };
 * ```
 * @public
 */
export interface LookupOwnerReference {
  /** API version of the owner. */
  readonly apiVersion?: string;
  /** Kind of the owner. */
  readonly kind?: string;
  /** Name of the owner. */
  readonly name?: string;
  /** UID of the owner. */
  readonly uid?: string;
  /** True when the owner is the object's managing controller: the plugin then skips the object. */
  readonly controller?: boolean | null;
}

/**
 * Options of {@link resolveImageReference}: where the image string appears, the plugin's policy
 * and how to look up streams.
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
  /**
   * `metadata.ownerReferences` of the object: one with `controller: true` makes the plugin skip the
   * object (R14.4), since its controller's template was admitted already.
   */
  readonly ownerReferences?: readonly LookupOwnerReference[] | null;
  /** The plugin's configuration; default: `Attempt` with the built-in rules (R14.1). */
  readonly policy?: ImagePolicyConfig;
  /** Looks up an image stream. */
  readonly getImageStream?: (namespace: string, name: string) => ImageStream | undefined;
  /** Looks up an Image by name (a reference by digest is resolved as that Image). */
  readonly getImage?: (name: string) => Image | undefined;
  /** Hostname of the integrated registry (a reference to it is a "full" reference). */
  readonly internalRegistryHostname?: string;
  /** Clock, passed to the ImageStreamTag view. */
  readonly now?: Clock;
}

/**
 * Why {@link resolveImageReference} left an image string alone or rejected it.
 *
 * @example
 * ```ts
 * const reason: LookupUnchangedReason = "lookupNotAllowed";
 * ```
 * @public
 */
export type LookupUnchangedReason =
  /** No resolution rule of the policy covers the resource. */
  | "resourceNotCovered"
  /** The object has an owner reference with `controller: true` (R14.4). */
  | "controllerOwned"
  /** Updates of batch/jobs and build.openshift.io/builds are never rewritten (R14.4). */
  | "updateNotRewritten"
  /** The string does not parse as an image reference. */
  | "invalidReference"
  /** The reference has a digest: looked up as an Image; kept unless the policy rewrites. */
  | "digest"
  /** A reference into the integrated registry whose tag exists: resolved, kept unless the policy rewrites. */
  | "fullReference"
  /** Not a partial reference (it has a registry or a namespace) and resolution is not forced. */
  | "notLocalName"
  /** No image stream tag (or Image), and no fallback applies. */
  | "notFound"
  /** The ImageStreamTag exists but its stream does not allow local lookup (R14.3). */
  | "lookupNotAllowed"
  /** Resolved, but no rule and no policy asks for a rewrite (for example `localNames: false`). */
  | "notRewrittenByPolicy";

/**
 * The outcome of {@link resolveImageReference}: the rewritten pull spec, the string kept (the
 * object is admitted with it), or a rejection (the plugin refuses the object).
 *
 * @example
 * ```ts
 * const r: LookupResolution = { kind: "rewrite", image: "registry/ns/mysql@sha256:…", original: "mysql", imageStreamTag: "ns/mysql:latest", fallback: false };
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
      /** `namespace/stream:tag` that was consulted; empty for a reference by digest (an Image). */
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
    }
  | {
      /** Resolution failed under a `Required…` policy: admission refuses the object. */
      readonly kind: "rejected";
      /** The string as written. */
      readonly image: string;
      /** Why resolution failed. */
      readonly reason: LookupUnchangedReason;
      /** The field error's detail: `this image is prohibited by policy: <why>`. */
      readonly message: string;
    };

/** Upstream `SetDefaults_ImagePolicyConfig` rules, all with `LocalNames: true`. */
const DEFAULT_RULE_RESOURCES: ReadonlyArray<readonly [string, string]> = [
  ["", "pods"],
  ["", "replicationcontrollers"],
  ["apps.openshift.io", "deploymentconfigs"],
  ["apps", "daemonsets"],
  ["apps", "deployments"],
  ["apps", "statefulsets"],
  ["apps", "replicasets"],
  ["build.openshift.io", "builds"],
  ["batch", "jobs"],
  ["batch", "cronjobs"],
  ["extensions", "daemonsets"],
  ["extensions", "deployments"],
  ["extensions", "replicasets"],
];

/**
 * Upstream `skipImageRewriteOnUpdate`: job templates and build specs are immutable. StatefulSets
 * left this list in 2021 ("Image policy should mutate DeploymentConfigs and StatefulSets").
 */
const NO_REWRITE_ON_UPDATE = new Set(["batch/jobs", "build.openshift.io/builds"]);

const PLUGIN = "image.openshift.io/ImagePolicy";

/** A rule after defaulting: every field set. */
interface Rule {
  readonly group: string;
  readonly resource: string;
  readonly policy: ImageResolutionType;
  readonly localNames: boolean;
}

/** A config after defaulting (`SetDefaults_ImagePolicyConfig`). */
interface Policy {
  readonly resolveImages: ImageResolutionType;
  readonly rules: readonly Rule[];
}

const DEFAULT_POLICY: Policy = {
  resolveImages: "Attempt",
  rules: DEFAULT_RULE_RESOURCES.map(([group, resource]) => ({
    group,
    resource,
    policy: "DoNotAttempt",
    localNames: true,
  })),
};

function isResolutionType(v: unknown): v is ImageResolutionType {
  return typeof v === "string" && (RESOLUTION_TYPES as readonly string[]).includes(v);
}

/**
 * Upstream `SetDefaults_ImagePolicyConfig` then `validation.Validate` (the resolution part), with
 * unknown policy values rejected as well (upstream lets them through, where they act as
 * `DoNotAttempt`).
 */
function policyOf(config: ImagePolicyConfig | undefined): Policy {
  if (config === undefined || config === null) return DEFAULT_POLICY;
  const errors: FieldError[] = [];
  const c: ImagePolicyConfig = typeof config === "object" ? config : {};
  const given: unknown = c.resolveImages;
  const ruleList: unknown = c.resolutionRules;
  let resolveImages: ImageResolutionType = "Attempt";
  if (given !== undefined && given !== "") {
    if (isResolutionType(given)) resolveImages = given;
    else errors.push(notSupportedField(`${PLUGIN}.resolveImages`, given, RESOLUTION_TYPES));
  }
  let rules: Rule[];
  if (ruleList === undefined || ruleList === null) {
    // Built-in rules default to DoNotAttempt unless an execution rule covers the resource;
    // execution rules are not modelled, so that is every rule.
    rules = DEFAULT_POLICY.rules.slice();
  } else if (!Array.isArray(ruleList)) {
    errors.push(invalidField(`${PLUGIN}.resolutionRules`, ruleList, "must be a list of resolution rules"));
    rules = [];
  } else {
    rules = [];
    ruleList.forEach((raw: unknown, i: number) => {
      const path = `${PLUGIN}.resolutionRules[${i}]`;
      const r: Partial<Record<string, unknown>> = typeof raw === "object" && raw !== null ? raw : {};
      const target: Partial<Record<string, unknown>> =
        typeof r.targetResource === "object" && r.targetResource !== null ? r.targetResource : {};
      const resource = typeof target.resource === "string" ? target.resource : "";
      const group = typeof target.group === "string" ? target.group : "";
      if (resource === "")
        errors.push(
          requiredField(`${path}.targetResource.resource`, "a target resource name or '*' must be provided"),
        );
      let policy = resolveImages;
      if (r.policy !== undefined && r.policy !== "") {
        if (isResolutionType(r.policy)) policy = r.policy;
        else errors.push(notSupportedField(`${path}.policy`, r.policy, RESOLUTION_TYPES));
      }
      rules.push({ group, resource, policy, localNames: r.localNames === true });
    });
  }
  if (errors.length > 0)
    throw new InvalidError({ kind: "ImagePolicyConfig", name: PLUGIN, fieldErrors: errors });
  return { resolveImages, rules };
}

/** Upstream `resolutionRuleCoversResource`: same group, same resource or `*`. */
function covers(rule: Rule, gr: { group: string; resource: string }): boolean {
  return rule.group === gr.group && (rule.resource === gr.resource || rule.resource === "*");
}

/** Upstream `RewriteImagePullSpec(ImageResolutionType)`. */
function rewrites(t: ImageResolutionType): boolean {
  return t === "RequiredRewrite" || t === "AttemptRewrite";
}

/** Upstream `FailOnResolutionFailure(ImageResolutionType)`. */
function failsOnResolutionFailure(t: ImageResolutionType): boolean {
  return t === "RequiredRewrite" || t === "Required";
}

function groupResourceOf(resource: GroupResource | string | undefined): { group: string; resource: string } {
  if (resource === undefined) return { group: "", resource: "pods" };
  if (typeof resource === "string") {
    const slash = resource.indexOf("/");
    if (slash >= 0) return { group: resource.slice(0, slash), resource: resource.slice(slash + 1) };
    const dot = resource.indexOf(".");
    return dot < 0
      ? { group: "", resource }
      : { group: resource.slice(dot + 1), resource: resource.slice(0, dot) };
  }
  if (typeof resource === "object" && resource !== null) {
    return {
      group: typeof resource.group === "string" ? resource.group : "",
      resource: typeof resource.resource === "string" ? resource.resource : "",
    };
  }
  // not a resource: matches no rule (a rule needs a non-empty resource)
  return { group: "", resource: "" };
}

/** True when an owner reference says `controller: true` (upstream `admit`). */
function hasControllerOwner(refs: unknown): boolean {
  if (!Array.isArray(refs)) return false;
  return refs.some(
    (r: unknown) => typeof r === "object" && r !== null && (r as LookupOwnerReference).controller === true,
  );
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

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** What resolution gave (upstream `ImagePolicyAttributes`, or the error). */
type Resolved =
  | {
      readonly ok: true;
      /** The resolved reference (`attrs.Name`). */
      readonly name: DockerImageReference;
      /** Upstream `LocalRewrite`: a local name resolved through a stream that allows it, or the fallback. */
      readonly localRewrite: boolean;
      readonly imageStreamTag: string;
      readonly fallback: boolean;
      /** The reason reported when the result is kept. */
      readonly keptAs: LookupUnchangedReason;
    }
  | { readonly ok: false; readonly reason: LookupUnchangedReason; readonly message: string };

interface ResolveContext {
  readonly namespace: string;
  readonly forced: boolean;
  readonly getImageStream: ((namespace: string, name: string) => ImageStream | undefined) | undefined;
  readonly getImage: ((name: string) => Image | undefined) | undefined;
  readonly internalRegistryHostname: string | undefined;
  readonly now: Clock | undefined;
}

/** Upstream `imageResolutionCache.resolveImageReference` and `resolveImageStreamTag`. */
function resolve(original: string, c: ResolveContext): Resolved {
  let ref: DockerImageReference;
  try {
    ref = parseDockerImageReference(original);
  } catch (err) {
    return { ok: false, reason: "invalidReference", message: messageOf(err) };
  }
  if (ref.id !== "") {
    // images by ID are looked up as Images (for policy checks); never a stream
    const image = c.getImage?.(ref.id);
    if (typeof image !== "object" || image === null)
      return {
        ok: false,
        reason: "digest",
        message: new NotFoundError({ resource: "images", name: ref.id }).message,
      };
    return {
      ok: true,
      name: ref,
      localRewrite: false,
      imageStreamTag: "",
      fallback: false,
      keptAs: "digest",
    };
  }

  const host = c.internalRegistryHostname;
  const full = host !== undefined && host !== "" && ref.registry === host;
  const partial = c.forced || (ref.registry === "" && ref.namespace === "" && ref.name !== "");
  if (!full && !partial) {
    return {
      ok: false,
      reason: "notLocalName",
      message: `(${exactReference(ref)}) could not be resolved to an exact image reference`,
    };
  }

  const namespace = ref.namespace === "" || c.forced ? c.namespace : ref.namespace;
  const tag = ref.tag === "" ? "latest" : ref.tag;
  const imageStreamTag = `${namespace}/${ref.name}:${tag}`;
  const stream = c.getImageStream?.(namespace, ref.name);
  if (typeof stream !== "object" || stream === null) {
    // the ImageStreamTag GET fails on the stream first
    const message = new NotFoundError({ resource: "imagestreams", name: ref.name }).message;
    return { ok: false, reason: "notFound", message };
  }

  let istag: ReturnType<typeof getImageStreamTag>;
  try {
    istag = getImageStreamTag(stream, tag, {
      ...(c.getImage !== undefined ? { getImage: c.getImage } : {}),
      ...(c.getImageStream !== undefined ? { getImageStream: c.getImageStream } : {}),
      ...(host !== undefined ? { internalRegistryHostname: host } : {}),
      ...(c.now !== undefined ? { now: c.now } : {}),
    });
  } catch (err) {
    // isImageStreamTagNotFound: only a missing tag (not a missing stream or Image) falls back,
    // for partial and full references alike.
    if (err instanceof NotFoundError && err.resource?.resource === "imagestreamtags") {
      const lookup = c.forced || stream.spec?.lookupPolicy?.local === true;
      const repo = streamRepository(stream);
      if (lookup && repo !== "") {
        try {
          const r = parseDockerImageReference(repo);
          return {
            ok: true,
            name: { ...r, tag, id: "" },
            localRewrite: true,
            imageStreamTag,
            fallback: true,
            keptAs: "notRewrittenByPolicy",
          };
        } catch {
          // an unparseable repository gives no rewrite
        }
      }
    }
    return { ok: false, reason: "notFound", message: messageOf(err) };
  }

  if (partial && !c.forced && istag.lookupPolicy?.local !== true) {
    return {
      ok: false,
      reason: "lookupNotAllowed",
      message:
        "ImageStreamTag does not allow local references and the resource did not request image stream resolution",
    };
  }
  const pullSpec =
    typeof istag.image?.dockerImageReference === "string" ? istag.image.dockerImageReference : "";
  const imageName = typeof istag.image?.metadata?.name === "string" ? istag.image.metadata.name : "";
  let r: DockerImageReference;
  try {
    r = parseDockerImageReference(pullSpec);
  } catch (err) {
    return {
      ok: false,
      reason: "notFound",
      message: `image reference ${pullSpec} could not be parsed: ${messageOf(err)}`,
    };
  }
  return {
    ok: true,
    name: { ...r, tag: "", id: imageName },
    // A full reference is resolved for policy checks; only partial ones carry LocalRewrite.
    localRewrite: partial,
    imageStreamTag,
    fallback: false,
    keptAs: partial ? "notRewrittenByPolicy" : "fullReference",
  };
}

/**
 * Resolves a container image string the way the ImagePolicy admission plugin does (R14.1–R14.6),
 * with its default configuration or the one given in `opts.policy`.
 *
 * Objects the policy does not cover, and objects with a controller owner reference, are left
 * alone. Otherwise the string is resolved: a *partial* reference (no registry, no namespace:
 * `mysql`, `php:latest`) as the ImageStreamTag `<name>:<tag|latest>` in `opts.namespace`,
 * allowed when that stream has `lookupPolicy.local` or the object carries
 * `alpha.image.policy.openshift.io/resolve-names: "*"` (which also makes registry and namespace
 * of the string irrelevant); a *full* reference into the integrated registry in its own
 * namespace; a digest reference as an Image. A missing tag in a stream that allows lookup
 * falls back to `<status.dockerImageRepository>:<tag>`.
 *
 * A resolved short name is rewritten to the tag's image by digest (honouring the tag's reference
 * policy) when a rule covering the resource has `localNames` (all built-in rules do); any
 * resolved reference is rewritten when that rule's policy, or `resolveImages` if no rule covers
 * the resource, is `AttemptRewrite` or `RequiredRewrite`. Updates of jobs and builds are never
 * rewritten. When resolution fails, `resolveImages` of `Required` or `RequiredRewrite` rejects
 * the object; otherwise the string is kept, with the reason.
 *
 * @param image - the image string of a container.
 * @param opts - namespace, resource, operation, annotations, owner references, policy and look-ups.
 * @returns `rewrite` with the new string, `unchanged` with the reason it is kept, or `rejected`
 *   with the message admission fails with.
 * @throws {@link InvalidError} (`isInvalid`) when `opts.policy` has an unknown policy value or a
 *   rule without a target resource.
 * @example
 * ```ts
 * const r = resolveImageReference("mysql", { namespace: "myapp", getImageStream, getImage });
 * if (r.kind === "rewrite") r.image; // "docker.io/library/mysql@sha256:…"
 * resolveImageReference("docker.io/mysql", { namespace: "myapp", policy: { resolveImages: "RequiredRewrite" } }).kind;
 * // => "rejected"
 * ```
 * @public
 */
export function resolveImageReference(image: string, opts: LookupOptions): LookupResolution {
  const raw: Partial<LookupOptions> = typeof opts === "object" && opts !== null ? opts : {};
  const fn = <F>(f: F | undefined): F | undefined => (typeof f === "function" ? f : undefined);
  const policy = policyOf(raw.policy);
  if (typeof image !== "string") {
    return unchanged("", "invalidReference", "the image reference must be a string");
  }
  const original = image;
  const gr = groupResourceOf(raw.resource);
  const rules = policy.rules.filter((r) => covers(r, gr));
  // Execution rules are not modelled, so only resolution rules cover a resource.
  if (rules.length === 0) return unchanged(original, "resourceNotCovered");
  if (hasControllerOwner(raw.ownerReferences)) return unchanged(original, "controllerOwned");

  const annotations =
    typeof raw.annotations === "object" && raw.annotations !== null ? raw.annotations : undefined;
  const resolved = resolve(original, {
    namespace: typeof raw.namespace === "string" ? raw.namespace : "",
    forced: annotations?.[RESOLVE_NAMES_ANNOTATION] === "*",
    getImageStream: fn(raw.getImageStream),
    getImage: fn(raw.getImage),
    internalRegistryHostname:
      typeof raw.internalRegistryHostname === "string" ? raw.internalRegistryHostname : undefined,
    now: raw.now,
  });

  // upstream `accept`: a failed resolution rejects under a Required… policy, else keeps the string
  if (!resolved.ok) {
    if (failsOnResolutionFailure(policy.resolveImages)) {
      return {
        kind: "rejected",
        image: original,
        reason: resolved.reason,
        message: `this image is prohibited by policy: ${resolved.message}`,
      };
    }
    return unchanged(original, resolved.reason, resolved.message);
  }

  // upstream `resolutionConfig.RewriteImagePullSpec`
  const isUpdate = typeof raw.operation === "string" && raw.operation.toLowerCase() === "update";
  if (isUpdate && NO_REWRITE_ON_UPDATE.has(`${gr.group}/${gr.resource}`))
    return unchanged(original, "updateNotRewritten");
  // Upstream falls back to `resolveImages` only when no rule matches, which happens only for a
  // resource that execution rules alone cover: not modelled, so the covering rules decide.
  const rewrite = rules.some((r) => (r.localNames && resolved.localRewrite) || rewrites(r.policy));
  if (!rewrite) return unchanged(original, resolved.keptAs);
  const next = exactReference(resolved.name);
  if (next === original && resolved.imageStreamTag === "") return unchanged(original, resolved.keptAs);
  return {
    kind: "rewrite",
    image: next,
    original,
    imageStreamTag: resolved.imageStreamTag,
    fallback: resolved.fallback,
  };
}
