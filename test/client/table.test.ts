import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  formatImageStreamImageTable,
  formatImageStreamTable,
  formatImageStreamTagTable,
  formatImageTagTable,
  printTagsUpToWidth,
  tabwrite,
} from "../../src/client/table.js";
import type { ImageStream, ImageStreamTag, ImageTag, TagReference } from "../../src/model/index.js";
import { deepFreeze } from "../support/freeze.js";

describe("§16 tabwrite (Go text/tabwriter)", () => {
  it("§16 describe settings: cells padded with tabs to the next multiple of 8", () => {
    expect(tabwrite("Unique Images:\t3\nTags:\t6\n\n")).toBe("Unique Images:\t3\nTags:\t\t6\n\n");
    expect(tabwrite("Name:\tx\nImage Repository:\ty\n")).toBe("Name:\t\t\tx\nImage Repository:\ty\n");
  });

  it("§16 a column is a block of consecutive lines with a cell in that column (Go doc example)", () => {
    // aaaa|bbb|d / aa|b|dd / a| / aa|cccc|eee  with padchar '.', padding 1
    const out = tabwrite("aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n", { padchar: ".", padding: 1 });
    expect(out).toBe("aaaa.bbb.d\naa...b...dd\na....\naa...cccc.eee\n");
  });

  it("§16 a trailing cell without a tab terminator is not part of a column", () => {
    expect(tabwrite("a\tlong trailing text\nbb\tc\n", { padchar: " ", padding: 1 })).toBe(
      "a  long trailing text\nbb c\n",
    );
  });

  it("§16 a single-cell line ends every column block (flush)", () => {
    expect(tabwrite("a\tb\nplain line\nlonger cell\tc\n", { padchar: " ", padding: 1 })).toBe(
      "a b\nplain line\nlonger cell c\n",
    );
  });

  it("§16 minwidth, tabwidth 0, missing final newline, \\v and \\f", () => {
    expect(tabwrite("a\tb\nc\td", { minwidth: 4, padchar: " ", padding: 0 })).toBe("a   b\nc   d");
    expect(tabwrite("a\tb\n", { tabwidth: 0 })).toBe("ab\n");
    expect(tabwrite("a\vb\nccc\vd\n", { padchar: " ", padding: 1 })).toBe("a   b\nccc d\n");
    expect(tabwrite("a\tb\fccc\td\n", { padchar: " ", padding: 1 })).toBe("a b\nccc d\n");
    expect(tabwrite(undefined as unknown as string)).toBe("");
  });

  it("§16 widths count code points, not UTF-16 units", () => {
    expect(tabwrite("é😀\tx\nab\ty\n", { padchar: " ", padding: 1 })).toBe("é😀 x\nab y\n");
  });

  it("§16 kubectl table settings (minwidth 6, tabwidth 4, padding 3, spaces)", () => {
    expect(
      tabwrite("NAME\tTAGS\nruby\tlatest\n", { minwidth: 6, tabwidth: 4, padding: 3, padchar: " " }),
    ).toBe("NAME   TAGS\nruby   latest\n");
  });

  fcTest.prop(
    [
      fc.array(
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", "é", " "), maxLength: 6 }), { maxLength: 4 }),
        { maxLength: 6 },
      ),
    ],
    { numRuns: 200 },
  )("§16 property: with space padding, removing padding gives back the cells", (rows) => {
    const text = rows.map((r) => `${r.map((c) => `${c.replaceAll(" ", "_")}\t`).join("")}\n`).join("");
    const out = tabwrite(text, { padchar: " ", padding: 1 });
    const cells = out.split("\n").map((l) => l.split(/ +/).filter((c) => c !== ""));
    expect(cells.slice(0, rows.length)).toEqual(
      rows.map((r) => r.map((c) => c.replaceAll(" ", "_")).filter((c) => c !== "")),
    );
  });
});

const ev = (created: string) => ({ created, dockerImageReference: "r/x:1", image: "", generation: 1 });

describe("§16.3 oc get is", () => {
  const stream: ImageStream = deepFreeze({
    metadata: { name: "ruby", namespace: "test" },
    status: {
      dockerImageRepository: "172.30.56.218:5000/test/ruby",
      tags: [
        { tag: "latest", items: [ev("2016-01-29T13:40:11Z")] },
        { tag: "2.0", items: [ev("2016-01-29T12:40:11Z")] },
      ],
    },
  });

  it("§16.3 columns NAME, IMAGE REPOSITORY, TAGS (R12.8 order), UPDATED", () => {
    expect(formatImageStreamTable([stream], { now: "2016-01-29T14:40:11Z" })).toBe(
      "NAME   IMAGE REPOSITORY               TAGS         UPDATED\nruby   172.30.56.218:5000/test/ruby   latest,2.0   About an hour ago\n",
    );
  });

  it("§16.3 IMAGE REPOSITORY: public, else spec.dockerImageRepository, else status", () => {
    const a = {
      metadata: { name: "a" },
      spec: { dockerImageRepository: "spec/repo" },
      status: { dockerImageRepository: "int/repo" },
    };
    const b = { ...a, status: { ...a.status, publicDockerImageRepository: "pub/repo" } };
    const c = { metadata: { name: "c" }, status: { dockerImageRepository: "int/repo" } };
    const out = formatImageStreamTable([a, b, c], { now: "2016-01-29T14:40:11Z" });
    expect(out).toBe(
      "NAME   IMAGE REPOSITORY   TAGS   UPDATED\na      spec/repo                 \na      pub/repo                  \nc      int/repo                  \n",
    );
  });

  it("§16.3 withNamespace adds a NAMESPACE column; an empty list prints nothing", () => {
    expect(formatImageStreamTable([stream], { now: "2016-01-29T14:40:11Z", withNamespace: true })).toMatch(
      /^NAMESPACE {3}NAME {3}IMAGE REPOSITORY/,
    );
    expect(formatImageStreamTable([])).toBe("");
    expect(formatImageStreamTable(undefined as unknown as ImageStream[])).toBe("");
  });

  it("§16.3 TAGS: width budget 40 with 25% overshoot, at least one tag, then ` + N more...`", () => {
    const mk = (names: string[]): ImageStream => ({
      status: {
        tags: names.map((n, i) => ({
          tag: n,
          items: [ev(`2020-01-01T00:00:${String(59 - i).padStart(2, "0")}Z`)],
        })),
      },
    });
    expect(printTagsUpToWidth(mk(["a".repeat(60), "b"]))).toBe(`${"a".repeat(60)} + 1 more...`);
    // 9 tags of 4 chars: the 9th overshoots by 5 but less than 25% of the width was left → cut
    const nine = Array.from({ length: 9 }, (_, i) => `t${i}xx`);
    expect(printTagsUpToWidth(mk(nine))).toBe(`${nine.slice(0, 8).join(",")} + 1 more...`);
    const eight = nine.slice(0, 8);
    expect(printTagsUpToWidth(mk(eight))).toBe(eight.join(","));
    // more than 25% left (18 > 10) and the overshoot (7) within 25% → the long tag is kept
    const long = ["a".repeat(20), "b".repeat(25), "c"];
    expect(printTagsUpToWidth(mk(long))).toBe(`${"a".repeat(20)},${"b".repeat(25)} + 1 more...`);
    // overshoot beyond 25% → cut
    const tooLong = ["a".repeat(20), "b".repeat(40)];
    expect(printTagsUpToWidth(mk(tooLong))).toBe(`${"a".repeat(20)} + 1 more...`);
    expect(printTagsUpToWidth({})).toBe("");
    // widths are UTF-8 bytes (Go len): 13 two-byte tags of 1 character fill 39 bytes
    const wide = Array.from({ length: 14 }, (_, i) => String.fromCharCode(0xe0 + i));
    expect(printTagsUpToWidth(mk(wide))).toBe(`${wide.slice(0, 13).join(",")} + 1 more...`);
    expect(printTagsUpToWidth(mk(["😀".repeat(10), "€".repeat(10)]))).toBe(`${"😀".repeat(10)} + 1 more...`);
  });

  it("§16.3 multi-line cells are cut at the first line break with `...`", () => {
    const s = { metadata: { name: "x\ny" }, status: { dockerImageRepository: "r" } };
    expect(formatImageStreamTable([s], { now: "2020-01-01T00:00:00Z" })).toContain("\nx...   r");
  });
});

describe("§16.3 oc get istag", () => {
  const istag: ImageStreamTag = deepFreeze({
    metadata: { name: "ruby:latest", namespace: "test", creationTimestamp: "2016-01-29T13:40:11Z" },
    image: { metadata: { name: "sha256:4746" }, dockerImageReference: "r/ruby@sha256:4746" },
  });
  it("§16.3 columns NAME, IMAGE REFERENCE, UPDATED; wide adds IMAGE NAME", () => {
    expect(formatImageStreamTagTable([istag], { now: "2016-01-29T13:42:11Z" })).toBe(
      "NAME          IMAGE REFERENCE      UPDATED\nruby:latest   r/ruby@sha256:4746   2 minutes ago\n",
    );
    expect(formatImageStreamTagTable([istag], { now: "2016-01-29T13:42:11Z", wide: true })).toBe(
      "NAME          IMAGE REFERENCE      UPDATED         IMAGE NAME\nruby:latest   r/ruby@sha256:4746   2 minutes ago   sha256:4746\n",
    );
    expect(formatImageStreamTagTable([istag], { now: "2016-01-29T13:42:11Z", withNamespace: true })).toMatch(
      /^NAMESPACE/,
    );
  });
  it("§16.3 a missing creationTimestamp is Go's zero time (292 years ago); empty list prints nothing", () => {
    expect(
      formatImageStreamTagTable([{ metadata: { name: "a:b" } }], { now: "2020-01-01T00:00:00Z" }),
    ).toContain("292 years ago");
    expect(formatImageStreamTagTable([])).toBe("");
  });
});

describe("§16.3 oc get isimage", () => {
  const isimage = deepFreeze({
    metadata: { name: "ruby@sha256:4746", namespace: "test", creationTimestamp: "2016-01-29T13:40:11Z" },
    image: { metadata: { name: "sha256:4746" }, dockerImageReference: "r/ruby@sha256:4746" },
  });
  it("§16.3 columns NAME, UPDATED; wide adds IMAGE REFERENCE and IMAGE NAME", () => {
    expect(formatImageStreamImageTable([isimage], { now: "2016-01-29T13:42:11Z" })).toBe(
      "NAME               UPDATED\nruby@sha256:4746   2 minutes ago\n",
    );
    expect(formatImageStreamImageTable([isimage], { now: "2016-01-29T13:42:11Z", wide: true })).toBe(
      "NAME               UPDATED         IMAGE REFERENCE      IMAGE NAME\n" +
        "ruby@sha256:4746   2 minutes ago   r/ruby@sha256:4746   sha256:4746\n",
    );
    expect(formatImageStreamImageTable([isimage], { now: "2016-01-29T13:42:11Z", withNamespace: true })).toBe(
      "NAMESPACE   NAME               UPDATED\ntest        ruby@sha256:4746   2 minutes ago\n",
    );
    expect(formatImageStreamImageTable([])).toBe("");
  });
});

describe("§16.3 oc get imagetag (printImageTag)", () => {
  const now = "2016-01-29T14:40:11Z";
  const ev = (image: string, generation: number, created = "2016-01-29T13:40:11Z") => ({
    created,
    dockerImageReference: `r/ruby@${image}`,
    image,
    generation,
  });
  /** The row after the header, split on runs of spaces. */
  const row = (itag: ImageTag) =>
    formatImageTagTable([deepFreeze(itag)], { now })
      .split("\n")[1]!
      .split(/ {2,}/);

  it("§16.3 header NAME, SPEC, STATUS, HISTORY, UPDATED; a DockerImage tag shows its image", () => {
    const itag: ImageTag = {
      metadata: { name: "ruby:latest" },
      spec: { name: "latest", from: { kind: "DockerImage", name: "docker.io/ruby:2.7" }, generation: 2 },
      status: { tag: "latest", items: [ev("sha256:4746", 2), ev("sha256:1111", 1)] },
    };
    const out = formatImageTagTable([itag], { now });
    expect(out.split("\n")[0]).toBe("NAME          SPEC   STATUS              HISTORY   UPDATED");
    expect(row(itag)).toEqual(["ruby:latest", "Tag", "image/sha256:4746", "2", "About an hour ago"]);
  });

  it("§16.3 SPEC Ref for a reference tag and Scheduled for a scheduled import; no history: empty HISTORY and UPDATED", () => {
    const from = { kind: "DockerImage", name: "docker.io/ruby:2.7" } as const;
    expect(row({ metadata: { name: "a:b" }, spec: { name: "b", from, reference: true } })).toEqual([
      "a:b",
      "Ref",
      "docker.io/ruby:2.7",
      "",
    ]);
    const scheduled = { name: "b", from, reference: true, importPolicy: { scheduled: true } } as const;
    expect(row({ metadata: { name: "a:b" }, spec: scheduled })[1]).toBe("Scheduled");
  });

  it("§16.3 SPEC Track for an ImageStreamTag of the same stream (no ':'), istag/<name> or istag <ns>/<name> as source", () => {
    const track = { name: "b", from: { kind: "ImageStreamTag", name: "latest" } } as const;
    expect(row({ metadata: { name: "a:b" }, spec: track }).slice(0, 3)).toEqual([
      "a:b",
      "Track",
      "istag/latest",
    ]);
    const other = {
      name: "b",
      from: { kind: "ImageStreamTag", name: "ruby:2.7", namespace: "shared" },
    } as const;
    expect(row({ metadata: { name: "a:b" }, spec: other }).slice(0, 3)).toEqual([
      "a:b",
      "Tag",
      "istag shared/ruby:2.7",
    ]);
  });

  it("§16.3 ImageStreamImage source is image/<id>; a name without '@' is InvalidRefName; an unknown kind InvalidRefKind", () => {
    const isi = { name: "b", from: { kind: "ImageStreamImage", name: "ruby@sha256:4746" } } as const;
    expect(row({ metadata: { name: "a:b" }, spec: isi })[2]).toBe("image/sha256:4746");
    const bad = { name: "b", from: { kind: "ImageStreamImage", name: "ruby" } } as const;
    expect(row({ metadata: { name: "a:b" }, spec: bad })[2]).toBe("InvalidRefName");
    // "Pod" is deliberately outside TagReferenceKind: the table must report it as InvalidRefKind.
    const kind = { name: "b", from: { kind: "Pod", name: "x" } } as unknown as TagReference;
    expect(row({ metadata: { name: "a:b" }, spec: kind })[2]).toBe("InvalidRefKind");
  });

  it("§16.3 STATUS Importing while the newest event is older than the spec generation", () => {
    const itag: ImageTag = {
      metadata: { name: "a:b" },
      spec: { name: "b", from: { kind: "DockerImage", name: "x:1" }, generation: 3 },
      status: { tag: "b", items: [ev("sha256:4746", 2)] },
    };
    expect(row(itag).slice(1, 4)).toEqual(["Tag", "Importing", "1"]);
  });

  it("§16.3 SPEC Push: history without a spec tag, or an event newer than the spec generation (not for Track)", () => {
    const pushed: ImageTag = {
      metadata: { name: "a:b" },
      spec: null,
      status: { tag: "b", items: [ev("sha256:4746", 1)] },
    };
    expect(row(pushed).slice(1, 3)).toEqual(["Push", "image/sha256:4746"]);
    const newer: ImageTag = {
      metadata: { name: "a:b" },
      spec: { name: "b", from: { kind: "DockerImage", name: "x:1" }, generation: 2 },
      status: { tag: "b", items: [ev("sha256:4746", 5)] },
    };
    expect(row(newer)[1]).toBe("Push");
    const tracking: ImageTag = {
      metadata: { name: "a:b" },
      spec: { name: "b", from: { kind: "ImageStreamTag", name: "latest" }, generation: 2 },
      status: { tag: "b", items: [ev("sha256:4746", 5)] },
    };
    expect(row(tracking)[1]).toBe("Track");
    const noImage: ImageTag = {
      metadata: { name: "a:b" },
      status: {
        tag: "b",
        items: [
          { created: "2016-01-29T13:40:11Z", dockerImageReference: "d/x@sha256:1", image: "", generation: 1 },
        ],
      },
    };
    expect(row(noImage).slice(1, 3)).toEqual(["Push", "d/x@sha256:1"]);
  });

  it("§16.3 STATUS ImportFailed (<reason>) from a failed ImportSuccess condition, whose time can be the newest UPDATED", () => {
    const itag: ImageTag = {
      metadata: { name: "a:b" },
      spec: { name: "b", from: { kind: "DockerImage", name: "x:1" }, generation: 2 },
      status: {
        tag: "b",
        items: [],
        conditions: [
          {
            type: "ImportSuccess",
            status: "False",
            reason: "NotFound",
            lastTransitionTime: "2016-01-29T14:38:11Z",
            generation: 2,
          },
        ],
      },
    };
    expect(row(itag)).toEqual(["a:b", "Tag", "ImportFailed (NotFound)", "2 minutes ago"]);
  });
});
