import { ImageReferenceError, type ImageReferenceErrorKind } from "../errors.js";
import { referenceOptions, safeString } from "./guards.js";

/**
 * Which implementation's rules to follow.
 *
 * - `"docker"`: current distribution/reference with go-digest v1.0.0 (IPv6 hosts, 255 limit on
 *   the path, lowercase digest hex only, uppercase algorithm is `invalid checksum digest format`).
 * - `"openshift"`: library-go's vendored copy (no IPv6, 255 limit on the whole name, digest hex in
 *   either case, any algorithm other than sha256/sha384/sha512 is `unsupported digest algorithm`).
 *
 * @example
 * ```ts
 * const d: ReferenceDialect = "openshift";
 * parseDigest("sha256:" + "A".repeat(64), { dialect: d }); // accepted: library-go allows uppercase hex
 * ```
 * @public
 */
export type ReferenceDialect = "docker" | "openshift";

/**
 * A validated digest split into its algorithm and hex parts.
 *
 * @example
 * ```ts
 * const d: Digest = parseDigest("sha256:" + "a".repeat(64));
 * d.algorithm; // "sha256"
 * ```
 * @public
 */
export interface Digest {
  /** `sha256`, `sha384` or `sha512`. */
  readonly algorithm: string;
  /** The hex part (everything after the first `:`). */
  readonly hex: string;
}

/** Upstream messages of the digest errors (go-digest and library-go agree). */
export const DIGEST_INVALID_FORMAT = "invalid checksum digest format";
export const DIGEST_INVALID_LENGTH = "invalid checksum digest length";
export const DIGEST_UNSUPPORTED = "unsupported digest algorithm";

/** Hex length of each supported algorithm. */
function hexLength(algorithm: string): number {
  switch (algorithm) {
    case "sha256":
      return 64;
    case "sha384":
      return 96;
    case "sha512":
      return 128;
    default:
      return 0;
  }
}

function isLowerHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}
/** Whether the code unit is an ASCII hex digit, either case. Internal (also used by validation). */
export function isAnyHex(c: number): boolean {
  return isLowerHex(c) || (c >= 65 && c <= 70);
}
function isLowerAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

/** go-digest's `DigestRegexpAnchored`: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`. */
function goDigestPattern(s: string): boolean {
  const n = s.length;
  let i = 0;
  for (;;) {
    const start = i;
    while (i < n && isLowerAlnum(s.charCodeAt(i))) i++;
    if (i === start) return false;
    const c = s.charCodeAt(i);
    if (c === 46 || c === 43 || c === 95 || c === 45) {
      i++;
      continue;
    }
    break;
  }
  if (s.charCodeAt(i) !== 58) return false;
  i++;
  if (i === n) return false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 61 ||
      c === 95 ||
      c === 45;
    if (!ok) return false;
  }
  return true;
}

/** library-go's `DigestRegexpAnchored`: `[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+`. */
function libraryGoDigestPattern(s: string): boolean {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 45 ||
      c === 95 ||
      c === 43 ||
      c === 46;
    if (!ok) break;
    i++;
  }
  if (i === 0 || s.charCodeAt(i) !== 58) return false;
  i++;
  if (i === n) return false;
  for (; i < n; i++) if (!isAnyHex(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Validates a digest string; returns the error kind, or undefined when valid. Linear.
 * Internal: shared by {@link parseDigest}, {@link isDigest} and the reference parsers.
 */
export function digestError(s: string, dialect: ReferenceDialect): ImageReferenceErrorKind | undefined {
  const i = s.indexOf(":");
  if (dialect === "docker") {
    // go-digest v1.0.0 Digest.Validate
    if (i <= 0 || i + 1 === s.length) return "DigestInvalidFormat";
    const alg = s.slice(0, i);
    const size = hexLength(alg);
    if (size === 0) return goDigestPattern(s) ? "DigestUnsupported" : "DigestInvalidFormat";
    if (s.length - i - 1 !== size) return "DigestInvalidLength";
    for (let j = i + 1; j < s.length; j++) if (!isLowerHex(s.charCodeAt(j))) return "DigestInvalidFormat";
    return undefined;
  }
  // library-go internal/digest Digest.Validate
  if (!libraryGoDigestPattern(s)) return "DigestInvalidFormat";
  const size = hexLength(s.slice(0, i));
  if (size === 0) return "DigestUnsupported";
  if (s.length - i - 1 !== size) return "DigestInvalidLength";
  return undefined;
}

/**
 * Validates the digest the scanner just matched in `s` (from `start`, algorithm ending at
 * `algEnd`), without allocating. The grammar guarantees the loose digest shape, so only the
 * algorithm, the length and (Docker) the case remain to check. Internal.
 */
export function scannedDigestError(
  s: string,
  start: number,
  algEnd: number,
  algUpper: boolean,
  hexUpper: boolean,
  dialect: ReferenceDialect,
): ImageReferenceErrorKind | undefined {
  // sha256 / sha384 / sha512, read as character codes (no substring, no call).
  let size = 0;
  if (
    algEnd - start === 6 &&
    s.charCodeAt(start) === 115 /* s */ &&
    s.charCodeAt(start + 1) === 104 /* h */ &&
    s.charCodeAt(start + 2) === 97 /* a */
  ) {
    const a = s.charCodeAt(start + 3);
    const b = s.charCodeAt(start + 4);
    const c = s.charCodeAt(start + 5);
    if (a === 50 && b === 53 && c === 54)
      size = 64; // "256"
    else if (a === 51 && b === 56 && c === 52)
      size = 96; // "384"
    else if (a === 53 && b === 49 && c === 50) size = 128; // "512"
  }
  if (size === 0) return dialect === "docker" && algUpper ? "DigestInvalidFormat" : "DigestUnsupported";
  if (s.length - algEnd - 1 !== size) return "DigestInvalidLength";
  if (dialect === "docker" && hexUpper) return "DigestInvalidFormat";
  return undefined;
}

/** The upstream message for a digest error kind. */
export function digestMessage(kind: ImageReferenceErrorKind): string {
  if (kind === "DigestInvalidLength") return DIGEST_INVALID_LENGTH;
  if (kind === "DigestUnsupported") return DIGEST_UNSUPPORTED;
  return DIGEST_INVALID_FORMAT;
}

/**
 * Parses and validates a digest (`algorithm:hex`).
 *
 * Only `sha256` (64 hex), `sha384` (96) and `sha512` (128) are supported. With the default
 * `"openshift"` dialect (library-go `internal/digest`) hex may be either case and any other
 * algorithm is `unsupported digest algorithm`; with `"docker"` (go-digest v1.0.0) hex must be
 * lowercase and an algorithm outside go-digest's pattern (e.g. `SHA256`) is
 * `invalid checksum digest format`.
 *
 * @param s - the digest string.
 * @param opts - `dialect` (default `"openshift"`).
 * @throws ImageReferenceError with kind `DigestInvalidFormat`, `DigestInvalidLength` or `DigestUnsupported`.
 * @example
 * ```ts
 * parseDigest("sha256:" + "a".repeat(64)); // { algorithm: "sha256", hex: "aaa…" }
 * parseDigest("md5:abc"); // throws ImageReferenceError (DigestUnsupported)
 * ```
 * @public
 */
export function parseDigest(s: string, opts: { dialect?: ReferenceDialect } = {}): Digest {
  if (typeof s !== "string") {
    throw new ImageReferenceError("DigestInvalidFormat", DIGEST_INVALID_FORMAT, safeString(s));
  }
  const kind = digestError(s, referenceOptions(opts).dialect ?? "openshift");
  if (kind !== undefined) throw new ImageReferenceError(kind, digestMessage(kind), s);
  const i = s.indexOf(":");
  return { algorithm: s.slice(0, i), hex: s.slice(i + 1) };
}

/**
 * Whether `s` is a valid digest in library-go's rules (R3.3.1): `sha256`/`sha384`/`sha512` with
 * exactly 64/96/128 hex characters of either case.
 *
 * @example
 * ```ts
 * isDigest("sha256:" + "a".repeat(64)); // true
 * isDigest("sha256:abc"); // false
 * ```
 * @public
 */
export function isDigest(s: string): boolean {
  return typeof s === "string" && digestError(s, "openshift") === undefined;
}
