/**
 * Docker semantics of image references: distribution/reference `Parse`, `ParseNormalizedNamed`,
 * `ParseDockerRef`, `ParseAnyReference`, `ParseNamed`, `WithName`, `WithTag`, `WithDigest`,
 * `TrimNamed`, `TagNameOnly`, `FamiliarName`, `FamiliarString` (REFERENCE-GRAMMAR §1–§4).
 */
import { ImageReferenceError } from "../errors.js";
import { digestError, digestMessage, type ReferenceDialect } from "./digest.js";
import {
  MSG_DIGEST_INVALID,
  MSG_INVALID_FORMAT,
  MSG_NAME_EMPTY,
  MSG_NOT_CANONICAL,
  MSG_TAG_INVALID,
  MSG_TOO_LONG,
  MSG_UPPERCASE,
  msgHexIdentifier,
  msgRemoteUppercase,
  NAME_TOTAL_LENGTH_MAX,
} from "./messages.js";
import {
  goLowerForGrammar,
  isDigestGrammar,
  isIdentifier,
  isTag,
  matchAnchoredName,
  scan,
  scanReference,
} from "./scanner.js";

/**
 * A parsed image reference in Docker terms. Absent parts are empty strings.
 *
 * - `domain`: registry host and optional port (`docker.io`, `localhost:5000`, `[::1]:5000`);
 * - `path`: the repository path without the domain (`library/ubuntu`);
 * - `tag`, `digest` (`sha256:…`).
 *
 * A digest-only reference (from {@link parseAnyReference}) has empty `domain` and `path`.
 * Print it with {@link referenceToString} (canonical) or {@link familiarString}.
 *
 * @example
 * ```ts
 * const r: Reference = parseNormalizedNamed("ubuntu:22.04");
 * // { domain: "docker.io", path: "library/ubuntu", tag: "22.04", digest: "" }
 * ```
 * @public
 */
export interface Reference {
  readonly domain: string;
  readonly path: string;
  readonly tag: string;
  readonly digest: string;
}

/**
 * Options of {@link parseReference} and the other Docker-semantics parsers.
 *
 * - `dialect`: `"docker"` (default: current distribution/reference) or `"openshift"` (library-go's
 *   copy: no IPv6 hosts, 255 limit on the whole name, library-go digest rules).
 * - `lengthRule`: what the 255-character limit counts: `"path"` (default for `"docker"`) or the whole
 *   `"name"` (default for `"openshift"`).
 *
 * @example
 * ```ts
 * const opts: ParseReferenceOptions = { lengthRule: "name" };
 * parseReference("docker.io/" + "b".repeat(246) + ":tag", opts); // throws NameTooLong
 * ```
 * @public
 */
export interface ParseReferenceOptions {
  readonly lengthRule?: "path" | "name";
  readonly dialect?: ReferenceDialect;
}

const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const LOCALHOST = "localhost";

function fail(kind: ImageReferenceError["kind"], message: string, input: string, offset?: number): never {
  throw new ImageReferenceError(kind, message, input, offset);
}

function ensureString(s: unknown, kind: ImageReferenceError["kind"] = "ReferenceInvalidFormat"): string {
  if (typeof s === "string") return s;
  return fail(kind, MSG_INVALID_FORMAT, String(s));
}

/**
 * The grammar part of `Parse`: scans `s` and throws the section-2 errors in upstream order.
 * On success the boundaries are in `scan`. Internal (shared with the OpenShift parser).
 */
export function scanOrThrow(s: string, dialect: ReferenceDialect, nameRule: boolean): void {
  const ipv6 = dialect === "docker";
  const bad = scanReference(s, ipv6);
  if (bad !== -1) {
    if (s.length === 0) fail("NameEmpty", MSG_NAME_EMPTY, s);
    const lowered = goLowerForGrammar(s);
    if (lowered !== s && scanReference(lowered, ipv6) === -1)
      fail("NameContainsUppercase", MSG_UPPERCASE, s, bad);
    fail("ReferenceInvalidFormat", MSG_INVALID_FORMAT, s, bad);
  }
  const counted = nameRule ? scan.nameEnd : scan.nameEnd - scan.pathStart;
  if (counted > NAME_TOTAL_LENGTH_MAX) {
    fail("NameTooLong", MSG_TOO_LONG, s, (nameRule ? 0 : scan.pathStart) + NAME_TOTAL_LENGTH_MAX);
  }
  if (scan.digestStart >= 0) {
    const start = scan.digestStart;
    const kind = digestError(s.slice(start), dialect);
    if (kind !== undefined) fail(kind, digestMessage(kind), s, start);
  }
}

/**
 * Parses a reference exactly as distribution/reference `Parse` does: no normalization, the first
 * component is the domain whenever it fits the domain grammar and more components follow.
 *
 * Errors, in upstream order: `NameEmpty`; `NameContainsUppercase` (the input would match if
 * lowercased); `ReferenceInvalidFormat`; `NameTooLong` (more than 255 characters in the path, or
 * in the whole name with `lengthRule: "name"`); then the digest errors.
 *
 * @param s - the reference.
 * @param opts - dialect and length rule.
 * @throws ImageReferenceError
 * @example
 * ```ts
 * parseReference("test.com:5000"); // { domain: "", path: "test.com", tag: "5000", digest: "" }
 * parseReference("a/b:1"); // { domain: "a", path: "b", tag: "1", digest: "" }
 * ```
 * @public
 */
export function parseReference(s: string, opts?: ParseReferenceOptions): Reference {
  s = ensureString(s);
  const dialect = opts?.dialect ?? "docker";
  const rule = opts?.lengthRule;
  scanOrThrow(s, dialect, rule === undefined ? dialect === "openshift" : rule === "name");
  const p = scan.pathStart;
  const t = scan.tagStart;
  const d = scan.digestStart;
  const e = scan.nameEnd;
  return {
    domain: p === 0 ? "" : s.slice(0, p - 1),
    path: s.slice(p, e),
    tag: t < 0 ? "" : s.slice(t, scan.tagEnd),
    digest: d < 0 ? "" : s.slice(d),
  };
}

/**
 * Splits a familiar name into domain and remainder, Docker-style (`splitDockerDomain`).
 * Returns the prefix to put before `s.slice(k)` to get the string that is then parsed.
 */
function normalizedInput(s: string): { text: string; prefix: string; k: number; verbatimDomain: number } {
  const i = s.indexOf("/");
  if (i === -1)
    return { text: `docker.io/library/${s}`, prefix: "docker.io/library/", k: 0, verbatimDomain: 0 };
  const first = s.slice(0, i);
  const rest = s.slice(i + 1);
  let domain: string;
  let remote: string;
  let k = i + 1;
  if (first === LOCALHOST) {
    domain = first;
    remote = rest;
  } else if (first === LEGACY_DEFAULT_DOMAIN) {
    domain = DEFAULT_DOMAIN;
    remote = rest;
  } else if (first.includes(".") || first.includes(":") || first.toLowerCase() !== first) {
    domain = first;
    remote = rest;
  } else {
    domain = DEFAULT_DOMAIN;
    remote = s;
    k = 0;
  }
  let lib = "";
  if (domain === DEFAULT_DOMAIN && !remote.includes("/")) lib = OFFICIAL_REPO_PREFIX;
  const verbatim = domain === first ? i + 1 : 0;
  const prefix = `${domain}/${lib}`;
  return { text: prefix + s.slice(k), prefix, k, verbatimDomain: verbatim };
}

/**
 * Normalizes a familiar name (`ubuntu`, `quay.io/a/b:1`) to its canonical form, as
 * distribution/reference `ParseNormalizedNamed` does: adds `docker.io` and `library/` where Docker
 * would, keeps both tag and digest.
 *
 * Extra errors: a bare 64-hex string (`NameIsHexIdentifier`), a remote name with uppercase
 * (`RepositoryNameUppercase`, message `invalid reference format: repository name (…) must be lowercase`).
 *
 * @param s - what the user typed.
 * @param opts - dialect and length rule (defaults: Docker, path rule).
 * @throws ImageReferenceError
 * @example
 * ```ts
 * referenceToString(parseNormalizedNamed("ubuntu")); // "docker.io/library/ubuntu"
 * parseNormalizedNamed("localhost:5000/app").domain; // "localhost:5000"
 * ```
 * @public
 */
export function parseNormalizedNamed(s: string, opts?: ParseReferenceOptions): Reference {
  s = ensureString(s);
  if (isIdentifier(s)) fail("NameIsHexIdentifier", msgHexIdentifier(s), s);
  const norm = normalizedInput(s);
  const text = norm.text;
  // The remote name (everything after the domain, up to the first ":") must be lowercase.
  const remainder = text.slice(text.indexOf("/") + 1);
  const colon = remainder.indexOf(":");
  const remote = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) {
    const at = firstChangedByLowercase(s, norm.k);
    fail("RepositoryNameUppercase", msgRemoteUppercase(remote), s, at);
  }
  try {
    return parseReference(text, opts);
  } catch (e) {
    throw remapError(e, s, norm);
  }
}

function firstChangedByLowercase(s: string, from: number): number | undefined {
  for (let i = from; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch.toLowerCase() !== ch) return i;
  }
  return undefined;
}

/** Re-points an error raised on the normalized text at the user's input. */
function remapError(e: unknown, input: string, norm: { prefix: string; k: number; verbatimDomain: number }) {
  if (!(e instanceof ImageReferenceError)) return e;
  let offset: number | undefined;
  const o = e.offset;
  if (o !== undefined) {
    if (o >= norm.prefix.length) offset = o - norm.prefix.length + norm.k;
    else if (o < norm.verbatimDomain) offset = o;
  }
  return new ImageReferenceError(e.kind, e.message, input, offset);
}

/**
 * The canonical name (`domain/path`, or just `path` when there is no domain; empty for a
 * digest-only reference).
 *
 * @example
 * ```ts
 * referenceName(parseNormalizedNamed("ubuntu:22.04")); // "docker.io/library/ubuntu"
 * ```
 * @public
 */
export function referenceName(r: Reference): string {
  return r.domain === "" ? r.path : `${r.domain}/${r.path}`;
}

/**
 * The canonical string of a reference, as `String()` prints it: `name[:tag][@digest]`, or just
 * the digest for a digest-only reference. Parsing it again gives the same reference.
 *
 * @example
 * ```ts
 * referenceToString(parseNormalizedNamed("redis:7")); // "docker.io/library/redis:7"
 * ```
 * @public
 */
export function referenceToString(r: Reference): string {
  let s = referenceName(r);
  if (r.tag !== "") s += `:${r.tag}`;
  if (r.digest !== "") s = s === "" ? r.digest : `${s}@${r.digest}`;
  return s;
}

/**
 * The familiar name Docker shows: drops `docker.io/`, and `library/` when nothing else follows
 * (`docker.io/library/ubuntu` → `ubuntu`, `docker.io/library/foo/bar` → `library/foo/bar`).
 *
 * @example
 * ```ts
 * familiarName(parseNormalizedNamed("docker.io/dmcgowan/myapp")); // "dmcgowan/myapp"
 * ```
 * @public
 */
export function familiarName(r: Reference): string {
  if (r.domain !== DEFAULT_DOMAIN) return referenceName(r);
  let path = r.path;
  if (path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const rest = path.slice(OFFICIAL_REPO_PREFIX.length);
    if (!rest.includes("/")) path = rest;
  }
  return path;
}

/**
 * The familiar string: {@link familiarName} plus `:tag` and `@digest` (`FamiliarString`).
 *
 * @example
 * ```ts
 * familiarString(parseNormalizedNamed("redis@sha256:" + "a".repeat(64))); // "redis@sha256:aaa…"
 * ```
 * @public
 */
export function familiarString(r: Reference): string {
  if (r.path === "" && r.domain === "") return r.digest;
  let s = familiarName(r);
  if (r.tag !== "") s += `:${r.tag}`;
  if (r.digest !== "") s += `@${r.digest}`;
  return s;
}

/**
 * `ParseDockerRef`: normalizes, then keeps only the digest when both tag and digest are present,
 * and adds `:latest` when neither is (the only place Docker adds `latest`).
 *
 * @example
 * ```ts
 * referenceToString(parseDockerRef("busybox")); // "docker.io/library/busybox:latest"
 * ```
 * @public
 */
export function parseDockerRef(s: string, opts?: ParseReferenceOptions): Reference {
  const r = parseNormalizedNamed(s, opts);
  if (r.digest !== "") return r.tag === "" ? r : { ...r, tag: "" };
  return tagNameOnly(r);
}

/**
 * `ParseAnyReference`: a bare 64-hex image ID becomes the digest-only reference `sha256:<hex>`,
 * a valid digest (go-digest rules) becomes digest-only, anything else goes through
 * {@link parseNormalizedNamed}.
 *
 * @example
 * ```ts
 * parseAnyReference("a".repeat(64)).digest; // "sha256:aaa…"
 * parseAnyReference("redis").path; // "library/redis"
 * ```
 * @public
 */
export function parseAnyReference(s: string, opts?: ParseReferenceOptions): Reference {
  s = ensureString(s);
  if (isIdentifier(s)) return { domain: "", path: "", tag: "", digest: `sha256:${s}` };
  if (digestError(s, opts?.dialect ?? "docker") === undefined)
    return { domain: "", path: "", tag: "", digest: s };
  return parseNormalizedNamed(s, opts);
}

/**
 * `ParseNamed`: {@link parseNormalizedNamed}, then requires the input to already be canonical,
 * else `repository name must be canonical` (`NameNotCanonical`).
 *
 * @example
 * ```ts
 * parseNamed("docker.io/library/foo").path; // "library/foo"
 * parseNamed("foo"); // throws NameNotCanonical
 * ```
 * @public
 */
export function parseNamed(s: string, opts?: ParseReferenceOptions): Reference {
  const r = parseNormalizedNamed(s, opts);
  if (referenceToString(r) !== s) fail("NameNotCanonical", MSG_NOT_CANONICAL, s);
  return r;
}

/**
 * `WithName`: a name-only reference from `domain/path` (no tag, no digest, no normalization).
 * Errors: `ReferenceInvalidFormat` (including the empty string), `NameTooLong`.
 *
 * @example
 * ```ts
 * withName("test.com:8080/foo"); // { domain: "test.com:8080", path: "foo", tag: "", digest: "" }
 * ```
 * @public
 */
export function withName(name: string, opts?: ParseReferenceOptions): Reference {
  name = ensureString(name);
  const dialect = opts?.dialect ?? "docker";
  const m = matchAnchoredName(name, dialect === "docker");
  if (m === null) return fail("ReferenceInvalidFormat", MSG_INVALID_FORMAT, name);
  const nameRule = opts?.lengthRule === undefined ? dialect === "openshift" : opts.lengthRule === "name";
  const counted = nameRule ? name.length : m[1].length;
  if (counted > NAME_TOTAL_LENGTH_MAX) fail("NameTooLong", MSG_TOO_LONG, name);
  return { domain: m[0], path: m[1], tag: "", digest: "" };
}

/**
 * `WithTag`: the same reference with `tag` (which must match `[\w][\w.-]{0,127}`, else
 * `invalid tag format`). The digest is kept. Returns the same object when the tag is unchanged.
 *
 * @example
 * ```ts
 * referenceToString(withTag(withName("foo/bar"), "v1")); // "foo/bar:v1"
 * ```
 * @public
 */
export function withTag(r: Reference, tag: string): Reference {
  if (typeof tag !== "string" || !isTag(tag)) return fail("TagInvalidFormat", MSG_TAG_INVALID, String(tag));
  if (r.path === "") fail("ReferenceInvalidFormat", MSG_INVALID_FORMAT, r.digest);
  return r.tag === tag ? r : { ...r, tag };
}

/**
 * `WithDigest`: the same reference with `digest`, checked only against the loose reference grammar
 * (`algorithm:hex{32,}`), else `invalid digest format`. The tag is kept.
 *
 * @example
 * ```ts
 * withDigest(withName("foo"), "sha256:" + "f".repeat(64)).digest; // "sha256:fff…"
 * ```
 * @public
 */
export function withDigest(r: Reference, digest: string): Reference {
  if (typeof digest !== "string" || !isDigestGrammar(digest)) {
    return fail("DigestInvalidFormat", MSG_DIGEST_INVALID, String(digest));
  }
  if (r.path === "") fail("ReferenceInvalidFormat", MSG_INVALID_FORMAT, r.digest);
  return r.digest === digest ? r : { ...r, digest };
}

/**
 * `TrimNamed`: drops tag and digest. Returns the same object when there is nothing to drop.
 *
 * @example
 * ```ts
 * referenceToString(trimNamed(parseReference("a/b:1@sha256:" + "f".repeat(64)))); // "a/b"
 * ```
 * @public
 */
export function trimNamed(r: Reference): Reference {
  return r.tag === "" && r.digest === "" ? r : { domain: r.domain, path: r.path, tag: "", digest: "" };
}

/**
 * `TagNameOnly`: adds the `latest` tag when the reference has neither tag nor digest; otherwise
 * returns it unchanged (the same object).
 *
 * @example
 * ```ts
 * tagNameOnly(parseNormalizedNamed("busybox")).tag; // "latest"
 * ```
 * @public
 */
export function tagNameOnly(r: Reference): Reference {
  if (r.tag !== "" || r.digest !== "" || r.path === "") return r;
  return { ...r, tag: "latest" };
}
