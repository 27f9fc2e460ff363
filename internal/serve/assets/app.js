// cgcheck serve's page: grows and shrinks the form's lists, turns the form
// (or the pasted text) into a descriptor, sends it to /ui/check and shows
// the answer, marking each field a finding points at. Everything it shows
// from an answer goes in as text, except the report's section, which the
// server has escaped.
(function () {
  "use strict";
  var form = document.getElementById("descriptor-form");
  var paste = document.getElementById("paste");
  var upload = document.getElementById("upload");
  var today = document.getElementById("today");
  var busy = document.getElementById("busy");
  var result = document.getElementById("result");
  var summary = document.getElementById("result-summary");
  var reportBox = document.getElementById("result-report");
  var panels = { form: document.getElementById("form-panel"), paste: document.getElementById("paste-panel") };
  var copies = 0;
  var notes = 0;

  function mode() {
    var checked = document.querySelector("input[name=mode]:checked");
    return checked ? checked.value : "form";
  }

  document.querySelectorAll("input[name=mode]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      panels.form.hidden = mode() !== "form";
      panels.paste.hidden = mode() !== "paste";
    });
  });

  // The elements with a data-kind directly under el: the fields of an
  // object, the entries of a list. A <template> holds a list's blank entry
  // and is not part of the form.
  function fields(el) {
    var out = [];
    (function walk(node) {
      for (var c = node.firstElementChild; c; c = c.nextElementSibling) {
        if (c.tagName === "TEMPLATE") { continue; }
        if (c.hasAttribute("data-kind")) { out.push(c); } else { walk(c); }
      }
    })(el);
    return out;
  }

  function entries(list) {
    return fields(list.querySelector(".items"));
  }

  // value reads a field as the descriptor holds it; an empty field is left
  // out (undefined), so the check says it is missing.
  function value(el) {
    var kind = el.getAttribute("data-kind"), v;
    switch (kind) {
      case "object":
        var obj = {}, any = false;
        fields(el).forEach(function (f) {
          var key = f.getAttribute("data-key"), fv = value(f);
          if (key && fv !== undefined) { obj[key] = fv; any = true; }
        });
        return any ? obj : undefined;
      case "list":
      case "oneormore":
        var items = [];
        entries(el).forEach(function (item) {
          var iv = value(item);
          if (iv !== undefined) { items.push(iv); }
        });
        if (items.length === 0) { return undefined; }
        return kind === "oneormore" && items.length === 1 ? items[0] : items;
      case "item":
        var inner = fields(el)[0];
        return inner ? value(inner) : undefined;
      case "const":
        return el.value;
      case "number":
        if (el.value === "") { return undefined; }
        v = Number(el.value);
        return isNaN(v) ? el.value : v;
      case "yesno":
        return el.value === "" ? undefined : el.value === "true";
      default:
        v = el.value.trim();
        return v === "" ? undefined : v;
    }
  }

  // Lists: add an entry from the list's template, giving its inputs ids of
  // their own, or remove one.
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) { return; }
    var list = button.closest("fieldset[data-kind=list], fieldset[data-kind=oneormore]");
    if (button.getAttribute("data-action") === "add") {
      var copy = list.querySelector(":scope > template").content.cloneNode(true);
      copies++;
      var renamed = {};
      copy.querySelectorAll("[id]").forEach(function (el) {
        renamed[el.id] = el.id + "-" + copies;
        el.id = renamed[el.id];
      });
      copy.querySelectorAll("[for], [aria-describedby]").forEach(function (el) {
        ["for", "aria-describedby"].forEach(function (attr) {
          var v = el.getAttribute(attr);
          if (v && renamed[v]) { el.setAttribute(attr, renamed[v]); }
        });
      });
      var item = copy.firstElementChild;
      list.querySelector(":scope > .items").appendChild(copy);
      var first = item.querySelector("input, select, textarea");
      if (first) { first.focus(); }
    } else {
      var entry = button.closest("li[data-kind=item]");
      entry.remove();
      list.querySelector(":scope > button[data-action=add]").focus();
    }
  });

  upload.addEventListener("change", function () {
    var file = upload.files[0];
    if (!file) { return; }
    file.text().then(function (text) { paste.value = text; });
  });

  // body is the descriptor to send: the pasted text as it is, or the form
  // as JSON.
  function body() {
    if (mode() === "paste") {
      var text = paste.value;
      return { text: text, type: /^\s*[{[]/.test(text) ? "application/json" : "application/yaml", pasted: true };
    }
    return { text: JSON.stringify(value(form), null, 2), type: "application/json", pasted: false };
  }

  function query(extra) {
    var q = [];
    if (today.value && !today.disabled) { q.push("today=" + encodeURIComponent(today.value)); }
    if (extra) { q.push(extra); }
    return q.length ? "?" + q.join("&") : "";
  }

  function send(path, extra, b) {
    return fetch(path + query(extra), { method: "POST", headers: { "Content-Type": b.type }, body: b.text })
      .then(function (res) {
        if (res.ok) { return res; }
        return res.json().then(function (e) { throw new Error(e.error || res.statusText); },
          function () { throw new Error("the server answered " + res.status + " " + res.statusText); });
      });
  }

  var words = {
    fail: "Not ready: some of the study's findings are not met yet.",
    warn: "Nearly: nothing fails, but some points need a closer look.",
    pass: "Every check passes.",
    waived: "Every point that fails or needs a look has an approved exception (waiver).",
    skip: "Nothing could be checked."
  };

  function counts(c) {
    return ["fail", "warn", "waived", "pass", "skip"].filter(function (s) { return c[s]; })
      .map(function (s) { return c[s] + " " + s; }).join(", ");
  }

  function clearMarks() {
    form.querySelectorAll(".field-finding").forEach(function (el) { el.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    form.querySelectorAll("[aria-describedby*=finding-note-]").forEach(function (el) {
      var ids = el.getAttribute("aria-describedby").split(" ").filter(function (id) { return id && id.indexOf("finding-note-") !== 0; });
      if (ids.length) { el.setAttribute("aria-describedby", ids.join(" ")); } else { el.removeAttribute("aria-describedby"); }
    });
  }

  // fieldFor finds the form's element a JSON pointer names, as far down as
  // the form goes.
  function fieldFor(pointer) {
    var el = form;
    var parts = pointer.split("/").slice(1).map(function (p) { return p.replace(/~1/g, "/").replace(/~0/g, "~"); });
    for (var i = 0; i < parts.length; i++) {
      var kind = el.getAttribute("data-kind"), next = null;
      if (kind === "list" || kind === "oneormore") {
        var item = entries(el)[Number(parts[i])];
        next = item ? fields(item)[0] : null;
      } else if (kind === "object") {
        next = fields(el).filter(function (f) { return f.getAttribute("data-key") === parts[i]; })[0] || null;
      }
      if (!next) { break; }
      el = next;
    }
    return el === form ? null : el;
  }

  function mark(findings) {
    var first = null;
    findings.forEach(function (f) {
      if (f.status !== "fail" && f.status !== "warn") { return; }
      var el = fieldFor(f.pointer);
      if (!el) { return; }
      var note = document.createElement("p");
      note.className = "field-finding s-" + f.status;
      note.textContent = (f.status === "fail" ? "✗ fail: " : "! warn: ") + f.message;
      // A screen reader reads the note with the field, after its help.
      note.id = "finding-note-" + (++notes);
      el.setAttribute("aria-describedby", ((el.getAttribute("aria-describedby") || "") + " " + note.id).trim());
      var at = el.closest(".field") || el;
      if (at.tagName === "FIELDSET") {
        at.insertBefore(note, at.querySelector(":scope > legend").nextSibling);
      } else {
        at.appendChild(note);
      }
      if (f.status === "fail" && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) { el.setAttribute("aria-invalid", "true"); }
      if (!first) { first = el; }
    });
    return first;
  }

  // where names a form field as a person finds it: the headings of the
  // groups it is in, then its label.
  function where(el) {
    var names = [];
    for (var at = el; at && at !== form; at = at.parentElement) {
      if (at.tagName === "FIELDSET") {
        var legend = at.querySelector(":scope > legend");
        if (legend) { names.unshift(legend.textContent.replace(/\s*\(required\)/, "").trim()); }
      } else if (at.tagName === "LI" && at.getAttribute("data-kind") === "item") {
        var list = at.parentElement;
        names.push("entry " + (Array.prototype.indexOf.call(list.children, at) + 1));
      }
    }
    if (el.labels && el.labels.length) {
      names.push(el.labels[0].textContent.replace(/\s*\(required\)/, "").trim());
    }
    return names.join(" › ");
  }

  // placeInForm rewrites each finding's place in the report section, a
  // line and column of JSON the person never saw, as the form field it
  // concerns, with a button that goes there.
  function placeInForm() {
    reportBox.querySelectorAll("li.finding p.loc").forEach(function (loc) {
      var codes = loc.querySelectorAll("code");
      var pointer = codes.length > 1 ? codes[1].textContent : "";
      var el = pointer ? fieldFor(pointer) : null;
      loc.textContent = el ? "In the form: " + where(el) + " " : "In the form: the partnership as a whole";
      if (el) {
        var go = document.createElement("button");
        go.type = "button";
        go.className = "goto";
        go.textContent = "Go to this field";
        go.addEventListener("click", function () {
          var target = /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ? el : el.querySelector("input, select, textarea, button");
          (target || el).focus();
        });
        loc.appendChild(go);
      }
    });
  }

  document.getElementById("check").addEventListener("click", function () {
    var b = body();
    if (b.pasted && b.text.trim() === "") {
      busy.textContent = "Paste a descriptor or choose a file first.";
      paste.focus();
      return;
    }
    busy.textContent = "Checking…";
    send("/ui/check", "", b).then(function (res) { return res.json(); }).then(function (a) {
      busy.textContent = "";
      clearMarks();
      result.hidden = false;
      summary.textContent = words[a.status] + " (" + counts(a.counts) + "; as of " + a.today + ")";
      reportBox.innerHTML = a.html;
      var first = b.pasted ? null : mark(a.findings);
      if (!b.pasted) { placeInForm(); }
      if (first) {
        var go = document.createElement("button");
        go.type = "button";
        go.textContent = "Go to the first field to look at";
        go.addEventListener("click", function () { first.focus(); });
        summary.appendChild(document.createTextNode(" "));
        summary.appendChild(go);
      }
      result.focus();
    }, function (err) {
      busy.textContent = "Not checked: " + err.message;
    });
  });

  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function download(path, extra, name) {
    var b = body();
    busy.textContent = "Preparing the download…";
    send(path, extra, b).then(function (res) { return res.blob(); }).then(function (blob) {
      busy.textContent = "";
      save(blob, name);
    }, function (err) {
      busy.textContent = "Not downloaded: " + err.message;
    });
  }

  document.getElementById("download-yaml").addEventListener("click", function () {
    var b = body();
    if (b.pasted && b.type === "application/yaml") {
      save(new Blob([b.text], { type: "application/yaml" }), "descriptor.yaml");
      return;
    }
    download("/v1/yaml", "", "descriptor.yaml");
  });
  document.getElementById("download-report").addEventListener("click", function () {
    download("/v1/check", "format=html&download=1", "cgcheck-report.html");
  });
  document.getElementById("download-paper").addEventListener("click", function () {
    download("/v1/paper", "download=1", "board-paper.html");
  });
})();
