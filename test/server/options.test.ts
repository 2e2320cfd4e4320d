import { describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.js";
import { formatTimestamp, nowTimestamp } from "../../src/server/options.js";

describe("server options: the clock", () => {
  it("formats instants as Kubernetes RFC 3339 with whole seconds", () => {
    expect(formatTimestamp(new Date("2016-01-29T13:40:11.987Z"))).toBe("2016-01-29T13:40:11Z");
  });

  it("reads a fixed string, a Date or a function", () => {
    expect(nowTimestamp({ now: "2016-01-29T13:40:11Z" })).toBe("2016-01-29T13:40:11Z");
    expect(nowTimestamp({ now: new Date("2020-02-02T02:02:02Z") })).toBe("2020-02-02T02:02:02Z");
    expect(nowTimestamp({ now: () => "2021-03-03T03:03:03+01:00" })).toBe("2021-03-03T02:03:03Z");
  });

  it("defaults to the real time", () => {
    const before = Date.now() - 1000;
    const t = Date.parse(nowTimestamp(undefined));
    expect(t).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it("rejects a clock that is not a time with a typed error", () => {
    expect(() => nowTimestamp({ now: "yesterday" })).toThrow(BadRequestError);
    expect(() => nowTimestamp({ now: () => new Date(Number.NaN) })).toThrow(/invalid clock value/);
  });
});
