/** Shared helpers for the validation tests. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { FieldError } from "../../src/errors.js";

/** Reads a YAML fixture from test/fixtures/validation. */
export function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../fixtures/validation/${name}`, import.meta.url);
  return parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}

/** Field errors as compact tuples: [type, field, detail]. */
export function brief(errs: readonly FieldError[]): Array<[string, string, string]> {
  return errs.map((e) => [e.type, e.field, e.detail]);
}

export const DNS_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

export const STREAM_NAME_MSG = 'must match "[a-z0-9]+(?:[._-][a-z0-9]+)*"';

export const DIGEST_A = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";
export const DIGEST_B = "sha256:909de62d1f609a717ec433cc25ca5cf00941545c83a01fb31527771e1fab3fc5";

/** A minimal valid ImageStream with the given extra spec/status. */
export function stream(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { metadata: { name: "foo", namespace: "namespace" }, ...extra };
}
