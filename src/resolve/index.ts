/**
 * Read-only questions about image streams (docs/behaviour.md §12, R2.9).
 * @packageDocumentation
 */
export { type FollowedTagReference, followTagReference } from "./follow.js";
export { latestTaggedImage, resolveLatestTaggedImage, tagHistory } from "./latest.js";
export {
  type GroupResource,
  type ImagePolicyConfig,
  type ImageResolutionPolicyRule,
  type ImageResolutionType,
  type LookupOptions,
  type LookupOwnerReference,
  type LookupResolution,
  type LookupUnchangedReason,
  RESOLVE_NAMES_ANNOTATION,
  resolveImageReference,
} from "./lookup.js";
export { prioritizeTags } from "./prioritize.js";
export {
  type PullSpecResolution,
  type ResolvePullSpecOptions,
  resolveNewestPullSpecForTag,
  resolvePullSpecForTag,
  resolveRecentPullSpecForTag,
} from "./pull-spec.js";
export { sortStatusTags } from "./sort-status-tags.js";
