import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ImageReferenceError } from "../../src/errors.js";
import {
  parseDockerImageReference,
  parseNormalizedNamed,
  parseReference,
} from "../../src/reference/index.js";
import {
  goLowerForGrammar,
  isDigestGrammar,
  isTag,
  matchAnchoredName,
  matchDomainAndPort,
  matchReference,
} from "../../src/reference/scanner.js";

// Test oracle: a direct transcription of distribution/reference regexp.go (current, separator `-+`).
// Only ever run on short strings: V8's backtracking makes it unsafe on long adversarial input.
const alnum = "[a-z0-9]+";
const sep = "(?:[._]|__|[-]+)";
const pathComponent = `${alnum}(?:${sep}${alnum})*`;
const dnc = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domainName = `${dnc}(?:\\.${dnc})*`;
const ipv6 = "\\[(?:[a-fA-F0-9:]+)\\]";
const host = (v6: boolean) => (v6 ? `(?:${domainName}|${ipv6})` : `(?:${domainName})`);
const domainAndPort = (v6: boolean) => `${host(v6)}(?::[0-9]+)?`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = (v6: boolean) => `(?:${domainAndPort(v6)}/)?${remoteName}`;
const tagPat = "[\\w][\\w.-]{0,127}";
const digestPat = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const oracle = (v6: boolean) => ({
  reference: new RegExp(`^(${namePat(v6)})(?::(${tagPat}))?(?:@(${digestPat}))?$`),
  anchoredName: new RegExp(`^(?:(${domainAndPort(v6)})/)?(${remoteName})$`),
  domainAndPort: new RegExp(`^${domainAndPort(v6)}$`),
  tag: new RegExp(`^${tagPat}$`),
  digest: new RegExp(`^${digestPat}$`),
});
const docker = oracle(true);
const openshift = oracle(false);

/** Short strings over the characters the grammar cares about (plus a few it rejects). */
const grammarish = fc
  .array(
    fc.constantFrom(
      "a",
      "b",
      "z",
      "f",
      "0",
      "9",
      "A",
      "F",
      "Z",
      "-",
      "--",
      ".",
      "_",
      "__",
      "/",
      ":",
      "@",
      "[",
      "]",
      "sha256:",
      "5000",
      "localhost",
      "docker.io",
      "x".repeat(8),
      "0123456789abcdef0123456789abcdef",
      " ",
      "!",
      "\u212A",
      "\u0130",
      "é",
    ),
    { maxLength: 14 },
  )
  .map((xs) => xs.join(""));

describe("scanner vs a transcription of the upstream regexps (differential)", () => {
  fcTest.prop([grammarish], { numRuns: 200 })(
    "R3.1.1 matchReference agrees with ReferenceRegexp (Docker)",
    (s) => {
      const m = docker.reference.exec(s);
      expect(matchReference(s, true)).toEqual(m === null ? null : [m[1], m[2] ?? "", m[3] ?? ""]);
    },
  );
  fcTest.prop([grammarish], { numRuns: 200 })(
    "R3.1.1 matchReference agrees with library-go's ReferenceRegexp (no IPv6)",
    (s) => {
      const m = openshift.reference.exec(s);
      expect(matchReference(s, false)).toEqual(m === null ? null : [m[1], m[2] ?? "", m[3] ?? ""]);
    },
  );
  fcTest.prop([grammarish], { numRuns: 200 })("anchoredName agrees, captures included", (s) => {
    const m = docker.anchoredName.exec(s);
    expect(matchAnchoredName(s)).toEqual(m === null ? null : [m[1] ?? "", m[2]]);
  });
  fcTest.prop([grammarish], { numRuns: 200 })("domainAndPort agrees (both dialects)", (s) => {
    expect(matchDomainAndPort(s, true)).toBe(docker.domainAndPort.test(s));
    expect(matchDomainAndPort(s, false)).toBe(openshift.domainAndPort.test(s));
  });
  fcTest.prop([grammarish], { numRuns: 200 })("tag and digest grammars agree", (s) => {
    expect(isTag(s)).toBe(docker.tag.test(s));
    expect(isDigestGrammar(s)).toBe(docker.digest.test(s));
  });
  fcTest.prop([grammarish], { numRuns: 200 })(
    "R3.1.2 the uppercase test equals Go's: the lowercased input matches",
    (s) => {
      const lowered = goLowerForGrammar(s);
      expect(lowered).toHaveLength(s.length);
      // Go's simple lowercase of the few characters that matter.
      const go = [...s]
        .map((c) => (c === "\u0130" ? "i" : c === "\u212A" ? "k" : /[A-Z]/.test(c) ? c.toLowerCase() : c))
        .join("");
      expect(docker.reference.test(lowered)).toBe(docker.reference.test(go));
    },
  );
});

describe("tag length limit", () => {
  it("R3.1.1 a 128-character tag is valid, 129 is invalid reference format", () => {
    expect(parseReference(`a:${"t".repeat(128)}`).tag).toHaveLength(128);
    expect(() => parseReference(`a:${"t".repeat(129)}`)).toThrow("invalid reference format");
  });
});

describe("linear time: 100k-character adversarial inputs are rejected with the right kind", () => {
  const N = 100_000;
  const cases: Array<[string, string, string]> = [
    ["a*N+!", `${"a".repeat(N)}!`, "ReferenceInvalidFormat"],
    ["(a/)*N+:", `${"a/".repeat(N)}:`, "ReferenceInvalidFormat"],
    ["a+-*N+!", `a${"-".repeat(N)}!`, "ReferenceInvalidFormat"],
    ["(a-)*N+!", `${"a-".repeat(N)}!`, "ReferenceInvalidFormat"],
    ["(a.)*N+!", `${"a.".repeat(N)}!`, "ReferenceInvalidFormat"],
    ["(a_)*N+!", `${"a_".repeat(N)}!`, "ReferenceInvalidFormat"],
    ["A*N+!", `${"A".repeat(N)}!`, "ReferenceInvalidFormat"],
    ["a@sha256:f*N+!", `a@sha256:${"f".repeat(N)}!`, "ReferenceInvalidFormat"],
    ["[(0:)*N+!", `[${"0:".repeat(N)}!`, "ReferenceInvalidFormat"],
    ["A*N", "A".repeat(N), "NameContainsUppercase"],
    ["a*N+space", `${"a".repeat(N)} `, "ReferenceInvalidFormat"],
  ];
  for (const [family, input, kind] of cases) {
    it(`${family}: parseReference → ${kind}`, () => {
      let err: unknown;
      try {
        parseReference(input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ImageReferenceError);
      expect((err as ImageReferenceError).kind).toBe(kind);
    });
    it(`${family}: parseDockerImageReference and parseNormalizedNamed reject it`, () => {
      expect(() => parseDockerImageReference(input)).toThrow(ImageReferenceError);
      expect(() => parseNormalizedNamed(input)).toThrow(ImageReferenceError);
    });
  }
  it("a 100k-character valid path is NameTooLong, not slow", () => {
    expect(() => parseReference(`a/${"b".repeat(N)}`)).toThrow(
      "repository name must not be more than 255 characters",
    );
  });
  it("a 100k-character valid domain is accepted by Docker (the domain is not counted)", () => {
    expect(parseReference(`${"a".repeat(N)}.com/b`).path).toBe("b");
    expect(() => parseDockerImageReference(`${"a".repeat(N)}.com/b`)).toThrow(
      "repository name must not be more than 255 characters",
    );
  });
});
