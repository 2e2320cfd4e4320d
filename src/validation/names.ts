/**
 * Reusable name checks: image stream names (R4.1.1), namespaces (R4.1.2) and path segment names.
 */
import { isDNS1123Label, pathSegmentNameErrors } from "./k8s.js";

/** The regular expression an image stream name must fully match, as upstream prints it. */
const STREAM_NAME_PATTERN = "[a-z0-9]+(?:[._-][a-z0-9]+)*";

function isLowerAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** Scanner for `^[a-z0-9]+(?:[._-][a-z0-9]+)*$`: alnum runs joined by exactly one separator. */
function matchesStreamName(s: string): boolean {
  if (s.length === 0) return false;
  let prevSep = true; // start behaves like "just after a separator": an alnum must follow
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLowerAlnum(c)) prevSep = false;
    else if (c === 0x2e || c === 0x5f || c === 0x2d) {
      if (prevSep) return false;
      prevSep = true;
    } else return false;
  }
  return !prevSep;
}

/**
 * The reasons `name` is not a valid image stream name (upstream `ValidateImageStreamName`, R4.1.1):
 * path segment rules first (`may not be '.'`, `may not contain '/'`, `may not contain '%'`), then
 * `must match "[a-z0-9]+(?:[._-][a-z0-9]+)*"`. Empty when valid. There is no length limit here;
 * the 255-character `namespace/name` rule is checked by {@link validateImageStream}.
 *
 * @param name - the name to check
 * @param prefix - `true` for a `generateName` prefix (the `.`/`..` rule is skipped)
 * @example
 * ```ts
 * validateImageStreamName("ruby-22");   // []
 * validateImageStreamName("Ruby");      // ['must match "[a-z0-9]+(?:[._-][a-z0-9]+)*"']
 * validateImageStreamName("a/b");       // ["may not contain '/'"]
 * ```
 * @public
 */
export function validateImageStreamName(name: string, prefix = false): string[] {
  const s = typeof name === "string" ? name : "";
  const reasons = pathSegmentNameErrors(s, prefix);
  if (reasons.length > 0) return reasons;
  if (!matchesStreamName(s)) return [`must match ${JSON.stringify(STREAM_NAME_PATTERN)}`];
  return [];
}

/**
 * The reasons `namespace` is not a valid namespace name (Kubernetes `ValidateNamespaceName`, a
 * lowercase RFC 1123 label of at most 63 characters, R4.1.2). Empty when valid. The messages are
 * the Kubernetes ones, verbatim.
 *
 * @example
 * ```ts
 * validateNamespaceName("my-project"); // []
 * validateNamespaceName("a.b");        // ["must not contain dots"]
 * validateNamespaceName("!$");
 * // ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start
 * //   and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is
 * //   '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
 * ```
 * @public
 */
export function validateNamespaceName(namespace: string): string[] {
  return isDNS1123Label(typeof namespace === "string" ? namespace : "");
}

/**
 * The reasons `name` is not a valid path segment name (Kubernetes `ValidatePathSegmentName`):
 * not `.` or `..`, no `/`, no `%`. Used for images, image stream tags and mappings.
 *
 * @param name - the name to check
 * @param prefix - `true` for a `generateName` prefix (the `.`/`..` rule is skipped)
 * @example
 * ```ts
 * validatePathSegmentName("ruby:latest"); // []
 * validatePathSegmentName("..");          // ["may not be '..'"]
 * ```
 * @public
 */
export function validatePathSegmentName(name: string, prefix = false): string[] {
  return pathSegmentNameErrors(typeof name === "string" ? name : "", prefix);
}
