/**
 * The bridge to the reference parser: validation reports the parser's upstream message verbatim.
 */
import { parseDockerImageReference } from "../reference/index.js";

/** Result of parsing a pull spec for validation: the parts, or the upstream error message. */
export type ParsedReference =
  | { readonly ok: true; readonly tag: string; readonly id: string }
  | { readonly ok: false; readonly message: string };

/** Parses `s` with the library-go parser (§3) and never throws. */
export function parseForValidation(s: string): ParsedReference {
  try {
    const r = parseDockerImageReference(s);
    return {
      ok: true,
      tag: typeof r.tag === "string" ? r.tag : "",
      id: typeof r.id === "string" ? r.id : "",
    };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** The parser's error message for `s`, or `undefined` when `s` parses. */
export function referenceError(s: string): string | undefined {
  const r = parseForValidation(s);
  return r.ok ? undefined : r.message;
}
