/**
 * Image stream names (docs/behaviour.md §2, library-go `imageutil`): `stream:tag` (ImageStreamTag) and
 * `stream@id` (ImageStreamImage), split / join / strict parse, image-ID prefix matching and
 * local tag references.
 */
import { ImageReferenceError, quoteInput } from "../errors.js";
import { isDigest } from "../reference/digest.js";
import { safeString } from "../reference/guards.js";

const DEFAULT_IMAGE_TAG = "latest";

/** Characters Go's `%q` escapes (or replaces), as far as they matter here. */
const NEEDS_QUOTING = /["\\\u0000-\u001f\u007f\ud800-\udfff]/;

const SIMPLE_ESCAPES: Record<number, string> = {
  7: "\\a",
  8: "\\b",
  9: "\\t",
  10: "\\n",
  11: "\\v",
  12: "\\f",
  13: "\\r",
  34: '\\"',
  92: "\\\\",
};

/**
 * Go's `%q` for the characters that matter here: escapes quotes, backslashes and ASCII controls;
 * a lone surrogate (invalid UTF-8 once encoded) becomes U+FFFD. Linear: a native test for the
 * common case, otherwise one pass collecting slices.
 */
export function goQuote(s: string): string {
  if (!NEEDS_QUOTING.test(s)) return `"${s}"`;
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20 || c === 0x7f || c === 34 || c === 92) {
      rep = SIMPLE_ESCAPES[c] ?? `\\x${c.toString(16).padStart(2, "0")}`;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++; // a valid pair stays as it is
        continue;
      }
      rep = "\ufffd";
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      rep = "\ufffd";
    }
    if (rep !== undefined) {
      parts.push(s.slice(last, i), rep);
      last = i + 1;
    }
  }
  parts.push(s.slice(last));
  return `"${parts.join("")}"`;
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/**
 * `SplitImageStreamTag` (R2.1): splits at the first `:`; the tag defaults to `latest` when missing
 * or empty; `ok` is true iff a `:` was present.
 *
 * @example
 * ```ts
 * splitImageStreamTag("a:b:c"); // { name: "a", tag: "b:c", ok: true }
 * splitImageStreamTag("foo"); // { name: "foo", tag: "latest", ok: false }
 * ```
 * @public
 */
export function splitImageStreamTag(s: string): { name: string; tag: string; ok: boolean } {
  s = str(s);
  const i = s.indexOf(":");
  if (i === -1) return { name: s, tag: DEFAULT_IMAGE_TAG, ok: false };
  const tag = s.slice(i + 1);
  return { name: s.slice(0, i), tag: tag === "" ? DEFAULT_IMAGE_TAG : tag, ok: true };
}

/**
 * `SplitImageStreamImage` (R2.2): splits at the first `@`; `id` is empty when absent; `ok` is true
 * iff an `@` was present.
 *
 * @example
 * ```ts
 * splitImageStreamImage("ruby@sha256:abc"); // { name: "ruby", id: "sha256:abc", ok: true }
 * ```
 * @public
 */
export function splitImageStreamImage(s: string): { name: string; id: string; ok: boolean } {
  s = str(s);
  const i = s.indexOf("@");
  if (i === -1) return { name: s, id: "", ok: false };
  return { name: s.slice(0, i), id: s.slice(i + 1), ok: true };
}

/**
 * `JoinImageStreamTag` (R2.3): `name:tag`, with tag `latest` when empty.
 *
 * @example
 * ```ts
 * joinImageStreamTag("foo", ""); // "foo:latest"
 * ```
 * @public
 */
export function joinImageStreamTag(name: string, tag: string): string {
  const t = str(tag);
  return `${str(name)}:${t === "" ? DEFAULT_IMAGE_TAG : t}`;
}

/**
 * `JoinImageStreamImage` (R2.3): `name@id`.
 *
 * @example
 * ```ts
 * joinImageStreamImage("ruby", "sha256:abc"); // "ruby@sha256:abc"
 * ```
 * @public
 */
export function joinImageStreamImage(name: string, id: string): string {
  return `${str(name)}@${str(id)}`;
}

/**
 * `ParseImageStreamTagName` (R2.4): strict `name:tag` with exactly one `:` and no `@`, both parts
 * non-empty.
 *
 * @throws ImageReferenceError kind `ImageStreamTagName` with the library-go message, e.g.
 *   `expected exactly one : delimiter in the istag "hello"`.
 * @example
 * ```ts
 * parseImageStreamTagName("ruby:2.7"); // { name: "ruby", tag: "2.7" }
 * ```
 * @public
 */
export function parseImageStreamTagName(s: string): { name: string; tag: string } {
  const input = safeString(s);
  const q = quoteInput(input, 256, goQuote);
  if (input.includes("@")) {
    throw new ImageReferenceError(
      "ImageStreamTagName",
      `${q} is an image stream image, not an image stream tag`,
      input,
      input.indexOf("@"),
    );
  }
  const i = input.indexOf(":");
  if (i === -1 || input.indexOf(":", i + 1) !== -1) {
    throw new ImageReferenceError(
      "ImageStreamTagName",
      `expected exactly one : delimiter in the istag ${q}`,
      input,
      i === -1 ? undefined : input.indexOf(":", i + 1),
    );
  }
  const name = input.slice(0, i);
  const tag = input.slice(i + 1);
  if (name === "" || tag === "") {
    throw new ImageReferenceError(
      "ImageStreamTagName",
      `image stream tag name ${q} must have a name and a tag`,
      input,
      i,
    );
  }
  return { name, tag };
}

/**
 * `ParseImageStreamImageName` (R2.5): strict `name@id` with exactly one `@`, both parts non-empty.
 *
 * @throws ImageReferenceError kind `ImageStreamImageName` with the library-go message, e.g.
 *   `expected exactly one @ in the isimage name "a"`.
 * @example
 * ```ts
 * parseImageStreamImageName("ruby@sha256:abc"); // { name: "ruby", id: "sha256:abc" }
 * ```
 * @public
 */
export function parseImageStreamImageName(s: string): { name: string; id: string } {
  const input = safeString(s);
  const q = quoteInput(input, 256, goQuote);
  const i = input.indexOf("@");
  if (i === -1 || input.indexOf("@", i + 1) !== -1) {
    throw new ImageReferenceError(
      "ImageStreamImageName",
      `expected exactly one @ in the isimage name ${q}`,
      input,
      i === -1 ? undefined : input.indexOf("@", i + 1),
    );
  }
  const name = input.slice(0, i);
  const id = input.slice(i + 1);
  if (name === "" || id === "") {
    throw new ImageReferenceError(
      "ImageStreamImageName",
      `image stream image name ${q} must have a name and ID`,
      input,
      i,
    );
  }
  return { name, id };
}

/**
 * `DigestOrImageMatch` (R2.6): when `image` is a valid digest, matches if its hex part or the whole
 * string starts with `id`; otherwise matches if `image` starts with `id`. The empty id matches all.
 *
 * @example
 * ```ts
 * digestOrImageMatch("sha256:" + "ab".repeat(32), "abab"); // true
 * digestOrImageMatch("anotherid", "id"); // false
 * ```
 * @public
 */
export function digestOrImageMatch(image: string, id: string): boolean {
  const img = str(image);
  const want = str(id);
  if (isDigest(img)) {
    const hex = img.slice(img.indexOf(":") + 1);
    return hex.startsWith(want) || img.startsWith(want);
  }
  return img.startsWith(want);
}

/**
 * The parts of an image stream {@link tagReferencesLocalTag} reads.
 *
 * @example
 * ```ts
 * const s: LocalTagStream = { metadata: { name: "is", namespace: "ns" } };
 * ```
 * @public
 */
export interface LocalTagStream {
  readonly metadata?: { readonly name?: string; readonly namespace?: string } | null;
}

/**
 * The parts of a spec tag {@link tagReferencesLocalTag} reads.
 *
 * @example
 * ```ts
 * const t: LocalTagReference = { from: { kind: "ImageStreamTag", name: "foo" } };
 * ```
 * @public
 */
export interface LocalTagReference {
  readonly from?: { readonly kind?: string; readonly name?: string; readonly namespace?: string } | null;
}

/**
 * `TagReferencesLocalTag` (R2.8): when a spec tag points at another tag of the same stream
 * (`from.kind` `ImageStreamTag`, namespace empty or the stream's, name `foo` or `<stream>:foo`),
 * returns that tag and `ok: true`; otherwise `{ tag: "", ok: false }`.
 *
 * @example
 * ```ts
 * const stream = { metadata: { name: "is", namespace: "ns" } };
 * tagReferencesLocalTag(stream, { from: { kind: "ImageStreamTag", name: "is:foo" } }); // { tag: "foo", ok: true }
 * tagReferencesLocalTag(stream, { from: { kind: "ImageStreamTag", name: "other:foo" } }); // { tag: "", ok: false }
 * ```
 * @public
 */
export function tagReferencesLocalTag(
  stream: LocalTagStream,
  ref: LocalTagReference,
): { tag: string; ok: boolean } {
  const from = ref?.from;
  if (from === null || from === undefined || from.kind !== "ImageStreamTag") return { tag: "", ok: false };
  const namespace = str(from.namespace);
  if (namespace !== "" && namespace !== str(stream?.metadata?.namespace)) return { tag: "", ok: false };
  const prefix = `${str(stream?.metadata?.name)}:`;
  let name = str(from.name);
  if (name.startsWith(prefix)) name = name.slice(prefix.length);
  if (name.includes(":")) return { tag: "", ok: false };
  return { tag: name, ok: true };
}
