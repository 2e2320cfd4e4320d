/**
 * `retryOnConflict`: client-go's `RetryOnConflict` (kubernetes/client-go `util/retry/util.go`,
 * `RetryOnConflict` and `OnError`, over `k8s.io/apimachinery/pkg/util/wait` `ExponentialBackoff`)
 * for promise-returning functions.
 */
import { isConflict } from "../errors.js";

/**
 * How {@link retryOnConflict} waits between attempts: client-go's `wait.Backoff`.
 *
 * @example
 * ```ts
 * const patient: RetryOptions = { steps: 10, duration: 50, factor: 2, cap: 2_000 };
 * ```
 * @public
 */
export interface RetryOptions {
  /** Attempts at most (client-go `Steps`); 5 by default. */
  readonly steps?: number;
  /** First wait in milliseconds (`Duration`); 10 by default. */
  readonly duration?: number;
  /** Each wait is the previous one times `factor` (`Factor`); 1 by default. */
  readonly factor?: number;
  /** Each wait grows by up to `jitter` times itself, at random (`Jitter`); 0.1 by default. */
  readonly jitter?: number;
  /** The wait stops growing at this many milliseconds, jitter aside (`Cap`); no cap by default. */
  readonly cap?: number;
  /** Waits `ms` milliseconds; `setTimeout` by default (inject one in tests). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the jitter; `Math.random` by default. */
  readonly random?: () => number;
}

/** client-go `retry.DefaultRetry`: 5 steps, 10 ms, factor 1, jitter 0.1. */
const DEFAULT_RETRY = { steps: 5, duration: 10, factor: 1, jitter: 0.1 } as const;

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function positive(v: number | undefined, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fallback;
}

/**
 * Runs `fn` again when it fails with a conflict, as client-go's `retry.RetryOnConflict`: at most
 * `steps` attempts with a wait between them (`duration`, times `factor` each time, plus up to
 * `jitter` of it at random, at most `cap`); any other error is rethrown at once, and when every
 * attempt conflicted the last conflict is thrown. `fn` should read the object afresh each time.
 *
 * A conflict is what {@link isConflict} recognises: the library's `ConflictError` (any copy), a
 * Kubernetes `Status` with reason `Conflict` (or code 409 and an unknown reason), and a client error
 * with a status code and a `Status` body, such as `@kubernetes/client-node`'s `ApiException`
 * (code 409; body a JSON string or an object), also through `cause`.
 *
 * @param fn - the read-modify-write to run; gets the attempt number (1-based).
 * @param options - the backoff (client-go `DefaultRetry` by default: 5 steps, 10 ms, factor 1, jitter 0.1) and an injectable `sleep`.
 * @returns what `fn` returned on its first attempt that did not conflict.
 * @throws whatever `fn` threw when it is not a conflict, or the last conflict after `steps` attempts.
 * @example
 * ```ts
 * const stored = await retryOnConflict(async () => {
 *   const current = await client.getNamespacedCustomObject({ group, version, namespace, plural, name });
 *   const next = tag(current, { source: "app:latest", destinations: ["app:prod"] }).stream;
 *   return client.replaceNamespacedCustomObject({ group, version, namespace, plural, name, body: next });
 * });
 * ```
 * @public
 */
export async function retryOnConflict<T>(
  fn: (attempt: number) => T | Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const steps = Math.max(1, Math.floor(positive(options.steps, DEFAULT_RETRY.steps)));
  let duration = positive(options.duration, DEFAULT_RETRY.duration);
  const factor = positive(options.factor, DEFAULT_RETRY.factor);
  const jitter = positive(options.jitter, DEFAULT_RETRY.jitter);
  const cap =
    options.cap !== undefined ? positive(options.cap, Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!isConflict(err) || attempt >= steps) throw err;
    }
    // wait.Backoff.Step: this wait is the current duration (jittered); the next one is multiplied.
    let wait = duration;
    if (factor !== 0) duration = Math.min(duration * factor, cap);
    if (jitter > 0) wait += random() * jitter * wait;
    await sleep(wait);
  }
}
