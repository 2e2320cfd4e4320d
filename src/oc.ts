/**
 * `imagestream/oc`: what the `oc` command prints and plans. `oc describe` and `oc get` output,
 * `oc tag` planning (and `oc tag` over several streams), and `oc adm prune images` history pruning.
 *
 * This file only lists names; every module documents its own functions.
 * @packageDocumentation
 */

export {
  type CatalogTagResult,
  type DescribeOptions,
  describeImage,
  describeImageStream,
  describeImageStreamImage,
  describeImageStreamTag,
  formatImageStreamImageTable,
  formatImageStreamTable,
  formatImageStreamTags,
  formatImageStreamTagTable,
  formatImageTagTable,
  humanDuration,
  humanSize,
  isValidTagName,
  type PruneOptions,
  planTag,
  pruneTagHistory,
  type TableOptions,
  type TabwriterOptions,
  type TagDestination,
  type TagImageStreamTagRequest,
  type TagPlan,
  type TagPlanOptions,
  type TagPlanSource,
  type TagPlanStep,
  type TagRequest,
  type TagSourceKind,
  tabwrite,
  tagInCatalog,
} from "./client/index.js";
export { prioritizeTags, sortStatusTags } from "./resolve/index.js";
