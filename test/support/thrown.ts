/** What a test expects a call to throw. */
import { ImageReferenceError } from "../../src/errors.js";

/** The error `fn` throws; fails the test when it throws nothing. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

/** The `ImageReferenceError` `fn` throws; any other error is rethrown, and no error fails the test. */
export function referenceErrorOf(fn: () => unknown): ImageReferenceError {
  const e = thrown(fn);
  if (e instanceof ImageReferenceError) return e;
  throw e;
}
