/*
 * WeGO Membership Application Form (the `application/` page): keeps the draft in this
 * browser, checks fields, fills the print view and builds the e-mail link.
 *
 * Everything it needs comes from the markup that hooks/application_form.py renders:
 * the fields and their kinds, labels and sections (data attributes on the controls), and
 * every message in the page's language (the form's data-messages). Typed text is only ever
 * written with textContent or value, never parsed as HTML.
 */
(function () {
  "use strict";

  var MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
  var EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
  var TEL = /^\+[0-9][0-9 ()./-]*[0-9]$/;
  var MAX_VALUE = 48;
  var globalsBound = false;

  /** Replace {name} placeholders; the values are plain text, never markup. */
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function clip(text, limit) {
    var chars = Array.from(text);
    return chars.length > limit ? chars.slice(0, limit - 1).join("") + "…" : text;
  }

  /** "2017-08" -> "08/2017" (the order and separator come from the catalogue). */
  function formatMonth(value, template) {
    var match = MONTH.exec(value);
    return match ? format(template, { year: match[1], month: match[2] }) : value;
  }

  /** Lenient month input for browsers without a month picker: "8/2017", "08.2017", "2017-8". */
  function normaliseMonth(value) {
    var text = value.trim();
    var match = /^(\d{4})[-./ ](\d{1,2})$/.exec(text);
    if (match) return match[1] + "-" + ("0" + match[2]).slice(-2);
    match = /^(\d{1,2})[-./ ](\d{4})$/.exec(text);
    if (match) return match[2] + "-" + ("0" + match[1]).slice(-2);
    return text;
  }

  function websiteOk(value) {
    var candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : "https://" + value;
    if (/\s/.test(value)) return false;
    try {
      var url = new URL(candidate);
      return (url.protocol === "https:" || url.protocol === "http:") &&
        /^[^.]+(\.[^.]+)+$/.test(url.hostname);
    } catch (error) {
      return false;
    }
  }

  function telOk(value) {
    var digits = value.replace(/\D/g, "").length;
    return TEL.test(value) && digits >= 7 && digits <= 15;
  }

  function setup(form) {
    var messages = JSON.parse(form.dataset.messages);
    var app = form.closest(".wego-app") || form.parentNode;
    var storageKey = form.dataset.storageKey;
    var draftFormat = form.dataset.draftFormat;
    var draftVersion = Number(form.dataset.draftVersion);
    var maxBytes = Number(form.dataset.draftMaxBytes);
    var mailTo = form.dataset.mailTo;
    var mailLimit = Number(form.dataset.mailLimit);
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-field]"));
    var byName = {};
    controls.forEach(function (control) {
      byName[control.dataset.field] = control;
    });
    var sameAs = form.querySelector("input[type=checkbox][data-field]");
    var mirrors = controls.filter(function (control) {
      return control.dataset.mirrorOf;
    });
    var summary = form.querySelector("[data-error-summary]");
    var summaryList = form.querySelector("[data-error-list]");
    var printAnyway = form.querySelector("[data-print-anyway]");
    var notice = form.querySelector("[data-notice]");
    var checkStatus = form.querySelector("[data-check-status]");
    var mailLink = form.querySelector("[data-action=mail]");
    var shortenedNote = form.querySelector("[data-mail-shortened]");
    var fileInput = form.querySelector("input[type=file][data-action=load]");
    var touched = new Set();
    var storageWarned = false;

    // ------------------------------------------------------------------ values

    function isCheckbox(control) {
      return control.type === "checkbox";
    }

    function values() {
      var out = {};
      controls.forEach(function (control) {
        out[control.dataset.field] = isCheckbox(control) ? control.checked : control.value;
      });
      return out;
    }

    function defaults() {
      var out = {};
      controls.forEach(function (control) {
        out[control.dataset.field] = isCheckbox(control)
          ? control.defaultChecked
          : control.defaultValue;
      });
      return out;
    }

    function hasData() {
      var now = values();
      var initial = defaults();
      return controls.some(function (control) {
        return now[control.dataset.field] !== initial[control.dataset.field];
      });
    }

    function apply(fields) {
      controls.forEach(function (control) {
        var value = fields[control.dataset.field];
        if (isCheckbox(control)) control.checked = value === true;
        else control.value = typeof value === "string" ? value : "";
      });
      syncMirrors();
    }

    /**
     * Check a parsed draft (from a file or from storage) against the form's fields.
     * Returns {fields} or {error, label}; nothing is applied here.
     */
    function check(data) {
      if (!data || typeof data !== "object" || Array.isArray(data)) return { error: "foreign" };
      if (data.format !== draftFormat || data.version !== draftVersion) return { error: "foreign" };
      var fields = data.fields;
      if (!fields || typeof fields !== "object" || Array.isArray(fields)) {
        return { error: "foreign" };
      }
      var names = Object.keys(fields);
      for (var i = 0; i < names.length; i += 1) {
        if (!Object.prototype.hasOwnProperty.call(byName, names[i])) return { error: "foreign" };
      }
      var clean = {};
      for (var j = 0; j < controls.length; j += 1) {
        var control = controls[j];
        var name = control.dataset.field;
        var present = Object.prototype.hasOwnProperty.call(fields, name);
        var value = fields[name];
        var bad = { error: "bad_value", label: control.dataset.label };
        if (isCheckbox(control)) {
          if (present && typeof value !== "boolean") return bad;
          clean[name] = present ? value : false;
          continue;
        }
        if (!present) value = "";
        if (typeof value !== "string") return bad;
        if (control.maxLength > 0 && value.length > control.maxLength) return bad;
        if (control.dataset.kind === "month" && value !== "") {
          value = normaliseMonth(value);
          if (!MONTH.test(value)) return bad;
        }
        clean[name] = value;
      }
      return { fields: clean };
    }

    function draft() {
      return {
        format: draftFormat,
        version: draftVersion,
        saved_at: new Date().toISOString(),
        fields: values(),
      };
    }

    // ------------------------------------------------------------------ storage

    function save() {
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(draft()));
      } catch (error) {
        if (!storageWarned) {
          storageWarned = true;
          say(messages["notice.storage_failed"], "error");
        }
      }
    }

    function stored() {
      try {
        var raw = window.localStorage.getItem(storageKey);
        if (raw === null) return null;
        var result = check(JSON.parse(raw));
        return result.fields || null;
      } catch (error) {
        return null;
      }
    }

    function restore() {
      var fields = stored();
      if (fields) apply(fields);
      refresh();
    }

    // ------------------------------------------------------------------ mirrors, print view, link

    function syncMirrors() {
      var on = Boolean(sameAs && sameAs.checked);
      mirrors.forEach(function (control) {
        var source = byName[control.dataset.mirrorOf];
        control.readOnly = on;
        if (on && source) {
          control.value = source.value;
          clearError(control);
        }
      });
    }

    function displayValue(control, monthFormat) {
      var value = control.value;
      if (control.dataset.kind === "month") {
        return formatMonth(value, monthFormat || messages["format.month"]);
      }
      return value;
    }

    function syncFills() {
      app.querySelectorAll("[data-fill]").forEach(function (target) {
        var control = byName[target.dataset.fill];
        if (control) target.textContent = displayValue(control).trim();
      });
    }

    function mailLines() {
      var lines = [];
      form.querySelectorAll("fieldset[data-section]").forEach(function (section) {
        section.querySelectorAll("[data-field]").forEach(function (control) {
          if (isCheckbox(control)) return;
          var value = displayValue(control, messages["mail:format.month"]).trim()
            .replace(/\s*\n\s*/g, ", ");
          if (!value) return;
          lines.push({
            section: section.dataset.mailTitle,
            label: control.dataset.mailLabel,
            value: value,
            rank: Number(control.dataset.mailRank || 0),
          });
        });
      });
      return lines;
    }

    function mailHref(subject, lines, included, shortened) {
      var body = [messages["mail:mail.greeting"], "", messages["mail:mail.intro"]];
      var section = null;
      lines.forEach(function (line) {
        if (!included.has(line)) return;
        if (line.section !== section) {
          section = line.section;
          body.push("", section);
        }
        body.push(line.label + ": " + line.value);
      });
      if (shortened) body.push("", messages["mail:mail.shortened"]);
      body.push("", messages["mail:mail.attachment"], "", messages["mail:mail.closing"]);
      var signer = byName.secretariat_name ? byName.secretariat_name.value.trim() : "";
      if (signer && !shortened) body.push(signer);
      return "mailto:" + mailTo + "?subject=" + encodeURIComponent(subject) +
        "&body=" + encodeURIComponent(body.join("\r\n"));
    }

    /**
     * The mailto: URL. When the whole summary does not fit the limit, values are clipped and
     * lines go in while they fit: the essential ones first (data-mail-rank, 1 first), then
     * the others in form order. The message then says it is shortened; lines keep form order.
     */
    function buildMail() {
      var city = byName.city_official_name ? byName.city_official_name.value.trim() : "";
      var subject = city
        ? format(messages["mail:mail.subject"], { city: clip(city, MAX_VALUE) })
        : messages["mail:mail.subject_blank"];
      var lines = mailLines();
      var href = mailHref(subject, lines, new Set(lines), false);
      if (href.length <= mailLimit) return { href: href, shortened: false };

      var clipped = lines.map(function (line) {
        return {
          section: line.section,
          label: line.label,
          value: clip(line.value, MAX_VALUE),
          rank: line.rank,
        };
      });
      // Essentials by rank, then the rest in form order: each goes in if it still fits.
      var order = clipped.filter(function (line) {
        return line.rank > 0;
      }).sort(function (a, b) {
        return a.rank - b.rank;
      }).concat(clipped.filter(function (line) {
        return line.rank === 0;
      }));
      var chosen = new Set();
      order.forEach(function (line) {
        chosen.add(line);
        if (mailHref(subject, clipped, chosen, true).length > mailLimit) chosen.delete(line);
      });
      href = mailHref(subject, clipped, chosen, true);
      if (href.length > mailLimit) {
        href = "mailto:" + mailTo + "?subject=" +
          encodeURIComponent(messages["mail:mail.subject_blank"]);
      }
      return { href: href, shortened: true };
    }

    function syncMail() {
      if (!mailLink) return;
      var mail = buildMail();
      mailLink.setAttribute("href", mail.href);
      if (shortenedNote) shortenedNote.hidden = !mail.shortened;
    }

    function refresh() {
      syncMirrors();
      syncFills();
      syncMail();
    }

    // ------------------------------------------------------------------ checks

    function errorElement(control) {
      return document.getElementById(control.id + "-error");
    }

    /** The catalogue key of the field's problem, or "" when it is fine. */
    function problem(control) {
      if (isCheckbox(control) || control.readOnly) return "";
      var kind = control.dataset.kind;
      if (kind === "month" && control.validity.badInput) return "error.month";
      var value = control.value.trim();
      if (!value) return control.required ? "error.required" : "";
      if (kind === "email" && !EMAIL.test(value)) return "error.email";
      if (kind === "tel" && !telOk(value)) return "error.tel";
      if (kind === "url" && !websiteOk(value)) return "error.url";
      if (kind === "month") {
        if (!MONTH.test(value)) return "error.month";
        var start = control.dataset.after && byName[control.dataset.after];
        if (start && MONTH.test(start.value) && value <= start.value) return "error.term_order";
      }
      return "";
    }

    function message(control, key) {
      return format(messages[key], { label: control.dataset.label });
    }

    function showError(control, key) {
      var text = message(control, key);
      control.setCustomValidity(text);
      control.setAttribute("aria-invalid", "true");
      control.closest(".wego-app__field").classList.add("wego-app__field--error");
      var element = errorElement(control);
      if (!element) return;
      var prefix = document.createElement("span");
      prefix.className = "wego-visually-hidden";
      prefix.textContent = messages["error.prefix"] + " ";
      element.replaceChildren(prefix, document.createTextNode(text));
      element.hidden = false;
    }

    function clearError(control) {
      if (isCheckbox(control)) return;
      control.setCustomValidity("");
      control.removeAttribute("aria-invalid");
      var field = control.closest(".wego-app__field");
      if (field) field.classList.remove("wego-app__field--error");
      var element = errorElement(control);
      if (element) {
        element.replaceChildren();
        element.hidden = true;
      }
    }

    function checkOne(control) {
      var key = problem(control);
      if (key) showError(control, key);
      else clearError(control);
      return key;
    }

    function errorsShown() {
      return controls.filter(function (control) {
        return control.getAttribute("aria-invalid") === "true";
      });
    }

    /**
     * Show the failing fields in the summary. Entries that stay are kept as they are (not
     * re-created), so a click on a summary link is never lost while the list updates.
     */
    function fillSummary(failing, mode) {
      var wanted = new Set(failing.map(function (control) {
        return control.id;
      }));
      Array.prototype.slice.call(summaryList.children).forEach(function (item) {
        if (!wanted.has(item.dataset.for)) item.remove();
      });
      var cursor = summaryList.firstElementChild;
      failing.forEach(function (control) {
        var item = null;
        Array.prototype.forEach.call(summaryList.children, function (candidate) {
          if (candidate.dataset.for === control.id) item = candidate;
        });
        if (!item) {
          item = document.createElement("li");
          item.dataset.for = control.id;
          var created = document.createElement("a");
          created.href = "#" + control.id;
          created.dataset.target = control.id;
          item.appendChild(created);
        }
        if (item === cursor) cursor = cursor.nextElementSibling;
        else summaryList.insertBefore(item, cursor);
        var section = control.closest("fieldset[data-section]");
        var text = format(messages["summary.item"], {
          section: section ? section.dataset.sectionShort : "",
          message: control.validationMessage || message(control, problem(control)),
        });
        var link = item.firstElementChild;
        if (link.textContent !== text) link.textContent = text;
      });
      if (mode) printAnyway.hidden = mode !== "print";
      summary.hidden = failing.length === 0;
    }

    /** Check every field; show the summary (focused) when something is wrong. */
    function checkAll(mode) {
      var failing = controls.filter(function (control) {
        return checkOne(control) !== "";
      });
      fillSummary(failing, mode);
      checkStatus.textContent = "";
      if (failing.length) {
        summary.focus();
        return false;
      }
      return true;
    }

    // ------------------------------------------------------------------ draft files

    function say(text, kind) {
      notice.textContent = text;
      if (kind) notice.dataset.kind = kind;
      else delete notice.dataset.kind;
    }

    function download() {
      var blob = new Blob([JSON.stringify(draft(), null, 2) + "\n"], { type: "application/json" });
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url;
      link.download = form.dataset.filePrefix + "-" + new Date().toISOString().slice(0, 10) +
        ".json";
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 10000);
    }

    function refuse(key, file, label) {
      say(format(messages["file." + key], { file: file.name, label: label || "" }), "error");
    }

    function load(file) {
      if (file.size > maxBytes) {
        refuse("too_large", file);
        return Promise.resolve();
      }
      return file.text().then(function (text) {
        var data;
        try {
          data = JSON.parse(text);
        } catch (error) {
          refuse("not_json", file);
          return;
        }
        var result = check(data);
        if (!result.fields) {
          refuse(result.error, file, result.label);
          return;
        }
        var question = format(messages["confirm.replace"], { file: file.name });
        if (hasData() && !window.confirm(question)) {
          say(messages["notice.not_replaced"]);
          return;
        }
        apply(result.fields);
        controls.forEach(clearError);
        fillSummary([], null);
        touched.clear();
        save();
        refresh();
        say(format(messages["notice.loaded"], { file: file.name }));
      }, function () {
        refuse("not_json", file);
      });
    }

    function startAgain() {
      if (!window.confirm(messages["confirm.reset"])) return;
      form.reset();
      try {
        window.localStorage.removeItem(storageKey);
      } catch (error) {
        /* nothing stored, nothing to delete */
      }
      controls.forEach(clearError);
      fillSummary([], null);
      touched.clear();
      checkStatus.textContent = "";
      refresh();
      say(messages["notice.cleared"]);
    }

    function print() {
      refresh();
      window.print();
    }

    // ------------------------------------------------------------------ events

    function changed(event) {
      var control = event.target;
      if (!control.dataset || !control.dataset.field) return;
      touched.add(control.dataset.field);
      save();
      refresh();
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", function (event) {
      var control = event.target;
      if (control.dataset && control.dataset.kind === "month" && control.type !== "month") {
        var normal = normaliseMonth(control.value);
        if (normal !== control.value) control.value = normal;
      }
      changed(event);
    });

    // Check a field when leaving it (once it has been typed in or shows an error).
    form.addEventListener("focusout", function (event) {
      var control = event.target;
      if (!control.dataset || !control.dataset.field || isCheckbox(control)) return;
      var name = control.dataset.field;
      if (!touched.has(name) && control.getAttribute("aria-invalid") !== "true") return;
      checkOne(control);
      controls.forEach(function (other) {
        if (other.dataset.after === name && (touched.has(other.dataset.field) ||
            other.getAttribute("aria-invalid") === "true")) {
          checkOne(other);
        }
      });
      if (!summary.hidden) fillSummary(errorsShown(), null);
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (checkAll("check")) checkStatus.textContent = messages["check.ok"];
    });

    form.addEventListener("click", function (event) {
      var target = event.target.closest("[data-action], [data-target]");
      if (!target) return;
      if (target.dataset.target) {
        // Error summary link: focus the field and bring its label into view.
        event.preventDefault();
        var control = document.getElementById(target.dataset.target);
        if (!control) return;
        control.focus({ preventScroll: true });
        var field = control.closest(".wego-app__field");
        (field || control).scrollIntoView({ block: "center" });
        return;
      }
      switch (target.dataset.action) {
        case "print":
          if (checkAll("print")) print();
          break;
        case "print-anyway":
          print();
          break;
        case "download":
          download();
          break;
        case "reset":
          startAgain();
          break;
        case "mail":
          syncMail();
          break;
        default:
          break;
      }
    });

    if (fileInput) {
      fileInput.addEventListener("change", function () {
        var file = fileInput.files && fileInput.files[0];
        if (!file) return;
        load(file).finally(function () {
          fileInput.value = "";
        });
      });
    }

    form.querySelectorAll("[data-js-only]").forEach(function (element) {
      element.hidden = false;
      if (element.type === "submit") element.disabled = false;
    });

    restore();
    form.wegoApplication = { restore: restore, refresh: refresh };
  }

  function current() {
    var form = document.getElementById("wego-application-form");
    return form && form.wegoApplication ? form.wegoApplication : null;
  }

  function init() {
    var form = document.getElementById("wego-application-form");
    if (!form || form.dataset.enhanced === "true") return;
    form.dataset.enhanced = "true";
    setup(form);
    if (globalsBound) return;
    globalsBound = true;
    // Another tab (or the other language's page) changed the draft: show its version.
    window.addEventListener("storage", function (event) {
      var app = current();
      var shown = document.getElementById("wego-application-form"); // after instant navigation
      if (app && event.key === shown.dataset.storageKey) app.restore();
    });
    // Back/forward cache: the draft may have changed on another page meanwhile.
    window.addEventListener("pageshow", function (event) {
      var app = current();
      if (app && event.persisted) app.restore();
    });
    window.addEventListener("beforeprint", function () {
      var app = current();
      if (app) app.refresh();
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () {
      init();
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
