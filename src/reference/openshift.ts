/**
 * OpenShift's `DockerImageReference` (library-go `pkg/image/reference`): parse into
 * registry / namespace / name / tag / id, and its printers and defaulting (docs/behaviour.md §3).
 */
import { ImageReferenceError } from "../errors.js";
import { isDigest } from "./digest.js";
import { scanOrThrow } from "./docker.js";
import { dockerImageReferenceArg, safeString } from "./guards.js";
import { MSG_INVALID_FORMAT } from "./messages.js";
import { scan } from "./scanner.js";

/**
 * An image pull spec split the OpenShift way. Absent parts are empty strings.
 *
 * @example
 * ```ts
 * const r: DockerImageReference = parseDockerImageReference("quay.io/openshift/cli:4.14");
 * // { registry: "quay.io", namespace: "openshift", name: "cli", tag: "4.14", id: "" }
 * ```
 * @public
 */
export interface DockerImageReference {
  readonly registry: string;
  readonly namespace: string;
  readonly name: string;
  readonly tag: string;
  readonly id: string;
}

const DEFAULT_REGISTRY = "docker.io";
const DEFAULT_V1_REGISTRY = "index.docker.io";
const DEFAULT_V2_REGISTRY = "registry-1.docker.io";
const DEFAULT_NAMESPACE = "library";
const DEFAULT_TAG = "latest";

/**
 * Parses a pull spec as library-go `reference.Parse` does (R3.1): library-go's grammar (no IPv6,
 * 255 limit on the whole name, digest hex in either case), no defaulting, then the
 * registry / namespace / name split with its quirks: a single component that contains `.` or
 * starts with `localhost` is a registry-only spec (`Registry` = the whole input, no tag);
 * `Name` may contain `/`; both `Tag` and `ID` are kept.
 *
 * @param s - the pull spec.
 * @throws ImageReferenceError with the upstream message (e.g. `invalid reference format`).
 * @example
 * ```ts
 * parseDockerImageReference("bar:5000/foo/baz:tag");
 * // { registry: "bar:5000", namespace: "foo", name: "baz", tag: "tag", id: "" }
 * parseDockerImageReference("localhost:5000").registry; // "localhost:5000"
 * ```
 * @public
 */
export function parseDockerImageReference(s: string): DockerImageReference {
  if (typeof s !== "string")
    throw new ImageReferenceError("ReferenceInvalidFormat", MSG_INVALID_FORMAT, safeString(s));
  // Scan and all checks in upstream order (a failing input is scanned once before it throws).
  scanOrThrow(s, "openshift", true);
  const e = scan.nameEnd;
  const d = scan.digestStart;
  const tag = scan.tagStart < 0 ? "" : s.slice(scan.tagStart, scan.tagEnd);
  const id = d < 0 ? "" : s.slice(d);
  // The first "/" of the name and the end of the first segment come from the scan (no domain is
  // bracketed in this dialect): after a domain the first "/" follows it; otherwise it ends the
  // first segment, if the name goes on past it.
  const p = scan.pathStart;
  const seg = scan.segEnd;
  const slash = p > 0 ? p - 1 : seg < e ? seg : -1;
  let registry = "";
  let rest = 0; // where Namespace/Name start
  if (slash === -1) {
    // The name is the first segment: [0, seg).
    if (hasDot(s, seg) || s.startsWith("localhost")) {
      // Registry-only: the whole reference string (name[:tag][@digest]) is the registry; no tag.
      return { registry: s, namespace: "", name: "", tag: "", id };
    }
  } else if (
    // A ":" before the first "/" can only be a port after the first segment; a "." only in it.
    seg < slash ||
    hasDot(s, seg) ||
    (slash === 9 && s.startsWith("localhost"))
  ) {
    registry = s.slice(0, slash);
    rest = slash + 1;
  }
  // The first "/" at or after `rest`: the first one of the name when nothing was split off.
  let j = rest === 0 ? slash : s.indexOf("/", rest);
  if (j >= e) j = -1;
  if (j === -1) return { registry, namespace: "", name: s.slice(rest, e), tag, id };
  return { registry, namespace: s.slice(rest, j), name: s.slice(j + 1, e), tag, id };
}

/** Whether `s[0, end)` contains a "." (a native search bounded to the range). */
function hasDot(s: string, end: number): boolean {
  return end > 0 && s.lastIndexOf(".", end - 1) !== -1;
}

/**
 * Whether the registry is a Docker Hub host (`docker.io`, `index.docker.io`, `registry-1.docker.io`).
 *
 * @example
 * ```ts
 * isRegistryDockerHub("index.docker.io"); // true
 * ```
 * @public
 */
export function isRegistryDockerHub(registry: string): boolean {
  return (
    registry === DEFAULT_REGISTRY || registry === DEFAULT_V1_REGISTRY || registry === DEFAULT_V2_REGISTRY
  );
}

function field(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/**
 * `NameString()` (R3.2.1): `Name` plus `@ID` when the ID is a valid digest, `:ID` when it is not
 * (legacy v1 image IDs), else `:Tag`; empty when `Name` is empty. The ID beats the tag.
 *
 * @example
 * ```ts
 * nameString({ registry: "", namespace: "", name: "foo", tag: "t", id: "sha256:" + "a".repeat(64) }); // "foo@sha256:aaa…"
 * ```
 * @public
 */
export function nameString(r: DockerImageReference): string {
  r = dockerImageReferenceArg(r);
  const name = field(r.name);
  if (name === "") return "";
  const id = field(r.id);
  if (id !== "") return isDigest(id) ? `${name}@${id}` : `${name}:${id}`;
  const tag = field(r.tag);
  return tag !== "" ? `${name}:${tag}` : name;
}

/**
 * `Exact()` (R3.2.2): `[Registry/][Namespace/]NameString()` with no defaults; empty when the name is.
 *
 * @example
 * ```ts
 * exactReference(parseDockerImageReference("docker.io/myapp")); // "docker.io/myapp"
 * ```
 * @public
 */
export function exactReference(r: DockerImageReference): string {
  r = dockerImageReferenceArg(r);
  const name = nameString(r);
  if (name === "") return "";
  const registry = field(r.registry);
  const namespace = field(r.namespace);
  let s = registry === "" ? "" : `${registry}/`;
  if (namespace !== "") s += `${namespace}/`;
  return s + name;
}

/**
 * `String()` (R3.2.3): like {@link exactReference} but with namespace `library` on Docker Hub
 * registries when the namespace is empty. Adds no registry and no tag.
 *
 * @example
 * ```ts
 * referenceString(parseDockerImageReference("index.docker.io/foo")); // "index.docker.io/library/foo"
 * referenceString(parseDockerImageReference("foo")); // "foo"
 * ```
 * @public
 */
export function referenceString(r: DockerImageReference): string {
  r = dockerImageReferenceArg(r);
  if (field(r.namespace) === "" && isRegistryDockerHub(field(r.registry))) {
    return exactReference({ ...r, namespace: DEFAULT_NAMESPACE });
  }
  return exactReference(r);
}

/**
 * `MostSpecific()` (R3.2.4): a digest ID clears the tag; a non-digest ID with no tag becomes the
 * tag; otherwise unchanged (the same object).
 *
 * @example
 * ```ts
 * exactReference(mostSpecific({ registry: "", namespace: "", name: "foo", tag: "", id: "notadigest" })); // "foo:notadigest"
 * ```
 * @public
 */
export function mostSpecific(r: DockerImageReference): DockerImageReference {
  r = dockerImageReferenceArg(r);
  const id = field(r.id);
  if (id === "") return r;
  if (isDigest(id)) return field(r.tag) === "" ? r : { ...r, tag: "" };
  if (field(r.tag) === "") return { ...r, tag: id, id: "" };
  return r;
}

/**
 * `DockerClientDefaults()` (R3.2.5): registry `docker.io` when empty, namespace `library` when empty
 * on Docker Hub, tag `latest` when empty (even when an ID is set). Same object when nothing changes.
 *
 * @example
 * ```ts
 * exactReference(dockerClientDefaults(parseDockerImageReference("foo"))); // "docker.io/library/foo:latest"
 * ```
 * @public
 */
export function dockerClientDefaults(r: DockerImageReference): DockerImageReference {
  r = dockerImageReferenceArg(r);
  const registry = field(r.registry) === "" ? DEFAULT_REGISTRY : field(r.registry);
  const namespace =
    field(r.namespace) === "" && isRegistryDockerHub(registry) ? DEFAULT_NAMESPACE : field(r.namespace);
  const tag = field(r.tag) === "" ? DEFAULT_TAG : field(r.tag);
  if (registry === r.registry && namespace === r.namespace && tag === r.tag) return r;
  return { ...r, registry, namespace, tag };
}

/**
 * `Minimal()`: clears the tag `latest`. Same object when the tag is not `latest`.
 *
 * @example
 * ```ts
 * exactReference(minimalReference(parseDockerImageReference("foo:latest"))); // "foo"
 * ```
 * @public
 */
export function minimalReference(r: DockerImageReference): DockerImageReference {
  r = dockerImageReferenceArg(r);
  return r.tag === DEFAULT_TAG ? { ...r, tag: "" } : r;
}

/**
 * `DaemonMinimal()`: `index.docker.io` / `registry-1.docker.io` become `docker.io`, namespace
 * `library` is dropped on Docker Hub, then {@link minimalReference}.
 *
 * @example
 * ```ts
 * exactReference(daemonMinimal(parseDockerImageReference("registry-1.docker.io/library/foo:bar"))); // "docker.io/foo:bar"
 * ```
 * @public
 */
export function daemonMinimal(r: DockerImageReference): DockerImageReference {
  r = dockerImageReferenceArg(r);
  let out = r;
  if (r.registry === DEFAULT_V1_REGISTRY || r.registry === DEFAULT_V2_REGISTRY) {
    out = { ...out, registry: DEFAULT_REGISTRY };
  }
  if (isRegistryDockerHub(field(out.registry)) && out.namespace === DEFAULT_NAMESPACE) {
    out = { ...out, namespace: "" };
  }
  return minimalReference(out);
}

/**
 * `AsV2()`: `docker.io` and `index.docker.io` become `registry-1.docker.io` (the v2 API host).
 *
 * @example
 * ```ts
 * asV2(parseDockerImageReference("docker.io/foo/bar")).registry; // "registry-1.docker.io"
 * ```
 * @public
 */
export function asV2(r: DockerImageReference): DockerImageReference {
  r = dockerImageReferenceArg(r);
  return r.registry === DEFAULT_V1_REGISTRY || r.registry === DEFAULT_REGISTRY
    ? { ...r, registry: DEFAULT_V2_REGISTRY }
    : r;
}

/**
 * `AsRepository()`: clears tag and ID. Same object when both are already empty.
 *
 * @example
 * ```ts
 * exactReference(asRepository(parseDockerImageReference("bar/foo:tag"))); // "bar/foo"
 * ```
 * @public
 */
export function asRepository(r: DockerImageReference): DockerImageReference {
  r = dockerImageReferenceArg(r);
  return field(r.tag) === "" && field(r.id) === "" ? r : { ...r, tag: "", id: "" };
}

/**
 * `RepositoryName()`: `[Namespace/]Name`, i.e. {@link exactReference} without registry, tag and ID.
 *
 * @example
 * ```ts
 * repositoryName(parseDockerImageReference("quay.io/a/b:1")); // "a/b"
 * ```
 * @public
 */
export function repositoryName(r: DockerImageReference): string {
  r = dockerImageReferenceArg(r);
  return exactReference({
    registry: "",
    namespace: field(r.namespace),
    name: field(r.name),
    tag: "",
    id: "",
  });
}

/**
 * `Equal()`: compares the {@link dockerClientDefaults} forms field by field, so `openshift` equals
 * `docker.io/library/openshift:latest` but not `:v1.0`, and not when the IDs differ.
 *
 * @example
 * ```ts
 * referencesEqual(parseDockerImageReference("openshift"), parseDockerImageReference("docker.io/library/openshift:latest")); // true
 * ```
 * @public
 */
export function referencesEqual(a: DockerImageReference, b: DockerImageReference): boolean {
  const x = dockerClientDefaults(a);
  const y = dockerClientDefaults(b);
  return (
    field(x.registry) === field(y.registry) &&
    field(x.namespace) === field(y.namespace) &&
    field(x.name) === field(y.name) &&
    field(x.tag) === field(y.tag) &&
    field(x.id) === field(y.id)
  );
}

/** Go's `net.SplitHostPort`; returns null where Go returns an error. */
function splitHostPort(hostport: string): { host: string; port: string } | null {
  const i = hostport.lastIndexOf(":");
  if (i < 0) return null;
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport.startsWith("[")) {
    const end = hostport.indexOf("]");
    if (end < 0) return null;
    if (end + 1 !== i) return null;
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(":")) return null;
  }
  if (hostport.slice(j).includes("[")) return null;
  if (hostport.slice(k).includes("]")) return null;
  return { host, port: hostport.slice(i + 1) };
}

/**
 * `RegistryHostPort(insecure)`: host and port of `AsV2().DockerClientDefaults().Registry`; the port
 * defaults to 443, or 80 when `insecure`. A registry Go's `net.SplitHostPort` rejects gives
 * empty host and port, as upstream does.
 *
 * @example
 * ```ts
 * registryHostPort(parseDockerImageReference("quay.io/a/b"), false); // { host: "quay.io", port: "443" }
 * registryHostPort(parseDockerImageReference("localhost:5000/a"), true); // { host: "localhost", port: "5000" }
 * ```
 * @public
 */
export function registryHostPort(r: DockerImageReference, insecure: boolean): { host: string; port: string } {
  const registry = field(dockerClientDefaults(asV2(r)).registry);
  if (registry.includes(":")) return splitHostPort(registry) ?? { host: "", port: "" };
  return { host: registry, port: insecure ? "80" : "443" };
}

/**
 * `RegistryURL()`: `https://` + the {@link asV2} registry, as Go's `url.URL.String()` prints it:
 * the host is escaped as Go's `escape(host, encodeHost)` does (openshift/library-go
 * `pkg/image/reference/reference.go`, `RegistryURL`; Go `net/url`, `shouldEscape`), so every byte
 * but letters, digits, `-._~` and `!$&'()*+,;=:[]<>"` is written `%XX`, e.g. the `@` of a
 * registry-only reference with a digest (`quay.io@sha256:…`) as `%40`.
 *
 * @example
 * ```ts
 * registryUrl(parseDockerImageReference("docker.io/foo/bar")); // "https://registry-1.docker.io"
 * registryUrl(parseDockerImageReference("quay.io@sha256:3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25"));
 * // "https://quay.io%40sha256:3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25"
 * ```
 * @public
 */
export function registryUrl(r: DockerImageReference): string {
  r = dockerImageReferenceArg(r);
  const host = field(asV2(r).registry);
  if (host === "") return "https:";
  let out = "https://";
  let from = 0;
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    const kept =
      (c >= 97 && c <= 122) || // a-z
      (c >= 65 && c <= 90) || // A-Z
      (c >= 48 && c <= 57) || // 0-9
      "-._~!$&'()*+,;=:[]<>\"".includes(host[i] as string);
    if (kept) continue;
    out += host.slice(from, i);
    // Go escapes the UTF-8 bytes of the character; a lone surrogate is U+FFFD, as Go's string has it
    const cp = host.codePointAt(i) as number;
    const wide = cp > 0xffff;
    const ch = cp >= 0xd800 && cp <= 0xdfff ? "\ufffd" : String.fromCodePoint(cp);
    for (const b of new TextEncoder().encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    if (wide) i++;
    from = i + 1;
  }
  return out + host.slice(from);
}
