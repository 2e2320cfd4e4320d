import { BadRequestError, quoteInput } from "../errors.js";
import type { Image, ImageStream } from "../model/index.js";

/**
 * A clock: a fixed instant (a `Date` or an RFC 3339 string) or a function returning one.
 *
 * @example
 * ```ts
 * const fixed: Clock = "2016-01-29T13:40:11Z";
 * const real: Clock = () => new Date();
 * ```
 * @public
 */
export type Clock = Date | string | (() => Date | string);

/**
 * Options shared by the server-side functions.
 *
 * @example
 * ```ts
 * const opts: ServerOptions = { now: "2024-01-01T00:00:00Z", internalRegistryHostname: "image-registry.openshift-image-registry.svc:5000" };
 * ```
 * @public
 */
export interface ServerOptions {
  /** The clock used for every timestamp written (`created`, `lastTransitionTime`, annotations). Defaults to the real time. */
  readonly now?: Clock;
  /**
   * Hostname (with port) of the integrated registry; enables `status.dockerImageRepository` (R5.1)
   * and the pull-spec rewrite (R8.8). Left out, a write keeps the stored `status.dockerImageRepository`;
   * `""` is a server without an integrated registry (the repository becomes `spec.dockerImageRepository`).
   */
  readonly internalRegistryHostname?: string;
  /**
   * Public hostname of the integrated registry; enables `status.publicDockerImageRepository` (R5.2).
   * Left out, a write keeps the stored value; `""` removes it.
   */
  readonly externalRegistryHostname?: string;
  /** The cluster's default import mode (R1.3.4); `Legacy` when absent. */
  readonly defaultImportMode?: "Legacy" | "PreserveOriginal";
  /** Looks up another image stream (cross-stream tag sources, R8.6). Return `undefined` when it does not exist. */
  readonly getImageStream?: (namespace: string, name: string) => ImageStream | undefined;
  /** Looks up an Image by name (digest). Return `undefined` when it does not exist. */
  readonly getImage?: (name: string) => Image | undefined;
}

/** Formats an instant as Kubernetes does: RFC 3339, UTC, whole seconds (`2016-01-29T13:40:11Z`). */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Reads the clock of `opts` and returns the current time as a Kubernetes timestamp. */
export function nowTimestamp(opts: { readonly now?: Clock } | undefined): string {
  const clock = opts?.now;
  const value = typeof clock === "function" ? clock() : (clock ?? new Date());
  if (typeof value === "string" && isKubeTimestamp(value)) return value;
  if (typeof value !== "string" && !(value instanceof Date)) {
    throw new BadRequestError("the clock (opts.now) must give a Date or an RFC 3339 string");
  }
  const date = typeof value === "string" ? new Date(value) : value;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new BadRequestError(`invalid clock value ${quoteInput(String(value))}: expected an RFC 3339 time`);
  }
  return formatTimestamp(date);
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

let lastKubeTimestamp = "";

/** True for an exact `YYYY-MM-DDTHH:MM:SSZ` string (already in Kubernetes form). */
function isKubeTimestamp(s: string): boolean {
  if (s === lastKubeTimestamp) return true;
  if (!checkKubeTimestamp(s)) return false;
  lastKubeTimestamp = s;
  return true;
}

function checkKubeTimestamp(s: string): boolean {
  if (
    s.length !== 20 ||
    s[4] !== "-" ||
    s[7] !== "-" ||
    s[10] !== "T" ||
    s[13] !== ":" ||
    s[16] !== ":" ||
    s[19] !== "Z"
  ) {
    return false;
  }
  for (const i of DIGIT_POSITIONS) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return !Number.isNaN(Date.parse(s));
}

const IMPORT_MODES = new Set(["Legacy", "PreserveOriginal"]);

/**
 * Keeps only well-typed options (anything else counts as absent) and makes the look-ups return
 * `undefined` for non-objects, so user-supplied options never cause a TypeError. A hostname that is
 * left out (or not a string) stays `undefined`, distinct from one given as `""`: the first keeps the
 * stored status repositories, the second is a server without that registry.
 */
export function sanitizeOptions<T extends ServerOptions>(opts: T | null | undefined): T {
  if (typeof opts !== "object" || opts === null) return {} as T;
  const o = opts as Record<string, unknown>;
  // `now` is checked when read (nowTimestamp throws BadRequestError on a clock that is not a time).
  const okNow = true;
  const okInternal =
    o.internalRegistryHostname === undefined || typeof o.internalRegistryHostname === "string";
  const okExternal =
    o.externalRegistryHostname === undefined || typeof o.externalRegistryHostname === "string";
  const okMode = o.defaultImportMode === undefined || IMPORT_MODES.has(o.defaultImportMode as string);
  const okGetStream = o.getImageStream === undefined || typeof o.getImageStream === "function";
  const okGetImage = o.getImage === undefined || typeof o.getImage === "function";
  if (
    okNow &&
    okInternal &&
    okExternal &&
    okMode &&
    okGetStream &&
    okGetImage &&
    !o.getImageStream &&
    !o.getImage
  ) {
    return opts;
  }
  const out: Record<string, unknown> = { ...o };
  if (!okInternal) delete out.internalRegistryHostname;
  if (!okExternal) delete out.externalRegistryHostname;
  if (!okMode) delete out.defaultImportMode;
  if (okGetStream && typeof o.getImageStream === "function") {
    const get = o.getImageStream as (ns: string, name: string) => unknown;
    out.getImageStream = (ns: string, name: string) => {
      const r = get(ns, name);
      return typeof r === "object" && r !== null && !Array.isArray(r) ? r : undefined;
    };
  } else delete out.getImageStream;
  if (okGetImage && typeof o.getImage === "function") {
    const get = o.getImage as (name: string) => unknown;
    out.getImage = (name: string) => {
      const r = get(name);
      return typeof r === "object" && r !== null && !Array.isArray(r) ? r : undefined;
    };
  } else delete out.getImage;
  return out as T;
}
