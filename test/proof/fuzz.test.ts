/**
 * Fuzzing of every public function that takes user data.
 *
 * For each export of `src/index.ts`, FUZZ_TABLE (test/proof/fuzz-table.ts) says what kind of
 * argument goes in which position. Every call gets deep-frozen inputs; it must either return or
 * throw an `ImageStreamError` subclass (never a TypeError/RangeError), and every input must come
 * back untouched (JSON snapshot before = after). Two levels: "data" (what users really pass:
 * valid documents from test/support/arbitraries.ts with random mutations — a field deleted, a
 * type swapped, a nested object nulled, a hostile string planted —, any JSON value, any string
 * including unicode and control characters) and "any" (also non-JSON JavaScript values:
 * null-prototype objects, undefined, Map, RegExp, objects whose toString is not a function).
 * A newly exported function missing from the table fails the "every public function is fuzzed"
 * test. 1 MB inputs are in large-inputs.test.ts. Known bugs are listed in KNOWN_FAILURES and run
 * as `it.fails` (remove the entry when the bug is fixed: the test then fails as a reminder).
 */
import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as lib from "../support/all.js";
import { KINDS } from "./fuzz-arbitraries.js";
import {
  type AnyFn,
  checkCall,
  FUZZ_TABLE,
  KNOWN_FAILURES,
  NOT_FUZZED,
  publicFunctions,
  seedOf,
} from "./fuzz-table.js";

const L = lib as unknown as Record<string, unknown>;

const RUNS = Number(process.env.PROOF_FUZZ_RUNS ?? 40);

describe("fuzz: every public function that takes user data", () => {
  it("every public function is fuzzed (each export of src/index.ts is in FUZZ_TABLE or NOT_FUZZED)", () => {
    const missing = publicFunctions().filter((k) => !(k in FUZZ_TABLE) && !(k in NOT_FUZZED));
    expect(missing, "add these exports to FUZZ_TABLE in test/proof/fuzz-table.ts").toEqual([]);
    // and the table is not padded with kinds that do not exist
    for (const kinds of Object.values(FUZZ_TABLE)) for (const k of kinds) expect(KINDS).toHaveProperty(k);
  });

  for (const level of ["data", "any"] as const) {
    for (const [name, kinds] of Object.entries(FUZZ_TABLE)) {
      const fn = L[name];
      const what =
        level === "data" ? "user data (JSON documents, mutated; any string)" : "any JavaScript value";
      const title = `${name}(${kinds.join(", ")}) on ${what}: only ImageStreamError, inputs untouched (${RUNS} runs)`;
      if (typeof fn !== "function") {
        it(`${title}: the table names a function src/index.ts does not export`, () => {
          expect.fail(`FUZZ_TABLE lists ${name}, which is not a public function: remove the row`);
        });
        continue;
      }
      const known = KNOWN_FAILURES[`${name}/${level}`];
      const run = () => {
        fc.assert(
          fc.property(fc.tuple(...kinds.map((k) => KINDS[k][level])), (args) => {
            checkCall(name, fn as AnyFn, args as unknown[]);
          }),
          // a known bug need not shrink again on every run
          { numRuns: RUNS, seed: seedOf(name), endOnFailure: known !== undefined },
        );
      };
      if (known !== undefined) it.fails(`${title} [KNOWN BUG: ${known}]`, run);
      else it(title, run);
    }
  }
});
