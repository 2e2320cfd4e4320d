/**
 * `PrioritizeTags` (docs/behaviour.md R2.9, LG/imageutil): the tag order `oc describe` uses.
 *
 * Versions are parsed with the rules of `github.com/blang/semver` v3 (strict SemVer 2.0: no
 * leading zeros, numeric parts fit in an unsigned 64-bit integer, pre-release identifiers
 * alphanumeric or hyphen, build metadata ignored for precedence).
 */

/** Priority classes, lowest sorts first. */
const Priority = { Latest: 0, Minor: 1, Full: 2, Other: 3 } as const;
type Priority = (typeof Priority)[keyof typeof Priority];

/** A parsed semantic version (build metadata is dropped: it never affects precedence). */
interface SemVer {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  /** Pre-release identifiers: numbers (bigint) or strings. */
  readonly pre: readonly (bigint | string)[];
}

interface Prioritized {
  readonly tag: string;
  readonly priority: Priority;
  readonly version: SemVer | undefined;
  readonly prefix: string;
}

const UINT64_MAX = 18446744073709551615n;

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isAlphanumOrHyphen(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
    if (!ok) return false;
  }
  return true;
}

/** An unsigned decimal number as blang/semver accepts it (no leading zero, fits uint64). */
function parseNumber(s: string): bigint | undefined {
  if (!isDigits(s)) return undefined;
  if (s.length > 1 && s.charCodeAt(0) === 48) return undefined;
  if (s.length > 20) return undefined;
  const n = BigInt(s);
  return n > UINT64_MAX ? undefined : n;
}

/**
 * Parses a version the way blang/semver v3 `Parse` does; `undefined` when it is not one.
 * @internal
 */
export function parseSemVer(s: string): SemVer | undefined {
  if (s.length === 0) return undefined;
  const dot1 = s.indexOf(".");
  if (dot1 < 0) return undefined;
  const dot2 = s.indexOf(".", dot1 + 1);
  if (dot2 < 0) return undefined;
  const major = parseNumber(s.slice(0, dot1));
  const minor = parseNumber(s.slice(dot1 + 1, dot2));
  if (major === undefined || minor === undefined) return undefined;
  let rest = s.slice(dot2 + 1);
  let build: string[] = [];
  const plus = rest.indexOf("+");
  if (plus >= 0) {
    build = rest.slice(plus + 1).split(".");
    rest = rest.slice(0, plus);
  }
  let preParts: string[] = [];
  const dash = rest.indexOf("-");
  if (dash >= 0) {
    preParts = rest.slice(dash + 1).split(".");
    rest = rest.slice(0, dash);
  }
  const patch = parseNumber(rest);
  if (patch === undefined) return undefined;
  const pre: (bigint | string)[] = [];
  for (const p of preParts) {
    if (p.length === 0) return undefined;
    if (isDigits(p)) {
      const n = parseNumber(p);
      if (n === undefined) return undefined;
      pre.push(n);
    } else if (isAlphanumOrHyphen(p)) {
      pre.push(p);
    } else {
      return undefined;
    }
  }
  for (const b of build) {
    if (b.length === 0 || !isAlphanumOrHyphen(b)) return undefined;
  }
  return { major, minor, patch, pre };
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * SemVer precedence (blang/semver `Compare`): -1, 0 or 1.
 * @internal
 */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const c = cmpBig(a.major, b.major) || cmpBig(a.minor, b.minor) || cmpBig(a.patch, b.patch);
  if (c !== 0) return c;
  if (a.pre.length === 0 && b.pre.length === 0) return 0;
  if (a.pre.length === 0) return 1;
  if (b.pre.length === 0) return -1;
  const n = Math.min(a.pre.length, b.pre.length);
  for (let i = 0; i < n; i++) {
    const x = a.pre[i]!;
    const y = b.pre[i]!;
    let r: number;
    if (typeof x === "bigint" && typeof y === "bigint") r = cmpBig(x, y);
    else if (typeof x === "bigint") r = -1;
    else if (typeof y === "bigint") r = 1;
    else r = cmpString(x, y);
    if (r !== 0) return r;
  }
  return cmpBig(BigInt(a.pre.length), BigInt(b.pre.length));
}

/** ASCII `\d+\.\d+` (Go `reMinorSemantic`). */
function isMinorVersion(s: string): boolean {
  const dot = s.indexOf(".");
  return dot > 0 && isDigits(s.slice(0, dot)) && isDigits(s.slice(dot + 1));
}

function isWordChars(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!ok) return false;
  }
  return true;
}

/** `X.Y-word` (Go `reMinorWithPatch` = `^(\d+\.\d+)-\w+$`): returns the `X.Y` part. */
function minorWithSuffix(s: string): string | undefined {
  const dash = s.indexOf("-");
  if (dash < 0) return undefined;
  const head = s.slice(0, dash);
  return isMinorVersion(head) && isWordChars(s.slice(dash + 1)) ? head : undefined;
}

function prioritize(tag: string): Prioritized {
  if (tag === "latest") return { tag, priority: Priority.Latest, version: undefined, prefix: "" };
  let short = tag;
  let prefix = "";
  if (tag.startsWith("v")) {
    prefix = "v";
    short = tag.slice(1);
  }
  const full = parseSemVer(short);
  if (full !== undefined) return { tag, priority: Priority.Full, version: full, prefix };
  if (isMinorVersion(short)) {
    const v = parseSemVer(`${short}.0`);
    if (v !== undefined) return { tag, priority: Priority.Minor, version: v, prefix };
  }
  const head = minorWithSuffix(short);
  if (head !== undefined) {
    // strings.Replace(short, head, head+".0", 1): head is a prefix of short.
    const v = parseSemVer(`${head}.0${short.slice(head.length)}`);
    if (v !== undefined) return { tag, priority: Priority.Minor, version: v, prefix };
  }
  return { tag, priority: Priority.Other, version: undefined, prefix };
}

function compare(a: Prioritized, b: Prioritized): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.priority === Priority.Other || a.priority === Priority.Latest) return cmpString(a.tag, b.tag);
  const c = compareSemVer(b.version!, a.version!); // newer first
  if (c !== 0) return c;
  // Equal precedence: no prefix before "v"; then (not specified upstream, whose sort is
  // unstable) byte-wise by tag so that the result is deterministic.
  return cmpString(a.prefix, b.prefix) || cmpString(a.tag, b.tag);
}

/**
 * Orders tags the way `oc describe` lists them (docs/behaviour.md R2.9, LG `PrioritizeTags`).
 *
 * `latest` first; then minor versions (`X.Y`, `vX.Y`, `X.Y-word`) newest first; then full
 * semantic versions (`X.Y.Z…`, optional `v`) newest first; then every other tag in byte-wise
 * order. Within equal versions the tag without `v` comes first. `X.Y-word` compares as
 * `X.Y.0-word`. Returns a new array; the input is not modified.
 *
 * @param tags - tag names
 * @returns the same names in priority order
 * @example
 * ```ts
 * prioritizeTags(["other", "latest", "v5.5", "5.2.3", "5.5", "5.6"]);
 * // => ["latest", "5.6", "5.5", "v5.5", "5.2.3", "other"]
 * ```
 * @public
 */
export function prioritizeTags(tags: readonly string[]): string[] {
  if (!Array.isArray(tags)) return [];
  const items = tags.filter((t): t is string => typeof t === "string").map(prioritize);
  items.sort(compare);
  return items.map((p) => p.tag);
}
