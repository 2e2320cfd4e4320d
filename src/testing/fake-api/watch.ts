/**
 * `GET imagestreams?watch=true`: a stream of newline-separated `{"type", "object"}` events
 * (`ADDED`, `MODIFIED`, `DELETED`), as kubernetes/kubernetes
 * `staging/src/k8s.io/apiserver/pkg/endpoints/handlers/watch.go` writes them. Without a
 * `resourceVersion` (or with `0`) the current objects come first as `ADDED`; from a
 * resourceVersion the stored events after it are replayed, or a `410 Expired` `ERROR` event is
 * sent when they left the window. `timeoutSeconds` ends the stream.
 */
import type { ServerResponse } from "node:http";
import { BadRequestError } from "../../errors.js";
import type { Context, Routed } from "./context.js";
import { matchesSelectors, selectorsOf } from "./selectors.js";
import { expired } from "./status.js";
import type { StoreEvent } from "./store.js";

const lines = new WeakMap<StoreEvent, string>();

/** One event as a line of the stream (serialized once, whatever the number of watches). */
function line(event: StoreEvent): string {
  let s = lines.get(event);
  if (s === undefined) {
    s = `${JSON.stringify({ type: event.type, object: event.object })}\n`;
    lines.set(event, s);
  }
  return s;
}

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/**
 * Serves a watch on `res` until the client goes, `timeoutSeconds` passes or the server closes.
 *
 * @param open - the set of open watch responses, which `close()` ends.
 */
export function serveWatch(ctx: Context, r: Routed, res: ServerResponse, open: Set<ServerResponse>): void {
  const selectors = selectorsOf(r.query);
  const from = r.query.get("resourceVersion") ?? "";
  let start: number | undefined;
  if (from !== "" && from !== "0") {
    start = /^[0-9]{1,15}$/.test(from) ? Number(from) : Number.NaN;
    if (Number.isNaN(start))
      throw new BadRequestError(`invalid resource version: ${JSON.stringify(from.slice(0, 64))}`);
  }
  const timeout = Number(r.query.get("timeoutSeconds") ?? "0");
  const wanted = (event: StoreEvent): boolean => {
    const meta = (event.object.metadata ?? {}) as { [key: string]: unknown };
    if (r.namespace !== undefined && text(meta.namespace) !== r.namespace) return false;
    if (r.name !== undefined && text(meta.name) !== r.name) return false;
    return matchesSelectors(event.object, selectors);
  };

  res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache, private" });
  res.flushHeaders();
  if (start !== undefined) {
    const backlog = ctx.store.eventsAfter(start);
    if (backlog === undefined) {
      res.end(
        `${JSON.stringify({ type: "ERROR", object: expired(from, ctx.store.oldestWatchable).status })}\n`,
      );
      return;
    }
    for (const event of backlog) if (wanted(event)) res.write(line(event));
  } else {
    for (const object of ctx.store.streamsIn(r.namespace)) {
      const rv = Number(text(object.metadata?.resourceVersion));
      const event: StoreEvent = { type: "ADDED", object, rv };
      if (wanted(event)) res.write(line(event));
    }
  }
  // Registered in the same synchronous run as the backlog was written: no event falls in between.
  const stop = ctx.store.listen((event) => {
    if (wanted(event) && !res.writableEnded && !res.destroyed) res.write(line(event));
  });
  open.add(res);
  const timer =
    Number.isFinite(timeout) && timeout > 0
      ? setTimeout(() => res.end(), Math.min(timeout, 86_400) * 1000)
      : undefined;
  timer?.unref();
  res.on("close", () => {
    stop();
    if (timer !== undefined) clearTimeout(timer);
    open.delete(res);
  });
}
