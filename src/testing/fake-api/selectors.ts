/**
 * Label and field selectors of list and watch requests, in the equality-based forms
 * (`app=web,tier!=db,release,!canary`; fields `metadata.name` and `metadata.namespace`), as
 * kubernetes/apimachinery `pkg/labels/selector.go` and `pkg/fields/selector.go` parse them.
 * Set-based label requirements (`in`, `notin`) are a 400.
 */
import { BadRequestError } from "../../errors.js";

/** One requirement: `key` compared with `value`, or only present / absent. */
interface Requirement {
  readonly key: string;
  readonly op: "=" | "!=" | "exists" | "!exists";
  readonly value: string;
}

/** The parsed selectors of a request. */
export interface Selectors {
  readonly labels: readonly Requirement[];
  readonly fields: readonly Requirement[];
}

const FIELDS = new Set(["metadata.name", "metadata.namespace"]);

function parse(source: string, what: "label" | "field"): Requirement[] {
  const out: Requirement[] = [];
  for (const raw of source.split(",")) {
    const part = raw.trim();
    if (part === "") continue;
    const ne = part.indexOf("!=");
    const eq = part.indexOf("=");
    let req: Requirement;
    if (ne > 0) req = { key: part.slice(0, ne).trim(), op: "!=", value: part.slice(ne + 2).trim() };
    else if (eq > 0) {
      const value = part[eq + 1] === "=" ? part.slice(eq + 2) : part.slice(eq + 1);
      req = { key: part.slice(0, eq).trim(), op: "=", value: value.trim() };
    } else if (what === "label" && part.startsWith("!"))
      req = { key: part.slice(1).trim(), op: "!exists", value: "" };
    else if (what === "label") req = { key: part, op: "exists", value: "" };
    else
      throw new BadRequestError(
        `invalid selector: '${part.slice(0, 256)}'; can't understand '${part.slice(0, 256)}'`,
      );
    if (!/^[A-Za-z0-9._/-]+$/.test(req.key) || !/^[A-Za-z0-9._:@-]*$/.test(req.value)) {
      throw new BadRequestError(`unable to parse requirement: ${JSON.stringify(part.slice(0, 256))}`);
    }
    if (what === "field" && !FIELDS.has(req.key)) {
      throw new BadRequestError(
        `"${req.key.slice(0, 256)}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
      );
    }
    out.push(req);
  }
  return out;
}

/** Reads `labelSelector` and `fieldSelector` from a query. */
export function selectorsOf(query: URLSearchParams): Selectors {
  return {
    labels: parse(query.get("labelSelector") ?? "", "label"),
    fields: parse(query.get("fieldSelector") ?? "", "field"),
  };
}

function matches(values: (key: string) => string | undefined, reqs: readonly Requirement[]): boolean {
  return reqs.every((r) => {
    const v = values(r.key);
    switch (r.op) {
      case "=":
        return v === r.value;
      case "!=":
        return v !== r.value;
      case "exists":
        return v !== undefined;
      default:
        return v === undefined;
    }
  });
}

/** True when `obj` satisfies every requirement of `selectors`. */
export function matchesSelectors(obj: unknown, selectors: Selectors): boolean {
  const meta = ((obj as { metadata?: Record<string, unknown> } | undefined)?.metadata ?? {}) as Record<
    string,
    unknown
  >;
  const labels = (typeof meta.labels === "object" && meta.labels !== null ? meta.labels : {}) as Record<
    string,
    unknown
  >;
  const labelOf = (key: string) => (Object.hasOwn(labels, key) ? String(labels[key]) : undefined);
  const fieldOf = (key: string) => {
    const v = meta[key.slice("metadata.".length)];
    return typeof v === "string" ? v : "";
  };
  return matches(labelOf, selectors.labels) && matches(fieldOf, selectors.fields);
}
