/** Bad input: the table printers treat a null or non-object options argument as {}. */
import { describe, expect, it } from "vitest";
import {
  describeImageStream,
  formatImageStreamTable,
  formatImageStreamTagTable,
  tabwrite,
} from "../../src/client/index.js";
import { BadRequestError } from "../../src/errors.js";

const NOW = "2016-01-29T14:40:11Z";
const stream = {
  metadata: { name: "ruby", namespace: "test" },
  status: { dockerImageRepository: "r/test/ruby" },
};

describe("bad input: client tables", () => {
  it("bad input: formatImageStreamTable(streams, null) treats the options as {}, not TypeError", () => {
    expect(formatImageStreamTable([stream] as never, null as never)).toBe(
      formatImageStreamTable([stream] as never, {}),
    );
    expect(formatImageStreamTable([stream] as never, 5 as never)).toContain("r/test/ruby");
  });

  it("bad input: formatImageStreamTagTable(istags, null) treats the options as {}, not TypeError", () => {
    const istags = [{ metadata: { name: "ruby:latest", creationTimestamp: NOW } }];
    expect(formatImageStreamTagTable(istags as never, null as never)).toContain("ruby:latest");
  });

  it("bad input: formatImageStreamTagTable(istags, {now: [{}]}) throws BadRequestError, not TypeError", () => {
    const istags = [{ metadata: { name: "ruby:latest" } }];
    expect(() => formatImageStreamTagTable(istags as never, { now: [Object.create(null)] } as never)).toThrow(
      BadRequestError,
    );
  });

  it("bad input: tabwrite with null options or a non-string padchar uses the defaults, not TypeError", () => {
    expect(tabwrite("a\tb\n", null as never)).toBe(tabwrite("a\tb\n"));
    expect(tabwrite("a\tb\n", { padchar: 5, minwidth: "x" } as never)).toBe(tabwrite("a\tb\n"));
  });

  it("bad input: describeImageStream with a null-prototype label value prints it, not TypeError", () => {
    const s = {
      ...stream,
      metadata: { ...stream.metadata, labels: { template: Object.create(null), app: "x", n: 1 } },
    };
    const text = describeImageStream(s as never, { now: NOW });
    expect(text).toContain("app=x");
    expect(text).toContain("n=1");
    expect(text).toContain("template=[object Object]");
  });
});
