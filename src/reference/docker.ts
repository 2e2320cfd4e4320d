/**
 * Docker semantics of image references: distribution/reference `Parse`, `ParseNormalizedNamed`,
 * `ParseDockerRef`, `ParseAnyReference`, `ParseNamed`, `WithName`, `WithTag`, `WithDigest`,
 * `TrimNamed`, `TagNameOnly`, `FamiliarName`, `FamiliarString` (docs/behaviour.md G1–G4).
 */
import { ImageReferenceError } from "../errors.js";
import { digestError, digestMessage, type ReferenceDialect, scannedDigestError } from "./digest.js";
import { referenceArg, referenceOptions, safeString } from "./guards.js";
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

/** Characters Go's `strings.ToLower` maps to ASCII letters (a single class: linear). */
const FOLDS = /[A-Z\u0130\u212A]/;

const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const LOCALHOST = "localhost";

function fail(kind: ImageReferenceError["kind"], message: string, input: string, offset?: number): never {
  throw new ImageReferenceError(kind, message, input, offset);
}

function ensureString(s: unknown, kind: ImageReferenceError["kind"] = "ReferenceInvalidFormat"): string {
  if (typeof s === "string") return s;
  return fail(kind, MSG_INVALID_FORMAT, safeString(s));
}

/**
 * The grammar part of `Parse`: scans `s` and throws the section-2 errors in upstream order.
 * On success the boundaries are in `scan`. Internal (shared with the OpenShift parser).
 *
 * With `forcedPathStart >= 0` the text parsed upstream is `<hidden prefix> + s.slice(forcedPathStart)`
 * where the hidden prefix (`docker.io/` or `docker.io/library/`, `prefixLength` characters of which
 * `pathPrefixLength` belong to the path) is a valid domain and path start; scanning `s` from
 * `forcedPathStart` without domain detection gives the same answer without building that text.
 */
export function scanOrThrow(
  s: string,
  dialect: ReferenceDialect,
  nameRule: boolean,
  forcedPathStart = -1,
  prefixLength = 0,
  pathPrefixLength = 0,
): void {
  const bad = scanReference(s, dialect === "docker", forcedPathStart);
  if (bad !== -1) throwGrammarError(s, dialect, forcedPathStart, bad, false);
  afterScanChecks(s, dialect, nameRule, forcedPathStart, prefixLength, pathPrefixLength);
}

/** The checks `Parse` makes after the grammar matched (boundaries in `scan`): length, then digest. */
function afterScanChecks(
  s: string,
  dialect: ReferenceDialect,
  nameRule: boolean,
  forcedPathStart: number,
  prefixLength: number,
  pathPrefixLength: number,
): void {
  const pathStart = scan.pathStart;
  const counted = nameRule
    ? scan.nameEnd - (forcedPathStart < 0 ? 0 : forcedPathStart) + prefixLength
    : scan.nameEnd - pathStart + pathPrefixLength;
  if (counted > NAME_TOTAL_LENGTH_MAX) {
    const base = nameRule
      ? forcedPathStart < 0
        ? 0
        : forcedPathStart - prefixLength
      : pathStart - pathPrefixLength;
    fail("NameTooLong", MSG_TOO_LONG, s, base + NAME_TOTAL_LENGTH_MAX);
  }
  if (scan.digestStart >= 0) {
    const start = scan.digestStart;
    const kind = scannedDigestError(s, start, scan.algEnd, scan.algUpper, scan.hexUpper, dialect);
    if (kind !== undefined) fail(kind, digestMessage(kind), s, start);
  }
}

/** The grammar failed at `bad`: throws NameEmpty, NameContainsUppercase or ReferenceInvalidFormat. */
function throwGrammarError(
  s: string,
  dialect: ReferenceDialect,
  forcedPathStart: number,
  bad: number,
  knownNoFolds: boolean,
): never {
  if (s.length === 0 && forcedPathStart < 0) fail("NameEmpty", MSG_NAME_EMPTY, s);
  if (
    !knownNoFolds &&
    FOLDS.test(s) &&
    scanReference(goLowerForGrammar(s), dialect === "docker", forcedPathStart) === -1
  ) {
    fail("NameContainsUppercase", MSG_UPPERCASE, s, bad);
  }
  return fail("ReferenceInvalidFormat", MSG_INVALID_FORMAT, s, bad);
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
  if (typeof s !== "string") s = ensureString(s);
  if (opts !== undefined) opts = referenceOptions(opts);
  let dialect: ReferenceDialect = "docker";
  let nameRule = false;
  if (opts !== undefined) {
    dialect = opts.dialect ?? "docker";
    nameRule = opts.lengthRule === undefined ? dialect === "openshift" : opts.lengthRule === "name";
  }
  // Fast path inline; every error goes through scanOrThrow for the upstream order.
  const bad = scanReference(s, dialect === "docker");
  if (bad !== -1) throwGrammarError(s, dialect, -1, bad, false);
  const p = scan.pathStart;
  const e = scan.nameEnd;
  const d = scan.digestStart;
  if ((nameRule ? e : e - p) > NAME_TOTAL_LENGTH_MAX || (d >= 0 && scanHasDigestError(s, dialect))) {
    scanOrThrow(s, dialect, nameRule);
  }
  const t = scan.tagStart;
  return {
    domain: p === 0 ? "" : s.slice(0, p - 1),
    path: s.slice(p, e),
    tag: t < 0 ? "" : s.slice(t, scan.tagEnd),
    digest: d < 0 ? "" : s.slice(d),
  };
}

function scanHasDigestError(s: string, dialect: ReferenceDialect): boolean {
  return (
    scannedDigestError(s, scan.digestStart, scan.algEnd, scan.algUpper, scan.hexUpper, dialect) !== undefined
  );
}

/** ASCII uppercase or any non-ASCII code unit (a single class: linear, native). */
const UPPER_OR_NON_ASCII = /[A-Z\u0080-\uffff]/g;

/**
 * Index of the first character of `s[from, to)` that Go's `strings.ToLower` would change, or -1.
 * Linear: a native single-class search, with a per-character check only for non-ASCII.
 */
function changedByLower(s: string, from: number, to: number): number {
  // Search a slice so that the native search stops at `to` (a long slice shares the buffer).
  const sub = from === 0 && to === s.length ? s : s.slice(from, to);
  const re = UPPER_OR_NON_ASCII;
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(sub);
    if (m === null) return -1;
    const i = m.index;
    const c = sub.charCodeAt(i);
    if (c <= 90) return from + i;
    const cp = sub.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (ch.toLowerCase() !== ch) return from + i;
    re.lastIndex = i + ch.length;
  }
}

/** Throws `RepositoryNameUppercase` when `s[from, remoteEnd)` has a character Go would lowercase. */
function checkRemote(
  s: string,
  from: number,
  remoteStart: number,
  remoteEnd: number,
  library: boolean,
): void {
  const upper = changedByLower(s, from, remoteEnd);
  if (upper !== -1) {
    const remote = (library ? OFFICIAL_REPO_PREFIX : "") + s.slice(remoteStart, remoteEnd);
    fail("RepositoryNameUppercase", msgRemoteUppercase(remote), s, upper);
  }
}

function hasDotOrColon(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 58) return true;
  }
  return false;
}

/**
 * Normalizes a familiar name (`ubuntu`, `quay.io/a/b:1`) to its canonical form, as
 * distribution/reference `ParseNormalizedNamed` does: adds `docker.io` and `library/` where Docker
 * would, keeps both tag and digest.
 *
 * Extra errors: a bare 64-hex string (`NameIsHexIdentifier`), a remote name with uppercase
 * (`RepositoryNameUppercase`, message `invalid reference format: repository name (…) must be lowercase`).
 * Error offsets point into the input as typed.
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
  if (opts !== undefined) opts = referenceOptions(opts);
  if (s.length === 64 && isIdentifier(s)) fail("NameIsHexIdentifier", msgHexIdentifier(s), s);
  // splitDockerDomain: decide the domain, where the remote name starts, and whether upstream
  // would parse the input verbatim (domain taken from it) or behind a docker.io[/library] prefix.
  const i = s.indexOf("/");
  let verbatim = false;
  let remoteStart = 0;
  let library = false;
  if (i === -1) {
    library = true;
  } else if (i === 15 && s.startsWith(LEGACY_DEFAULT_DOMAIN)) {
    remoteStart = i + 1;
    library = s.indexOf("/", remoteStart) === -1;
  } else if (
    (i === 9 && s.startsWith(LOCALHOST)) ||
    hasDotOrColon(s, 0, i) ||
    changedByLower(s, 0, i) !== -1
  ) {
    remoteStart = i + 1;
    if (i === 9 && s.startsWith(DEFAULT_DOMAIN) && s.indexOf("/", remoteStart) === -1) library = true;
    else verbatim = true;
  }
  // The remote name (up to its first ":") must be lowercase; that error comes before any parse
  // error. A successful parse leaves only `[nameEnd, remoteEnd)` (a digest algorithm) unchecked.
  const colon = s.indexOf(":", remoteStart);
  const remoteEnd = colon === -1 ? s.length : colon;
  let dialect: ReferenceDialect = "docker";
  let nameRule = false;
  if (opts !== undefined) {
    dialect = opts.dialect ?? "docker";
    nameRule = opts.lengthRule === undefined ? dialect === "openshift" : opts.lengthRule === "name";
  }
  const forced = verbatim ? -1 : remoteStart;
  const bad = scanReference(s, dialect === "docker", forced);
  if (bad !== -1) {
    // Upstream checks the remote name before parsing. One native search answers both "is there
    // anything to lowercase in the remote?" and "would lowercasing the input change anything?".
    UPPER_OR_NON_ASCII.lastIndex = 0;
    const suspicious = UPPER_OR_NON_ASCII.test(s);
    if (suspicious) checkRemote(s, remoteStart, remoteStart, remoteEnd, library);
    throwGrammarError(s, dialect, forced, bad, !suspicious);
  }
  // The grammar matched, so the path is lowercase: only `[nameEnd, remoteEnd)` (an `@algorithm`
  // when there is no tag) can still hold an uppercase letter; it is reported before length and
  // digest errors, as upstream checks it before parsing.
  if (scan.nameEnd < remoteEnd) checkRemote(s, scan.nameEnd, remoteStart, remoteEnd, library);
  const libLength = library ? OFFICIAL_REPO_PREFIX.length : 0;
  if (verbatim) afterScanChecks(s, dialect, nameRule, -1, 0, 0);
  else afterScanChecks(s, dialect, nameRule, remoteStart, DEFAULT_DOMAIN.length + 1 + libLength, libLength);
  const p = scan.pathStart;
  const e = scan.nameEnd;
  const t = scan.tagStart;
  const d = scan.digestStart;
  const tag = t < 0 ? "" : s.slice(t, scan.tagEnd);
  const digest = d < 0 ? "" : s.slice(d);
  if (verbatim) return { domain: p === 0 ? "" : s.slice(0, p - 1), path: s.slice(p, e), tag, digest };
  const path = s.slice(remoteStart, e);
  return { domain: DEFAULT_DOMAIN, path: library ? OFFICIAL_REPO_PREFIX + path : path, tag, digest };
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
  r = referenceArg(r);
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
  r = referenceArg(r);
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
  r = referenceArg(r);
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
  r = referenceArg(r);
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
  if (opts !== undefined) opts = referenceOptions(opts);
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
  if (opts !== undefined) opts = referenceOptions(opts);
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
  r = referenceArg(r);
  if (typeof tag !== "string" || !isTag(tag))
    return fail("TagInvalidFormat", MSG_TAG_INVALID, safeString(tag));
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
  r = referenceArg(r);
  if (typeof digest !== "string" || !isDigestGrammar(digest)) {
    return fail("DigestInvalidFormat", MSG_DIGEST_INVALID, safeString(digest));
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
  r = referenceArg(r);
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
  r = referenceArg(r);
  if (r.tag !== "" || r.digest !== "" || r.path === "") return r;
  return { ...r, tag: "latest" };
}
