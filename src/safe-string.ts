/**
 * `String(x)` that never throws (null-prototype objects, throwing `toString`, symbols): the guard
 * for any value that reaches an error message (issue 2 "Bad input": never a bare `TypeError`).
 * Internal: shared by `errors.ts` and the input guards; not part of the public API.
 */
export function safeString(x: unknown): string {
  if (typeof x === "string") return x;
  if (
    x === null ||
    x === undefined ||
    typeof x === "number" ||
    typeof x === "boolean" ||
    typeof x === "bigint"
  )
    return String(x);
  return Object.prototype.toString.call(x);
}
