/**
 * Turning field errors into the `Invalid` error the API server would answer with.
 */
import { BadRequestError, type FieldError, InvalidError } from "../errors.js";

/**
 * Throws an {@link InvalidError} (`<Kind>.image.openshift.io "<name>" is invalid: …`) when
 * `fieldErrors` is non-empty; does nothing otherwise. This is how callers wrap the `validate…`
 * functions of this module.
 *
 * @param kind - the object kind, e.g. `"ImageStream"`, `"ImageStreamMapping"`
 * @param name - the object name as the server prints it (e.g. the stream name)
 * @param fieldErrors - the result of a `validate…` function
 * @example
 * ```ts
 * assertValid("ImageStream", "ruby", validateImageStream(stream));
 * // throws InvalidError: ImageStream.image.openshift.io "ruby" is invalid: metadata.namespace: Required value
 * ```
 * @public
 */
export function assertValid(kind: string, name: string, fieldErrors: readonly FieldError[]): void {
  if (!Array.isArray(fieldErrors)) throw new BadRequestError("assertValid: fieldErrors must be an array");
  if (fieldErrors.length > 0) throw new InvalidError({ kind, name, fieldErrors });
}
