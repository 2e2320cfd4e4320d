/**
 * A promotion controller: watches the image streams of a namespace and, whenever `app:latest`
 * points at an image that `app:prod` does not, tags it as `app:prod` with `oc tag` semantics.
 *
 * Written against `@kubernetes/client-node` 1.x and this library. In your project the two
 * library imports below read:
 *
 *   import { ConflictError, imageStreamPatch, latestTaggedImage, retryOnConflict, tag, type ImageStream, type RetryOptions } from "imagestream";
 */
import {
  ApiException,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesObject,
  makeInformer,
} from "@kubernetes/client-node";
import {
  ConflictError,
  type ImageStream,
  imageStreamPatch,
  latestTaggedImage,
  type RetryOptions,
  retryOnConflict,
  tag,
} from "../../src/index.js";

const GROUP = "image.openshift.io";
const VERSION = "v1";
const PLURAL = "imagestreams";

/** What the controller is told to do. */
export interface PromotionControllerOptions {
  /** Where the API server is and how to reach it. */
  readonly kubeConfig: KubeConfig;
  /** The namespace whose image streams are watched. */
  readonly namespace: string;
  /** The image stream to promote in; `app` by default. */
  readonly stream?: string;
  /** The tag builds push to; `latest` by default. */
  readonly from?: string;
  /** The tag to promote to; `prod` by default. */
  readonly to?: string;
  /** Backoff of the conflict retries (client-go `DefaultRetry` by default). */
  readonly retry?: RetryOptions;
  /** Called after each promotion. */
  readonly onPromote?: (promotion: Promotion) => void;
  /** Called with every error (a promotion that failed, a watch that broke). */
  readonly onError?: (err: unknown) => void;
}

/** One promotion the controller made. */
export interface Promotion {
  /** The image now on top of both tags. */
  readonly image: string;
  /** What `oc tag` prints for it (`Tag app:prod set to app@sha256:…`). */
  readonly message: string;
  /** How many read-patch rounds it took (more than 1 after a conflict). */
  readonly attempts: number;
}

/** A running controller. */
export interface PromotionController {
  /** Stops watching; resolves when the current promotion, if any, is over. */
  stop(): Promise<void>;
}

/**
 * A patch whose `test` of the resourceVersion failed is answered `422 Invalid` by the API server
 * (kubernetes/kubernetes `staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go`,
 * `applyJSPatch`), not `409`: when the stream did change since it was read, that is a conflict,
 * and it is reported as one so that `retryOnConflict` reads the stream again.
 */
async function asConflict(
  err: unknown,
  read: ImageStream,
  reread: () => Promise<ImageStream>,
): Promise<unknown> {
  if (!(err instanceof ApiException) || err.code !== 422) return err;
  const now = await reread();
  if (now.metadata?.resourceVersion === read.metadata?.resourceVersion) return err;
  return new ConflictError(
    { resource: PLURAL, name: read.metadata?.name ?? "" },
    "the object has been modified; please apply your changes to the latest version and try again",
  );
}

/**
 * Starts the controller: an informer on the namespace's image streams, and one promotion at a
 * time for the watched stream (events that arrive meanwhile coalesce into one more check).
 *
 * @param options - the client configuration, the namespace, the stream and its two tags.
 * @returns the running controller.
 */
export async function startPromotionController(
  options: PromotionControllerOptions,
): Promise<PromotionController> {
  const { kubeConfig, namespace } = options;
  const name = options.stream ?? "app";
  const from = options.from ?? "latest";
  const to = options.to ?? "prod";
  const onError = options.onError ?? ((err: unknown) => console.error("promotion controller:", err));
  const api = kubeConfig.makeApiClient(CustomObjectsApi);
  const target = { group: GROUP, version: VERSION, namespace, plural: PLURAL, name };
  const read = async (): Promise<ImageStream> => api.getNamespacedCustomObject(target);

  /** One level-triggered check: promote when `from` is ahead of `to`. */
  async function reconcile(): Promise<void> {
    let attempts = 0;
    const promotion = await retryOnConflict(async () => {
      attempts += 1;
      const current = await read();
      const image = latestTaggedImage(current, from)?.image;
      if (image === undefined || image === "" || latestTaggedImage(current, to)?.image === image)
        return undefined;
      // `oc tag app:latest app:prod`: the spec tag `prod` now points at the image by id.
      const tagged = tag(current, { source: `${name}:${from}`, destinations: [`${name}:${to}`], namespace });
      // Only the spec is ours to write: the server resolves the new spec tag into the status.
      const desired: ImageStream = { ...current, spec: tagged.stream.spec ?? {} };
      const ops = imageStreamPatch(current, desired, { test: "resourceVersion" });
      try {
        await api.patchNamespacedCustomObject({ ...target, body: ops }); // application/json-patch+json
      } catch (err) {
        throw await asConflict(err, current, read);
      }
      return { image, message: tagged.message };
    }, options.retry);
    if (promotion !== undefined) options.onPromote?.({ ...promotion, attempts });
  }

  let stopped = false;
  let dirty = false;
  let running: Promise<void> | undefined;
  function enqueue(obj: KubernetesObject): void {
    if (stopped || obj.metadata?.name !== name) return;
    dirty = true;
    running ??= (async () => {
      while (dirty && !stopped) {
        dirty = false;
        try {
          await reconcile();
        } catch (err) {
          onError(err);
        }
      }
      running = undefined;
    })();
  }

  const informer = makeInformer<KubernetesObject>(
    kubeConfig,
    `/apis/${GROUP}/${VERSION}/namespaces/${namespace}/${PLURAL}`,
    () => api.listNamespacedCustomObject({ group: GROUP, version: VERSION, namespace, plural: PLURAL }),
  );
  informer.on("add", enqueue);
  informer.on("update", enqueue);
  informer.on("error", (err) => {
    if (stopped) return;
    onError(err);
    // The informer stops on an error: start it again (it lists afresh) after a pause.
    setTimeout(() => {
      if (!stopped) informer.start().catch(onError);
    }, 1000).unref();
  });
  await informer.start();
  return {
    async stop() {
      stopped = true;
      await informer.stop();
      await running;
    },
  };
}
