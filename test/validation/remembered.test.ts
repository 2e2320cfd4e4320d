/** R4.1.5/R4.1.6 validation remembers only deeply frozen objects it found valid. */
import { describe, expect, it } from "vitest";
import { validateImageStream } from "../../src/validation/index.js";
import { deepFreeze } from "../support/freeze.js";

const ev = (ref: string) => ({
  created: "2024-01-01T00:00:00Z",
  dockerImageReference: ref,
  image: "",
  generation: 1,
});

describe("validateImageStream on frozen streams (what it remembers cannot go stale)", () => {
  it("R4.1.6 non-object entries in frozen lists are neither remembered nor a crash", () => {
    const s = deepFreeze({
      metadata: { name: "a", namespace: "ns" },
      spec: { tags: [null, 3, { name: "x" }] },
      status: { tags: [null, { tag: "t", items: [null, ev("quay.io/a/b:1")] }] },
    });
    const first = validateImageStream(s);
    expect(Array.isArray(first)).toBe(true);
    expect(validateImageStream(s)).toEqual(first);
  });

  it("R4.1.6 an invalid frozen reference is reported on every call, not remembered as valid", () => {
    const s = deepFreeze({
      metadata: { name: "a", namespace: "ns" },
      status: {
        tags: [
          { tag: "t", items: [ev("Bad Ref")] },
          { tag: "u", items: [ev("quay.io/a/b:1")] },
        ],
      },
    });
    const paths = (e: { field: string }[]) => e.map((x) => x.field);
    expect(paths(validateImageStream(s))).toEqual(["status.tags[t].items[0].dockerImageReference"]);
    expect(paths(validateImageStream(s))).toEqual(["status.tags[t].items[0].dockerImageReference"]);
  });

  it("R4.1.5 a sorted frozen spec list and the same list unsorted give the same errors", () => {
    const tags = [
      { name: "a", from: { kind: "DockerImage", name: "Bad Ref" } },
      { name: "b", from: { kind: "DockerImage", name: "quay.io/a/b:1" } },
    ];
    const sorted = deepFreeze({ metadata: { name: "a", namespace: "ns" }, spec: { tags } });
    const unsorted = deepFreeze({
      metadata: { name: "a", namespace: "ns" },
      spec: { tags: [tags[1], tags[0]] },
    });
    expect(validateImageStream(sorted)).toEqual(validateImageStream(unsorted));
  });
});
