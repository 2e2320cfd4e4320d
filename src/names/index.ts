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
} from "./stream-names.js";
