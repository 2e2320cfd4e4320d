/**
 * R4.4: validation of an ImageStreamTag on create and update (upstream `ValidateImageStreamTag`,
 * `ValidateImageStreamTagUpdate`).
 */
import { type FieldError, invalidField } from "../errors.js";
import { asObj, type Obj, obj, omit, own, semanticEqual } from "./internal.js";
import { metaChanged, pathSegmentNameErrors, validateObjectMeta, validateObjectMetaUpdate } from "./k8s.js";
import { validateTagReference } from "./tag-reference.js";

/** R4.4.2: the `tag` reference and its annotations. */
function validateTag(ist: Obj | undefined): FieldError[] {
  const tag = obj(ist, "tag");
  if (tag === undefined) return [];
  const errs = validateTagReference(tag, "tag");
  const annotations = own(tag, "annotations");
  if (
    asObj(annotations) !== undefined &&
    !semanticEqual(annotations, own(obj(ist, "metadata"), "annotations"))
  ) {
    errs.push(
      invalidField(
        "tag.annotations",
        "<map>",
        "tag annotations must not be provided or must be equal to the object meta annotations",
      ),
    );
  }
  return errs;
}

/**
 * Validates an ImageStreamTag for create (docs/behaviour.md R4.4.1, R4.4.2): `metadata.name` required and a
 * path segment (so `:` is fine, `/` and `%` are not), `metadata.namespace` required and a DNS
 * label; if `tag` is set it is validated as a TagReference under `tag`, and non-null
 * `tag.annotations` must equal `metadata.annotations`. Any input shape; never throws.
 *
 * @param istag - an ImageStreamTag (any shape)
 * @example
 * ```ts
 * validateImageStreamTag({
 *   metadata: { name: "ruby:latest", namespace: "test" },
 *   tag: { name: "latest", from: { kind: "DockerImage", name: "" } },
 * });
 * // [{ type: "FieldValueRequired", field: "tag.from.name", value: "", detail: "" }]
 * ```
 * @public
 */
export function validateImageStreamTag(istag: unknown): FieldError[] {
  const ist = asObj(istag);
  return [
    ...validateObjectMeta(obj(ist, "metadata"), true, pathSegmentNameErrors, "metadata"),
    ...validateTag(ist),
  ];
}

/**
 * Validates an update of an ImageStreamTag (docs/behaviour.md R4.4.2, R4.4.3) against the old object
 * synthesized from the stream: `metadata.name`/`namespace` unchanged, the new `tag` valid (as on
 * create), and nothing but `metadata.annotations`, `tag`, `lookupPolicy` and `generation` changed
 * (else Invalid on `metadata`: `may not update fields other than metadata.annotations`).
 * Server-filled metadata (`resourceVersion`, `generation`, `creationTimestamp`, `managedFields`,
 * an empty `uid`), `apiVersion` and `kind` are not compared. Any input shape; never throws.
 *
 * @param next - the ImageStreamTag sent by the client (any shape)
 * @param old - the current ImageStreamTag (any shape)
 * @example
 * ```ts
 * const old = { metadata: { name: "ruby:latest", namespace: "test" } };
 * validateImageStreamTagUpdate({ metadata: { ...old.metadata, labels: { a: "b" } } }, old);
 * // [{ type: "FieldValueInvalid", field: "metadata", value: "", detail: "may not update fields other than metadata.annotations" }]
 * ```
 * @public
 */
export function validateImageStreamTagUpdate(next: unknown, old: unknown): FieldError[] {
  const n = asObj(next);
  const o = asObj(old);
  const errs = [
    ...validateObjectMetaUpdate(obj(n, "metadata"), obj(o, "metadata"), "metadata"),
    ...validateTag(n),
  ];
  const ignored = ["metadata", "tag", "lookupPolicy", "generation", "apiVersion", "kind"];
  if (
    metaChanged(obj(n, "metadata"), obj(o, "metadata"), ["annotations"]) ||
    !semanticEqual(omit(n, ignored), omit(o, ignored))
  ) {
    errs.push(invalidField("metadata", "", "may not update fields other than metadata.annotations"));
  }
  return errs;
}
