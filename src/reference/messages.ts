/** Upstream error messages of distribution/reference (and library-go's copy), verbatim. */
import { clipInput } from "../safe-string.js";

export const MSG_NAME_EMPTY = "repository name must have at least one component";
export const MSG_INVALID_FORMAT = "invalid reference format";
export const MSG_UPPERCASE = "repository name must be lowercase";
export const MSG_TOO_LONG = "repository name must not be more than 255 characters";
export const MSG_NOT_CANONICAL = "repository name must be canonical";
export const MSG_TAG_INVALID = "invalid tag format";
export const MSG_DIGEST_INVALID = "invalid digest format";

/** `ParseNormalizedNamed` on a bare 64-hex string. */
export function msgHexIdentifier(s: string): string {
  return `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`;
}

/** `ParseNormalizedNamed` when the remote name is not lowercase. */
export function msgRemoteUppercase(remote: string): string {
  return `invalid reference format: repository name (${clipInput(remote)}) must be lowercase`;
}

/** Maximum length of the path (Docker) or whole name (OpenShift). */
export const NAME_TOTAL_LENGTH_MAX = 255;
