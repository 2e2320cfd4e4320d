import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compareSemVer, parseSemVer, prioritizeTags } from "../../src/resolve/prioritize.js";
import { deepFreeze } from "../support/freeze.js";

describe("R2.9 prioritizeTags", () => {
  // library-go pkg/image/imageutil/helpers_test.go TestPrioritizeTags
  const upstream: [string[], string[]][] = [
    [
      ["other", "latest", "v5.5", "5.2.3", "5.5", "v5.3.6-bother", "5.3.6-abba", "5.6"],
      ["latest", "5.6", "5.5", "v5.5", "v5.3.6-bother", "5.3.6-abba", "5.2.3", "other"],
    ],
    [
      ["1.1-beta1", "1.2-rc1", "1.1-rc1", "1.1-beta2", "1.2-beta1", "1.2-alpha1", "1.2-beta4", "latest"],
      ["latest", "1.2-rc1", "1.2-beta4", "1.2-beta1", "1.2-alpha1", "1.1-rc1", "1.1-beta2", "1.1-beta1"],
    ],
    [
      ["7.1", "v7.1", "7.1.0"],
      ["7.1", "v7.1", "7.1.0"],
    ],
    [
      ["7.1.0", "v7.1", "7.1"],
      ["7.1", "v7.1", "7.1.0"],
    ],
  ];
  it.each(upstream)("R2.9 upstream table: %j", (input, expected) => {
    expect(prioritizeTags(deepFreeze([...input]))).toEqual(expected);
  });

  it("R2.9 latest first, then minor, then full semver, then the rest lexicographically", () => {
    expect(prioritizeTags(["b", "1.0.0", "a", "2.0", "latest", "A"])).toEqual([
      "latest",
      "2.0",
      "1.0.0",
      "A",
      "a",
      "b",
    ]);
  });

  it("R2.9 no-prefix sorts before v-prefix at equal versions, for minor and full versions", () => {
    expect(prioritizeTags(["v1.2.3", "1.2.3", "v1.2", "1.2"])).toEqual(["1.2", "v1.2", "1.2.3", "v1.2.3"]);
  });

  it("R2.9 X.Y-word compares as X.Y.0-word with SemVer pre-release precedence", () => {
    expect(prioritizeTags(["1.2-beta4", "1.2-rc1", "1.2", "1.3-alpha"])).toEqual([
      "1.3-alpha",
      "1.2",
      "1.2-rc1",
      "1.2-beta4",
    ]);
    // numeric identifiers sort below alphanumeric ones; numbers compare numerically
    expect(prioritizeTags(["1.0.0-2", "1.0.0-10", "1.0.0-a"])).toEqual(["1.0.0-a", "1.0.0-10", "1.0.0-2"]);
    // a longer pre-release list wins when the common prefix is equal
    expect(prioritizeTags(["1.0.0-a", "1.0.0-a.1"])).toEqual(["1.0.0-a.1", "1.0.0-a"]);
  });

  it("R2.9 versions compare numerically, not lexicographically", () => {
    expect(prioritizeTags(["1.9", "1.10", "1.2.3", "1.10.0"])).toEqual(["1.10", "1.9", "1.10.0", "1.2.3"]);
  });

  it("R2.9 strict SemVer: leading zeros, empty or bad identifiers make a tag 'other'", () => {
    expect(
      prioritizeTags(["01.2", "1.02.3", "1.2.3-01", "1.2.3-", "1.2.3-a..b", "1.2-x_y", "1.2.3", "V1.2"]),
    ).toEqual(["1.2.3", "01.2", "1.02.3", "1.2-x_y", "1.2.3-", "1.2.3-01", "1.2.3-a..b", "V1.2"]);
  });

  it("R2.9 only X.Y (two numbers) is a minor version: X and X.Y.Z.W are other", () => {
    expect(prioritizeTags(["5", "v6", "1.2.3.4", "1.0"])).toEqual(["1.0", "1.2.3.4", "5", "v6"]);
  });

  it("R2.9 build metadata is accepted and ignored for precedence (ties broken by name)", () => {
    expect(prioritizeTags(["1.0.0+b", "1.0.0+a", "0.9.0"])).toEqual(["1.0.0+a", "1.0.0+b", "0.9.0"]);
    expect(prioritizeTags(["1.0.0+", "1.0.0+a_b"])).toEqual(["1.0.0+", "1.0.0+a_b"]);
  });

  it("R2.9 numbers beyond uint64 are not versions", () => {
    expect(prioritizeTags(["18446744073709551616.0.0", "18446744073709551615.0.0", "1.0"])).toEqual([
      "1.0",
      "18446744073709551615.0.0",
      "18446744073709551616.0.0",
    ]);
  });

  it("R2.9 does not modify its input and ignores non-string input", () => {
    const input = deepFreeze(["b", "a"]);
    expect(prioritizeTags(input)).toEqual(["a", "b"]);
    expect(input).toEqual(["b", "a"]);
    expect(prioritizeTags(undefined as unknown as string[])).toEqual([]);
    expect(prioritizeTags(["a", 1 as unknown as string])).toEqual(["a"]);
  });

  const tagArb = fc.oneof(
    fc.constantFrom("latest", "v", "1.2", "v1.2", "1.2.3", "v1.2.3", "1.2-rc1", "1.2.3-rc.1", "1.2.3+b"),
    fc
      .tuple(
        fc.nat(12),
        fc.nat(12),
        fc.option(fc.nat(12)),
        fc.option(fc.constantFrom("alpha", "beta", "rc1", "1")),
        fc.boolean(),
      )
      .map(
        ([a, b, c, pre, v]) =>
          `${v ? "v" : ""}${a}.${b}${c === null ? "" : `.${c}`}${pre === null ? "" : `-${pre}`}`,
      ),
    fc.string({ maxLength: 6 }),
  );

  fcTest.prop([fc.array(tagArb, { maxLength: 30 })], { numRuns: 200 })(
    "R2.9 property: prioritizeTags is a permutation and idempotent",
    (tags) => {
      const once = prioritizeTags(tags);
      expect([...once].sort()).toEqual([...tags].sort());
      expect(prioritizeTags(once)).toEqual(once);
    },
  );

  fcTest.prop([fc.array(tagArb, { maxLength: 20 })], { numRuns: 100 })(
    "R2.9 property: the order does not depend on the input order",
    (tags) => {
      expect(prioritizeTags([...tags].reverse())).toEqual(prioritizeTags(tags));
    },
  );
});

describe("blang/semver parsing used by R2.9", () => {
  it("parses versions with pre-release and build parts", () => {
    expect(parseSemVer("1.2.3-rc.1+build.5")).toEqual({ major: 1n, minor: 2n, patch: 3n, pre: ["rc", 1n] });
    expect(parseSemVer("")).toBeUndefined();
    expect(parseSemVer("1")).toBeUndefined();
    expect(parseSemVer("1.2")).toBeUndefined();
    expect(parseSemVer("1.2.x")).toBeUndefined();
    expect(parseSemVer("1.2.3-a!")).toBeUndefined();
    expect(parseSemVer("1.2.3+a!")).toBeUndefined();
    expect(parseSemVer("123456789012345678901.0.0")).toBeUndefined();
  });
  it("compares by SemVer precedence", () => {
    const v = (s: string) => parseSemVer(s)!;
    expect(compareSemVer(v("1.0.0"), v("1.0.0-rc"))).toBe(1);
    expect(compareSemVer(v("1.0.0-rc"), v("1.0.0"))).toBe(-1);
    expect(compareSemVer(v("1.0.0-1"), v("1.0.0-a"))).toBe(-1);
    expect(compareSemVer(v("1.0.0-a"), v("1.0.0-1"))).toBe(1);
    expect(compareSemVer(v("1.0.0-a"), v("1.0.0-a"))).toBe(0);
    expect(compareSemVer(v("2.0.0"), v("10.0.0"))).toBe(-1);
  });
});
