import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatG, humanDuration, humanSize } from "../../src/client/human.js";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("§16 humanDuration (go-units HumanDuration)", () => {
  it.each([
    [-5 * S, "Less than a second"],
    [0, "Less than a second"],
    [999, "Less than a second"],
    [S, "1 second"],
    [1999, "1 second"],
    [2 * S, "2 seconds"],
    [59 * S + 999, "59 seconds"],
    [60 * S, "About a minute"],
    [119 * S, "About a minute"],
    [2 * M, "2 minutes"],
    [59 * M + 59 * S, "59 minutes"],
    [60 * M, "About an hour"],
    [H + 29 * M + 59 * S, "About an hour"],
    [H + 30 * M, "2 hours"],
    [47 * H + 29 * M, "47 hours"],
    [47 * H + 30 * M, "2 days"],
    [13 * D + 23 * H, "13 days"],
    [14 * D, "2 weeks"],
    [59 * D, "8 weeks"],
    [60 * D, "2 months"],
    [729 * D, "24 months"],
    [730 * D, "2 years"],
    [3 * 365 * D + 100 * D, "3 years"],
    [Number.POSITIVE_INFINITY, "292 years"],
    [Number.NaN, "Less than a second"],
  ])("§16 humanDuration(%d) = %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
  fcTest.prop([fc.integer({ min: 0, max: 10 * 365 * D })], { numRuns: 200 })(
    "§16 property: the output is one of the go-units shapes",
    (ms) => {
      expect(humanDuration(ms)).toMatch(
        /^(Less than a second|1 second|\d+ seconds|About a minute|\d+ minutes|About an hour|\d+ (hours|days|weeks|months|years))$/,
      );
    },
  );
});

describe("R16.2.3 humanSize (go-units HumanSize, %.4g, decimal units)", () => {
  it.each([
    [0, "0B"],
    [1, "1B"],
    [999, "999B"],
    [1000, "1kB"],
    [1500, "1.5kB"],
    [12345, "12.35kB"],
    [999_999, "1000kB"],
    [1_000_000, "1MB"],
    [28_641_234, "28.64MB"],
    [251_200_000, "251.2MB"],
    [2_898_000, "2.898MB"],
    [72_260_000, "72.26MB"],
    [1e27, "1000YB"],
    [1e28, "1e+04YB"],
    [12_125, "12.12kB"], // exact tie: Go rounds half to even
    [12_135, "12.13kB"], // not an exact tie in binary (12.135 < 12.135…), rounds down
    [-5, "-5B"],
  ])("R16.2.3 humanSize(%d) = %s", (n, want) => {
    expect(humanSize(n)).toBe(want);
  });
});

describe("formatG (Go %.*g)", () => {
  it.each([
    [0, 4, "0"],
    [-0, 4, "-0"],
    [1, 4, "1"],
    [100, 4, "100"],
    [0.5, 4, "0.5"],
    [0.0001234, 4, "0.0001234"],
    [0.00001234, 4, "1.234e-05"],
    [99995, 4, "1e+05"],
    [9.9995, 4, "9.999"], // 9.9995 is below the tie in binary
    [1.0625, 4, "1.062"], // exact tie, even
    [1.1875, 4, "1.188"], // exact tie, odd → up
    [123456789, 4, "1.235e+08"],
    [Number.NaN, 4, "NaN"],
    [Number.POSITIVE_INFINITY, 4, "+Inf"],
    [Number.NEGATIVE_INFINITY, 4, "-Inf"],
  ])("formatG(%d, %d) = %s", (x, p, want) => {
    expect(formatG(x, p)).toBe(want);
  });
});
