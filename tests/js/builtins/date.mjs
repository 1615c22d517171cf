// Date behaviour that does not depend on the local time zone: UTC fields,
// parsing with explicit offsets, ISO/UTC strings, JSON, inspection, errors.
const d = new Date(Date.UTC(2026, 11, 6, 5, 34, 37, 120));
console.log(d.getTime(), d.valueOf(), +d);
console.log(d.toISOString(), d.toUTCString(), d.toGMTString === d.toUTCString);
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(),
  d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
console.log(d, [d], { when: d, nested: { list: [d, new Date(NaN)] } });
console.log(JSON.stringify({ d, bad: new Date(NaN) }), d.toJSON());

// Constructor forms.
console.log(new Date(0).toISOString(), new Date(-1).toISOString());
console.log(new Date("2024-02-29T12:00:00Z").toISOString());
console.log(new Date(d).getTime() === d.getTime(), new Date(d) !== d);
console.log(new Date(8.64e15).toISOString(), new Date(-8.64e15).toISOString());
console.log(String(new Date(8.64e15 + 1)), new Date(NaN).getTime(), new Date(Infinity).getTime());
console.log(new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime());
console.log(new Date(1.9).getTime(), new Date(-1.9).getTime(), Object.is(new Date(-0).getTime(), 0));
console.log(new Date({ valueOf() { return 42; } }).getTime());
console.log(new Date({ [Symbol.toPrimitive]() { return "1970-01-01T00:00:01Z"; } }).getTime());
console.log(typeof Date(), typeof Date(2020, 1), Date.length, Date.name, Date.UTC.length);
console.log(typeof Date.now(), Date.now() > 1.7e12, Number.isInteger(Date.now()));

// Date.UTC.
console.log(Date.UTC(2024), Date.UTC(2024, 1), Date.UTC(99, 0), Date.UTC(100, 0), Date.UTC(-1, 0));
console.log(Date.UTC(2024, 13, 40, 25, 61, 61, 1001), Date.UTC(2024, -1), Date.UTC());
console.log(Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1), Date.UTC(1e20, 0));
console.log(Date.UTC(2024, NaN), Date.UTC(2024, 0, 1, Infinity), Date.UTC(-0, 0));

// Date.parse: ISO forms and the legacy forms V8 reads (all with offsets).
for (const s of [
  "2024-01-02", "2024-01", "2024", "+002024-01-02", "-000001-01-01T00:00:00Z",
  "-000000-01-01T00:00:00Z", "2024-01-02T10:00Z", "2024-01-02T10:00:00.5Z",
  "2024-01-02T10:00:00.123456Z", "2024-01-02T10:00:00+05:30", "2024-01-02T10:00:00-0800",
  "2024-01-02T24:00:00Z", "2024-01-02T24:00:01Z", "2024-01-02T25:00Z", "2024-13-01",
  "2024-02-30", "2024-01-32", "Tue, 02 Jan 2024 10:00:00 GMT",
  "Tue Jan 02 2024 10:00:00 GMT+0000 (Coordinated Universal Time)",
  "Tue Jan 02 2024 10:00:00 GMT-0500 (Eastern Standard Time)",
  "Jan 2 2024 10:00 UTC", "2 January 2024 10:00:00 UTC", "Jan 2 2024 10:00 EST",
  "Jan 2 2024 10:00 PDT", "Jan 2 2024 10:00 PM GMT", "Jan 2 2024 12:00 AM GMT",
  "2024/01/02 10:00 GMT+1", "1/2/2024 10:00:00 UTC+05:30", "Sat, 01-Jan-2000 08:00:00 GMT",
  "Thu, 01 Jan 1970 00:00:00 GMT+0100", "12/31/1999 23:59:59 Z", "1999-12-31 23:59:59Z",
  "-271821-04-20T00:00:00Z", "-271821-04-19T23:59:59.999Z", "+275760-09-13T00:00:00Z",
  "+275760-09-13T00:00:00.001Z", "foo", "", "   ", "2024-01-02T10:00:00Zjunk",
  "Jan 2 2024 10:00 GMT garbage", "(comment) Jan 2 2024 GMT", "2024-01-02T10:00:00.Z",
]) console.log(JSON.stringify(s), Date.parse(s));
console.log(Date.parse(d.toISOString()) === d.getTime(), Date.parse(d.toUTCString()));

// UTC setters, their argument counts and return values.
const s = new Date(0);
console.log(s.setUTCFullYear(2020), s.setUTCMonth(1, 29), s.setUTCDate(31), s.toISOString());
console.log(s.setUTCHours(23, 59, 59, 999), s.setUTCMinutes(0), s.setUTCSeconds(30, 5),
  s.setUTCMilliseconds(1500), s.toISOString());
console.log(s.setTime(86400000), s.setTime("12"), s.setTime(), s.getTime());
console.log(s.setUTCHours(1), s.setUTCFullYear(2000, 0, 1), s.toISOString());
console.log(s.setUTCMonth(NaN), s.setUTCDate(5), s.setUTCFullYear(1999), s.toISOString());
console.log(s.setUTCMilliseconds(8.64e15), s.getTime(), s.setUTCDate(1e10));
const order = [];
const t = new Date(0);
t.setUTCHours({ valueOf() { order.push("h"); return 1; } }, { valueOf() { order.push("m"); return 2; } });
console.log(order.join(","), t.toISOString());

// Invalid dates.
const bad = new Date("nope");
console.log(String(bad), bad.toString(), bad.toDateString(), bad.toTimeString(), bad.toUTCString());
console.log(bad.toLocaleString(), bad.toLocaleDateString(), bad.toLocaleTimeString());
console.log(bad.getFullYear(), bad.getUTCDay(), bad.getTimezoneOffset(), bad.getYear(), bad.toJSON());
try { bad.toISOString(); } catch (e) { console.log(e.name, e.message); }
for (const f of ["getTime", "toISOString", "setUTCDate", "toString", "getYear"]) {
  try { Date.prototype[f].call({}); } catch (e) { console.log(f, e.name, e.message); }
}
try { Date.prototype.valueOf.call(Date.prototype); } catch (e) { console.log(e.name, e.message); }

// Symbol.toPrimitive and the default hint.
const p = Date.prototype[Symbol.toPrimitive];
console.log(p.name, p.length, Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive).writable);
console.log(p.call(d, "number"), typeof p.call(d, "default"), d - 0, typeof (d + 1), `${new Date(NaN)}`);
try { p.call(d, "bogus"); } catch (e) { console.log(e.name, e.message); }
try { p.call(1, "number"); } catch (e) { console.log(e.name, e.message); }
console.log(new Date(5) < new Date(6), new Date(5) == 5, new Date(5) == new Date(5).toString());

// toJSON is generic.
console.log(Date.prototype.toJSON.call({ toISOString() { return "custom"; } }));
console.log(Date.prototype.toJSON.call({ valueOf() { return Infinity; }, toISOString() { return "x"; } }));

// Subclassing.
class MyDate extends Date {
  constructor(...args) { super(...args); this.tag = "mine"; }
  year() { return this.getUTCFullYear(); }
}
const m = new MyDate(Date.UTC(2001, 0, 1));
console.log(m.year(), m instanceof Date, m instanceof MyDate, m.tag, Object.prototype.toString.call(m));
console.log(m);
function F() {}
F.prototype = Array.prototype;
const r = Reflect.construct(Date, [0], F);
console.log(Object.getPrototypeOf(r) === Array.prototype, Date.prototype.getTime.call(r));
console.log(Object.prototype.toString.call(new Date(0)), Object.prototype.toString.call(Date.prototype));

// Years beyond four digits and before year 1.
for (const y of [-271821, -10000, -1, 0, 1, 99, 999, 1000, 9999, 10000, 275760]) {
  const v = new Date(Date.UTC(2000, 0, 1));
  v.setUTCFullYear(y);
  console.log(y, isNaN(v) ? "NaN" : v.toISOString(), v.toUTCString(), v.getUTCDay());
}

// toLocale*String with a timeZone option (the form stays en-US's).
const z = new Date(Date.UTC(2024, 2, 10, 7, 30, 5));
console.log(z.toLocaleString("en-US", { timeZone: "UTC" }), "|",
  z.toLocaleString("en-US", { timeZone: "America/New_York" }), "|",
  z.toLocaleDateString(undefined, { timeZone: "Asia/Tokyo" }), "|",
  z.toLocaleTimeString("en-US", { timeZone: "Asia/Kolkata" }));
try { z.toLocaleString("en-US", { timeZone: "Nowhere/Special" }); } catch (e) { console.log(e.name, e.message); }
