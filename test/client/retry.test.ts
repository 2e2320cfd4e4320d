/**
 * retryOnConflict against client-go's `RetryOnConflict` with `DefaultRetry`: conflicts from every
 * source are retried with the backoff, anything else is rethrown at once.
 */

import { fc, test } from "@fast-check/vitest";
import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { retryOnConflict } from "../../src/client/retry.js";
import { AlreadyExistsError, ConflictError, NotFoundError } from "../../src/errors.js";

const conflictStatus = {
  kind: "Status",
  apiVersion: "v1",
  metadata: {},
  status: "Failure",
  message:
    'Operation cannot be fulfilled on imagestreams.image.openshift.io "app": the object has been modified',
  reason: "Conflict",
  code: 409,
};

/** A recorder of the waits, so no test sleeps. */
function sleeper() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** `fn` that throws `err` the first `n` times, then returns "done". */
function failing(n: number, err: unknown) {
  let calls = 0;
  const fn = async () => {
    calls += 1;
    if (calls <= n) throw err;
    return "done";
  };
  return { fn, calls: () => calls };
}

describe("retryOnConflict recognises a conflict (apimachinery IsConflict)", () => {
  it.each([
    ["the library's ConflictError", new ConflictError({ resource: "imagestreams", name: "app" }, "modified")],
    ["a Status object", conflictStatus],
    ["a Status with an unknown reason and code 409", { ...conflictStatus, reason: "SomethingNew" }],
    [
      "an ApiException with a Status string body",
      new ApiException(409, "Unknown API Status Code!", JSON.stringify(conflictStatus), {}),
    ],
    ["an ApiException with a Status object body", new ApiException(409, "Conflict", conflictStatus, {})],
    [
      "an ApiException with no Status body (reason unknown, code 409)",
      new ApiException(409, "Conflict", "oops", {}),
    ],
    [
      "a conflict in the cause chain",
      new Error("write failed", { cause: new ConflictError({ resource: "imagestreams", name: "a" }, "x") }),
    ],
  ])("%s is retried", async (_name, err) => {
    const { waits, sleep } = sleeper();
    const f = failing(2, err);
    await expect(retryOnConflict(f.fn, { sleep, random: () => 0 })).resolves.toBe("done");
    expect(f.calls()).toBe(3);
    expect(waits).toEqual([10, 10]);
  });

  it.each([
    ["NotFoundError", new NotFoundError({ resource: "imagestreams", name: "app" })],
    [
      "AlreadyExistsError (also 409, not a conflict)",
      new AlreadyExistsError({ resource: "imagestreams", name: "app" }),
    ],
    [
      "an ApiException 422 (a failed JSON patch test)",
      new ApiException(
        422,
        "Invalid",
        JSON.stringify({ ...conflictStatus, reason: "Invalid", code: 422 }),
        {},
      ),
    ],
    [
      "an ApiException 409 whose Status says AlreadyExists",
      new ApiException(409, "x", JSON.stringify({ ...conflictStatus, reason: "AlreadyExists" }), {}),
    ],
    ["a plain Error", new Error("boom")],
    ["a thrown string", "boom"],
  ])("%s is rethrown at once", async (_name, err) => {
    const { waits, sleep } = sleeper();
    const f = failing(1, err);
    await expect(retryOnConflict(f.fn, { sleep })).rejects.toBe(err);
    expect(f.calls()).toBe(1);
    expect(waits).toEqual([]);
  });
});

describe("retryOnConflict backoff (client-go DefaultRetry: steps 5, 10ms, factor 1, jitter 0.1)", () => {
  it("gives up after 5 attempts with 4 waits, rethrowing the last conflict", async () => {
    const { waits, sleep } = sleeper();
    const errors = [1, 2, 3, 4, 5].map(
      (i) => new ConflictError({ resource: "imagestreams", name: `a${i}` }, "x"),
    );
    let calls = 0;
    const run = retryOnConflict(
      async () => {
        throw errors[calls++];
      },
      { sleep, random: () => 0.5 },
    );
    await expect(run).rejects.toBe(errors[4]);
    expect(calls).toBe(5);
    expect(waits).toEqual([10.5, 10.5, 10.5, 10.5]);
  });

  it("passes the attempt number and returns the first success", async () => {
    const { sleep } = sleeper();
    const seen: number[] = [];
    const result = await retryOnConflict(
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 3) throw conflictStatus;
        return attempt * 10;
      },
      { sleep },
    );
    expect(result).toBe(30);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("factor and cap grow the waits as wait.Backoff.Step does", async () => {
    const { waits, sleep } = sleeper();
    const f = failing(4, conflictStatus);
    await retryOnConflict(f.fn, { steps: 5, duration: 10, factor: 3, cap: 50, jitter: 0, sleep });
    expect(waits).toEqual([10, 30, 50, 50]);
  });

  test.prop([
    fc.integer({ min: 1, max: 8 }),
    fc.integer({ min: 0, max: 10 }),
    fc.double({ min: 0, max: 0.999, noNaN: true }),
  ])(
    "never more than `steps` attempts; every wait is within [duration, duration × (1 + jitter)]",
    async (steps, conflicts, r) => {
      const { waits, sleep } = sleeper();
      const f = failing(conflicts, conflictStatus);
      const outcome = await retryOnConflict(f.fn, { steps, sleep, random: () => r }).then(
        () => "ok",
        () => "conflict",
      );
      expect(f.calls()).toBe(Math.min(conflicts + 1, steps));
      expect(outcome).toBe(conflicts < steps ? "ok" : "conflict");
      for (const w of waits) {
        expect(w).toBeGreaterThanOrEqual(10);
        expect(w).toBeLessThanOrEqual(11);
      }
    },
  );
});
