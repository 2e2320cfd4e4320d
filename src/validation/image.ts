/**
 * R1.9.7 / R1.9.8 / R4.3.4: validation of an Image (upstream `validateImage`,
 * `validateImageManifests`).
 */
import { type FieldError, invalidField, requiredField } from "../errors.js";
import { validateImageSignature } from "./image-signature.js";
import { arr, asObj, child, index, num, obj, own, str } from "./internal.js";
import { pathSegmentNameErrors, validateObjectMeta } from "./k8s.js";
import { parseForValidation } from "./reference.js";

const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

function isLowerHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);
}

/**
 * An OCI-conformant digest as `go-digest` `Digest.Validate` accepts it: a registered algorithm
 * (`sha256`, `sha384`, `sha512`), a colon, and exactly 64/96/128 **lowercase** hex characters.
 * (Stricter than the library-go dialect of `isDigest`, which also accepts uppercase hex.)
 */
export function isOCIDigest(s: string): boolean {
  const i = s.indexOf(":");
  if (i <= 0) return false;
  const want = Object.hasOwn(DIGEST_HEX_LENGTH, s.slice(0, i)) ? DIGEST_HEX_LENGTH[s.slice(0, i)] : undefined;
  if (want === undefined || s.length - i - 1 !== want) return false;
  for (let j = i + 1; j < s.length; j++) if (!isLowerHex(s.charCodeAt(j))) return false;
  return true;
}

function isMediaTypeChar(c: number, first: boolean): boolean {
  const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (alnum) return true;
  if (first) return false;
  // ! # $ & ^ _ . + -
  return (
    c === 0x21 ||
    c === 0x23 ||
    c === 0x24 ||
    c === 0x26 ||
    c === 0x5e ||
    c === 0x5f ||
    c === 0x2e ||
    c === 0x2b ||
    c === 0x2d
  );
}

function isRestrictedName(s: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 1 || n > 127) return false;
  for (let i = from; i < to; i++) if (!isMediaTypeChar(s.charCodeAt(i), i === from)) return false;
  return true;
}

/**
 * An RFC 6838 media type `type/subtype` as the OCI image spec matches it:
 * `^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$`.
 */
export function isRFC6838MediaType(s: string): boolean {
  const slash = s.indexOf("/");
  return slash > 0 && isRestrictedName(s, 0, slash) && isRestrictedName(s, slash + 1, s.length);
}

function validateImageManifests(manifests: readonly unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  manifests.forEach((m, i) => {
    const o = asObj(m);
    const p = index(path, i);
    const digest = str(o, "digest");
    if (!isOCIDigest(digest))
      errs.push(
        invalidField(child(p, "digest"), digest, "digest does not conform with OCI image specification"),
      );
    const mediaType = str(o, "mediaType");
    if (!isRFC6838MediaType(mediaType))
      errs.push(invalidField(child(p, "mediaType"), mediaType, "media type does not conform to RFC6838"));
    if (str(o, "architecture") === "") errs.push(requiredField(child(p, "architecture")));
    if (str(o, "os") === "") errs.push(requiredField(child(p, "os")));
    const size = num(o, "manifestSize");
    if (size < 0) errs.push(invalidField(child(p, "size"), size, "manifest size cannot be negative"));
  });
  return errs;
}

/**
 * Validates an Image (R1.9.7, R1.9.8) and returns every field error, paths prefixed by `path`:
 *
 * - `metadata.name` required (`name or generateName is required`) and a valid path segment
 *   (`may not be '.'`, `may not contain '/'`, `may not contain '%'`); `metadata.namespace` must be
 *   empty (images are cluster-scoped: Forbidden `not allowed on this type`);
 * - `dockerImageReference` required and must parse (Invalid with the parser's message);
 * - each embedded `signatures[i]`: name `<imageName>@<signatureName>`, `type` and `content`
 *   required, no labels or annotations, `Trusted`/`ForImage` conditions in pairs, and no identity
 *   or claims while the trust state is unknown;
 * - for a manifest list (`dockerImageManifests` non-empty): each sub-manifest needs an OCI
 *   digest, an RFC 6838 media type, `architecture`, `os`, and a non-negative `manifestSize`
 *   (reported on `…size`, as upstream does); then `dockerImageLayers` must be empty
 *   (`dockerImageLayers should not be set when dockerImageManifests is set`).
 *
 * Any input shape is accepted; never throws.
 *
 * @param image - an Image (any shape)
 * @param path - prefix of every field path (`"image"` inside an ImageStreamMapping); default none
 * @example
 * ```ts
 * validateImage({ metadata: { name: "sha256:abc" } });
 * // [{ type: "FieldValueRequired", field: "dockerImageReference", value: "", detail: "" }]
 * validateImage({ dockerImageReference: "x/y" }, "image")[0]?.field; // "image.metadata.name"
 * ```
 * @public
 */
export function validateImage(image: unknown, path = ""): FieldError[] {
  const img = asObj(image);
  const errs = validateObjectMeta(
    obj(img, "metadata"),
    false,
    pathSegmentNameErrors,
    child(path, "metadata"),
  );

  const refPath = child(path, "dockerImageReference");
  const ref = str(img, "dockerImageReference");
  if (ref === "") errs.push(requiredField(refPath));
  else {
    const parsed = parseForValidation(ref);
    if (!parsed.ok) errs.push(invalidField(refPath, ref, parsed.message));
  }

  arr(img, "signatures").forEach((sig, i) => {
    errs.push(...validateImageSignature(sig, index(child(path, "signatures"), i)));
  });

  const manifests = arr(img, "dockerImageManifests");
  if (manifests.length > 0) {
    // upstream order: the sub-manifest errors first, then the layers rule
    errs.push(...validateImageManifests(manifests, child(path, "dockerImageManifests")));
    const layers = arr(img, "dockerImageLayers");
    if (layers.length > 0) {
      errs.push(
        invalidField(
          child(path, "dockerImageLayers"),
          own(img, "dockerImageLayers"),
          "dockerImageLayers should not be set when dockerImageManifests is set",
        ),
      );
    }
  }
  return errs;
}
