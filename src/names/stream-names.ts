/**
 * Image stream names (SEMANTICS §2, library-go `imageutil`): `stream:tag` (ImageStreamTag) and
 * `stream@id` (ImageStreamImage), split / join / strict parse, image-ID prefix matching and
 * local tag references.
 */
import { ImageReferenceError } from "../errors.js";
import { isDigest } from "../reference/index.js";

const DEFAULT_IMAGE_TAG = "latest";

/** Go's `%q` for the characters that matter here: escapes quotes, backslashes and ASCII controls. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += "\ufffd";
    else out += ch;
  }
  return `${out}"`;
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
  const input = typeof s === "string" ? s : String(s);
  const q = goQuote(input);
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
  const input = typeof s === "string" ? s : String(s);
  const q = goQuote(input);
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
