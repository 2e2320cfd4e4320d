/**
 * One linear-time scanner for the distribution/reference grammar (docs/behaviour.md G1).
 *
 * The scanner reads every character a bounded number of times (at most twice, and twice only on
 * some error paths), uses no regular expression except one flat negated class (`[^0-9a-f]`,
 * no quantifier) to find the end of a lowercase digest hex natively, and allocates nothing: on success it leaves the
 * match boundaries in the exported `scan` record; on failure it returns the index of the first
 * character it could not accept. Path components are matched by a small table-driven automaton
 * (one class lookup and one transition per character, so alternating input such as `a-a-a-…`
 * costs the same as a plain run); the first `/`-segment is matched by the product of that
 * automaton and the host-name one, which decides in the same pass whether it is a domain.
 *
 * Grammar (ASCII only):
 * ```
 * reference   = name ( ":" tag )? ( "@" digest )?
 * name        = ( domain "/" )? component ( "/" component )*
 * domain      = ( domain-name | "[" [0-9A-Fa-f:]+ "]" ) ( ":" [0-9]+ )?
 * domain-name = label ( "." label )*   label = [A-Za-z0-9] ( [A-Za-z0-9-]* [A-Za-z0-9] )?
 * component   = [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
 * tag         = [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}
 * digest      = alg-part ( [-_+.] alg-part )* ":" [0-9A-Fa-f]{32,}   alg-part = [A-Za-z][A-Za-z0-9]*
 * ```
 * The domain is the first `/`-segment when it fits the domain grammar and is followed by `/`
 * (Go's leftmost-first preference for the optional domain group); otherwise the whole name is path.
 *
 * Speed on hostile input does not depend on which inputs came before. V8 throws away optimized
 * code at an operation it has never seen run, and runs the function unoptimized until it is
 * compiled again (milliseconds later). So the per-character loops live in small leaf functions
 * (`scanPath`, `scanFirstSegment`, `scanTag`, `scanAlgorithm`, `digitsEnd`) in which every
 * operation also runs on valid input: a failure code (`-1 - index`) is computed on every call and
 * chosen, not computed on the error path, and error-only work (re-scans, messages) happens in the
 * callers. A first
 * invalid input after a long run of valid ones then costs a recompile of a caller, never an
 * unoptimized pass over a long string. Long runs of hex digits (IPv6 hosts, digest hex) are
 * found by native searches for a single flat character class.
 */

/** Character classes, one bit each, for ASCII codes. */
const ALNUM = 2; // [A-Za-z0-9]
const WORD = 4; // [A-Za-z0-9_]
const TAG = 8; // [A-Za-z0-9_.-]
const DIGIT = 64; // [0-9]
const LABEL = 128; // [A-Za-z0-9-]
const UPPER = 256; // [A-Z]

/** Indexed by UTF-16 code unit (128 KiB) so that lookups need no range check; non-ASCII is 0. */
const CLASS = new Uint16Array(65536);
for (let c = 0; c < 128; c++) {
  const lower = c >= 97 && c <= 122;
  const upper = c >= 65 && c <= 90;
  const digit = c >= 48 && c <= 57;
  let bits = 0;
  if (lower || upper || digit) bits |= ALNUM | WORD | TAG | LABEL;
  if (upper) bits |= UPPER;
  if (c === 95) bits |= WORD | TAG;
  if (c === 46) bits |= TAG;
  if (c === 45) bits |= TAG | LABEL;
  if (digit) bits |= DIGIT;
  CLASS[c] = bits;
}

/** Class bits of the character at `i` (0 past the end or for non-ASCII). Never reads out of bounds. */
function cls(s: string, i: number, n: number): number {
  return i < n ? (CLASS[s.charCodeAt(i)] as number) : 0;
}

/** The code unit at `i`, or -1 past the end (never reads out of bounds, never yields NaN). */
function at(s: string, i: number, n: number): number {
  return i < n ? s.charCodeAt(i) : -1;
}

/** Maximum tag length. */
const TAG_MAX = 128;
/** Minimum number of hex digits in the digest grammar. */
const DIGEST_HEX_MIN = 32;

/**
 * Match boundaries of the last successful {@link scanReference} call (reused, never allocated per call).
 * `pathStart` is 0 when there is no domain (else the domain is `[0, pathStart - 1)`); `tagStart`
 * and `digestStart` are -1 when absent; the name is `[0, nameEnd)`.
 */
export const scan = {
  pathStart: 0,
  nameEnd: 0,
  tagStart: -1,
  tagEnd: -1,
  digestStart: -1,
  /** End of the digest algorithm (index of its `:`). */
  algEnd: -1,
  /** Whether the digest algorithm has an uppercase letter. */
  algUpper: false,
  /** Whether the digest hex has an uppercase letter. */
  hexUpper: false,
  /**
   * End of the first `/`-segment (the first character outside `[A-Za-z0-9._-]`; 0 for a bracketed
   * host). Set by scans without `forcedPathStart` only. With no domain, the name has a `/` exactly
   * when `segEnd < nameEnd`, and then the first one is at `segEnd`.
   */
  segEnd: 0,
  /** Product-automaton state (premultiplied) at the end of the last `scanFirstSegment`. */
  segState: 0,
};

/**
 * Scans a domain (host and optional port) starting at `start`; returns its end index, or -1
 * when no domain grammar prefix ends there. The caller checks what follows.
 */
export function scanDomain(s: string, start: number, ipv6: boolean): number {
  const n = s.length;
  let i = start;
  if (i >= n) return -1;
  if (s.charCodeAt(i) === 91 /* [ */) {
    if (!ipv6) return -1;
    const first = i + 1;
    i = runEnd(NOT_IPV6, s, first);
    if (i === first || at(s, i, n) !== 93 /* ] */) return -1;
    i++;
  } else {
    // domain-name: labels of [A-Za-z0-9-], alnum at both ends, joined by single dots.
    for (;;) {
      if ((cls(s, i, n) & ALNUM) === 0) return -1;
      i++;
      while (i < n && ((CLASS[s.charCodeAt(i)] as number) & LABEL) !== 0) i++;
      if (s.charCodeAt(i - 1) === 45 /* - */) return -1;
      if (at(s, i, n) !== 46 /* . */) break;
      i++;
    }
  }
  if (at(s, i, n) === 58 /* : */) {
    const j = digitsEnd(s, i + 1);
    if (j === i + 1) return -1;
    i = j;
  }
  return i;
}

/**
 * The remote-name grammar as a table-driven automaton: one class lookup and one transition per
 * character, whatever the mix of runs and separators.
 *
 * Character classes: 0 other, 1 `[a-z0-9]`, 2 `.`, 3 `_`, 4 `-`, 5 `/`.
 * States: 0 component start, 1 in an alnum run (accepting), 2 after `.`, 3 after `_`, 4 after `__`,
 * 5 after `-`+. Transition values 6 = fail here, 7 = the name ends here (accept).
 */
const PATH_CLASS = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) PATH_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) PATH_CLASS[c] = 1;
PATH_CLASS[46] = 2;
PATH_CLASS[95] = 3;
PATH_CLASS[45] = 4;
PATH_CLASS[47] = 5;
const F = 6;
const E = 7;
/** Row stride of the transition tables: states are stored premultiplied, so a step needs no multiply. */
const STRIDE = 8;
// biome-ignore format: a transition table reads best as a table
const PATH_NEXT_ROWS = [
  // other alnum  .  _  -  /
  F, 1, F, F, F, F, // 0 component start
  E, 1, 2, 3, 5, 0, // 1 alnum run
  F, 1, F, F, F, F, // 2 after "."
  F, 1, F, 4, F, F, // 3 after "_"
  F, 1, F, F, F, F, // 4 after "__"
  F, 1, F, F, 5, F, // 5 after "-"+
];
/** `PATH_NEXT_ROWS` with every state premultiplied by {@link STRIDE} (fail = 6·8, end = 7·8). */
const PATH_NEXT = new Uint8Array(6 * STRIDE);
for (let st = 0; st < 6; st++) {
  for (let k = 0; k < 6; k++) PATH_NEXT[st * STRIDE + k] = (PATH_NEXT_ROWS[st * 6 + k] as number) * STRIDE;
}
const F8 = F * STRIDE;
const E8 = E * STRIDE;
const ACCEPT8 = 1 * STRIDE;

/**
 * Two characters per step: `PATH_PAIR[state·64 + class₁·8 + class₂]` is the state after both (again
 * premultiplied, by 64), or {@link PAIR_STOP} when either step fails or ends the name; the
 * single-step table then finishes those (at most two) characters. Same automaton, one dependent
 * load per two characters.
 */
const PAIR_STRIDE = 64;
const PAIR_STOP = 0xffff;
const PATH_PAIR = new Uint16Array(6 * PAIR_STRIDE);
for (let st = 0; st < 6; st++) {
  for (let a = 0; a < 8; a++) {
    for (let b = 0; b < 8; b++) {
      const t1 = a < 6 ? (PATH_NEXT[st * STRIDE + a] as number) : F8;
      const t2 = t1 < F8 && b < 6 ? (PATH_NEXT[t1 + b] as number) : F8;
      PATH_PAIR[st * PAIR_STRIDE + (a << 3) + b] = t2 < F8 ? (t2 / STRIDE) * PAIR_STRIDE : PAIR_STOP;
    }
  }
}

/**
 * Scans a remote name (path components joined by `/`) from `start`. Returns the end index on
 * success or `-1 - failIndex` on failure. A leaf: nothing in it runs only on errors.
 */
function scanPath(s: string, start: number): number {
  const n = s.length;
  let pair = 0;
  let i = start;
  for (; i + 1 < n; i += 2) {
    const next = PATH_PAIR[
      pair + ((PATH_CLASS[s.charCodeAt(i)] as number) << 3) + (PATH_CLASS[s.charCodeAt(i + 1)] as number)
    ] as number;
    if (next === PAIR_STOP) break;
    pair = next;
  }
  let state = pair >> 3; // from ·64 to ·8
  let stopOk = false;
  for (; i < n; i++) {
    const next = PATH_NEXT[state + (PATH_CLASS[s.charCodeAt(i)] as number)] as number;
    if (next >= F8) {
      stopOk = next === E8;
      break;
    }
    state = next;
  }
  const endOk = state === ACCEPT8;
  const failCode = -1 - i;
  return (i < n ? stopOk : endOk) ? i : failCode;
}

/** The first character outside `[0-9a-f]` (global: searched from `lastIndex`). */
const NOT_LOWER_HEX = /[^0-9a-f]/g;
/** The first character outside `[0-9A-Fa-f]`. */
const NOT_HEX = /[^0-9A-Fa-f]/g;
/** The first character outside an IPv6 host's `[0-9A-Fa-f:]`. */
const NOT_IPV6 = /[^0-9A-Fa-f:]/g;

/**
 * End of the run of `re`'s complement that starts at `start`: the index of the first character
 * matching `re` (a global regular expression of one flat character class), or the length of `s`.
 * Native and linear: a single class has nothing to backtrack into.
 */
function runEnd(re: RegExp, s: string, start: number): number {
  re.lastIndex = start;
  return re.test(s) ? re.lastIndex - 1 : s.length;
}

/**
 * The digest-algorithm grammar (`alg-part ( [-_+.] alg-part )*`, `alg-part = [A-Za-z][A-Za-z0-9]*`)
 * as an automaton. Classes: 0 other, 1 `[A-Za-z]`, 2 `[0-9]`, 3 `[-_+.]`. States (premultiplied
 * by 4): 0 part start, 4 in a part (accepting); 8 fail here, 12 the algorithm ends here.
 */
const ALG_CLASS = new Uint8Array(65536);
for (let c = 65; c <= 90; c++) ALG_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) ALG_CLASS[c] = 1;
for (let c = 48; c <= 57; c++) ALG_CLASS[c] = 2;
for (const c of [45, 95, 43, 46]) ALG_CLASS[c] = 3;
const ALG_FAIL = 8;
const ALG_END = 12;
// biome-ignore format: a transition table reads best as a table
const ALG_NEXT = Uint8Array.of(
  // other     alpha  digit  separator
  ALG_FAIL,    4,     ALG_FAIL, ALG_FAIL, // part start
  ALG_END,     4,     4,        0,        // in a part
);

/**
 * Scans a digest algorithm and its `:` from `start`. Returns the index of the `:` (and sets
 * `scan.algUpper`), or `-1 - failIndex`. A leaf: nothing in it runs only on errors.
 */
function scanAlgorithm(s: string, start: number): number {
  const n = s.length;
  let state = 0;
  let stop = ALG_FAIL;
  let seen = 0;
  let i = start;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const next = ALG_NEXT[state + (ALG_CLASS[c] as number)] as number;
    if (next >= ALG_FAIL) {
      stop = next;
      break;
    }
    seen |= CLASS[c] as number;
    state = next;
  }
  scan.algUpper = (seen & UPPER) !== 0;
  const failCode = -1 - i;
  return stop === ALG_END && s.charCodeAt(i) === 58 /* : */ ? i : failCode;
}

/**
 * Scans a digest (`algorithm ":" hex{32,}`) from `start` to the end of `s`. Returns -1 on success
 * (with `scan.algEnd`, `scan.algUpper`, `scan.hexUpper` set) or the index of the first bad character.
 */
export function scanDigest(s: string, start: number): number {
  const n = s.length;
  const i = scanAlgorithm(s, start);
  if (i < 0) return -1 - i;
  scan.algEnd = i;
  const hexStart = i + 1;
  // The lowercase run first (the common case reaches the end), then from an uppercase letter on.
  const lowerEnd = runEnd(NOT_LOWER_HEX, s, hexStart);
  const end = lowerEnd < n ? runEnd(NOT_HEX, s, lowerEnd) : n;
  if (end < n || end - hexStart < DIGEST_HEX_MIN) return end;
  scan.hexUpper = lowerEnd < n;
  return -1;
}

/**
 * Scans a tag from `start`; returns its end index, or `-1 - failIndex` when no tag starts there
 * or it is longer than 128 characters. A leaf: nothing in it runs only on errors.
 */
export function scanTag(s: string, start: number): number {
  const n = s.length;
  const firstOk = (cls(s, start, n) & WORD) !== 0;
  // Read at most one character past the longest tag, to see whether it is too long.
  const last = start + TAG_MAX;
  const past = last + 1;
  const max = past < n ? past : n;
  let i = start + 1;
  while (i < max && ((CLASS[s.charCodeAt(i)] as number) & TAG) !== 0) i++;
  const failCode = -1 - (firstOk ? last : start);
  return firstOk && i <= last ? i : failCode;
}

/**
 * Scans a whole reference. Returns -1 on success (boundaries in {@link scan}) or the index of
 * the first character that does not fit the grammar.
 *
 * @param ipv6 - accept bracketed IPv6 hosts (current distribution/reference; not library-go).
 * @param forcedPathStart - when >= 0, skip domain detection: the path starts there (used by
 *   normalization, where the domain was already decided and the text before is not scanned).
 */
export function scanReference(s: string, ipv6: boolean, forcedPathStart = -1): number {
  const n = s.length;
  let i: number;
  if (forcedPathStart >= 0) {
    scan.pathStart = forcedPathStart;
    i = scanPath(s, forcedPathStart);
  } else {
    i = scanName(s, ipv6);
  }
  if (i < 0) return -1 - i;
  scan.nameEnd = i;
  scan.tagStart = -1;
  scan.tagEnd = -1;
  scan.digestStart = -1;
  if (i === n) return -1;
  let c = s.charCodeAt(i);
  if (c === 58 /* : */) {
    const t = scanTag(s, i + 1);
    if (t < 0) return -1 - t;
    scan.tagStart = i + 1;
    scan.tagEnd = t;
    i = t;
    if (i === n) return -1;
    c = s.charCodeAt(i);
  }
  if (c === 64 /* @ */) {
    const r = scanDigest(s, i + 1);
    if (r >= 0) return r;
    scan.digestStart = i + 1;
    return -1;
  }
  return i;
}

/**
 * The first `/`-segment is read by the product of two small automata: the path-component one
 * (states 0–5 as in `PATH_NEXT`, 6 dead) and the host one (0 label start, 1 in a label after an
 * alnum (accepting), 2 in a label after `-`, 3 dead). Combined state = path * 4 + host.
 * Classes: 0 stop (anything else), 1 `[a-z0-9]`, 2 `.`, 3 `_`, 4 `-`, 5 `[A-Z]`.
 */
const FIRST_CLASS = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) FIRST_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) FIRST_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) FIRST_CLASS[c] = 5;
FIRST_CLASS[46] = 2;
FIRST_CLASS[95] = 3;
FIRST_CLASS[45] = 4;
const PATH_DEAD = 6;
// path transitions by class 1..5 (index 0 unused): lower, ".", "_", "-", upper
const FIRST_PATH = [
  [PATH_DEAD, 1, PATH_DEAD, PATH_DEAD, PATH_DEAD, PATH_DEAD], // 0 start
  [PATH_DEAD, 1, 2, 3, 5, PATH_DEAD], // 1 alnum run
  [PATH_DEAD, 1, PATH_DEAD, PATH_DEAD, PATH_DEAD, PATH_DEAD], // 2 after "."
  [PATH_DEAD, 1, PATH_DEAD, 4, PATH_DEAD, PATH_DEAD], // 3 after "_"
  [PATH_DEAD, 1, PATH_DEAD, PATH_DEAD, PATH_DEAD, PATH_DEAD], // 4 after "__"
  [PATH_DEAD, 1, PATH_DEAD, PATH_DEAD, 5, PATH_DEAD], // 5 after "-"+
  [PATH_DEAD, PATH_DEAD, PATH_DEAD, PATH_DEAD, PATH_DEAD, PATH_DEAD], // 6 dead
];
const HOST_DEAD = 3;
const FIRST_HOST = [
  [HOST_DEAD, 1, HOST_DEAD, HOST_DEAD, HOST_DEAD, 1], // 0 label start
  [HOST_DEAD, 1, 0, HOST_DEAD, 2, 1], // 1 after an alnum
  [HOST_DEAD, 1, HOST_DEAD, HOST_DEAD, 2, 1], // 2 after "-"
  [HOST_DEAD, HOST_DEAD, HOST_DEAD, HOST_DEAD, HOST_DEAD, HOST_DEAD], // 3 dead
];
/** Combined states premultiplied by {@link STRIDE} (at most 27·8 = 216: fits a byte). */
const FIRST_NEXT = new Uint8Array(28 * STRIDE);
for (let p = 0; p < 7; p++) {
  for (let h = 0; h < 4; h++) {
    for (let k = 1; k < 6; k++) {
      const np = (FIRST_PATH[p] as number[])[k] as number;
      const nh = (FIRST_HOST[h] as number[])[k] as number;
      FIRST_NEXT[(p * 4 + h) * STRIDE + k] = (np * 4 + nh) * STRIDE;
    }
  }
}
/** {@link FIRST_NEXT} two characters at a time (as {@link PATH_PAIR}); stops on a class-0 character. */
const FIRST_PAIR = new Uint16Array(28 * PAIR_STRIDE);
for (let st = 0; st < 28; st++) {
  for (let a = 0; a < 8; a++) {
    for (let b = 0; b < 8; b++) {
      const ok = a >= 1 && a < 6 && b >= 1 && b < 6;
      const t = ok ? (FIRST_NEXT[(FIRST_NEXT[st * STRIDE + a] as number) + b] as number) : 0;
      FIRST_PAIR[st * PAIR_STRIDE + (a << 3) + b] = ok ? (t / STRIDE) * PAIR_STRIDE : PAIR_STOP;
    }
  }
}
const FIRST_START = 0; // path start, host label start

/**
 * Reads the first `/`-segment with the product automaton, two characters per transition, then
 * single steps for the last (at most two) characters. Returns where the segment stops (the first
 * character outside `[A-Za-z0-9._-]`) and leaves the state there in `scan.segState`. A leaf.
 */
function scanFirstSegment(s: string): number {
  const n = s.length;
  let pair = FIRST_START;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const next = FIRST_PAIR[
      pair + ((FIRST_CLASS[s.charCodeAt(i)] as number) << 3) + (FIRST_CLASS[s.charCodeAt(i + 1)] as number)
    ] as number;
    if (next === PAIR_STOP) break;
    pair = next;
  }
  let state = pair >> 3; // from ·64 to ·8
  for (; i < n; i++) {
    const k = FIRST_CLASS[s.charCodeAt(i)] as number;
    if (k === 0) break;
    state = FIRST_NEXT[state + k] as number;
  }
  scan.segState = state;
  return i;
}

/** End of the run of ASCII digits that starts at `start`. A leaf. */
function digitsEnd(s: string, start: number): number {
  const n = s.length;
  let j = start;
  while (j < n && ((CLASS[s.charCodeAt(j)] as number) & DIGIT) !== 0) j++;
  return j;
}

/**
 * Scans the name (domain and path) in one pass. The first `/`-segment is read once, tracking at the
 * same time whether it is a valid host (domain-name) and whether it is a valid path component:
 * on `[A-Za-z0-9._-]` both grammars decide label/separator validity from the previous character
 * alone. Returns the end of the name (and sets `scan.pathStart`) or `-1 - failIndex`.
 */
function scanName(s: string, ipv6: boolean): number {
  const n = s.length;
  scan.pathStart = 0;
  scan.segEnd = 0;
  if (n > 0 && s.charCodeAt(0) === 91 /* [ */) return scanBracketedName(s, ipv6);
  const i = scanFirstSegment(s);
  scan.segEnd = i;
  const state = scan.segState;
  const hostOk = (state >> 3) % 4 === 1;
  const pathState = state >> 5; // 1: a complete component; PATH_DEAD: not a component at all
  const c = at(s, i, n);
  const afterSegment = i + 1;
  const failHere = -1 - i;
  // Where scanPath must go on from: after the domain and its "/", after the first component and
  // its "/", or from 0 to find where the component died (error path); -1: the name ends at `i`.
  let from = -1;
  if (hostOk) {
    let d = i;
    if (c === 58 /* : */) {
      const j = digitsEnd(s, afterSegment);
      d = j > afterSegment ? j : -1;
    }
    if (d > 0 && at(s, d, n) === 47 /* / */) {
      from = d + 1;
      scan.pathStart = from;
    }
  }
  if (from < 0) {
    if (pathState === PATH_DEAD) from = 0;
    else if (pathState === 1 && c === 47) from = afterSegment;
  }
  if (from < 0) return pathState === 1 ? i : failHere;
  const r = scanPath(s, from);
  if (from > 0) return r;
  // From 0, the component scan stops exactly where the component died: an error either way.
  return r < 0 ? r : -1 - r;
}

/** {@link scanName} for a name that starts with `[` (only a bracketed IPv6 domain can). */
function scanBracketedName(s: string, ipv6: boolean): number {
  const d = scanDomain(s, 0, ipv6);
  if (d > 0 && at(s, d, s.length) === 47 /* / */) {
    scan.pathStart = d + 1;
    return scanPath(s, d + 1);
  }
  return -1;
}

/**
 * A string that matches the ASCII grammar exactly when Go's `strings.ToLower(s)` would, with the
 * same length and indices. JavaScript's `toLowerCase` agrees with Go's simple case mapping on
 * everything that can become ASCII except U+0130 (Go: `i`; JavaScript: `i` + U+0307), which is
 * replaced first. Characters that lowercase to other non-ASCII characters fail the grammar either
 * way. Linear (native).
 */
export function goLowerForGrammar(s: string): string {
  return (s.includes("\u0130") ? s.replaceAll("\u0130", "i") : s).toLowerCase();
}

/** Whether the whole of `s` is a domain and optional port (`regexp.domainAndPort`, anchored). */
export function matchDomainAndPort(s: string, ipv6 = true): boolean {
  return scanDomain(s, 0, ipv6) === s.length && s.length > 0;
}

/**
 * `anchoredNameRegexp`: `[domain, path]` when `s` is exactly a name (no tag or digest), else null.
 */
export function matchAnchoredName(s: string, ipv6 = true): [string, string] | null {
  let pathStart = 0;
  const d = scanDomain(s, 0, ipv6);
  if (d > 0 && at(s, d, s.length) === 47) pathStart = d + 1;
  const end = scanPath(s, pathStart);
  if (end !== s.length) return null;
  return pathStart === 0 ? ["", s] : [s.slice(0, pathStart - 1), s.slice(pathStart)];
}

/** `ReferenceRegexp` (anchored): `[name, tag, digest]` (empty when absent), or null. */
export function matchReference(s: string, ipv6 = true): [string, string, string] | null {
  if (scanReference(s, ipv6) !== -1) return null;
  return [
    s.slice(0, scan.nameEnd),
    scan.tagStart < 0 ? "" : s.slice(scan.tagStart, scan.tagEnd),
    scan.digestStart < 0 ? "" : s.slice(scan.digestStart),
  ];
}

/** Whether `s` is exactly 64 lowercase hex characters (`anchoredIdentifierRegexp`). */
export function isIdentifier(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** `anchoredIdentifierRegexp` with its capture group: `[s]` or null. */
export function matchIdentifier(s: string): [string] | null {
  return isIdentifier(s) ? [s] : null;
}

/** Whether `s` is exactly a tag (`anchoredTagRegexp`). */
export function isTag(s: string): boolean {
  return s.length > 0 && scanTag(s, 0) === s.length;
}

/** Whether `s` is exactly a digest in the loose reference grammar (`anchoredDigestRegexp`). */
export function isDigestGrammar(s: string): boolean {
  return s.length > 0 && scanDigest(s, 0) === -1;
}
