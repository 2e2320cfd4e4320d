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
 * Options of {@link statusRepositories} and {@link withStatusRepositories}: the server options plus
 * the namespace defaulting switch and the status the write starts from.
 *
 * @example
 * ```ts
 * const opts: StatusRepositoriesOptions = { internalRegistryHostname: "172.30.56.218:5000", stored: old.status };
 * ```
 * @public
 */
export interface StatusRepositoriesOptions extends ServerOptions {
  /** `false` on the create path: an empty namespace is not read as `default`, and nothing is stored yet. */
  readonly namespaceDefaulting?: boolean;
  /**
   * The status the values are kept from when a hostname option is left out: the stored stream's
   * status. Default `stream.status`, or nothing on the create path (`namespaceDefaulting: false`);
   * `null` means nothing is stored.
   */
  readonly stored?:
    | { readonly dockerImageRepository?: unknown; readonly publicDockerImageRepository?: unknown }
    | null
    | undefined;
}

/** The stored value of `key`, or undefined when the status has none (or not a string). */
function storedValue(
  stream: ImageStream,
  opts: StatusRepositoriesOptions,
  key: "dockerImageRepository" | "publicDockerImageRepository",
): string | undefined {
  let status: unknown;
  if (opts.stored !== undefined) status = opts.stored;
  else if (opts.namespaceDefaulting !== false) status = isObj(stream) ? stream.status : undefined;
  const value = isObj(status) ? status[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

/**
 * Computes `status.dockerImageRepository` and `status.publicDockerImageRepository` (R5.1, R5.2), as
 * the API server does on every write and read (openshift/openshift-apiserver
 * `pkg/image/apiserver/registry/imagestream/strategy.go`, `dockerImageRepository` and
 * `publicDockerImageRepository`).
 *
 * A hostname option left out means "the server's configuration is not known here": the stored value
 * is kept (see {@link StatusRepositoriesOptions.stored}), so `tag(stream, request, { now })` does not
 * blank what the server wrote. A hostname given as `""` is a server without that registry:
 * the internal repository becomes `spec.dockerImageRepository` (possibly empty) and the public one
 * empty. A hostname given gives `<host>/<namespace>/<name>`; on update and read paths an empty
 * namespace counts as `default` (`namespaceDefaulting`, default true) for the internal one; the
 * create path turns it off. With nothing stored and no hostname, the values are those of a server
 * without registries.
 *
 * @param stream - the stream as it will be stored
 * @param opts - the registry hostnames, `namespaceDefaulting` and `stored`
 * @returns the two repositories (empty strings when unset)
 * @example
 * ```ts
 * statusRepositories(
 *   { metadata: { name: "origin-ruby-sample", namespace: "test" } },
 *   { internalRegistryHostname: "172.30.56.218:5000" },
 * ).dockerImageRepository; // "172.30.56.218:5000/test/origin-ruby-sample"
 * statusRepositories({ metadata: { name: "a" }, status: { dockerImageRepository: "r/ns/a" } }, {}).dockerImageRepository; // "r/ns/a"
 * ```
 * @public
 */
export function statusRepositories(
  stream: ImageStream,
  opts: StatusRepositoriesOptions = {},
): StatusRepositories {
  opts = sanitizeOptions(opts);
  const name = streamName(stream);
  const namespace = streamNamespace(stream);
  const internal = opts.internalRegistryHostname;
  let dockerImageRepository: string;
  const storedInternal =
    internal === undefined ? storedValue(stream, opts, "dockerImageRepository") : undefined;
  if (storedInternal !== undefined) {
    dockerImageRepository = storedInternal;
  } else if (internal === undefined || internal === "") {
    const spec = stream?.spec as Obj | undefined;
    dockerImageRepository = typeof spec?.dockerImageRepository === "string" ? spec.dockerImageRepository : "";
  } else {
    const ns = namespace === "" && opts.namespaceDefaulting !== false ? "default" : namespace;
    dockerImageRepository = repositoryString(internal, ns, name);
  }
  const external = opts.externalRegistryHostname;
  let publicDockerImageRepository: string;
  if (external === undefined) {
    publicDockerImageRepository = storedValue(stream, opts, "publicDockerImageRepository") ?? "";
  } else {
    publicDockerImageRepository = external === "" ? "" : repositoryString(external, namespace, name);
  }
  return { dockerImageRepository, publicDockerImageRepository };
}

/**
 * Returns the stream with its status repositories recomputed (R5) by {@link statusRepositories};
 * the same stream when they already hold the computed values. `publicDockerImageRepository` is
 * removed when empty. A hostname option left out keeps the stream's own value.
 *
 * @param stream - the stream (its `status` is the stored one unless `opts.stored` says otherwise)
 * @param opts - the registry hostnames, `namespaceDefaulting` and `stored`
 * @returns the stream with `status.dockerImageRepository` / `publicDockerImageRepository` set; `stream` itself when unchanged
 * @throws {@link BadRequestError} when `stream` is not an object
 * @example
 * ```ts
 * const next = withStatusRepositories(is, { internalRegistryHostname: "image-registry.openshift-image-registry.svc:5000" });
 * next.status?.dockerImageRepository; // "image-registry.openshift-image-registry.svc:5000/<ns>/<name>"
 * ```
 * @public
 */
export function withStatusRepositories(
  stream: ImageStream,
  opts: StatusRepositoriesOptions = {},
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
