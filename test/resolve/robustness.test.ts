/** Bad input: pull-spec resolution treats a null or non-object options argument as {}. */
import { describe, expect, it } from "vitest";
import {
  resolveNewestPullSpecForTag,
  resolvePullSpecForTag,
  resolveRecentPullSpecForTag,
} from "../../src/resolve/index.js";
import { deepFreeze } from "../support/freeze.js";

const stream = deepFreeze({
  metadata: { name: "s", namespace: "ns" },
  status: {
    dockerImageRepository: "172.30.1.1:5000/ns/s",
    tags: [
      {
        tag: "latest",
        items: [{ created: "", dockerImageReference: "a/b:1", image: "sha256:x", generation: 1 }],
      },
    ],
  },
});

describe("bad input: resolve options", () => {
  it("bad input: resolvePullSpecForTag(stream, tag, null) treats the options as {}, not TypeError", () => {
    for (const opts of [null, 5, "x"]) {
      expect(resolvePullSpecForTag(stream as never, "latest", opts as never)).toEqual(
        resolvePullSpecForTag(stream as never, "latest"),
      );
      expect(resolvePullSpecForTag(stream as never, "other", opts as never).pullSpec).toBe(
        "172.30.1.1:5000/ns/s:other",
      );
    }
  });

  it("bad input: resolveNewestPullSpecForTag and resolveRecentPullSpecForTag with null options, not TypeError", () => {
    expect(resolveNewestPullSpecForTag(stream as never, "latest", null as never).pullSpec).toBe("a/b:1");
    expect(resolveRecentPullSpecForTag(stream as never, "latest", null as never).pullSpec).toBe("a/b:1");
  });
});
