/**
 * Validation of the signatures embedded in an Image (upstream `validateImageSignature`), run by
 * `validateImage` for every `signatures[i]`.
 */
import { type FieldError, forbiddenField, invalidField, requiredField } from "../errors.js";
import { arr, asObj, child, keysOf, type Obj, obj, own, str } from "./internal.js";
import { pathSegmentNameErrors, validateObjectMeta } from "./k8s.js";

const UNSET = "must be unset for unknown signature state";

/** `<imageName>@<signatureName>`: exactly one `@`, both parts non-empty. */
function isSignatureName(name: string): boolean {
  const parts = name.split("@");
  return parts.length === 2 && parts[0] !== "" && parts[1] !== "";
}

/** `metav1.Time.Before` on RFC 3339 strings; absent/unparsable times are the zero time. */
function before(a: Obj, b: Obj): boolean {
  const t = (o: Obj): number => {
    const ms = Date.parse(str(o, "lastProbeTime"));
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  };
  return t(a) < t(b);
}

/**
 * Picks the latest `Trusted` and `ForImage` conditions the way upstream does, including its
 * operator-precedence quirk: once a `ForImage` condition is known, any later condition not taken as
 * `Trusted` (whatever its type) replaces it unless it is older. (Where upstream would dereference a
 * nil pointer, the condition is skipped.)
 */
function pickConditions(conditions: readonly unknown[]): { trusted?: Obj; forImage?: Obj } {
  let trusted: Obj | undefined;
  let forImage: Obj | undefined;
  for (const c of conditions) {
    const cond = asObj(c) ?? {};
    const type = str(cond, "type");
    if (type === "Trusted" && (trusted === undefined || !before(cond, trusted))) trusted = cond;
    else if (
      (type === "ForImage" && forImage === undefined) ||
      (forImage !== undefined && !before(cond, forImage))
    )
      forImage = cond;
  }
  return { ...(trusted ? { trusted } : {}), ...(forImage ? { forImage } : {}) };
}

/** Validates one ImageSignature under `path` (e.g. `signatures[0]`). */
export function validateImageSignature(signature: unknown, path: string): FieldError[] {
  const sig = asObj(signature);
  const meta = obj(sig, "metadata");
  const metaPath = child(path, "metadata");
  const errs = validateObjectMeta(meta, false, pathSegmentNameErrors, metaPath);
  if (keysOf(obj(meta, "labels")).length > 0)
    errs.push(forbiddenField(child(metaPath, "labels"), "signature labels cannot be set"));
  if (keysOf(obj(meta, "annotations")).length > 0)
    errs.push(forbiddenField(child(metaPath, "annotations"), "signature annotations cannot be set"));
  const name = str(meta, "name");
  if (!isSignatureName(name))
    errs.push(
      invalidField(child(metaPath, "name"), name, "name must be of format <imageName>@<signatureName>"),
    );
  if (str(sig, "type") === "") errs.push(requiredField(child(path, "type")));
  if (str(sig, "content") === "") errs.push(requiredField(child(path, "content")));

  const conditions = arr(sig, "conditions");
  const { trusted, forImage } = pickConditions(conditions);
  if (trusted !== undefined && forImage === undefined)
    errs.push(invalidField(child(path, "conditions"), conditions, 'missing "ForImage" condition type'));
  else if (forImage !== undefined && trusted === undefined)
    errs.push(invalidField(child(path, "conditions"), conditions, 'missing "Trusted" condition type'));

  if (trusted === undefined || str(trusted, "status") === "Unknown") {
    const set: Record<string, boolean> = {
      imageIdentity: str(sig, "imageIdentity") !== "",
      signedClaims: keysOf(obj(sig, "signedClaims")).length > 0,
      issuedBy: obj(sig, "issuedBy") !== undefined,
      issuedTo: obj(sig, "issuedTo") !== undefined,
    };
    for (const [f, isSet] of Object.entries(set))
      if (isSet) errs.push(invalidField(child(path, f), own(sig, f), UNSET));
  }
  return errs;
}
