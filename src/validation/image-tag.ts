/**
 * R4.5: validation of an ImageTag on create and update (upstream `ValidateImageTag`,
 * `ValidateImageTagUpdate`).
 */
import { type FieldError, invalidField, requiredField } from "../errors.js";
import { asObj, type Obj, obj, own, semanticEqual, str } from "./internal.js";
import { metaChanged, pathSegmentNameErrors, validateObjectMeta, validateObjectMetaUpdate } from "./k8s.js";
import { validateTagReference } from "./tag-reference.js";

/** `SplitImageStreamTag` (R2.1): tag after the first `:`, `latest` when empty; ok iff `:` present. */
function splitTag(name: string): { tag: string; ok: boolean } {
  const i = name.indexOf(":");
  if (i < 0) return { tag: "latest", ok: false };
  const tag = name.slice(i + 1);
  return { tag: tag === "" ? "latest" : tag, ok: true };
}

/** `spec.name` must be the tag part of `metadata.name`, then R4.2 under `spec`. */
function validateSpec(itag: Obj | undefined, spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const { tag, ok } = splitTag(str(obj(itag, "metadata"), "name"));
  const specName = str(spec, "name");
  if (!ok || specName !== tag) errs.push(invalidField("spec.name", specName, "must match image tag name"));
  errs.push(...validateTagReference(spec, "spec"));
  return errs;
}

/**
 * Validates an ImageTag for create (docs/behaviour.md R4.5.1): metadata as for an ImageStreamTag; `spec`
 * required (`spec is a required field during creation`); `spec.name` must equal the tag part of
 * `metadata.name` (`must match image tag name`); `spec` validated as a TagReference under `spec`.
 * Any input shape; never throws.
 *
 * @param imageTag - an ImageTag (any shape)
 * @example
 * ```ts
 * validateImageTag({ metadata: { name: "ruby:latest", namespace: "test" } });
 * // [{ type: "FieldValueRequired", field: "spec", value: "", detail: "spec is a required field during creation" }]
 * ```
 * @public
 */
export function validateImageTag(imageTag: unknown): FieldError[] {
  const it = asObj(imageTag);
  const errs = validateObjectMeta(obj(it, "metadata"), true, pathSegmentNameErrors, "metadata");
  const spec = obj(it, "spec");
  if (spec === undefined) errs.push(requiredField("spec", "spec is a required field during creation"));
  else errs.push(...validateSpec(it, spec));
  return errs;
}

/**
 * Validates an update of an ImageTag (docs/behaviour.md R4.5.1): name/namespace unchanged; a new `spec`, if
 * any, is validated as on create; `metadata` and `status` must be unchanged (Invalid on `metadata`
 * / `status`: `may not update fields other than spec`). Server-filled metadata (`resourceVersion`,
 * `generation`, `creationTimestamp`, `managedFields`, an empty `uid`) is not compared.
 * Any input shape; never throws.
 *
 * @param next - the ImageTag sent by the client (any shape)
 * @param old - the current ImageTag (any shape)
 * @example
 * ```ts
 * const old = { metadata: { name: "ruby:latest", namespace: "test" } };
 * validateImageTagUpdate({ metadata: { ...old.metadata, annotations: { a: "b" } } }, old)[0]?.detail;
 * // "may not update fields other than spec"
 * ```
 * @public
 */
export function validateImageTagUpdate(next: unknown, old: unknown): FieldError[] {
  const n = asObj(next);
  const o = asObj(old);
  const errs = validateObjectMetaUpdate(obj(n, "metadata"), obj(o, "metadata"), "metadata");
  const spec = obj(n, "spec");
  if (spec !== undefined) errs.push(...validateSpec(n, spec));
  if (metaChanged(obj(n, "metadata"), obj(o, "metadata")))
    errs.push(invalidField("metadata", "", "may not update fields other than spec"));
  if (!semanticEqual(own(n, "status"), own(o, "status")))
    errs.push(invalidField("status", "", "may not update fields other than spec"));
  return errs;
}
