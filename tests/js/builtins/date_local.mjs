// Local-time behaviour: run with TZ set (tests/date_time_zones.rs runs it
// under several zones and compares with Node's output for each).
const show = (d) => console.log(String(d), "|", d.toDateString(), "|", d.toTimeString(), "|",
  d.toLocaleString(), "|", d.toLocaleDateString(), "|", d.toLocaleTimeString(), "|",
  d.getTimezoneOffset(), d.toISOString());

show(new Date(2024, 0, 15, 10, 5, 3, 7));
show(new Date(2024, 6, 15, 22, 0, 59));
show(new Date(2026, 11, 6, 0, 0, 0));
show(new Date(1969, 11, 31, 23, 59, 59, 999));
show(new Date(1900, 0, 1));
show(new Date(99, 0, 1, 12));
show(new Date(-1, 5, 1));
show(new Date(10000, 0, 1));
show(new Date(Date.UTC(2000, 0, 1)));
console.log(typeof Date(), Date().length > 20);

// Local getters.
const g = new Date(2024, 1, 29, 13, 14, 15, 16);
console.log(g.getFullYear(), g.getMonth(), g.getDate(), g.getDay(), g.getHours(),
  g.getMinutes(), g.getSeconds(), g.getMilliseconds(), g.getYear());

// Local setters.
const s = new Date(2024, 0, 31, 12);
console.log(s.setMonth(1), s.toString());
console.log(s.setDate(0), s.toString());
console.log(s.setFullYear(2023, 11, 25), s.toString());
console.log(s.setHours(48, 30), s.toString());
console.log(s.setMinutes(-1), s.toString());
console.log(s.setSeconds(3600, 500), s.toString());
console.log(s.setMilliseconds(-1), s.toString());
console.log(s.setYear(95), s.toString(), s.setYear(2001), s.getYear());
const n = new Date(NaN);
console.log(n.setFullYear(2020), n.toString());
console.log(new Date(NaN).setYear(1999), new Date(NaN).setHours(1));

// Local-time parsing (no offset: local time; date-only ISO: UTC).
for (const str of ["2024-01-02T10:00", "2024-07-02T10:00:00", "2024-01-02", "2024/01/02 10:00",
  "Jan 2 2024", "July 4, 2024 9:30 PM", "2024-1-2", "1/2/2024", "99", "Jan 2024",
  "2024 Jan 2", "10:00 2024-01-02", "Mon Jan 15 2024", "-000000-01-01"]) {
  console.log(JSON.stringify(str), Date.parse(str));
}
const again = new Date(2024, 4, 17, 8, 9, 10);
console.log(Date.parse(again.toString()) === again.getTime(), Date.parse(again.toLocaleString()) === again.getTime());

// Around the 2024 DST changes (US: Mar 10 / Nov 3; EU: Mar 31 / Oct 27).
for (const [y, m, d] of [[2024, 2, 10], [2024, 10, 3], [2024, 2, 31], [2024, 9, 27]]) {
  for (const h of [0, 1, 2, 3]) {
    for (const min of [0, 30]) {
      const t = new Date(y, m, d, h, min);
      console.log(y, m, d, h, min, "->", t.toISOString(), t.getHours(), t.getMinutes(),
        t.getTimezoneOffset(), t.toTimeString());
    }
  }
}
const walk = new Date(Date.UTC(2024, 2, 10, 5, 0));
for (let i = 0; i < 4; i++) {
  console.log(walk.toString(), walk.getHours());
  walk.setTime(walk.getTime() + 1800000);
}
const fall = new Date(Date.UTC(2024, 10, 3, 4, 30));
for (let i = 0; i < 5; i++) {
  console.log(fall.toString(), fall.getHours(), fall.getTimezoneOffset());
  fall.setTime(fall.getTime() + 1800000);
}
const hop = new Date(2024, 2, 9, 2, 30);
hop.setDate(10);
console.log(hop.toString());
hop.setHours(2, 15);
console.log(hop.toString());
