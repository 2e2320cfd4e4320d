/**
 * A deterministic clock for the `now` option of the server and client functions.
 */
import { BadRequestError, quoteInput } from "../errors.js";

/**
 * A clock that {@link fixedClock} returns: a function giving Kubernetes timestamps, usable wherever
 * an option takes `now`.
 *
 * @example
 * ```ts
 * const now: FixedClock = fixedClock("2024-01-01T00:00:00Z");
 * now(); // => "2024-01-01T00:00:00Z"
 * ```
 * @public
 */
export type FixedClock = () => string;

/**
 * A clock for the `now` option that starts at `start` and moves `stepSeconds` forward after each
 * read (never, by default). Every timestamp is RFC 3339 in UTC with whole seconds, as Kubernetes
 * writes them. With a step, the timestamps a call writes depend on how often it reads the clock;
 * create one clock per test.
 *
 * @param start - the first instant: a `Date`, an RFC 3339 string or milliseconds since the epoch
 *   (sub-second parts are dropped).
 * @param stepSeconds - seconds added after each read; `0` by default.
 * @returns A function returning the current timestamp, then advancing.
 * @throws {@link BadRequestError} (`isBadRequest`) when `start` is not a valid instant or `stepSeconds`
 *   is not a finite number.
 * @example
 * ```ts
 * const now = fixedClock("2024-01-01T00:00:00Z", 60);
 * now(); // => "2024-01-01T00:00:00Z"
 * now(); // => "2024-01-01T00:01:00Z"
 * updateImageStream(old, next, { now: fixedClock(new Date(0)) });
 * ```
 * @public
 */
export function fixedClock(start: Date | string | number, stepSeconds = 0): FixedClock {
  const ms = start instanceof Date ? start.getTime() : typeof start === "string" ? Date.parse(start) : start;
  if (typeof ms !== "number" || Number.isNaN(new Date(ms).getTime())) {
    throw new BadRequestError(
      `invalid clock start ${quoteInput(typeof start === "string" ? start : String(ms))}: expected a Date, an RFC 3339 time or milliseconds`,
    );
  }
  if (typeof stepSeconds !== "number" || !Number.isFinite(stepSeconds)) {
    throw new BadRequestError(
      `invalid clock step ${quoteInput(String(stepSeconds))}: expected a number of seconds`,
    );
  }
  let seconds = Math.floor(ms / 1000);
  return () => {
    const date = new Date(seconds * 1000);
    if (Number.isNaN(date.getTime()))
      throw new BadRequestError("the clock ran past the last representable instant");
    const now = date.toISOString().replace(/\.\d{3}Z$/, "Z");
    seconds += stepSeconds;
    return now;
  };
}
