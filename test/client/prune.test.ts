import { describe, expect, it } from "vitest";
import { pruneTagHistory } from "../../src/client/prune.js";
import type { ImageStream, TagEvent } from "../../src/model/index.js";
import { deepFreeze } from "../support/freeze.js";

const NOW = "2024-01-01T12:00:00Z";
const img = (n: number) => `sha256:${String(n).padStart(64, "0")}`;
const ev = (n: number, created: string): TagEvent => ({
  created,
  dockerImageReference: `quay.io/a/b@${img(n)}`,
  image: img(n),
  generation: n,
});
const OLD = "2023-12-01T00:00:00Z";

function stream(tags: Record<string, TagEvent[]>): ImageStream {
  return deepFreeze({
    metadata: { name: "s", namespace: "ns" },
    spec: { tags: [] },
    status: {
      dockerImageRepository: "",
      tags: Object.entries(tags).map(([tag, items]) => ({ tag, items })),
    },
  }) as ImageStream;
}

describe("pruneTagHistory (R17.2)", () => {
  it("R17.2 defaults: keep 3 revisions, drop older items older than 60 minutes", () => {
    const s = stream({ latest: [ev(5, OLD), ev(4, OLD), ev(3, OLD), ev(2, OLD), ev(1, OLD)] });
    const out = pruneTagHistory(s, { now: NOW });
    expect(out.status?.tags?.[0]?.items.map((e) => e.generation)).toEqual([5, 4, 3]);
    expect(s.status?.tags?.[0]?.items).toHaveLength(5);
  });

  it("R17.2 items younger than keepYoungerThan are kept whatever their position", () => {
    const s = stream({ latest: [ev(3, OLD), ev(2, "2024-01-01T11:30:00Z"), ev(1, OLD)] });
    const out = pruneTagHistory(s, { now: NOW, keepTagRevisions: 1 });
    expect(out.status?.tags?.[0]?.items.map((e) => e.generation)).toEqual([3, 2]);
    const strict = pruneTagHistory(s, { now: NOW, keepTagRevisions: 1, keepYoungerThan: 10 * 60 * 1000 });
    expect(strict.status?.tags?.[0]?.items.map((e) => e.generation)).toEqual([3]);
  });

  it("R17.2 items of images used elsewhere are kept; another tag keeping the image keeps only the image (as oc)", () => {
    const s = stream({ a: [ev(3, OLD), ev(2, OLD), ev(1, OLD)], b: [ev(2, OLD)] });
    const out = pruneTagHistory(s, { now: NOW, keepTagRevisions: 1, isImageUsed: (i) => i === img(1) });
    expect(out.status?.tags?.[0]?.items.map((e) => e.generation)).toEqual([3, 1]);
    const out2 = pruneTagHistory(s, { now: NOW, keepTagRevisions: 1 });
    expect(out2.status?.tags?.[0]?.items.map((e) => e.generation)).toEqual([3]);
  });

  it("R17.2 revision 0 of a used tag is kept even with keepTagRevisions 0", () => {
    const s = stream({ a: [ev(2, OLD), ev(1, OLD)], b: [ev(3, OLD)] });
    const out = pruneTagHistory(s, { now: NOW, keepTagRevisions: 0, isTagUsed: (t) => t === "a" });
    expect(out.status?.tags?.map((t) => [t.tag, t.items.length])).toEqual([["a", 1]]);
  });

  it("R17.2 items whose Image no longer exists are dropped, events without an image too (oc: no such Image)", () => {
    const s = stream({
      a: [
        ev(2, OLD),
        { created: OLD, dockerImageReference: "quay.io/x:1", image: "", generation: 1 },
        ev(1, OLD),
      ],
    });
    const out = pruneTagHistory(s, {
      now: NOW,
      keepTagRevisions: 3,
      getImage: (n) => (n === img(2) ? { metadata: { name: n } } : undefined) as never,
    });
    expect(out.status?.tags?.[0]?.items.map((e) => e.generation)).toEqual([2]);
    // Without getImage every named image counts as existing, but the empty name still does not.
    const noLookup = pruneTagHistory(s, { now: NOW, keepTagRevisions: 3 });
    expect(noLookup.status?.tags?.[0]?.items.map((e) => e.generation)).toEqual([2, 1]);
    // A used tag's revision 0 and a young event stay, with or without an image.
    const ref = stream({
      r: [{ created: OLD, dockerImageReference: "quay.io/x:1", image: "", generation: 1 }],
    });
    expect(pruneTagHistory(ref, { now: NOW, isTagUsed: (t) => t === "r" })).toBe(ref);
    expect(pruneTagHistory(ref, { now: NOW, keepYoungerThan: 365 * 24 * 3600 * 1000 * 10 })).toBe(ref);
  });

  it("R17.2 once anything is pruned, every tag left without items goes, conditions or not (oc's update)", () => {
    const s = deepFreeze({
      metadata: { name: "s" },
      status: {
        tags: [
          {
            tag: "a",
            items: [ev(1, OLD)],
            conditions: [{ type: "ImportSuccess", status: "False", generation: 2 }],
          },
          { tag: "b", items: [], conditions: [{ type: "ImportSuccess", status: "False", generation: 1 }] },
          { tag: "c", items: [ev(1, OLD)] },
        ],
      },
    }) as ImageStream;
    const out = pruneTagHistory(s, { now: NOW, keepTagRevisions: 0, isImageUsed: () => false });
    expect(out.status?.tags).toEqual([]);
    // Nothing pruned: an already empty tag stays (oc sends no update).
    const keep = pruneTagHistory(s, { now: NOW, keepTagRevisions: 1 });
    expect(keep).toBe(s);
  });

  it("R17.2 nothing to prune returns the very same stream; unchanged tags are shared", () => {
    const s = stream({ a: [ev(2, OLD)], b: [ev(3, OLD), ev(1, OLD), ev(4, OLD), ev(5, OLD)] });
    const three = stream({ a: [ev(2, OLD)], b: [ev(3, OLD), ev(1, OLD), ev(4, OLD)] });
    expect(pruneTagHistory(three, { now: NOW })).toBe(three);
    const out = pruneTagHistory(s, { now: NOW, keepTagRevisions: 1 });
    expect(out.status?.tags?.[0]).toBe(s.status?.tags?.[0]);
    expect(pruneTagHistory(deepFreeze({ metadata: { name: "x" } }) as ImageStream)).toEqual({
      metadata: { name: "x" },
    });
    const bad = deepFreeze({
      metadata: {},
      status: { tags: [{ tag: "a", items: [{ created: "not a time", image: img(1) }] }] },
    });
    expect(
      pruneTagHistory(bad as never, { now: NOW, keepTagRevisions: 0, keepYoungerThan: -1 }).status?.tags,
    ).toEqual([]);
  });
});
