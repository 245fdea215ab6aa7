/*
 * The summitcal page's one script (no framework, no network): it reads the reader's own
 * date, moves the timeline's "today" marks and the "coming up" lists to it, opens the
 * timeline on the present, adds year steps, keeps the lane titles in view while the
 * picture scrolls, and filters the events by words.  The page is whole without it: the
 * marks and lists then stand at the date the page was built.
 */
(function () {
  "use strict";

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
    "Nov", "Dec"];
  var DAY_MS = 86400000;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** The reader's calendar day, in the reader's own zone, as YYYY-MM-DD. */
  function readerDay() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function parts(iso) {
    return iso.split("-").map(Number);
  }

  /** Days since 1970-01-01 of an ISO day: plain arithmetic, no zone involved. */
  function dayNumber(iso) {
    var p = parts(iso);
    return Math.round(Date.UTC(p[0], p[1] - 1, p[2]) / DAY_MS);
  }

  /** "9 Feb 2025", as the page writes days. */
  function shortDay(iso) {
    var p = parts(iso);
    return p[2] + " " + MONTHS[p[1] - 1] + " " + p[0];
  }

  // --- the timeline picture -------------------------------------------------------

  /** Where a day starts on the picture's year axis (every year has the same width). */
  function axisX(svg, iso) {
    var first = Number(svg.dataset.firstYear);
    var last = Number(svg.dataset.lastYear);
    var x0 = Number(svg.dataset.axisX);
    var width = Number(svg.dataset.yearWidth);
    var year = parts(iso)[0];
    if (year < first) return x0;
    if (year > last) return x0 + (last - first + 1) * width;
    var length = dayNumber((year + 1) + "-01-01") - dayNumber(year + "-01-01");
    var day = dayNumber(iso) - dayNumber(year + "-01-01");
    return x0 + (year - first) * width + day * width / length;
  }

  function moveLine(line, x) {
    line.setAttribute("x1", x.toFixed(1));
    line.setAttribute("x2", x.toFixed(1));
  }

  /** The main "today" line and label, and each close-up's line, at the reader's day. */
  function placeTimelineToday(svg, iso) {
    var now = svg.querySelector(".tl-now");
    if (now) {
      var x = axisX(svg, iso);
      var label = now.querySelector("text");
      var text = "Today, " + shortDay(iso);
      moveLine(now.querySelector("line"), x);
      var atEnd = x + text.length * 7 > Number(svg.getAttribute("width"));
      label.textContent = text;
      label.setAttribute("text-anchor", atEnd ? "end" : "start");
      label.setAttribute("x", (x + (atEnd ? -4 : 4)).toFixed(1));
    }
    svg.querySelectorAll(".tl-strip-now").forEach(function (strip) {
      var index = dayNumber(iso) - dayNumber(strip.dataset.first);
      var line = strip.querySelector("line");
      var inside = index >= 0 && index < Number(strip.dataset.days);
      if (inside) {
        var dayWidth = Number(strip.dataset.dayWidth);
        moveLine(line, Number(strip.dataset.axisX) + (index + 0.5) * dayWidth);
      }
      line.setAttribute("visibility", inside ? "visible" : "hidden");
    });
  }

  /** Scroll the picture so that ``x`` is in the middle of what the lane titles leave.
   * The axis runs on well past the build day; for a reader's day later still, room is
   * made after the picture so that the day can come to the middle all the same. */
  function centreOn(box, svg, x) {
    var titles = Number(svg.dataset.axisX);
    var want = Math.max(0, x - (titles + box.clientWidth) / 2);
    var short = want - (box.scrollWidth - box.clientWidth);
    if (short > 0) {
      var padding = parseFloat(getComputedStyle(box).paddingRight) || 0;
      box.style.paddingRight = Math.ceil(padding + short) + "px";
    }
    box.scrollLeft = want;
  }

  /** Keep the lane titles at the left edge of the view as the picture scrolls. */
  function pinLaneTitles(box, svg) {
    var pin = svg.querySelector(".tl-pin");
    function follow() {
      if (pin) pin.setAttribute("transform", "translate(" + box.scrollLeft + " 0)");
    }
    box.addEventListener("scroll", follow, { passive: true });
    return follow;
  }

  /** The year-step buttons: a year back, today, a year on.  A step with nowhere to go
   * (the view is at that end of the picture) is marked disabled and does nothing. */
  function yearSteps(box, svg, iso) {
    var tools = document.querySelector(".tl-tools");
    if (!tools) return function () {};
    var width = Number(svg.dataset.yearWidth);
    var buttons = tools.querySelectorAll("button[data-step]");
    function stuck(step) {
      var end = box.scrollWidth - box.clientWidth;
      return step < 0 ? box.scrollLeft <= 0 : step > 0 && box.scrollLeft >= end - 1;
    }
    function update() {
      buttons.forEach(function (button) {
        var step = Number(button.dataset.step);
        button.setAttribute("aria-disabled", stuck(step) ? "true" : "false");
      });
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var step = Number(button.dataset.step);
        if (step === 0) centreOn(box, svg, axisX(svg, iso));
        else if (!stuck(step)) box.scrollLeft += step * width;
        update();
      });
    });
    box.addEventListener("scroll", update, { passive: true });
    tools.hidden = false;
    return update;
  }

  function setUpTimeline(iso) {
    var box = document.querySelector(".timeline-scroll");
    var svg = box && box.querySelector("svg");
    if (!svg) return;
    placeTimelineToday(svg, iso);
    var follow = pinLaneTitles(box, svg);
    var steps = yearSteps(box, svg, iso);
    centreOn(box, svg, axisX(svg, iso));
    follow(); // now, not at the scroll event: the first paint has the titles in place
    steps();
    box.dataset.openedOn = iso;
  }

  // --- the narrow-screen timeline ---------------------------------------------------

  /** Put the list's "today" item before the first event that ended before the day. */
  function placeVerticalToday(iso) {
    var mark = document.getElementById("vt-today");
    if (!mark) return;
    var items = Array.prototype.slice.call(document.querySelectorAll(".vt-item"));
    var past = items.filter(function (li) { return li.dataset.last < iso; })[0];
    if (past) past.parentNode.insertBefore(mark, past);
    else if (items.length) items[items.length - 1].parentNode.appendChild(mark);
    mark.querySelector(".vt-label").textContent = "Today, " + shortDay(iso);
    var box = document.querySelector(".vt-box");
    if (box) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
  }

  // --- coming up and recently -------------------------------------------------------

  // (days from which the unit is used, its length in days, its name): as the library's
  // relative_days, which ``summitcal next`` and ``recent`` use.
  var UNITS = [[335, 365.25, "year"], [60, 30.4375, "month"], [14, 7, "week"]];

  /** A distance in days as words: "tomorrow", "in 10 days", "3 weeks ago". */
  function relativeDays(days) {
    if (days === 0) return "today";
    if (Math.abs(days) === 1) return days > 0 ? "tomorrow" : "yesterday";
    var count = Math.abs(days), unit = "day";
    for (var i = 0; i < UNITS.length; i += 1) {
      if (count >= UNITS[i][0]) {
        // No count of days is ever half-way between two units, so this rounds as Python.
        count = Math.max(1, Math.round(count / UNITS[i][1]));
        unit = UNITS[i][2];
        break;
      }
    }
    var amount = count + " " + unit + (count === 1 ? "" : "s");
    return days > 0 ? "in " + amount : amount + " ago";
  }

  /** Words for where an event stands from the day: the same words the build (and the
   * CLI) write.  ``due`` is the unit of a date known only to the month or coarser. */
  function relative(first, last, iso, due) {
    var ahead = dayNumber(first) - dayNumber(iso);
    var since = dayNumber(iso) - dayNumber(last);
    if (ahead > 0) return relativeDays(ahead);
    if (since > 0) return relativeDays(-since);
    if (due) return "due this " + due;
    return first === last ? "today" : "under way";
  }

  /** Show the list's first few events (its ``data-show``), or its "nothing" line. */
  function trim(list) {
    var show = Number(list.dataset.show);
    var items = list.querySelectorAll(".now-item");
    items.forEach(function (li, i) { li.hidden = i >= show; });
    var none = list.querySelector(".none");
    if (none) none.hidden = items.length > 0;
  }

  function order(li) {
    return li.dataset.last + " " + li.querySelector("a").getAttribute("href");
  }

  /** Events that have ended by the reader's day move from "coming up" to "recently". */
  function refreshNow(iso) {
    var upcoming = document.getElementById("upcoming-list");
    var recent = document.getElementById("recent-list");
    if (!upcoming || !recent) return;
    var ended = Array.prototype.slice.call(upcoming.querySelectorAll(".now-item"))
      .filter(function (li) { return li.dataset.last < iso; });
    ended.forEach(function (li) { recent.appendChild(li); });
    // Latest end first, as the build orders them (ties by id, as there too).
    Array.prototype.slice.call(recent.querySelectorAll(".now-item"))
      .sort(function (a, b) { return order(b).localeCompare(order(a)); })
      .forEach(function (li) { recent.appendChild(li); });
    document.querySelectorAll(".now-item .rel").forEach(function (rel) {
      var li = rel.closest(".now-item");
      rel.textContent = relative(li.dataset.first, li.dataset.last, iso, li.dataset.due);
    });
    trim(upcoming);
    trim(recent);
  }

  // --- search -----------------------------------------------------------------------

  /** Lower case without accents, so that "elysee" finds "Élysée". */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var MAX_RESULTS = 30;

  function resultItem(entry) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = "#" + entry.li.id;
    link.textContent = entry.title;
    var when = document.createElement("span");
    when.className = "meta";
    when.textContent = entry.when;
    li.appendChild(link);
    li.appendChild(when);
    return li;
  }

  function setUpSearch() {
    var section = document.getElementById("search");
    var input = document.getElementById("q");
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    if (!section || !input || !status || !results) return;
    var entries = Array.prototype.slice.call(document.querySelectorAll("li.event[data-search]"))
      .map(function (li) {
        return {
          li: li,
          text: fold(li.dataset.search),
          title: li.querySelector(".title").textContent,
          when: li.querySelector("time").textContent
        };
      });
    function run() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      results.replaceChildren();
      if (!words.length) {
        status.textContent = "";
        return;
      }
      var found = entries.filter(function (entry) {
        return words.every(function (word) { return entry.text.indexOf(word) >= 0; });
      });
      found.slice(0, MAX_RESULTS).forEach(function (entry) {
        results.appendChild(resultItem(entry));
      });
      var noun = entries.length === 1 ? "event" : "events";
      status.textContent = found.length
        ? found.length + " of " + entries.length + " " + noun + " match" +
          (found.length > MAX_RESULTS ? "; the first " + MAX_RESULTS + " are listed" : "")
        : "No event matches.";
    }
    input.addEventListener("input", run);
    section.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    section.hidden = false;
    if (input.value) run();
  }

  function start() {
    var iso = readerDay();
    document.documentElement.dataset.readerDay = iso;
    setUpTimeline(iso);
    placeVerticalToday(iso);
    refreshNow(iso);
    setUpSearch();
  }

  start();
})();
