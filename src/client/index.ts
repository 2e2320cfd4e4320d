/**
 * Client semantics: what `oc` does (`oc tag`, pruning, one reducer over every operation).
 */
export {
  type DescribeOptions,
  describeImage,
  describeImageStream,
  describeImageStreamImage,
  describeImageStreamTag,
  formatImageStreamTags,
} from "./describe.js";
export { humanDuration, humanSize } from "./human.js";
export {
  applyOperation,
  type Operation,
  type OperationOptions,
  OperationSchema,
} from "./operations.js";
export { type PruneOptions, pruneTagHistory } from "./prune.js";
export {
  formatImageStreamImageTable,
  formatImageStreamTable,
  formatImageStreamTagTable,
  formatImageTagTable,
  type TableOptions,
  type TabwriterOptions,
  tabwrite,
} from "./table.js";
export {
  type CatalogTagResult,
  type RollbackRequest,
  rollbackTag,
  type TagResult,
  tag,
  tagInCatalog,
  untag,
} from "./tag.js";
export {
  isValidTagName,
  planTag,
  type TagDestination,
  type TagImageStreamTagRequest,
  type TagPlan,
  type TagPlanOptions,
  type TagPlanSource,
  type TagPlanStep,
  type TagRequest,
  type TagSourceKind,
} from "./tag-plan.js";
