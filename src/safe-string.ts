/**
 * Internal helpers for any value that reaches an error message: `safeString` never throws, and
 * `clipInput` bounds untrusted text so that a 10 MB input never gives a 10 MB message.
 * Shared by `errors.ts`, the input guards and the message builders; not part of the public API
 * (`quoteInput` in `errors.ts` is the public, quoted form).
 */

/** How many characters (UTF-16 code units) of an untrusted input a message echoes. */
export const INPUT_ECHO_MAX = 256;

/**
 * `String(x)` that never throws (null-prototype objects, throwing `toString`, symbols), so a bad
 * value in an error message is printed instead of turning into a `TypeError`.
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

/** A usable echo bound: a non-negative integer, else {@link INPUT_ECHO_MAX}. */
export function echoMax(max: unknown): number {
  return typeof max === "number" && Number.isInteger(max) && max >= 0 ? max : INPUT_ECHO_MAX;
}

/**
 * The first `max` code units of `s`, one fewer when the cut would split a surrogate pair (a lone
 * half would print as `\ud83d` or U+FFFD).
 */
export function headOf(s: string, max: number): string {
  const c = s.charCodeAt(max - 1);
  return s.slice(0, max > 0 && c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}

/** The suffix that replaces the rest of a clipped input: its full length, e.g. `… (10485760 characters)`. */
export function clippedSuffix(s: string): string {
  return `… (${s.length} characters)`;
}

/**
 * Untrusted text echoed without quotes (upstream messages such as `repository name (%s) must be
 * lowercase`): `s` itself up to `max` characters, else its first `max` characters, `…` and its length.
 */
export function clipInput(s: string, max: number = INPUT_ECHO_MAX): string {
  const text = safeString(s);
  const n = echoMax(max);
  return text.length <= n ? text : `${headOf(text, n)}${clippedSuffix(text)}`;
}
