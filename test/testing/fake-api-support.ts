/**
 * Shared helpers of the fake image API tests: a real `@kubernetes/client-node` client pointed at
 * the fake, the `Status` inside a client error, and a watch that tests can wait on.
 */
import { ApiException, CustomObjectsApi, KubeConfig, Watch } from "@kubernetes/client-node";

export const GROUP = "image.openshift.io";
export const VERSION = "v1";

/** A kubeconfig whose only cluster is the fake at `url` (plain HTTP, so `skipTLSVerify`). */
export function kubeConfigFor(url: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "fake", server: url, skipTLSVerify: true }],
    users: [{ name: "test" }],
    contexts: [{ name: "fake", cluster: "fake", user: "test" }],
    currentContext: "fake",
  });
  return kc;
}

/** The generic client for `image.openshift.io/v1` objects. */
export function customObjects(url: string): CustomObjectsApi {
  return kubeConfigFor(url).makeApiClient(CustomObjectsApi);
}

/** The HTTP code and the parsed `Status` body of a failed client call. */
export async function failureOf(
  call: Promise<unknown>,
): Promise<{ code: number; status: Record<string, unknown> }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ApiException) {
      const body = typeof err.body === "string" ? JSON.parse(err.body) : err.body;
      return { code: err.code, status: body as Record<string, unknown> };
    }
    throw err;
  }
  throw new Error("the call succeeded");
}

/** One watch event as the client delivers it. */
export interface SeenEvent {
  readonly type: string;
  readonly object: { metadata?: { name?: string; resourceVersion?: string } } & Record<string, unknown>;
}

/** A running watch: the events seen so far, a way to wait for one, and `stop()`. */
export interface Watching {
  readonly events: SeenEvent[];
  /** Resolves with the first event (seen or to come) matching `pred`. */
  until(pred: (e: SeenEvent) => boolean): Promise<SeenEvent>;
  /** Resolves when the server ends the stream. */
  readonly done: Promise<unknown>;
  stop(): void;
}

/** Starts a `Watch` of `path` and collects its events. */
export async function watch(
  url: string,
  path: string,
  query: Record<string, string> = {},
): Promise<Watching> {
  const events: SeenEvent[] = [];
  const waiters: Array<{ pred: (e: SeenEvent) => boolean; resolve: (e: SeenEvent) => void }> = [];
  let finish: (err: unknown) => void = () => {};
  const done = new Promise<unknown>((resolve) => {
    finish = resolve;
  });
  const controller = await new Watch(kubeConfigFor(url)).watch(
    path,
    query,
    (type, object) => {
      const event = { type, object } as SeenEvent;
      events.push(event);
      for (const w of [...waiters]) {
        if (w.pred(event)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(event);
        }
      }
    },
    (err) => finish(err),
  );
  return {
    events,
    done,
    until(pred) {
      const seen = events.find(pred);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ pred, resolve }));
    },
    stop: () => controller.abort(),
  };
}
