/**
 * The fake OpenShift image API for controller tests (Node only).
 */
export type {
  FakeApiRequest,
  FakeImageApi,
  FakeImageApiOptions,
  ImageImporter,
  ImporterContext,
} from "./options.js";
export { startFakeImageApi } from "./server.js";
