/**
 * The tag section of `oc describe is/NAME` (openshift/oc pkg/helpers/describe/helpers.go,
 * formatImageStreamTags, and its TestFormatImageStreamTags), duplicate tag names, and the
 * block-wise tabwriter the describe output goes through.
 */
import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { describeImageStream, formatImageStreamTags, renderDescribeText } from "../../src/client/describe.js";
import { tabwrite } from "../../src/client/table.js";
import type { ImageStream } from "../../src/model/index.js";
import { deepFreeze } from "../support/freeze.js";
import { ocTestStream, SHA_4BD, SHA_062, SHA_E52 } from "../support/oc-describe-stream.js";

const NOW = "2015-03-24T10:38:00Z";

describe("formatImageStreamTags (upstream formatImageStreamTags, TestFormatImageStreamTags)", () => {
  it("prints the tag section alone, byte for byte, on its own tabwriter", () => {
    const out = formatImageStreamTags(ocTestStream, { now: NOW });
    expect(out.split("\n").slice(0, 11)).toEqual([
      "Unique Images:\t3",
      "Tags:\t\t6",
      "",
      "default",
      "  no spec tag",
      "",
      `  * registry:5000/foo/bar@${SHA_4BD}`,
      "      About an hour ago",
      `    registry:5000/foo/bar@${SHA_062}`,
      "      27 hours ago",
      "",
    ]);
    expect(out).toContain(`  * mysql:latest\n      About an hour ago\t${SHA_E52}\n`);
  });

  it("is the end of describeImageStream, aligned on its own", () => {
    const whole = describeImageStream(ocTestStream, { now: NOW });
    const tags = formatImageStreamTags(ocTestStream, { now: NOW });
    // the two header lines are aligned with the metadata block in the whole description
    const body = (s: string) => s.slice(s.indexOf("\n\n", s.indexOf("Tags:")));
    expect(body(whole)).toBe(body(tags));
  });

  it("a stream without tags: Tags:\\t<none>", () => {
    expect(formatImageStreamTags(deepFreeze({ metadata: { name: "x" } }) as ImageStream)).toBe(
      "Tags:\t<none>\n",
    );
  });
});

describe("duplicate tag names are listed once, with the last entry (R1.11.2)", () => {
  const stream = deepFreeze({
    metadata: { name: "app", namespace: "ns" },
    spec: {
      tags: [
        { name: "v1", from: { kind: "DockerImage", name: "quay.io/x/app:first" } },
        { name: "other", from: { kind: "DockerImage", name: "quay.io/x/other:1" } },
        { name: "v1", from: { kind: "DockerImage", name: "quay.io/x/app:last" }, reference: true },
      ],
    },
    status: {
      tags: [
        {
          tag: "v1",
          items: [
            {
              created: "2015-03-24T09:38:00Z",
              dockerImageReference: `quay.io/x/app@${SHA_062}`,
              image: SHA_062,
              generation: 1,
            },
          ],
        },
        {
          tag: "v1",
          items: [
            {
              created: "2015-03-24T09:38:00Z",
              dockerImageReference: `quay.io/x/app@${SHA_4BD}`,
              image: SHA_4BD,
              generation: 1,
            },
          ],
        },
      ],
    },
  }) as unknown as ImageStream;

  it("spec and status duplicates: one block per name, the last spec tag and the last history", () => {
    const out = formatImageStreamTags(stream, { now: NOW });
    expect(out.match(/^v1$/gm)).toHaveLength(1);
    expect(out).toContain("Tags:\t\t2\n");
    expect(out).toContain("Unique Images:\t1\n");
    expect(out).toContain("  reference to registry quay.io/x/app:last\n");
    expect(out).not.toContain("app:first");
    expect(out).toContain(`  * quay.io/x/app@${SHA_4BD}\n`);
    expect(out).not.toContain(SHA_062);
  });

  it("a duplicate spec tag only in spec is listed once too", () => {
    const specOnly = deepFreeze({ ...stream, status: {} }) as ImageStream;
    const out = describeImageStream(specOnly, { now: NOW });
    expect(out.match(/^v1$/gm)).toHaveLength(1);
    expect(out).toMatch(/^Tags:\t+2$/m);
  });

  it("an alias among duplicates follows the last entry (folded into its target)", () => {
    const aliased = deepFreeze({
      metadata: { name: "app", namespace: "ns" },
      spec: {
        tags: [
          { name: "prod", from: { kind: "DockerImage", name: "quay.io/x/app:1" } },
          { name: "latest", from: { kind: "ImageStreamTag", name: "prod" } },
          { name: "stable", from: { kind: "ImageStreamTag", name: "latest" } },
          { name: "latest", from: { kind: "DockerImage", name: "quay.io/x/app:2" } },
        ],
      },
    }) as unknown as ImageStream;
    const out = formatImageStreamTags(aliased, { now: NOW });
    expect(out).toContain("latest (stable)\n  tagged from quay.io/x/app:2\n");
    expect(out).toMatch(/^prod$/m);
    expect(out.match(/^latest/gm)).toHaveLength(1);
  });
});

describe("renderDescribeText: tabwrite block by block", () => {
  const SETTINGS = { minwidth: 0, tabwidth: 8, padding: 1, padchar: "\t" } as const;
  fcTest.prop([
    fc.array(fc.constantFrom("a", "bbb", "ünï", "😀", " ", "\t", "\n", "\n", "\v", "\f", "Name:\t"), {
      maxLength: 60,
    }),
  ])("gives what tabwrite gives on the whole text (Go flushes after every line without a tab)", (pieces) => {
    const text = pieces.join("");
    expect(renderDescribeText(text)).toBe(tabwrite(text, SETTINGS));
  });
  fcTest.prop([
    fc.array(fc.constantFrom("x", "yy\t", "\t", "\n", "zzzzzzzzz\t1\n", "\n\n"), { maxLength: 80 }),
  ])("gives what tabwrite gives on texts without \\v and \\f (the block-wise path)", (pieces) => {
    const text = pieces.join("");
    expect(renderDescribeText(text)).toBe(tabwrite(text, SETTINGS));
  });
});
