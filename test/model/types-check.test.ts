import { describe, expect, it } from "vitest";
import type { ImageStream, TagEvent, TagReference } from "../../src/model/index.js";
import { ImageStreamSchema } from "../../src/model/index.js";

describe("model types", () => {
  it("R1.3.1 TagReference annotations and generation accept null", () => {
    const tag: TagReference = { name: "latest", annotations: null, generation: null };
    const event: TagEvent = {
      created: "2016-01-29T13:40:11Z",
      dockerImageReference: "r",
      image: "",
      generation: 1,
    };
    const stream: ImageStream = {
      metadata: { name: "ruby", namespace: "test" },
      spec: { tags: [tag] },
      status: { tags: [{ tag: "latest", items: [event] }] },
    };
    // @ts-expect-error generation must be a number
    const bad: TagEvent = { created: "", dockerImageReference: "", image: "", generation: "1" };
    expect(bad.generation).toBe("1");
    expect(ImageStreamSchema.safeParse(stream).success).toBe(true);
  });
});
