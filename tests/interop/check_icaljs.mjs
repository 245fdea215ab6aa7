// Parse iCalendar files with Mozilla's ical.js (Thunderbird's parser) and print JSON:
// {file: {"error": string|null, "events": {uid: {summary, description, location, start,
// end}}}} with dates as YYYY-MM-DD and times as UTC ISO strings.  Every VTIMEZONE of a
// file is registered first, so zoned times convert with the file's own zone data.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function norm(t) {
  if (t === null || t === undefined) return null;
  if (t.isDate) {
    const p = (n, w) => String(n).padStart(w, "0");
    return `${p(t.year, 4)}-${p(t.month, 2)}-${p(t.day, 2)}`;
  }
  if (t.zone === ICAL.Timezone.localTimezone) return "floating:" + t.toString();
  return new Date(t.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
}

const report = {};
for (const path of process.argv.slice(2)) {
  try {
    const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf-8")));
    for (const tz of root.getAllSubcomponents("vtimezone")) {
      ICAL.TimezoneService.register(tz);
    }
    const events = {};
    for (const vevent of root.getAllSubcomponents("vevent")) {
      const ev = new ICAL.Event(vevent);
      if (!vevent.getFirstPropertyValue("dtstamp")) throw new Error(`${ev.uid}: no DTSTAMP`);
      events[ev.uid] = {
        summary: ev.summary,
        description: ev.description,
        location: ev.location,
        start: norm(ev.startDate),
        end: norm(ev.endDate),
      };
    }
    report[path] = { error: null, events };
  } catch (err) {
    report[path] = { error: String(err && err.stack ? err.stack : err), events: {} };
  }
}
process.stdout.write(JSON.stringify(report));
