/**
 * R4.2: validation of one TagReference (upstream `ValidateImageStreamTagReference`).
 */
import { type FieldError, invalidField, requiredField } from "../errors.js";
import { asObj, bool, child, obj, own, str } from "./internal.js";
import { referenceError } from "./reference.js";

const IMPORT_MODE_DETAIL = "invalid import mode, valid modes are '', 'Legacy', 'PreserveOriginal'";

/** R4.2.6: `importPolicy.importMode` must be empty, `Legacy` or `PreserveOriginal`. */
export function validateImportMode(importPolicy: unknown, path: string): FieldError[] {
  const mode = own(asObj(importPolicy), "importMode");
  if (mode === undefined || mode === null || mode === "" || mode === "Legacy" || mode === "PreserveOriginal")
    return [];
  return [invalidField(child(path, "importMode"), mode, IMPORT_MODE_DETAIL)];
}

/**
 * Validates one spec tag (R4.2, upstream `ValidateImageStreamTagReference`) and returns its field
 * errors under `path` (e.g. `spec.tags[latest]`, `tag` for an ImageStreamTag, `spec` for an ImageTag).
 *
 * - R4.2.1 `from` set → `from.name` required;
 * - R4.2.2 `DockerImage` → a non-empty name must parse (Invalid with the parser's message);
 * - R4.2.3 `ImageStreamImage`/`ImageStreamTag` → `importPolicy.scheduled` must be false;
 * - R4.2.4 any other kind → Required on `from.kind`;
 * - R4.2.5 `referencePolicy.type` must be `Source` or `Local` (an empty or absent type is what the
 *   v1 defaulting turns into `Source`, so it is accepted);
 * - R4.2.6 `importPolicy.importMode` must be `""`, `Legacy` or `PreserveOriginal`.
 *
 * Any input shape is accepted; missing or mistyped fields count as absent. Never throws.
 *
 * @param tagRef - a TagReference (any shape)
 * @param path - the Kubernetes field path of the tag reference
 * @example
 * ```ts
 * validateTagReference({ name: "latest", from: { kind: "ImageStreamTag", name: "" } }, "spec.tags[latest]");
 * // [{ type: "FieldValueRequired", field: "spec.tags[latest].from.name", value: "", detail: "" }]
 * ```
 * @public
 */
export function validateTagReference(tagRef: unknown, fieldPath: string): FieldError[] {
  const path = typeof fieldPath === "string" ? fieldPath : "";
  const ref = asObj(tagRef);
  const errs: FieldError[] = [];
  const from = obj(ref, "from");
  const importPolicy = obj(ref, "importPolicy");
  if (from !== undefined) {
    const name = str(from, "name");
    if (name === "") errs.push(requiredField(child(path, "from", "name")));
    switch (str(from, "kind")) {
      case "DockerImage": {
        if (name !== "") {
          const message = referenceError(name);
          if (message !== undefined) errs.push(invalidField(child(path, "from", "name"), name, message));
        }
        break;
      }
      case "ImageStreamImage":
      case "ImageStreamTag":
        if (bool(importPolicy, "scheduled")) {
          errs.push(
            invalidField(
              child(path, "importPolicy", "scheduled"),
              true,
              "only tags pointing to Docker repositories may be scheduled for background import",
            ),
          );
        }
        break;
      default:
        errs.push(
          requiredField(
            child(path, "from", "kind"),
            "valid values are 'DockerImage', 'ImageStreamImage', 'ImageStreamTag'",
          ),
        );
    }
  }
  const policyType = own(obj(ref, "referencePolicy"), "type");
  if (
    !(
      policyType === undefined ||
      policyType === null ||
      policyType === "" ||
      policyType === "Source" ||
      policyType === "Local"
    )
  ) {
    errs.push(
      invalidField(child(path, "referencePolicy", "type"), policyType, 'valid values are "Source", "Local"'),
    );
  }
  errs.push(...validateImportMode(importPolicy, child(path, "importPolicy")));
  return errs;
}
