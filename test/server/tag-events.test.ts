import { describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.js";
import type { ImageStream, TagEvent } from "../../src/model/index.js";
import { addTagEvent, updateTrackingTags } from "../../src/server/index.js";
import vectors from "../fixtures/server/tag_events.json" with { type: "json" };
import { deepFreeze } from "../support/freeze.js";
import { changedLists, ev, statusTagsFromMap, statusTagsToMap, stream, streamFromVector } from "./helpers.js";

type Obj = Record<string, unknown>;
const [addGroup, trackGroup] = vectors.groups as unknown as [
  { cases: { name: string; input: Obj; expect: Obj }[] },
  { cases: { name: string; input: Obj; expect: Obj }[] },
];

describe("R7 AddTagEventToImageStream vectors", () => {
  it.each(addGroup.cases.map((c) => [c.name, c] as const))("R7 %s", (_name, c) => {
    const input = c.input as { statusTags: Record<string, Obj>; next: TagEvent };
    const is = deepFreeze(stream("ruby", "ns", { status: statusTagsFromMap(input.statusTags) }));
    const out = addTagEvent(is, "latest", deepFreeze(input.next));
    const changed = out !== is;
    expect(changed).toBe(c.expect.changed);
    expect(statusTagsToMap(out.status?.tags)).toEqual(c.expect.statusTags);
    if (!changed) expect(out).toBe(is);
    expect(addTagEvent(is, "latest", input.next)).toEqual(out);
  });
  it("covers every case of the group", () => {
    expect(addGroup.cases.length).toBe(8);
  });
});

describe("R8.10 UpdateTrackingTags vectors", () => {
  it.each(trackGroup.cases.map((c) => [c.name, c] as const))("R8.10 %s", (_name, c) => {
    const input = c.input as { stream: Obj; updatedTag: string; updatedEvent: TagEvent };
    const is = deepFreeze(streamFromVector(input.stream));
    const out = updateTrackingTags(is, input.updatedTag, input.updatedEvent);
    const updated = changedLists(is, out);
    expect(updated).toBe(c.expect.returns);
    const expected = c.expect.updatedTags as { tag: string; items0: TagEvent }[];
    const before = statusTagsToMap(is.status?.tags);
    const after = statusTagsToMap(out.status?.tags);
    const changedTags = Object.keys(after).filter(
      (t) => JSON.stringify(after[t]) !== JSON.stringify(before[t]),
    );
    expect(changedTags.sort()).toEqual(expected.map((e) => e.tag).sort());
    for (const e of expected) expect((after[e.tag]?.items as TagEvent[] | undefined)?.[0]).toEqual(e.items0);
    if (updated === 0) expect(out).toBe(is);
    expect(updateTrackingTags(is, input.updatedTag, input.updatedEvent)).toEqual(out);
  });
});

describe("R7 addTagEvent details", () => {
  const base = (): ImageStream =>
    deepFreeze(
      stream("ruby", "ns", {
        status: [
          { tag: "a", items: [ev("r1", "i1", 1)] },
          {
            tag: "latest",
            items: [ev("refB", "B", 2, "2020-01-02T00:00:00Z"), ev("refA", "A", 1)],
            conditions: [{ type: "ImportSuccess", status: "False", reason: "NotFound", generation: 2 }],
          },
          { tag: "z", items: [ev("r2", "i2", 1)] },
        ] as never,
      }),
    );

  it("R7.2 no change returns the very same stream", () => {
    const is = base();
    expect(addTagEvent(is, "latest", ev("refB", "B", 2, "2030-01-01T00:00:00Z"))).toBe(is);
  });

  it("R7.2 same reference only: image and generation replaced, created kept, conditions cleared", () => {
    const is = base();
    const out = addTagEvent(is, "latest", ev("refB", "C", 5, "2030-01-01T00:00:00Z"));
    const list = out.status?.tags?.[1] as unknown as Obj;
    expect(list.conditions).toBeUndefined();
    expect((list.items as TagEvent[])[0]).toEqual(ev("refB", "C", 5, "2020-01-02T00:00:00Z"));
    expect((list.items as TagEvent[])[1]).toBe(is.status?.tags?.[1]?.items[1]);
  });

  it("R7.2 same image only: reference and generation replaced, created kept", () => {
    const out = addTagEvent(base(), "latest", ev("refX", "B", 7, "2030-01-01T00:00:00Z"));
    expect(out.status?.tags?.[1]?.items?.[0]).toEqual(ev("refX", "B", 7, "2020-01-02T00:00:00Z"));
  });

  it("R7.2 neither: prepended, history kept and shared, untouched tags shared", () => {
    const is = base();
    const e = ev("refC", "C", 3);
    const out = addTagEvent(is, "latest", e);
    const items = out.status?.tags?.[1]?.items as TagEvent[];
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual(e);
    expect(items[0]).not.toBe(e); // a copy: later edits of the caller's event never reach the state
    expect(items[1]).toBe(is.status?.tags?.[1]?.items?.[0]);
    expect(out.status?.tags?.[0]).toBe(is.status?.tags?.[0]);
    expect(out.status?.tags?.[2]).toBe(is.status?.tags?.[2]);
    expect(out.spec).toBe(is.spec);
  });

  it("R7.1 a new tag is inserted in sorted position (R1.11.1) with only its items", () => {
    const out = addTagEvent(base(), "m", ev("r", "i"));
    expect(out.status?.tags?.map((t) => t.tag)).toEqual(["a", "latest", "m", "z"]);
    expect(out.status?.tags?.[2]).toEqual({ tag: "m", items: [ev("r", "i")] });
  });

  it("R7.1 an empty list with conditions becomes {items:[E]}: conditions dropped", () => {
    const is = deepFreeze(
      stream("ruby", "ns", {
        status: [
          { tag: "latest", items: [], conditions: [{ type: "ImportSuccess", status: "False" }] },
        ] as never,
      }),
    );
    const out = addTagEvent(is, "latest", ev("r", "i"));
    expect(out.status?.tags).toEqual([{ tag: "latest", items: [ev("r", "i")] }]);
  });

  it("R7.1 a stream without status gets one", () => {
    const is = deepFreeze({ metadata: { name: "x", namespace: "ns" } } as unknown as ImageStream);
    const out = addTagEvent(is, "latest", ev("r", "i"));
    expect(out.status?.tags).toEqual([{ tag: "latest", items: [ev("r", "i")] }]);
  });

  it("R7.3 no maximum history length", () => {
    let is: ImageStream = stream("ruby", "ns");
    for (let i = 0; i < 500; i++) is = addTagEvent(is, "latest", ev(`r${i}`, `i${i}`));
    expect(is.status?.tags?.[0]?.items).toHaveLength(500);
  });
});

describe("guards", () => {
  it("non-object streams and events are BadRequest errors, not TypeErrors", () => {
    expect(() => addTagEvent(null as unknown as ImageStream, "a", ev("r", "i"))).toThrow(BadRequestError);
    expect(() => addTagEvent(stream("a", "b"), "a", null as unknown as TagEvent)).toThrow(BadRequestError);
    expect(() => updateTrackingTags(stream("a", "b"), "a", undefined as unknown as TagEvent)).toThrow(
      "a TagEvent object is required",
    );
  });
});
