/**
 * Just enough of Go's `encoding/json` to decode a stored manifest or image config the way the API
 * server does: a syntax check of the whole text first (`checkValid`), then decoding into typed
 * fields where a key matches a field exactly or else case-insensitively, unknown keys are ignored,
 * `null` leaves a scalar or struct alone and empties a pointer, slice or map, a number must be an
 * integer literal in range for an integer field, and a value of the wrong kind is remembered as an
 * `UnmarshalTypeError` while decoding goes on (the first one is reported). Private to the server
 * module.
 */

/** A parsed JSON value that keeps what Go's decoder looks at: number and string literals as written. */
export type JsonNode =
  | { readonly kind: "object"; readonly keys: readonly string[]; readonly values: readonly JsonNode[] }
  | { readonly kind: "array"; readonly items: readonly JsonNode[] }
  /** `escaped`: the literal has a backslash escape (what `time.Time.UnmarshalJSON` sees is not `value`). */
  | { readonly kind: "string"; readonly value: string; readonly escaped: boolean }
  | { readonly kind: "number"; readonly raw: string }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "null" };

const TRUE: JsonNode = { kind: "bool", value: true };
const FALSE: JsonNode = { kind: "bool", value: false };
const NULL: JsonNode = { kind: "null" };

/** A decoding failure, with Go's message. */
export class GoJsonError extends Error {}

/** Go's `quoteChar`: how a scanner error names the offending character. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

const ESCAPES = new Map([
  ['"', '"'],
  ["\\", "\\"],
  ["/", "/"],
  ["b", "\b"],
  ["f", "\f"],
  ["n", "\n"],
  ["r", "\r"],
  ["t", "\t"],
]);
const MAX_DEPTH = 10000; // Go's maxNestingDepth

/**
 * Parses `text` as Go's `json.Unmarshal` checks it: one value, RFC 8259 syntax, at most 10000
 * levels of nesting. Iterative, so a deep input never overflows the stack.
 *
 * @throws GoJsonError with the Go scanner message (`invalid character 'x' looking for beginning of
 *   value`, `unexpected end of JSON input`, …)
 */
export function parseGoJson(text: string): JsonNode {
  let i = 0;
  const n = text.length;
  const fail = (context: string): never => {
    if (i >= n) throw new GoJsonError("unexpected end of JSON input");
    throw new GoJsonError(`invalid character ${quoteChar(text.charAt(i))} ${context}`);
  };
  const skip = (): void => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
    }
  };
  let escaped = false; // whether the last string read had an escape
  const readString = (): string => {
    i++; // opening quote
    escaped = false;
    let out = "";
    let from = i;
    for (;;) {
      if (i >= n) fail("in string literal");
      const c = text.charCodeAt(i);
      if (c === 34) {
        out = escaped ? out + text.slice(from, i) : text.slice(from, i);
        i++;
        return out;
      }
      if (c < 0x20) fail("in string literal");
      if (c !== 92) {
        i++;
        continue;
      }
      escaped = true;
      out += text.slice(from, i);
      i++;
      if (i >= n) fail("in string escape code");
      const e = text.charAt(i);
      const simple = ESCAPES.get(e);
      if (simple !== undefined) {
        out += simple;
        i++;
      } else if (e === "u") {
        i++;
        for (let k = 0; k < 4; k++, i++) {
          if (i >= n || !isHex(text.charCodeAt(i))) {
            fail("in \\u hexadecimal character escape");
          }
        }
        out += String.fromCharCode(Number.parseInt(text.slice(i - 4, i), 16));
      } else {
        fail("in string escape code");
      }
      from = i;
    }
  };
  const isDigit = (): boolean => {
    const c = text.charCodeAt(i);
    return c >= 48 && c <= 57;
  };
  const readNumber = (): string => {
    const start = i;
    if (text.charCodeAt(i) === 45) i++; // -
    if (!isDigit()) fail("in numeric literal");
    if (text.charCodeAt(i) === 48) i++;
    else while (isDigit()) i++;
    if (text.charCodeAt(i) === 46) {
      i++;
      if (!isDigit()) fail("after decimal point in numeric literal");
      while (isDigit()) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (!isDigit()) fail("in exponent of numeric literal");
      while (isDigit()) i++;
    }
    return text.slice(start, i);
  };
  const readLiteral = (word: string): void => {
    for (let k = 0; k < word.length; k++, i++) {
      if (i >= n || text.charAt(i) !== word.charAt(k)) {
        fail(`in literal ${word} (expecting ${quoteChar(word.charAt(k))})`);
      }
    }
  };
  const readKey = (frame: Frame): void => {
    if (text.charCodeAt(i) !== 34) fail("looking for beginning of object key string");
    frame.keys.push(readString());
    skip();
    if (text.charCodeAt(i) !== 58) fail("after object key"); // :
    i++;
    skip();
  };

  // Each frame is an open object (keys and values) or array (values) being filled.
  interface Frame {
    readonly object: boolean;
    readonly keys: string[];
    readonly values: JsonNode[];
  }
  const stack: Frame[] = [];
  let result: JsonNode | undefined;
  const emit = (node: JsonNode): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) result = node;
    else top.values.push(node);
  };
  const close = (frame: Frame): JsonNode =>
    frame.object
      ? { kind: "object", keys: frame.keys, values: frame.values }
      : { kind: "array", items: frame.values };

  skip();
  for (;;) {
    // A value is expected here.
    if (i >= n) fail("looking for beginning of value");
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      // { or [
      if (stack.length >= MAX_DEPTH) throw new GoJsonError("exceeded max depth");
      i++;
      const frame: Frame = { object: c === 123, keys: [], values: [] };
      stack.push(frame);
      skip();
      if (text.charCodeAt(i) === (c === 123 ? 125 : 93)) {
        i++;
        stack.pop();
        emit(close(frame));
      } else {
        if (frame.object) readKey(frame);
        continue;
      }
    } else if (c === 34) {
      const value = readString();
      emit({ kind: "string", value, escaped });
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      emit({ kind: "number", raw: readNumber() });
    } else if (c === 116) {
      readLiteral("true");
      emit(TRUE);
    } else if (c === 102) {
      readLiteral("false");
      emit(FALSE);
    } else if (c === 110) {
      readLiteral("null");
      emit(NULL);
    } else {
      fail("looking for beginning of value");
    }
    // After a value: close containers or go on to the next element.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i < n) fail("after top-level value");
        return result as JsonNode;
      }
      const sep = text.charCodeAt(i);
      if (sep === 44) {
        // ,
        i++;
        skip();
        if (top.object) readKey(top);
        break;
      }
      if (sep === (top.object ? 125 : 93)) {
        i++;
        stack.pop();
        emit(close(top));
        continue;
      }
      fail(top.object ? "after object key:value pair" : "after array element");
    }
  }
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** A Go type to decode into, as far as manifests and image configs need. */
export type GoType =
  | { readonly t: "string" }
  | { readonly t: "int"; readonly name: "int" | "int64" }
  | { readonly t: "bool" }
  | { readonly t: "time" }
  | { readonly t: "slice"; readonly of: GoType; readonly name: string }
  | { readonly t: "map"; readonly of: GoType; readonly name: string }
  | { readonly t: "ptr"; readonly to: GoStruct }
  | GoStruct;

/** A Go struct: its type name and its fields by JSON key, in declaration order. */
export interface GoStruct {
  readonly t: "struct";
  readonly name: string;
  readonly fields: readonly (readonly [string, GoType])[];
}

/** A decoded value: strings, numbers, booleans, arrays, objects keyed by the JSON field names. */
export type GoValue = string | number | boolean | GoValue[] | { [key: string]: GoValue } | undefined;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT_LITERAL = /^-?(0|[1-9][0-9]*)$/;

function typeName(type: GoType): string {
  switch (type.t) {
    case "string":
    case "bool":
      return type.t;
    case "int":
      return type.name;
    case "time":
      return "time.Time";
    case "slice":
    case "map":
      return type.name;
    case "ptr":
      return type.to.name;
    default:
      return type.name;
  }
}

interface Context {
  /** The first `UnmarshalTypeError`, kept while decoding goes on. */
  saved: string | undefined;
}

function typeError(
  ctx: Context,
  node: JsonNode,
  type: GoType,
  struct: string,
  path: readonly string[],
): void {
  if (ctx.saved !== undefined) return;
  const value = node.kind === "number" && type.t === "int" ? `number ${node.raw}` : node.kind;
  ctx.saved =
    path.length === 0
      ? `json: cannot unmarshal ${value} into Go value of type ${typeName(type)}`
      : `json: cannot unmarshal ${value} into Go struct field ${struct}.${path.join(".")} of type ${typeName(type)}`;
}

/** `time.Time.UnmarshalJSON`: a JSON string (taken as written, unescaped) in strict RFC 3339. */
function decodeTime(node: JsonNode): GoValue {
  if (node.kind === "null") return undefined;
  if (node.kind !== "string") throw new GoJsonError("Time.UnmarshalJSON: input is not a JSON string");
  // Go parses the literal as written: an escape never makes a valid time
  const s = node.value;
  const t = node.escaped ? undefined : parseRFC3339(s);
  if (t === undefined) {
    throw new GoJsonError(`parsing time ${JSON.stringify(s)} as "2006-01-02T15:04:05Z07:00": cannot parse`);
  }
  return t;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/**
 * Go's strict RFC 3339 (`time.Time.UnmarshalJSON` since Go 1.20): the instant as Kubernetes prints a
 * `metav1.Time` (UTC, whole seconds), `""` for Go's zero time, or undefined when it does not parse.
 */
export function parseRFC3339(s: string): string | undefined {
  const m = RFC3339.exec(s);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(mo, y) || h > 23 || mi > 59 || se > 59) return undefined;
  let offset = 0;
  if (m[8] !== undefined) {
    const oh = Number(m[9]);
    const om = Number(m[10]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[8] === "-" ? -1 : 1) * (oh * 60 + om) * 60;
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, se, 0);
  date.setTime(date.getTime() - offset * 1000);
  const year = date.getUTCFullYear();
  const wholeSecond = m[7] === undefined || /^\.0+$/.test(m[7]);
  if (
    wholeSecond &&
    year === 1 &&
    date.getUTCMonth() === 0 &&
    date.getUTCDate() === 1 &&
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0
  ) {
    return ""; // Go's zero time: metav1.Time prints it as null
  }
  const pad = (v: number, w = 2): string => String(v).padStart(w, "0");
  const yyyy = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${yyyy}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(
    date.getUTCMinutes(),
  )}:${pad(date.getUTCSeconds())}Z`;
}

function fieldOf(struct: GoStruct, key: string): readonly [string, GoType] | undefined {
  const exact = struct.fields.find(([k]) => k === key);
  if (exact !== undefined) return exact;
  const folded = key.toLowerCase();
  return struct.fields.find(([k]) => k.toLowerCase() === folded);
}

function decodeInto(
  ctx: Context,
  node: JsonNode,
  type: GoType,
  old: GoValue,
  struct: string,
  path: string[], // the JSON keys from the root: pushed and popped around each field
): GoValue {
  switch (type.t) {
    case "time":
      return node.kind === "null" ? old : decodeTime(node);
    case "string":
      if (node.kind === "null") return old;
      if (node.kind === "string") return node.value;
      typeError(ctx, node, type, struct, path);
      return old;
    case "bool":
      if (node.kind === "null") return old;
      if (node.kind === "bool") return node.value;
      typeError(ctx, node, type, struct, path);
      return old;
    case "int": {
      if (node.kind === "null") return old;
      if (node.kind === "number" && INT_LITERAL.test(node.raw)) {
        // up to 15 digits is always in range and exact; longer literals are range-checked exactly
        if (node.raw.length <= 15) return Number(node.raw);
        const v = BigInt(node.raw);
        if (v >= INT64_MIN && v <= INT64_MAX) return Number(v);
      }
      typeError(ctx, node, type, struct, path);
      return old;
    }
    case "slice": {
      if (node.kind === "null") return undefined;
      if (node.kind !== "array") {
        typeError(ctx, node, type, struct, path);
        return old;
      }
      return node.items.map((item) => decodeInto(ctx, item, type.of, undefined, struct, path));
    }
    case "map": {
      if (node.kind === "null") return undefined;
      if (node.kind !== "object") {
        typeError(ctx, node, type, struct, path);
        return old;
      }
      const out: { [key: string]: GoValue } =
        typeof old === "object" && !Array.isArray(old) ? { ...old } : {};
      for (let j = 0; j < node.keys.length; j++) {
        const k = node.keys[j] as string;
        path.push(k);
        const decoded = decodeInto(ctx, node.values[j] as JsonNode, type.of, undefined, struct, path);
        path.pop();
        setKey(out, k, decoded === undefined ? zeroOf(type.of) : decoded);
      }
      return out;
    }
    case "ptr":
      if (node.kind === "null") return undefined;
      return decodeInto(ctx, node, type.to, old, struct, path);
    case "struct": {
      if (node.kind === "null") return old;
      if (node.kind !== "object") {
        typeError(ctx, node, type, struct, path);
        return old;
      }
      const out: { [key: string]: GoValue } =
        typeof old === "object" && !Array.isArray(old) ? { ...old } : {};
      for (let j = 0; j < node.keys.length; j++) {
        const field = fieldOf(type, node.keys[j] as string);
        const v = node.values[j] as JsonNode;
        if (field === undefined) continue;
        const [name, fieldType] = field;
        path.push(name);
        out[name] = decodeInto(ctx, v, fieldType, out[name], shortName(type), path);
        path.pop();
      }
      return out;
    }
  }
}

/** A struct's type name without its package, as Go's `UnmarshalTypeError.Struct` prints it. */
function shortName(struct: GoStruct): string {
  return struct.name.slice(struct.name.lastIndexOf(".") + 1);
}

/** Sets an own key, `__proto__` included (a map key from the input is data, never a prototype). */
function setKey(obj: { [key: string]: GoValue }, key: string, value: GoValue): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value a fresh map element holds before decoding into it (a JSON null leaves it so). */
function zeroOf(type: GoType): GoValue {
  switch (type.t) {
    case "string":
      return "";
    case "int":
      return 0;
    case "bool":
      return false;
    case "struct":
      return {};
    default:
      return undefined;
  }
}

/**
 * `json.Unmarshal(text, &v)` for a value of `type`: the decoded fields (absent ones left out), or
 * the Go error.
 *
 * @throws GoJsonError on a syntax error, a time that does not parse, or (after decoding the rest)
 *   the first value of the wrong kind
 */
export function unmarshal(text: string, type: GoType): GoValue {
  const node = parseGoJson(text);
  const ctx: Context = { saved: undefined };
  const out = decodeInto(ctx, node, type, undefined, type.t === "struct" ? shortName(type) : "", []);
  if (ctx.saved !== undefined) throw new GoJsonError(ctx.saved);
  return out;
}
