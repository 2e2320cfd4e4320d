/**
 * R4.3: validation of an ImageStreamMapping (upstream `ValidateImageStreamMapping`).
 */
import { type FieldError, invalidField, requiredField } from "../errors.js";
import { validateImage } from "./image.js";
import { asObj, obj, own, str } from "./internal.js";
import { isDNS1123Label, pathSegmentNameErrors, validateObjectMeta } from "./k8s.js";
import { referenceError } from "./reference.js";

/**
 * Validates an ImageStreamMapping (docs/behaviour.md §4.3) and returns every field error, in upstream order:
 *
 * - metadata: `metadata.name` required (`name or generateName is required`) and a path segment;
 *   `metadata.namespace` required and a DNS-1123 label;
 * - R4.3.1 the stream name or the deprecated top-level `dockerImageRepository` must be given; a
 *   repository must parse; with neither, Required on `name` and on `dockerImageRepository`;
 * - R4.3.2 `metadata.namespace` is checked again as a namespace name (one Invalid error joining
 *   the reasons; upstream reports a bad namespace twice);
 * - R4.3.3 `tag` required (any non-empty string);
 * - R4.3.4 `image` validated by {@link validateImage} with paths prefixed `image.`.
 *
 * Any input shape is accepted; never throws.
 *
 * @param mapping - an ImageStreamMapping (any shape)
 * @example
 * ```ts
 * validateImageStreamMapping({
 *   metadata: { name: "ruby", namespace: "test" },
 *   tag: "latest",
 *   image: { dockerImageReference: "172.30.56.218:5000/test/ruby@sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d" },
 * });
 * // [{ type: "FieldValueRequired", field: "image.metadata.name", value: "", detail: "name or generateName is required" }]
 * ```
 * @public
 */
export function validateImageStreamMapping(mapping: unknown): FieldError[] {
  const m = asObj(mapping);
  const meta = obj(m, "metadata");
  const errs = validateObjectMeta(meta, true, pathSegmentNameErrors, "metadata");

  const repoValue = own(m, "dockerImageRepository");
  const repo = typeof repoValue === "string" ? repoValue : "";
  if (repo !== "") {
    const message = referenceError(repo);
    if (message !== undefined) errs.push(invalidField("dockerImageRepository", repo, message));
  } else if (str(meta, "name") === "") {
    errs.push(requiredField("name"), requiredField("dockerImageRepository"));
  }

  const namespace = str(meta, "namespace");
  const reasons = isDNS1123Label(namespace);
  if (reasons.length > 0) errs.push(invalidField("metadata.namespace", namespace, reasons.join(", ")));

  if (str(m, "tag") === "") errs.push(requiredField("tag"));
  errs.push(...validateImage(own(m, "image"), "image"));
  return errs;
}
