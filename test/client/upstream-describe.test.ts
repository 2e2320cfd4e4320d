/**
 * Upstream test tables for `oc describe` and the go-units helpers it prints with, transcribed as
 * data (docs/behaviour.md §16):
 *  - docker/go-units duration_test.go: TestHumanDuration, ExampleHumanDuration;
 *  - docker/go-units size_test.go: TestHumanSize, ExampleHumanSize;
 *  - openshift/oc pkg/helpers/describe/describer_test.go: TestDescribeImage;
 *  - openshift/oc pkg/helpers/describe/helpers_test.go: TestFormatImageStreamTags.
 */
import { describe, expect, it } from "vitest";
import { formatImageStreamTags } from "../../src/client/describe.js";
import {
  describeImageStream,
  describeImageStreamTag,
  humanDuration,
  humanSize,
  type Image,
  type ImageStreamTag,
} from "../support/all.js";
import { deepFreeze } from "../support/freeze.js";
import { ocTestStream } from "../support/oc-describe-stream.js";

const MS = 1;
const SECOND = 1000 * MS;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

describe("§16 humanDuration: go-units TestHumanDuration", () => {
  it.each<[number, string]>([
    [450 * MS, "Less than a second"],
    [1 * SECOND, "1 second"],
    [45 * SECOND, "45 seconds"],
    [46 * SECOND, "46 seconds"],
    [59 * SECOND, "59 seconds"],
    [60 * SECOND, "About a minute"],
    [1 * MINUTE, "About a minute"],
    [3 * MINUTE, "3 minutes"],
    [35 * MINUTE, "35 minutes"],
    [35 * MINUTE + 40 * SECOND, "35 minutes"],
    [45 * MINUTE, "45 minutes"],
    [45 * MINUTE + 40 * SECOND, "45 minutes"],
    [46 * MINUTE, "46 minutes"],
    [59 * MINUTE, "59 minutes"],
    [1 * HOUR, "About an hour"],
    [1 * HOUR + 29 * MINUTE, "About an hour"],
    [1 * HOUR + 31 * MINUTE, "2 hours"],
    [1 * HOUR + 59 * MINUTE, "2 hours"],
    [3 * HOUR, "3 hours"],
    [3 * HOUR + 29 * MINUTE, "3 hours"],
    [3 * HOUR + 31 * MINUTE, "4 hours"],
    [3 * HOUR + 59 * MINUTE, "4 hours"],
    [3 * HOUR + 60 * MINUTE, "4 hours"],
    [24 * HOUR, "24 hours"],
    [1 * DAY + 12 * HOUR, "36 hours"],
    [2 * DAY, "2 days"],
    [7 * DAY, "7 days"],
    [13 * DAY + 5 * HOUR, "13 days"],
    [2 * WEEK, "2 weeks"],
    [2 * WEEK + 4 * DAY, "2 weeks"],
    [3 * WEEK, "3 weeks"],
    [4 * WEEK, "4 weeks"],
    [4 * WEEK + 3 * DAY, "4 weeks"],
    [1 * MONTH, "4 weeks"],
    [1 * MONTH + 2 * WEEK, "6 weeks"],
    [2 * MONTH, "2 months"],
    [2 * MONTH + 2 * WEEK, "2 months"],
    [3 * MONTH, "3 months"],
    [3 * MONTH + 1 * WEEK, "3 months"],
    [5 * MONTH + 2 * WEEK, "5 months"],
    [13 * MONTH, "13 months"],
    [23 * MONTH, "23 months"],
    [24 * MONTH, "24 months"],
    [24 * MONTH + 2 * WEEK, "2 years"],
    [3 * YEAR + 2 * MONTH, "3 years"],
  ])("§16 humanDuration(%d ms) = %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe("§16 humanDuration: go-units ExampleHumanDuration", () => {
  it.each<[number, string]>([
    [450 * MS, "Less than a second"],
    [47 * SECOND, "47 seconds"],
    [1 * MINUTE, "About a minute"],
    [3 * MINUTE, "3 minutes"],
    [35 * MINUTE, "35 minutes"],
    [35 * MINUTE + 40 * SECOND, "35 minutes"],
    [1 * HOUR, "About an hour"],
    [1 * HOUR + 45 * MINUTE, "2 hours"],
    [3 * HOUR, "3 hours"],
    [3 * HOUR + 59 * MINUTE, "4 hours"],
    [3 * HOUR + 60 * MINUTE, "4 hours"],
    [24 * HOUR, "24 hours"],
    [24 * HOUR + 12 * HOUR, "36 hours"],
    [2 * 24 * HOUR, "2 days"],
    [7 * 24 * HOUR, "7 days"],
    [13 * 24 * HOUR + 5 * HOUR, "13 days"],
    [2 * 7 * 24 * HOUR, "2 weeks"],
    [2 * 7 * 24 * HOUR + 4 * 24 * HOUR, "2 weeks"],
    [3 * 7 * 24 * HOUR, "3 weeks"],
    [4 * 7 * 24 * HOUR, "4 weeks"],
    [4 * 7 * 24 * HOUR + 3 * 24 * HOUR, "4 weeks"],
    [1 * 30 * 24 * HOUR, "4 weeks"],
    [1 * 30 * 24 * HOUR + 2 * 7 * 24 * HOUR, "6 weeks"],
    [2 * 30 * 24 * HOUR, "2 months"],
    [3 * 30 * 24 * HOUR + 1 * 7 * 24 * HOUR, "3 months"],
    [5 * 30 * 24 * HOUR + 2 * 7 * 24 * HOUR, "5 months"],
    [13 * 30 * 24 * HOUR, "13 months"],
    [23 * 30 * 24 * HOUR, "23 months"],
    [24 * 30 * 24 * HOUR, "24 months"],
    [24 * 30 * 24 * HOUR + 2 * 7 * 24 * HOUR, "2 years"],
    [3 * 365 * 24 * HOUR + 2 * 30 * 24 * HOUR, "3 years"],
  ])("§16 humanDuration(%d ms) = %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

// go-units constants are untyped, so `3.42 * GB` is the exact integer 3 420 000 000.
const KB = 1000;
const MB = 1000 * KB;
const GB = 1000 * MB;
const TB = 1000 * GB;
const PB = 1000 * TB;

describe("R16.2.3 humanSize: go-units TestHumanSize", () => {
  it.each<[number, string]>([
    [1000, "1kB"],
    [1024, "1.024kB"],
    [1000000, "1MB"],
    [1048576, "1.049MB"],
    [2 * MB, "2MB"],
    [3_420_000_000, "3.42GB"],
    [5_372_000_000_000, "5.372TB"],
    [2_220_000_000_000_000, "2.22PB"],
    [10000000000000 * PB, "1e+04YB"],
  ])("R16.2.3 humanSize(%d) = %s", (size, want) => {
    expect(humanSize(size)).toBe(want);
  });
});

describe("R16.2.3 humanSize: go-units ExampleHumanSize", () => {
  it.each<[number, string]>([
    [1000, "1kB"],
    [1024, "1.024kB"],
    [1000000, "1MB"],
    [1048576, "1.049MB"],
    [2 * MB, "2MB"],
    [3_420_000_000, "3.42GB"],
    [5_372_000_000_000, "5.372TB"],
    [2_220_000_000_000_000, "2.22PB"],
  ])("R16.2.3 humanSize(%d) = %s", (size, want) => {
    expect(humanSize(size)).toBe(want);
  });
});

// oc describer_test.go TestDescribeImage: DescribeImage(&image, image.Name); the output must match
// every regular expression. describeImageStreamTag prints the Image view of istag.image with the
// image name as `Image Name`, which is the same call. `LayerSize` is `size` on the wire.
describe("R16.2.2 describeImageStreamTag: oc TestDescribeImage", () => {
  const cases: Array<{ name: string; image: Image; want: RegExp[] }> = [
    {
      name: "0: no layers, empty metadata",
      image: { metadata: { name: "test" }, dockerImageMetadata: {} } as Image,
      want: [/Name:.+test/],
    },
    {
      name: "1: two layers, metadata without Size",
      image: {
        metadata: { name: "test" },
        dockerImageLayers: [
          { name: "sha256:1234", size: 3409 },
          { name: "sha256:5678", size: 1024 },
        ],
        dockerImageMetadata: {},
      } as Image,
      want: [/Layers:.+3.409kB\ssha256:1234/, /1.024kB\ssha256:5678/, /Image Size:.+0B in 2 layers/],
    },
    {
      name: "2: two layers, metadata Size 4430",
      image: {
        metadata: { name: "test" },
        dockerImageLayers: [
          { name: "sha256:1234", size: 3409 },
          { name: "sha256:5678", size: 1024 },
        ],
        dockerImageMetadata: { Size: 4430 },
      } as Image,
      want: [/Layers:.+3.409kB\ssha256:1234/, /1.024kB\ssha256:5678/, /Image Size:.+4.43kB in 2 layers/],
    },
  ];
  it.each(cases)("R16.2.2 TestDescribeImage $name", ({ image, want }) => {
    const istag = deepFreeze({ metadata: { name: "is:tag" }, image }) as ImageStreamTag;
    const out = describeImageStreamTag(istag, { now: "2024-01-01T00:00:00Z" });
    for (const re of want) expect(out).toMatch(re);
  });
});

// oc helpers_test.go TestFormatImageStreamTags (the stream is test/support/oc-describe-stream.ts).
const FORMAT_FRAGMENTS = [
  "no spec tag",
  "tag without source image",
  "Unique Images:\t3",
  "Tags:\t\t6",
  "* registry:5000/foo/bar@sha256:4bd26",
  "registry:5000/foo/bar@sha256:062b80",
  "tagged from foo/bar:latest",
  "tagged from mysql/latest@sha256:e52c65",
  "updates automatically from registry mysql",
  "reference to registry mysql:2",
  "prefer registry pullthrough when referencing this tag",
  "~ importing latest image ...",
  "! error: Import failed (NotFound): Image not found due to error",
];

describe("§16.1 formatImageStreamTags: oc TestFormatImageStreamTags", () => {
  // Upstream calls formatImageStreamTags on its own tabwriter (0, 8, 1, '\t', 0).
  const text = formatImageStreamTags(ocTestStream, { now: "2015-03-25T00:00:00Z" });
  it.each(FORMAT_FRAGMENTS)("§16.1 TestFormatImageStreamTags: the tag section contains %j", (fragment) => {
    expect(text).toContain(fragment);
  });
  // The same section inside the full `oc describe is` output (the column padding of the two
  // tab-aligned fragments depends on the surrounding fields there, so they are checked without it).
  const full = describeImageStream(ocTestStream, { now: "2015-03-25T00:00:00Z" });
  it.each(FORMAT_FRAGMENTS.filter((f) => !f.includes("\t")))(
    "R16.1 TestFormatImageStreamTags through describeImageStream: contains %j",
    (fragment) => {
      expect(full).toContain(fragment);
    },
  );
  it("R16.1 TestFormatImageStreamTags through describeImageStream: Unique Images 3, Tags 6", () => {
    expect(full).toMatch(/Unique Images:\t+3\n/);
    expect(full).toMatch(/\nTags:\t+6\n/);
  });
});
