// Publication dates from a corpus's metadata (--date-field / --date-column) as
// ISO calendar dates YYYY-MM-DD. Accepted (case-insensitive, surrounding
// whitespace ignored):
//   ISO 8601        2020-05-04, 2020-05-04T13:45:00Z, 2020-05-04 13:45+02:00, 2020/05/04
//   RFC 2822        Mon, 4 May 2020 13:45:00 +0000 (weekday optional)
//   Month D, YYYY   May 4, 2020 · May 4 2020 · Sept. 4th, 2020 (weekday first optional)
//   D Month YYYY    4 May 2020 · 4th of May, 2020
//   M/D/YYYY        5/4/2020 (US order; a four-digit year only)
// The date is the calendar date as written: a time and a zone offset are
// ignored, never converted (a story stamped 23:30-05:00 is of that day where
// it was written). Anything else is not a date — and null, never guessed: a
// two-digit year ("5/4/20": which century?), a month and year without a day,
// a day that the month lacks (2021-02-29), or a year outside the plausible
// range [MIN_YEAR, MAX_YEAR] ("0001", "2050": placeholders and typos in a news
// corpus). The range is fixed, not the build's clock, so a build gives the same
// output in any year.

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2039;

/** What a metadata date value was: a date, empty (missing, null or blank), or there but not a date. */
export type DateStatus = "dated" | "empty" | "malformed";

export interface ParsedDate {
  date: string | null;
  status: DateStatus;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY = "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\\.?,?\\s+)?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
/** A time after the date: "13:45", "13:45:00.123", "1:45 pm", "T13:45Z", with an optional zone. */
const TIME = "(?:(?:[T\\s]|,\\s*|\\s+at\\s+)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:z|utc|gmt|[a-z]{2,4}t|[+-]\\d{2}:?\\d{2}))?)?";

const ISO = new RegExp(`^(\\d{4})[-/](\\d{2})[-/](\\d{2})${TIME}$`, "i");
const MONTH_DAY_YEAR = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY},?\\s+(\\d{4})${TIME}$`, "i");
const DAY_MONTH_YEAR = new RegExp(`^${WEEKDAY}${DAY}(?:\\s+of)?\\s+${MONTH},?\\s+(\\d{4})${TIME}$`, "i");
const US_NUMERIC = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`, "i");

function calendarDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > days) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const monthOf = (name: string): number => MONTHS[name.toLowerCase().replace(/\.$/, "")] ?? 0;

/** The date a metadata value gives (see the formats above), or null with why. */
export function parseDate(raw: unknown): ParsedDate {
  if (raw === undefined || raw === null) return { date: null, status: "empty" };
  if (typeof raw !== "string") return { date: null, status: "malformed" };
  const s = raw.trim().replace(/\s+/g, " ");
  if (s === "") return { date: null, status: "empty" };
  let date: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(s))) date = calendarDate(+m[1]!, +m[2]!, +m[3]!);
  else if ((m = MONTH_DAY_YEAR.exec(s))) date = calendarDate(+m[3]!, monthOf(m[1]!), +m[2]!);
  else if ((m = DAY_MONTH_YEAR.exec(s))) date = calendarDate(+m[3]!, monthOf(m[2]!), +m[1]!);
  else if ((m = US_NUMERIC.exec(s))) date = calendarDate(+m[3]!, +m[1]!, +m[2]!);
  return date === null ? { date: null, status: "malformed" } : { date, status: "dated" };
}

/** The period a date falls in, for network.csv: day (YYYY-MM-DD), ISO week (YYYY-Www), month (YYYY-MM), year (YYYY), or one period "all". */
export type NetworkPeriod = "day" | "week" | "month" | "year" | "none";
export const NETWORK_PERIODS: readonly NetworkPeriod[] = ["day", "week", "month", "year", "none"];
/** The period of a record without a date. */
export const UNDATED = "undated";

export function periodOf(date: string | null, period: NetworkPeriod): string {
  if (period === "none") return "all";
  if (date === null) return UNDATED;
  if (period === "day") return date;
  if (period === "month") return date.slice(0, 7);
  if (period === "year") return date.slice(0, 4);
  return isoWeek(date);
}

/** ISO 8601 week "YYYY-Www" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const t = Date.UTC(y, mo - 1, d);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(t + (3 - weekday) * 86400000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
