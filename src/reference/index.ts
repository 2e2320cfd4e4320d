/**
 * `imagestream/reference`: container image references, digests and image stream names, with no
 * runtime dependency. Docker semantics (distribution/reference: `parseReference`,
 * `parseNormalizedNamed`, `familiarString`, …), OpenShift's `DockerImageReference` with its printers
 * and defaulting, and `stream:tag` / `stream@id` names; the errors they throw.
 *
 * This file only lists names; every module documents its own functions.
 * @packageDocumentation
 */

export {
  BadRequestError,
  type FieldError,
  type FieldErrorType,
  ImageReferenceError,
  type ImageReferenceErrorKind,
  ImageStreamError,
  isBadRequest,
  isImageStreamError,
  type ResourceRef,
  type Status,
  type StatusReason,
} from "../errors.js";
export {
  digestOrImageMatch,
  joinImageStreamImage,
  joinImageStreamTag,
  type LocalTagReference,
  type LocalTagStream,
  parseImageStreamImageName,
  parseImageStreamTagName,
  splitImageStreamImage,
  splitImageStreamTag,
  tagReferencesLocalTag,
} from "../names/stream-names.js";
export { type Digest, isDigest, parseDigest, type ReferenceDialect } from "./digest.js";
export {
  familiarName,
  familiarString,
  type ParseReferenceOptions,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  type Reference,
  referenceName,
  referenceToString,
  tagNameOnly,
  trimNamed,
  withDigest,
  withName,
  withTag,
} from "./docker.js";
export {
  asRepository,
  asV2,
  type DockerImageReference,
  daemonMinimal,
  dockerClientDefaults,
  exactReference,
  isRegistryDockerHub,
  minimalReference,
  mostSpecific,
  nameString,
  parseDockerImageReference,
  referenceString,
  referencesEqual,
  registryHostPort,
  registryUrl,
  repositoryName,
} from "./openshift.js";
