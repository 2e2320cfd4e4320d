import { describe, expect, it } from "vitest";
import type { ImageStream } from "../../src/model/index.js";
import { listImageStreamTags } from "../../src/server/index.js";
import { deepFreeze } from "../support/freeze.js";

const digest = (n: number) => `sha256:${n.toString(16).padStart(64, "0")}`;

function streamWith(tags: string[]): ImageStream {
  return deepFreeze({
    metadata: { name: "app", namespace: "ns" },
    spec: { tags: [{ name: "b", annotations: { note: "spec b" }, referencePolicy: { type: "Local" } }] },
    status: {
      dockerImageRepository: "registry:5000/ns/app",
      tags: tags.map((tag, i) => ({
        tag,
        items: [
          {
            created: "2024-01-01T00:00:00Z",
            dockerImageReference: `quay.io/x/app@${digest(i + 1)}`,
            image: digest(i + 1),
            generation: 1,
          },
        ],
      })),
    },
  } as ImageStream);
}

describe("R13.3 listImageStreamTags", () => {
  it("R13.3 one entry per status tag, in name order; a duplicated status tag is listed once, last wins (R1.11.2)", () => {
    const list = listImageStreamTags(streamWith(["c", "a", "b", "a"]));
    expect(list.map((t) => t.metadata?.name)).toEqual(["app:a", "app:b", "app:c"]);
    expect(list[0]?.image?.dockerImageReference).toBe(`quay.io/x/app@${digest(4)}`);
  });

  it("R13.2 the spec tag's annotations and reference policy apply to its entry", () => {
    const b = listImageStreamTags(streamWith(["a", "b"])).find((t) => t.metadata?.name === "app:b");
    expect(b?.metadata?.annotations).toEqual({ note: "spec b" });
    expect(b?.image?.dockerImageReference).toBe(`registry:5000/ns/app@${digest(2)}`);
  });

  it("R13.3 lists 20,000 tags (each look-up is a map hit, not a scan of every tag)", () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `t${i}`);
    const list = listImageStreamTags(streamWith(names));
    expect(list).toHaveLength(20_000);
    expect(list[0]?.metadata?.name).toBe("app:t0");
  });
});
