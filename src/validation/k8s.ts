/**
 * The generic Kubernetes validation the image API relies on (`k8s.io/apimachinery`
 * `util/validation`, `api/validation`, `api/validation/path`): DNS-1123 labels and subdomains,
 * qualified names, label values, path segment names, and the `ObjectMeta` rules.
 *
 * Every check is a linear scanner (no regular expressions on user input). Messages are the
 * upstream ones, verbatim (including the double space in the DNS-1123 label message, which comes
 * from `RegexError`).
 */
import { type FieldError, forbiddenField, invalidField, requiredField } from "../errors.js";
import { byteLength, child, keysOf, type Obj, obj, own, semanticEqual, setOwn, str } from "./internal.js";

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QUALIFIED_NAME_ERR =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Total size limit of `metadata.annotations` (keys + values, bytes). */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

/** `RegexError` of apimachinery: the message, examples and the regex. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let s = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) s += " or ";
    s += `'${e}', `;
  });
  return `${s}regex used for validation is '${fmt}')`;
}

/** `MaxLenError`. */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

const EMPTY_ERROR = "must be non-empty";

function isLowerAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}
/** Whether the code unit is an ASCII letter or digit. */
export function isAlnum(c: number): boolean {
  return isLowerAlnum(c) || (c >= 0x41 && c <= 0x5a);
}

/** Matches `[a-z0-9]([-a-z0-9]*[a-z0-9])?` completely. */
function matchesDNS1123Label(s: string, from = 0, to = s.length): boolean {
  if (to <= from) return false;
  if (!isLowerAlnum(s.charCodeAt(from)) || !isLowerAlnum(s.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isLowerAlnum(c) && c !== 0x2d) return false;
  }
  return true;
}

/** Matches the DNS-1123 subdomain format completely (labels joined by single dots). */
function matchesDNS1123Subdomain(s: string): boolean {
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s.charCodeAt(i) === 0x2e) {
      if (!matchesDNS1123Label(s, start, i)) return false;
      start = i + 1;
    }
  }
  return true;
}

/** Matches `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` completely. */
function matchesQualifiedNamePart(s: string): boolean {
  if (s.length === 0) return false;
  if (!isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(s.length - 1))) return false;
  for (let i = 1; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 0x2d && c !== 0x5f && c !== 0x2e) return false;
  }
  return true;
}

/** `validation.IsDNS1123Label`: the reasons `value` is not a lowercase RFC 1123 label. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!matchesDNS1123Label(value)) {
    if (matchesDNS1123Subdomain(value)) errs.push("must not contain dots");
    else errs.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc"));
  }
  return errs;
}

/** `validation.IsDNS1123Subdomain`. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!matchesDNS1123Subdomain(value))
    errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com"));
  return errs;
}

/** `validation.IsQualifiedName` (label keys, annotation keys). */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) {
    name = parts[0] as string;
  } else if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`);
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    errs.push(
      `a qualified name ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    );
    return errs;
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`);
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!matchesQualifiedNamePart(name))
    errs.push(
      `name part ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")}`,
    );
  return errs;
}

/** `validation.IsValidLabelValue`. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (value !== "" && !matchesQualifiedNamePart(value))
    errs.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  return errs;
}

/**
 * `path.ValidatePathSegmentName`: a name usable as one URL path segment. With `prefix` (a
 * `generateName`) only the forbidden characters are checked.
 */
export function pathSegmentNameErrors(name: string, prefix = false): string[] {
  if (!prefix) {
    for (const bad of [".", ".."]) if (name === bad) return [`may not be '${bad}'`];
  }
  const errs: string[] = [];
  for (const bad of ["/", "%"]) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/** A name validation function: the reasons `name` is invalid (`prefix` for `generateName`). */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** `ValidateLabels`: keys are qualified names, values label values; errors on `path` itself. */
export function validateLabels(labels: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of keysOf(labels).sort()) {
    for (const m of isQualifiedName(k)) errs.push(invalidField(path, k, m));
    const v = own(labels, k);
    const value = typeof v === "string" ? v : "";
    for (const m of isValidLabelValue(value)) errs.push(invalidField(path, value, m));
  }
  return errs;
}

/** `ValidateAnnotations`: keys are qualified names (case-insensitive); total size at most 256 KiB. */
export function validateAnnotations(annotations: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of keysOf(annotations).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalidField(path, k, m));
    const v = own(annotations, k);
    total += byteLength(k) + (typeof v === "string" ? byteLength(v) : 0);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
    errs.push({
      type: "FieldValueTooLong",
      field: path,
      value: "",
      detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes`,
    });
  }
  return errs;
}

/**
 * `ValidateObjectMeta` (the parts that apply to image objects): `generateName`, `name` (required,
 * then `nameFn`), `namespace` (required and a DNS label, or forbidden for cluster-scoped kinds),
 * `generation` non-negative, labels and annotations.
 */
export function validateObjectMeta(
  meta: Obj | undefined,
  requiresNamespace: boolean,
  nameFn: NameValidator,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = str(meta, "generateName");
  if (generateName !== "") {
    for (const m of nameFn(generateName, true))
      errs.push(invalidField(child(path, "generateName"), generateName, m));
  }
  const name = str(meta, "name");
  if (name === "") errs.push(requiredField(child(path, "name"), "name or generateName is required"));
  else for (const m of nameFn(name, false)) errs.push(invalidField(child(path, "name"), name, m));
  const namespace = str(meta, "namespace");
  if (requiresNamespace) {
    if (namespace === "") errs.push(requiredField(child(path, "namespace")));
    else
      for (const m of isDNS1123Label(namespace))
        errs.push(invalidField(child(path, "namespace"), namespace, m));
  } else if (namespace !== "") {
    errs.push(forbiddenField(child(path, "namespace"), "not allowed on this type"));
  }
  const generation = own(meta, "generation");
  if (typeof generation === "number" && generation < 0) {
    errs.push(invalidField(child(path, "generation"), generation, "must be greater than or equal to 0"));
  }
  errs.push(...validateLabels(obj(meta, "labels"), child(path, "labels")));
  errs.push(...validateAnnotations(obj(meta, "annotations"), child(path, "annotations")));
  return errs;
}

/** `ValidateImmutableField`. */
function immutable(next: unknown, old: unknown, path: string): FieldError[] {
  return semanticEqual(next, old) ? [] : [invalidField(path, next ?? "", "field is immutable")];
}

/**
 * `ValidateObjectMetaUpdate` (the parts a pure library can check): `name` and `namespace` are
 * immutable; labels and annotations of the new object are valid. System fields the server copies
 * from the old object before validating (`uid`, `creationTimestamp`, `generation`,
 * `resourceVersion`) are not checked.
 */
export function validateObjectMetaUpdate(
  next: Obj | undefined,
  old: Obj | undefined,
  path: string,
): FieldError[] {
  return [
    ...immutable(str(next, "name"), str(old, "name"), child(path, "name")),
    ...immutable(str(next, "namespace"), str(old, "namespace"), child(path, "namespace")),
    ...validateLabels(obj(next, "labels"), child(path, "labels")),
    ...validateAnnotations(obj(next, "annotations"), child(path, "annotations")),
  ];
}

/**
 * Metadata fields the API server fills in from the old object before it validates an update
 * (`rest.BeforeUpdate`), so a client's value never causes a "may not update" error.
 */
export const SERVER_FILLED_META = [
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "managedFields",
  "selfLink",
] as const;

/**
 * Whether the metadata of an update differs from the old metadata, ignoring the server-filled
 * fields, `uid` when the new object leaves it empty (the server copies the old one), and `ignore`.
 */
export function metaChanged(
  next: Obj | undefined,
  old: Obj | undefined,
  ignore: readonly string[] = [],
): boolean {
  const drop = [...SERVER_FILLED_META, ...ignore];
  if (str(next, "uid") === "") drop.push("uid");
  const strip = (m: Obj | undefined): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const k of keysOf(m)) if (!drop.includes(k)) setOwn(out, k, own(m, k));
    return out;
  };
  return !semanticEqual(strip(next), strip(old));
}
