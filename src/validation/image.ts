/**
 * R1.9.7 / R1.9.8 / R4.3.4: validation of an Image (upstream `validateImage`,
 * `validateImageManifests`).
 */
import { type FieldError, invalidField, requiredField } from "../errors.js";
import { isAnyHex } from "../reference/digest.js";
import { validateImageSignature } from "./image-signature.js";
import { arr, asObj, child, index, num, obj, own, str } from "./internal.js";
import { isAlnum, pathSegmentNameErrors, validateObjectMeta } from "./k8s.js";
import { parseForValidation } from "./reference.js";

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Minimum number of hex digits after the algorithm's colon. */
const DIGEST_HEX_MIN = 32;

/**
 * Upstream's sub-manifest digest check: `imageDigestRegexp.MatchString`, an **unanchored** match
 * of `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`. Some substring
 * must match, which happens exactly when some `:` is followed by 32 hex digits (either case) and
 * preceded by a run of `[A-Za-z0-9]` that holds a letter (the shortest algorithm is one part).
 * So `md5:` + 32 hex, uppercase hex, or text around a digest all pass, as on a cluster. Linear:
 * the runs before two colons do not overlap, and at most 32 characters are read after each.
 */
export function isOCIDigest(s: string): boolean {
  for (let k = s.indexOf(":"); k !== -1; k = s.indexOf(":", k + 1)) {
    if (s.length - k - 1 < DIGEST_HEX_MIN) return false;
    let hex = 0;
    while (hex < DIGEST_HEX_MIN && isAnyHex(s.charCodeAt(k + 1 + hex))) hex++;
    if (hex < DIGEST_HEX_MIN) continue;
    for (let j = k - 1; j >= 0 && isAlnum(s.charCodeAt(j)); j--) if (isAlpha(s.charCodeAt(j))) return true;
  }
  return false;
}

/**
 * Upstream's sub-manifest media type check (`imageMediaTypeRegexp`, anchored):
 * `^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})\/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *$`:
 * spaces around the value are allowed, and the type part may not hold `.` or `+`. Every
 * quantifier ranges over a class disjoint from what follows it, so the match is linear.
 */
const MEDIA_TYPE = /^ *[A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126} *$/;

/** Whether `s` passes upstream's media type check (see `MEDIA_TYPE`). */
export function isRFC6838MediaType(s: string): boolean {
  return MEDIA_TYPE.test(s);
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
