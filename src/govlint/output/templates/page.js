"use strict";
/* govlint's review page: sort and filter the list of reports, open a report from a link, and draw the
   tables its findings point at with their cells marked.  Report text is only ever set as textContent. */
(function () {
  var data = JSON.parse(document.getElementById("govlint-tables").textContent);
  var S = data.strings;
  var body = document.querySelector("#reports tbody");
  /* Each row's values are its cells' text, by the key of their column; unknown ("—") is null. */
  var columns = Array.prototype.map.call(document.querySelectorAll("#reports thead th"), function (th) {
    return { key: th.dataset.key, numeric: !!th.dataset.numeric };
  });
  var rows = Array.prototype.map.call(body.rows, function (tr) {
    var row = { tr: tr };
    columns.forEach(function (column, i) {
      var text = tr.cells[i].textContent.trim();
      if (column.numeric) {
        row[column.key] = /^-?[0-9]+([.][0-9]+)?$/.test(text) ? Number(text) : null;
      } else {
        row[column.key] = text === "\u2014" ? "" : text;
      }
    });
    row.codes = " " + row.codes + " ";
    return row;
  });
  var shown = document.getElementById("shown");
  var f = {
    body: document.getElementById("f-body"), year: document.getElementById("f-year"),
    min: document.getElementById("f-min"), max: document.getElementById("f-max"),
    code: document.getElementById("f-code"), unread: document.getElementById("f-unread")
  };

  function filter() {
    var text = f.body.value.trim(), year = f.year.value, code = f.code.value, unread = f.unread.value;
    var min = f.min.value === "" ? null : Number(f.min.value), max = f.max.value === "" ? null : Number(f.max.value);
    var count = 0;
    rows.forEach(function (r) {
      var ok = (!text || r.body.indexOf(text) >= 0 || r.path.indexOf(text) >= 0) &&
        (!year || String(r.year) === year) &&
        (!code || r.codes.indexOf(" " + code + " ") >= 0) &&
        (!unread || (r.tr.dataset.unread ? "1" : "0") === unread) &&
        (min === null || (r.score !== null && r.score >= min)) &&
        (max === null || (r.score !== null && r.score <= max));
      r.tr.hidden = !ok;
      count += ok ? 1 : 0;
    });
    shown.textContent = shown.dataset.template.replace("{shown}", count).replace("{total}", rows.length);
  }
  ["input", "change"].forEach(function (type) {
    Object.keys(f).forEach(function (k) { f[k].addEventListener(type, filter); });
  });

  var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  function sortBy(button) {
    var key = button.dataset.sort, th = button.parentNode, numeric = !!th.dataset.numeric;
    var descending = th.getAttribute("aria-sort") === "ascending";
    document.querySelectorAll("#reports th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var sign = descending ? -1 : 1;
    rows.sort(function (a, b) {
      var x = a[key], y = b[key];
      if (x === null || y === null) { return x === y ? 0 : x === null ? 1 : -1; }  /* unknown last */
      var c = numeric ? x - y : collator.compare(x, y);
      return c * sign || collator.compare(a.path, b.path);
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r.tr); });
    body.appendChild(fragment);
  }
  document.querySelectorAll("#reports th button[data-sort]").forEach(function (b) {
    b.addEventListener("click", function () { sortBy(b); });
  });

  function el(name, text, cls) {
    var e = document.createElement(name);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function drawTables(details) {
    var holder = details.querySelector(".tables");
    if (holder.dataset.drawn) { return; }
    holder.dataset.drawn = "1";
    var tables = data.reports[details.id.slice(2)];
    if (!tables) { return; }
    /* "table|row|column" -> the class that marks it: "hit" for a problem, "hit-unread" for a place that could
       not be read (a problem wins); "table||" marks a whole table, "table|row|" a whole row */
    var hits = {};
    details.querySelectorAll(".findings li[data-t]").forEach(function (li) {
      var key = li.dataset.t + "|" + (li.dataset.r || "") + "|" + (li.dataset.c || "");
      hits[key] = hits[key] === "hit" || !li.classList.contains("unread") ? "hit" : "hit-unread";
    });
    tables.forEach(function (t) {
      var tkey = S[t[0]], table = el("table"), last = null, tbody = null;
      table.dataset.t = tkey;
      if (hits[tkey + "||"]) { table.classList.add(hits[tkey + "||"]); }
      table.appendChild(el("caption", S[t[1]]));
      t[2].forEach(function (row) {
        var rkey = S[row[0]], head = data.heads[row[2]], raws = row[3].split("\t"), statuses = row[4];
        if (row[2] !== last) {
          last = row[2];
          var thead = el("thead"), htr = el("tr");
          if (S[head[0]]) {
            var cap = el("tr"), cth = el("th", S[head[0]], "caption");
            cth.colSpan = head[1].length + 1;
            cap.appendChild(cth);
            thead.appendChild(cap);
          }
          htr.appendChild(el("th", data.ui.row_label));
          head[2].forEach(function (label) { htr.appendChild(el("th", S[label])); });
          thead.appendChild(htr);
          table.appendChild(thead);
          tbody = el("tbody");
          table.appendChild(tbody);
        }
        var tr = el("tr");
        tr.dataset.r = rkey;
        var th = el("th", S[row[1]]);
        tr.appendChild(th);
        if (hits[tkey + "|" + rkey + "|"]) { tr.classList.add(hits[tkey + "|" + rkey + "|"]); }
        if (row[5]) { tr.classList.add("unread"); th.appendChild(el("div", row[5], "problem")); }
        if (row[6]) { th.appendChild(el("div", data.ui.printed + row[6], "problem")); }
        head[1].forEach(function (ckey, i) {
          var status = statuses.charAt(i), td = el("td", raws[i]);
          td.dataset.c = S[ckey];
          if (status === "e") { td.classList.add("empty"); }
          if (status === "u" || status === "a") { td.classList.add("unread"); td.title = data.ui.unread; }
          if (hits[tkey + "|" + rkey + "|" + S[ckey]]) { td.classList.add(hits[tkey + "|" + rkey + "|" + S[ckey]]); }
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
      });
      holder.appendChild(table);
    });
    holder.appendChild(el("p", data.ui.legend, "legend"));
  }

  function cellOf(li) {
    var table = li.closest("details").querySelector('.tables table[data-t="' + li.dataset.t + '"]');
    if (!table || !li.dataset.r) { return table; }
    var tr = Array.prototype.find.call(table.querySelectorAll("tbody tr"), function (r) { return r.dataset.r === li.dataset.r; });
    if (!tr || !li.dataset.c) { return tr || null; }
    return Array.prototype.find.call(tr.cells, function (c) { return c.dataset.c === li.dataset.c; }) || null;
  }

  document.querySelectorAll("details.report").forEach(function (details) {
    details.addEventListener("toggle", function () { if (details.open) { drawTables(details); } });
  });
  document.getElementById("details").addEventListener("click", function (event) {
    var li = event.target.closest(".findings li[data-t]");
    if (!li || event.target.closest("a")) { return; }
    var cell = cellOf(li);
    if (!cell) { return; }
    document.querySelectorAll(".tables .focus").forEach(function (c) { c.classList.remove("focus"); });
    cell.classList.add("focus");
    cell.scrollIntoView({ block: "center" });
  });

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.matches("details.report")) {
      target.open = true;
      drawTables(target);
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
