/**
 * R4.6: validation of an ImageStreamImport (upstream `ValidateImageStreamImport`).
 */
import { type FieldError, invalidField, requiredField } from "../errors.js";
import { arr, asObj, child, index, obj, own, str } from "./internal.js";
import { validateObjectMeta } from "./k8s.js";
import { validateImageStreamName } from "./names.js";
import { parseForValidation } from "./reference.js";
import { validateImportMode } from "./tag-reference.js";

const ONLY_DOCKER_IMAGE = "only DockerImage is supported";

/**
 * Validates an ImageStreamImport (docs/behaviour.md R4.6.1) and returns every field error, in upstream order:
 *
 * - each `spec.images[i]`: `from.kind` must be `DockerImage` (`only DockerImage is supported`);
 *   `to`, if set, needs a name (`the name of the target tag must be specified`); `from.name`
 *   required and must parse; then `importPolicy.importMode` valid. An entry named with the legacy
 *   literal `*` is not checked further (its import mode included), as upstream;
 * - `spec.repository`, if set: `from.kind` `DockerImage`; `from.name` required
 *   (`container image references require a name`), must parse and carry no tag or ID
 *   (`you must specify an image repository, not a tag or ID`); then `importPolicy.importMode` valid;
 * - at least one image or a repository
 *   (`you must specify at least one image or a repository import`, Invalid on `spec.images`);
 * - metadata last: name like an image stream name, namespace required and a DNS label.
 *
 * Any input shape is accepted; never throws.
 *
 * @param isi - an ImageStreamImport (any shape)
 * @example
 * ```ts
 * validateImageStreamImport({
 *   metadata: { name: "ruby", namespace: "test" },
 *   spec: { import: true, repository: { from: { kind: "DockerImage", name: "a/b:tag" } } },
 * })[0]?.detail;
 * // "you must specify an image repository, not a tag or ID"
 * ```
 * @public
 */
export function validateImageStreamImport(isi: unknown): FieldError[] {
  const i = asObj(isi);
  const spec = obj(i, "spec");
  const errs: FieldError[] = [];
  const images = arr(spec, "images");
  images.forEach((item, n) => {
    const image = asObj(item);
    const p = index("spec.images", n);
    const from = obj(image, "from");
    const kind = str(from, "kind");
    if (kind !== "DockerImage") {
      errs.push(invalidField(child(p, "from", "kind"), kind, ONLY_DOCKER_IMAGE));
    } else {
      const to = obj(image, "to");
      if (to !== undefined && str(to, "name") === "") {
        errs.push(invalidField(child(p, "to", "name"), "", "the name of the target tag must be specified"));
      }
      const name = str(from, "name");
      if (name === "") errs.push(requiredField(child(p, "from", "name")));
      // legacy clients use "*" to look up image streams; upstream skips the rest of the entry,
      // its import policy included
      else if (name === "*") return;
      else {
        const parsed = parseForValidation(name);
        if (!parsed.ok) errs.push(invalidField(child(p, "from", "name"), name, parsed.message));
      }
    }
    errs.push(...validateImportMode(own(image, "importPolicy"), child(p, "importPolicy")));
  });

  const repository = obj(spec, "repository");
  if (repository !== undefined) {
    const p = "spec.repository";
    const from = obj(repository, "from");
    const kind = str(from, "kind");
    const name = str(from, "name");
    const namePath = child(p, "from", "name");
    if (kind !== "DockerImage") errs.push(invalidField(child(p, "from", "kind"), kind, ONLY_DOCKER_IMAGE));
    else if (name === "") errs.push(requiredField(namePath, "container image references require a name"));
    else {
      const parsed = parseForValidation(name);
      if (!parsed.ok) errs.push(invalidField(namePath, name, parsed.message));
      else if (parsed.id !== "" || parsed.tag !== "")
        errs.push(invalidField(namePath, name, "you must specify an image repository, not a tag or ID"));
    }
    errs.push(...validateImportMode(own(repository, "importPolicy"), child(p, "importPolicy")));
  }
  if (images.length === 0 && repository === undefined) {
    errs.push(
      invalidField("spec.images", null, "you must specify at least one image or a repository import"),
    );
  }
  errs.push(...validateObjectMeta(obj(i, "metadata"), true, validateImageStreamName, "metadata"));
  return errs;
}
