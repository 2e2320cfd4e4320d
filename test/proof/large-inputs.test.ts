/**
 * Large inputs: strings of 1 MB through every string parameter of the
 * public API and through every string of a stream document. Only completion is checked (no
 * timing assertion): a super-linear algorithm would blow the test timeout. Inputs are frozen and
 * must come back untouched; only ImageStreamError may be thrown.
 */
import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as lib from "../support/all.js";
import { deepFreeze } from "../support/freeze.js";
import { KINDS } from "./fuzz-arbitraries.js";
import { type AnyFn, checkCall, FUZZ_TABLE } from "./fuzz-table.js";

const L = lib as unknown as Record<string, unknown>;

const MB = 1 << 20;
/** 1 MB strings shaped after the grammar's worst cases. */
const BIG_STRINGS: Record<string, string> = {
  "a×1M": "a".repeat(MB),
  "a/×512K": "a/".repeat(MB / 2),
  "a:×512K": "a:".repeat(MB / 2),
  "a@×512K": "a@".repeat(MB / 2),
  "sha256:+hex×1M": `sha256:${"a".repeat(MB)}`,
  "host:port×1M": `localhost:${"1".repeat(MB)}/x`,
  "[::…]": `[${":".repeat(MB)}]/x`,
  "name + trailing space": `${"a".repeat(MB)} `,
  "control chars": "\u0000\n".repeat(MB / 2),
};

describe("fuzz: 1 MB strings complete (no hang) in every string parameter", () => {
  for (const [name, kinds] of Object.entries(FUZZ_TABLE)) {
    const positions = kinds.flatMap((k, i) => (k === "str" ? [i] : []));
    const fn = L[name];
    if (positions.length === 0 || typeof fn !== "function") continue;
    it(`${name}: ${Object.keys(BIG_STRINGS).length} shapes × ${positions.length} string parameter(s)`, () => {
      const base = kinds.map((k, i) => fc.sample(KINDS[k].valid, { numRuns: 1, seed: i + 1 })[0]);
      for (const [shape, big] of Object.entries(BIG_STRINGS)) {
        for (const p of positions) {
          const args = base.map((a) => structuredCloneSafe(a));
          args[p] = big;
          try {
            checkCall(`${name} [${shape} at ${p}]`, fn as AnyFn, args);
          } catch (e) {
            throw new Error(`${name} with ${shape} at ${p}: ${(e as Error).message.slice(0, 400)}`);
          }
        }
      }
    });
  }
});

function structuredCloneSafe<T>(v: T): T {
  if (typeof v === "function" || v === undefined || v === null || typeof v !== "object") return v;
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
}

describe("fuzz: 1 MB strings inside documents complete", () => {
  const big = "a".repeat(MB);
  // 1 MB in the places a hostile writer controls: stream name, a spec tag name and its source,
  // an annotation, a status tag name and its pull spec.
  const stream = {
    apiVersion: "image.openshift.io/v1",
    kind: "ImageStream",
    metadata: { name: big, namespace: "ns", annotations: { note: big } },
    spec: {
      tags: [
        { name: big, from: { kind: "DockerImage", name: `a:${big}` } },
        { name: "x", from: { kind: "ImageStreamTag", name: `${big}:${big}` } },
      ],
    },
    status: {
      dockerImageRepository: "",
      tags: [
        {
          tag: big,
          items: [{ created: "2024-01-01T00:00:00Z", dockerImageReference: big, image: big, generation: 1 }],
        },
      ],
    },
  };
  const streamFns = Object.entries(FUZZ_TABLE).filter(([, kinds]) => kinds[0] === "stream");
  it(`${streamFns.length} stream functions accept a stream with 1 MB strings (frozen, untouched)`, () => {
    deepFreeze(stream);
    const before = JSON.stringify(stream);
    let calls = 0;
    for (const [name, kinds] of streamFns) {
      const fn = L[name];
      if (typeof fn !== "function") continue;
      const rest = kinds
        .slice(1)
        .map((k) => (k === "str" ? big : fc.sample(KINDS[k].valid, { numRuns: 1, seed: 3 })[0]));
      deepFreeze(rest);
      try {
        (fn as AnyFn)(stream, ...rest);
      } catch (e) {
        if (!(e instanceof lib.ImageStreamError)) throw new Error(`${name} threw ${String(e)}`);
      }
      calls++;
    }
    expect(JSON.stringify(stream)).toBe(before);
    expect(calls).toBeGreaterThan(10);
  });
});
