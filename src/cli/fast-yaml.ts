/**
 * A fast reader for the block-style YAML that Kubernetes tools write (`oc get -o yaml`, this
 * command's own output): block mappings and sequences, plain, single- and double-quoted scalars
 * on one line, `[]`, `{}`, comments and `---` between documents. It either returns exactly the
 * values `yaml`'s `parseAllDocuments(text, { uniqueKeys: true })` and `toJS()` would, or
 * `undefined` when the text uses anything else (anchors, tags, block or multi-line scalars, flow
 * collections, directives, tabs, duplicate keys, non-string keys, ...), in which case the caller
 * parses with `yaml` and gets its values and its errors.
 *
 * Why: `yaml` builds a concrete syntax tree and a Document for every node; for a 20 MB stream
 * that is seconds and about a gigabyte, where this line scanner takes a fraction of a second.
 */

/** Thrown inside the reader when the text leaves the supported subset; never escapes. */
const UNSUPPORTED = new Error("unsupported YAML");

function bail(): never {
  throw UNSUPPORTED;
}

/**
 * Characters the reader does not handle: tabs, control characters, BOM and the Unicode line and
 * paragraph separators (`yaml` treats some of them specially).
 */
const UNSUPPORTED_CHARS = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** A CR that does not end a line (searched only when the text has a CR: one scan less for LF files). */
const LONE_CR = /\r(?!\n)/;

// `yaml` 2 core schema (YAML 1.2), `schema/core`: the tests of the non-string plain scalars.
const CORE_INT_OCT = /^0o[0-7]+$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_INT_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const CORE_FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const NOT_A_STRING: unique symbol = Symbol("not a string");

/**
 * The value of a plain scalar in the core schema, tested in `yaml`'s order (null, bool, octal,
 * decimal and hexadecimal ints, NaN/infinity, floats) and resolved as `yaml` resolves them.
 */
function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only these first characters can start a non-string: - + . 0-9 ~ n N t T f F
  const maybe =
    c === 45 ||
    c === 43 ||
    c === 46 ||
    (c >= 48 && c <= 57) ||
    c === 126 ||
    c === 110 ||
    c === 78 ||
    c === 116 ||
    c === 84 ||
    c === 102 ||
    c === 70;
  if (!maybe) return s;
  if (s === "~" || s === "null" || s === "Null" || s === "NULL") return null;
  if (s === "true" || s === "True" || s === "TRUE") return true;
  if (s === "false" || s === "False" || s === "FALSE") return false;
  if (CORE_INT_OCT.test(s)) return Number.parseInt(s.substring(2), 8);
  if (CORE_INT.test(s)) return Number.parseInt(s, 10);
  if (CORE_INT_HEX.test(s)) return Number.parseInt(s.substring(2), 16);
  if (CORE_FLOAT_NAN.test(s))
    return s.slice(-3).toLowerCase() === "nan"
      ? Number.NaN
      : s[0] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (CORE_FLOAT_EXP.test(s) || CORE_FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}

/** A plain key: only strings are supported (a number or null key is stringified by `yaml`). */
function plainKey(s: string): string | typeof NOT_A_STRING {
  return typeof plainValue(s) === "string" ? s : NOT_A_STRING;
}

/** One line of the text: where its content starts (after the indentation) and ends. */
interface Lines {
  /** Offset of the first character of the line. */
  readonly start: Int32Array;
  /** Offset after the last content character (before `\r\n`/`\n` and trailing spaces). */
  readonly end: Int32Array;
  /** Indentation (spaces), or -1 for a blank or comment line, -2 for `---`. */
  readonly indent: Int32Array;
  readonly count: number;
}

const DOC_START = -2;
const SKIP = -1;

function scanLines(text: string): Lines {
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const indent = new Int32Array(count);
  let pos = 0;
  for (let n = 0; n < count; n++) {
    const nl = text.indexOf("\n", pos);
    let e = nl < 0 ? text.length : nl;
    while (e > pos && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 13)) e--;
    let i = pos;
    while (i < e && text.charCodeAt(i) === 32) i++;
    start[n] = pos;
    end[n] = e;
    if (i === e || text.charCodeAt(i) === 35 /* # */) indent[n] = SKIP;
    else if (i === pos && text.startsWith("---", pos) && e === pos + 3) indent[n] = DOC_START;
    else {
      // other document markers and directives at column 0
      if (
        i === pos &&
        (text.startsWith("...", pos) || text.startsWith("---", pos) || text.charCodeAt(pos) === 37)
      )
        bail();
      indent[n] = i - pos;
    }
    pos = nl + 1;
  }
  return { start, end, indent, count };
}

/** The reader's state: the text, its lines and the current line. */
class Reader {
  line = 0;
  constructor(
    readonly text: string,
    readonly lines: Lines,
  ) {}

  /** Moves to the next line with content (or a document marker); returns its indentation, -3 at the end. */
  next(): number {
    const { indent, count } = this.lines;
    while (this.line < count && indent[this.line] === SKIP) this.line++;
    return this.line < count ? (indent[this.line] as number) : -3;
  }

  /** Content start of the current line. */
  contentStart(): number {
    return (this.lines.start[this.line] as number) + (this.lines.indent[this.line] as number);
  }

  lineEnd(): number {
    return this.lines.end[this.line] as number;
  }

  /** A block node (mapping or sequence) whose first line is the current one, at `indent`. */
  node(indent: number): unknown {
    const at = this.contentStart();
    const end = this.lineEnd();
    if (isSeqItem(this.text, at, end)) return this.sequence(indent, at);
    if (mapKeyEnd(this.text, at, end) >= 0) return this.mapping(indent, at);
    // a scalar on its own line (possibly continued on the next ones): leave it to `yaml`
    return bail();
  }

  /** A block sequence at `indent` whose first `-` is at `first` on the current line. */
  sequence(indent: number, first: number): unknown[] {
    const out: unknown[] = [];
    let at = first;
    for (;;) {
      const end = this.lineEnd();
      let c = at + 1;
      while (c < end && this.text.charCodeAt(c) === 32) c++;
      if (c === end) {
        // `-` alone: the item is on the next lines, more indented, or null
        this.line++;
        const ind = this.next();
        out.push(ind > indent ? this.node(ind) : null);
      } else if (isSeqItem(this.text, c, end)) {
        return bail(); // `- - x`
      } else if (mapKeyEnd(this.text, c, end) >= 0) {
        // `- key: value`: a mapping whose indentation is the column of its first key
        out.push(this.mapping(c - (this.lines.start[this.line] as number), c));
      } else {
        out.push(this.inlineValue(c, end));
        this.line++;
        if (this.next() > indent) bail(); // a continuation line of the scalar
      }
      const ind = this.next();
      if (ind !== indent) {
        if (ind > indent) bail();
        return out;
      }
      at = this.contentStart();
      if (!isSeqItem(this.text, at, this.lineEnd())) return out; // a key of the mapping around
    }
  }

  /** A block mapping at `indent` whose first key starts at `first` on the current line. */
  mapping(indent: number, first: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let at = first;
    for (;;) {
      const end = this.lineEnd();
      const colon = mapKeyEnd(this.text, at, end);
      if (colon < 0) bail();
      const key = readKey(this.text, at, colon);
      if (key === "__proto__" || Object.hasOwn(out, key)) bail();
      let c = colon + 1;
      while (c < end && this.text.charCodeAt(c) === 32) c++;
      let value: unknown;
      if (c === end || this.text.charCodeAt(c) === 35) {
        // `key:` (or `key: # comment`): the value is on the next lines
        this.line++;
        const ind = this.next();
        if (ind > indent) value = this.node(ind);
        else if (ind === indent && isSeqItem(this.text, this.contentStart(), this.lineEnd()))
          value = this.sequence(indent, this.contentStart());
        else value = null;
      } else {
        value = this.inlineValue(c, end);
        this.line++;
        if (this.next() > indent) bail(); // a continuation line of the scalar
      }
      // `yaml` defines keys that the prototype has (`toString`) as own properties: so does assignment
      out[key] = value;
      const ind = this.next();
      if (ind !== indent) {
        if (ind > indent) bail();
        return out;
      }
      at = this.contentStart();
      if (isSeqItem(this.text, at, this.lineEnd())) bail(); // `- x` among the keys
    }
  }

  /** A scalar (or `[]`, `{}`) from `c` to `end` on the current line, with an optional comment. */
  inlineValue(c: number, end: number): unknown {
    const text = this.text;
    const ch = text.charCodeAt(c);
    if (ch === 34 /* " */) {
      const { value, next } = doubleQuoted(text, c, end);
      afterToken(text, next, end);
      return value;
    }
    if (ch === 39 /* ' */) {
      const { value, next } = singleQuoted(text, c, end);
      afterToken(text, next, end);
      return value;
    }
    if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (text.charCodeAt(c + 1) !== (ch === 91 ? 93 : 125)) bail();
      afterToken(text, c + 2, end);
      return ch === 91 ? [] : {};
    }
    return plainValue(plainScalar(text, c, end));
  }
}

/** True when `-` at `at` starts a sequence item (`- x` or a lone `-`). */
function isSeqItem(text: string, at: number, end: number): boolean {
  return text.charCodeAt(at) === 45 && (at + 1 === end || text.charCodeAt(at + 1) === 32);
}

/**
 * The offset of the `:` that ends an implicit key starting at `at` (`key: value`, `key:`), or -1
 * when the line is not a mapping entry. Quoted keys are skipped over.
 */
function mapKeyEnd(text: string, at: number, end: number): number {
  const ch = text.charCodeAt(at);
  let i = at;
  if (ch === 34 || ch === 39) {
    i = (ch === 34 ? doubleQuoted(text, at, end) : singleQuoted(text, at, end)).next;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (text.charCodeAt(i) !== 58) return -1;
    return i + 1 === end || text.charCodeAt(i + 1) === 32 ? i : bail();
  }
  // searched within the line only: an unbounded indexOf would make many colon-less lines quadratic
  for (; i < end; i++) {
    if (text.charCodeAt(i) === 58 && (i + 1 === end || text.charCodeAt(i + 1) === 32)) return i;
  }
  return -1;
}

/** The key text between `at` and the `:` at `colon`. */
function readKey(text: string, at: number, colon: number): string {
  const ch = text.charCodeAt(at);
  if (ch === 34 || ch === 39)
    return (ch === 34 ? doubleQuoted(text, at, colon) : singleQuoted(text, at, colon)).value;
  let e = colon;
  while (e > at && text.charCodeAt(e - 1) === 32) e--;
  if (e - at > 1024) bail(); // implicit keys are at most 1024 characters
  const key = text.slice(at, e);
  if (!plainStart(key) || key.includes(" #")) bail();
  const k = plainKey(key);
  return k === NOT_A_STRING ? bail() : k;
}

/** True when `s` may start a plain scalar: no indicator first (`-?:` only before a non-space). */
function plainStart(s: string): boolean {
  if (s === "") return false;
  switch (s.charCodeAt(0)) {
    case 45: // -
    case 63: // ?
    case 58: // :
      // allowed before a non-space in YAML; rare in image streams, left to `yaml`
      return false;
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      return false;
    default:
      return true;
  }
}

/** A plain scalar value from `c` to the comment or `end`; unsupported forms bail. */
function plainScalar(text: string, c: number, end: number): string {
  let e = end;
  for (let i = c + 1; i < end; i++) {
    if (text.charCodeAt(i) === 35 && text.charCodeAt(i - 1) === 32) {
      e = i; // ` #` starts a comment
      break;
    }
  }
  while (e > c && text.charCodeAt(e - 1) === 32) e--;
  const s = text.slice(c, e);
  // `-5` and `-foo` are plain scalars; `-` and `- x` are sequence indicators
  if (s.charCodeAt(0) === 45) {
    if (s.length === 1 || s.charCodeAt(1) === 32) bail();
  } else if (!plainStart(s)) bail();
  // `a: b: c` is an error, `a: b:` too; leave both to `yaml`
  if (s.includes(": ") || s.charCodeAt(s.length - 1) === 58) bail();
  return s;
}

/** After a quoted scalar or `[]`/`{}`: only spaces, then optionally a comment. */
function afterToken(text: string, next: number, end: number): void {
  if (next === end) return;
  if (text.charCodeAt(next) !== 32) bail();
  let i = next;
  while (i < end && text.charCodeAt(i) === 32) i++;
  if (i < end && text.charCodeAt(i) !== 35) bail();
}

/** A single-quoted scalar starting at `c`; `''` is a quote. Bails when it does not end on this line. */
function singleQuoted(text: string, c: number, end: number): { value: string; next: number } {
  let value = "";
  let from = c + 1;
  for (;;) {
    let q = from;
    while (q < end && text.charCodeAt(q) !== 39) q++;
    if (q >= end) return bail();
    if (text.charCodeAt(q + 1) === 39 && q + 1 < end) {
      value += text.slice(from, q + 1);
      from = q + 2;
      continue;
    }
    value += text.slice(from, q);
    return { value, next: q + 1 };
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0",
  b: "\b",
  t: "\t",
  n: "\n",
  f: "\f",
  r: "\r",
  '"': '"',
  "/": "/",
  "\\": "\\",
};

/** A double-quoted scalar starting at `c`, with JSON's escapes. Bails on others or a line break. */
function doubleQuoted(text: string, c: number, end: number): { value: string; next: number } {
  let value = "";
  let from = c + 1;
  for (let i = from; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) return { value: value + text.slice(from, i), next: i + 1 };
    if (ch !== 92) continue;
    value += text.slice(from, i);
    const esc = text[i + 1] ?? "";
    if (esc === "u") {
      const hex = text.slice(i + 2, i + 6);
      if (i + 6 > end || !/^[0-9a-fA-F]{4}$/.test(hex)) bail();
      value += String.fromCharCode(Number.parseInt(hex, 16));
      i += 5;
    } else {
      const s = Object.hasOwn(SIMPLE_ESCAPES, esc) ? SIMPLE_ESCAPES[esc] : undefined;
      if (s === undefined || i + 1 >= end) bail();
      value += s;
      i += 1;
    }
    from = i + 1;
  }
  return bail();
}

/**
 * The documents of `text` as `yaml` would give them (`toJS()` of each), or `undefined` when the
 * text needs the full parser.
 *
 * @param text - the text of a YAML file
 * @returns one value per document (`null` for an empty one), or `undefined`.
 */
export function fastYamlDocuments(text: string): unknown[] | undefined {
  if (UNSUPPORTED_CHARS.test(text) || (text.includes("\r") && LONE_CR.test(text))) return undefined;
  try {
    const r = new Reader(text, scanLines(text));
    const docs: unknown[] = [];
    let open = false; // a `---` was seen and its document not read yet
    for (;;) {
      const ind = r.next();
      if (ind === -3) break;
      if (ind === DOC_START) {
        if (open) docs.push(null);
        open = true;
        r.line++;
        continue;
      }
      const root = r.node(ind);
      const after = r.next();
      if (after !== -3 && after !== DOC_START) bail();
      docs.push(root);
      open = false;
    }
    if (open) docs.push(null);
    return docs;
  } catch {
    // Unsupported, or a nesting deep enough to overflow the stack: `yaml` decides
    return undefined;
  }
}
