import { BadRequestError } from "../errors.js";
import type { ImageStream } from "../model/index.js";
import { isObj, type Obj, streamName, streamNamespace } from "./internal.js";
import { type ServerOptions, sanitizeOptions } from "./options.js";

/**
 * The computed repositories of a stream's status (R5).
 *
 * @example
 * ```ts
 * const repos: StatusRepositories = { dockerImageRepository: "172.30.56.218:5000/test/origin-ruby-sample", publicDockerImageRepository: "" };
 * ```
 * @public
 */
export interface StatusRepositories {
  /** `status.dockerImageRepository` (R5.1); always serialized, possibly empty. */
  readonly dockerImageRepository: string;
  /** `status.publicDockerImageRepository` (R5.2); empty (and omitted on the wire) when unset. */
  readonly publicDockerImageRepository: string;
}

const DOCKER_HUB = new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);

/** `DockerImageReference{Registry, Namespace, Name}.String()` (R3.2.3). */
function repositoryString(registry: string, namespace: string, name: string): string {
  if (name === "") return "";
  const ns = namespace === "" && DOCKER_HUB.has(registry) ? "library" : namespace;
  let out = name;
  if (ns !== "") out = `${ns}/${out}`;
  if (registry !== "") out = `${registry}/${out}`;
  return out;
}

/**
 * Computes `status.dockerImageRepository` and `status.publicDockerImageRepository` (R5.1, R5.2).
 *
 * With `opts.internalRegistryHostname` the internal repository is `<host>/<namespace>/<name>`;
 * without it, it is `spec.dockerImageRepository` (possibly empty). The public repository is
 * `<externalRegistryHostname>/<namespace>/<name>` or empty. On update and read paths an empty
 * namespace counts as `default` (`namespaceDefaulting`, default true); the create path turns it off.
 *
 * @example
 * ```ts
 * statusRepositories(
 *   { metadata: { name: "origin-ruby-sample", namespace: "test" } },
 *   { internalRegistryHostname: "172.30.56.218:5000" },
 * ).dockerImageRepository; // "172.30.56.218:5000/test/origin-ruby-sample"
 * ```
 * @public
 */
export function statusRepositories(
  stream: ImageStream,
  opts: ServerOptions & { readonly namespaceDefaulting?: boolean } = {},
): StatusRepositories {
  opts = sanitizeOptions(opts);
  const name = streamName(stream);
  const namespace = streamNamespace(stream);
  const internal = opts.internalRegistryHostname ?? "";
  let dockerImageRepository: string;
  if (internal === "") {
    const spec = stream?.spec as Obj | undefined;
    dockerImageRepository = typeof spec?.dockerImageRepository === "string" ? spec.dockerImageRepository : "";
  } else {
    const ns = namespace === "" && opts.namespaceDefaulting !== false ? "default" : namespace;
    dockerImageRepository = repositoryString(internal, ns, name);
  }
  const external = opts.externalRegistryHostname ?? "";
  const publicDockerImageRepository = external === "" ? "" : repositoryString(external, namespace, name);
  return { dockerImageRepository, publicDockerImageRepository };
}

/**
 * Returns the stream with its status repositories recomputed (R5); the same stream when they
 * already hold the computed values. `publicDockerImageRepository` is removed when empty.
 *
 * @example
 * ```ts
 * const next = withStatusRepositories(is, { internalRegistryHostname: "image-registry.openshift-image-registry.svc:5000" });
 * next.status?.dockerImageRepository; // "image-registry.openshift-image-registry.svc:5000/<ns>/<name>"
 * ```
 * @public
 */
export function withStatusRepositories(
  stream: ImageStream,
  opts: ServerOptions & { readonly namespaceDefaulting?: boolean } = {},
): ImageStream {
  opts = sanitizeOptions(opts);
  if (!isObj(stream)) throw new BadRequestError("an ImageStream object is required");
  const repos = statusRepositories(stream, opts);
  const status: Obj = isObj(stream.status) ? stream.status : {};
  const hasPublic = "publicDockerImageRepository" in status;
  if (
    status.dockerImageRepository === repos.dockerImageRepository &&
    (repos.publicDockerImageRepository === ""
      ? !hasPublic
      : status.publicDockerImageRepository === repos.publicDockerImageRepository)
  ) {
    return stream;
  }
  const next: Obj = { ...status, dockerImageRepository: repos.dockerImageRepository };
  if (repos.publicDockerImageRepository === "") delete next.publicDockerImageRepository;
  else next.publicDockerImageRepository = repos.publicDockerImageRepository;
  return { ...stream, status: next } as ImageStream;
}
