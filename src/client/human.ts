/**
 * Human-readable durations and sizes, as docker `go-units` prints them (docs/behaviour.md §16).
 */

/** Go's `time.Duration` limit (math.MaxInt64 nanoseconds) in milliseconds. */
const MAX_DURATION_MS = 9_223_372_036_854.775;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * A duration in words, exactly like go-units `HumanDuration` (used by `oc describe` for `… ago`).
 *
 * Under a second (or negative) → `Less than a second`; `1 second`; `N seconds`; `About a minute`;
 * `N minutes`; then hours rounded half up: `About an hour`, `N hours` (under 48), `N days` (under 14 days),
 * `N weeks` (under 60 days), `N months` (under 2 years, 30-day months), `N years` (365-day years).
 * Durations beyond Go's limit (about 292 years) saturate to it, as `time.Sub` does.
 *
 * @param ms - the duration in milliseconds
 * @example
 * ```ts
 * humanDuration(90_000); // => "About a minute"
 * humanDuration(3 * 24 * 3600_000); // => "3 days"
 * ```
 * @public
 */
export function humanDuration(ms: number): string {
  if (typeof ms !== "number" || Number.isNaN(ms)) return "Less than a second";
  const d = Math.min(ms, MAX_DURATION_MS);
  const seconds = Math.trunc(d / SECOND);
  if (seconds < 1) return "Less than a second";
  if (seconds === 1) return "1 second";
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(d / MINUTE);
  if (minutes === 1) return "About a minute";
  if (minutes < 60) return `${minutes} minutes`;
  let hours: number;
  if (d >= MAX_DURATION_MS) {
    hours = Math.trunc(d / HOUR); // time.Duration.Round saturates to the maximum
  } else {
    const whole = Math.trunc(d / HOUR);
    const rest = d - whole * HOUR;
    hours = rest + rest < HOUR ? whole : whole + 1;
  }
  if (hours === 1) return "About an hour";
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(d / HOUR) / 24 / 365)} years`;
}

const DECIMAL_UNITS = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"] as const;

/** The exact decimal digits of a finite positive double and its decimal point position. */
function exactDigits(x: number): { digits: string; dp: number } {
  // toPrecision(100) is exact for every double whose expansion fits; a tie at 4 digits needs only 5.
  const s = x.toPrecision(100);
  const e = s.indexOf("e");
  const mantissa = e >= 0 ? s.slice(0, e) : s;
  const exp = e >= 0 ? Number(s.slice(e + 1)) : 0;
  const dot = mantissa.indexOf(".");
  const intPart = dot >= 0 ? mantissa.slice(0, dot) : mantissa;
  let digits = intPart + (dot >= 0 ? mantissa.slice(dot + 1) : "");
  let dp = intPart.length + exp;
  let lead = 0;
  while (lead < digits.length - 1 && digits[lead] === "0") lead++;
  digits = digits.slice(lead);
  dp -= lead;
  return { digits, dp };
}

/**
 * Go's `fmt.Sprintf("%.*g", prec, x)`: `prec` significant digits rounded half to even on the
 * exact binary value, trailing zeros removed, exponent form when exp < -4 or exp >= prec.
 * @internal
 */
export function formatG(x: number, prec: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Number.POSITIVE_INFINITY) return "+Inf";
  if (x === Number.NEGATIVE_INFINITY) return "-Inf";
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? "-" : "";
  const a = Math.abs(x);
  if (a === 0) return `${sign}0`;
  const { digits, dp: dp0 } = exactDigits(a);
  let dp = dp0;
  let d = digits.slice(0, prec).split("");
  if (digits.length > prec) {
    const next = digits.charCodeAt(prec) - 48;
    const restZero = /^0*$/.test(digits.slice(prec + 1));
    const last = d.length > 0 ? d[d.length - 1]!.charCodeAt(0) - 48 : 0;
    const up = next > 5 || (next === 5 && (!restZero || last % 2 === 1));
    if (up) {
      let i = d.length - 1;
      while (i >= 0 && d[i] === "9") {
        d[i] = "0";
        i--;
      }
      if (i < 0) {
        d.unshift("1");
        d = d.slice(0, prec);
        dp++;
      } else {
        d[i] = String.fromCharCode(d[i]!.charCodeAt(0) + 1);
      }
    }
  }
  while (d.length > 0 && d[d.length - 1] === "0") d.pop();
  const nd = d.length;
  let eprec = prec;
  if (eprec > nd && nd >= dp) eprec = nd;
  const exp = dp - 1;
  if (exp < -4 || exp >= eprec) {
    const p = Math.min(prec, nd);
    let s = d[0] ?? "0";
    if (p > 1) s += `.${d.slice(1, p).join("")}`;
    const ae = Math.abs(exp);
    return `${sign}${s}e${exp < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
  }
  const p = prec > dp ? nd : prec;
  const frac = Math.max(p - dp, 0);
  let intPart = "";
  if (dp > 0) {
    for (let i = 0; i < dp; i++) intPart += i < nd ? d[i] : "0";
  } else {
    intPart = "0";
  }
  let fracPart = "";
  for (let i = 0; i < frac; i++) {
    const j = dp + i;
    fracPart += j >= 0 && j < nd ? d[j] : "0";
  }
  return `${sign}${intPart}${frac > 0 ? `.${fracPart}` : ""}`;
}

/**
 * A size in decimal units with 4 significant digits, exactly like go-units `HumanSize`
 * (`HumanSizeWithPrecision(size, 4)`: `%.4g` followed by `B`, `kB`, `MB`, … base 1000).
 *
 * @param bytes - the size in bytes
 * @example
 * ```ts
 * humanSize(28_641_234); // => "28.64MB"
 * humanSize(999); // => "999B"
 * ```
 * @public
 */
export function humanSize(bytes: number): string {
  let size = typeof bytes === "number" ? bytes : 0;
  let i = 0;
  while (size >= 1000 && i < DECIMAL_UNITS.length - 1) {
    size /= 1000;
    i++;
  }
  return `${formatG(size, 4)}${DECIMAL_UNITS[i]}`;
}
