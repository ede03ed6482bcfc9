// The quote widget's country field: pick a country, get its GDP per capita (PPP) filled in
// from the World Bank data in the engine, see where the figure comes from, override it by typing.
//
// The field is a native <input list> with a <datalist> rendered at build time in the page's
// language (sitebuild/country_names.py): the browser's own suggestions, keyboard-accessible, no
// styles needed. An option's value is the country's name, its data-aliases the other names a
// reader may type (official, common, older: "Turkey", "Кыргызстан"), and its data-code the
// ISO 3166-1 alpha-3 code the engine takes. The engine does the lookup (answer() with
// `country`), so the figure comes from the same wheel as the command line; this module maps
// names to codes, fills the GDP field from the engine's record and shows the record's source
// note. It never guesses: a three-letter code counts only typed in capitals ("AUT") when no
// name matches, and a partial name ("Aus") gets a question, not Australia.
// Its strings are the field group's data-messages; every text is inserted with textContent.
import { fillTemplate, readMessages } from "./ui-text.mjs";
import { countryKey as normalize } from "./country-names.mjs";

const MAX_SUGGESTIONS = 6;

function paragraph(className, text) {
  const node = document.createElement("p");
  node.className = className;
  node.textContent = text;
  return node;
}

// The datalist's countries by every name a reader may type and by code.
function indexCountries(options) {
  const byName = new Map(); // normalized name or alias -> entry
  const names = []; // [normalized name or alias, entry], for "did you mean"
  const byCode = new Map(); // ISO3 -> entry
  for (const option of options) {
    const entry = {
      code: option.dataset.code,
      name: option.value,
      hasData: !option.hasAttribute("data-no-data"),
    };
    byCode.set(entry.code, entry);
    const aliases = option.dataset.aliases ? option.dataset.aliases.split("|") : [];
    for (const name of [entry.name, ...aliases]) {
      const key = normalize(name);
      if (!byName.has(key)) byName.set(key, entry);
      names.push([key, entry]);
    }
  }
  return { byName, names, byCode };
}

class CountryPicker {
  constructor(form, input) {
    this.form = form;
    this.input = input;
    this.gdp = form.elements.namedItem("gdp");
    this.note = form.querySelector("[data-gdp-source]");
    this.suggest = input.closest("[data-field]")?.querySelector("[data-country-suggest]");
    this.messages = readMessages(input.closest("[data-messages]"));
    this.indexed = null; // see `index`
    // Made ready as the reader comes to the field, before the first keystroke.
    input.addEventListener("focus", () => this.index, { once: true });
    this.code = ""; // the picked country, or ""
    this.autoFor = null; // the code whose World Bank figure the GDP field holds (or awaits)
    this.verbatim = false; // send the field's text as typed (a link's code, a submitted name)
    this.noteKey = "";

    // Listeners on the fields themselves run before the form's, which then asks for a quote.
    input.addEventListener("input", () => {
      this.verbatim = false;
      this.hideSuggestion();
      const entry = this.index.byName.get(normalize(input.value));
      if (entry) {
        if (entry.code !== this.code) this.pick(entry);
      } else if (this.code) {
        this.unpick();
      }
    });
    // On leaving the field, another name for the country ("Turkey") or its code in capitals
    // ("AUT") becomes the name in the list; anything else gets a question.
    input.addEventListener("change", () => {
      const entry = this.match(input.value);
      if (!entry) {
        this.askWhichCountry(input.value);
        return;
      }
      input.value = entry.name;
      if (entry.code !== this.code) this.pick(entry);
    });
    // The reader's own figure wins over the looked-up one.
    this.gdp?.addEventListener("input", () => {
      this.autoFor = null;
    });
    // The approval year picks which year's figure applies, but a figure is replaced only by
    // another figure: while the year is half-typed ("20") or out of range, the last good
    // figure and its note stay, and the engine's answer for a valid year replaces them
    // (showSource). The field is still sent blank while it holds a looked-up figure (fields),
    // so the engine looks up the year's own figure.
  }

  // The countries' names and codes, read from the datalist on first use (the reader at the
  // field, or a link naming a country), not while the page loads: reading its two hundred
  // options took about 16 ms of the page's first long frame on a cold load.
  get index() {
    this.indexed ??= indexCountries(this.input.list?.options ?? []);
    return this.indexed;
  }

  // A name or alias; a code only typed in capitals, and only when no name matches.
  match(text) {
    const byName = this.index.byName.get(normalize(text));
    if (byName) return byName;
    const typed = String(text ?? "").trim();
    return /^[A-Z]{3}$/.test(typed) ? this.index.byCode.get(typed) : undefined;
  }

  askWhichCountry(text) {
    const typed = String(text ?? "").trim();
    if (!typed) {
      this.hideSuggestion();
      return;
    }
    const found = this.suggestions(typed);
    const names = [...found.values()].join(", ");
    const question = found.size
      ? fillTemplate(this.messages.did_you_mean, { typed, names })
      : fillTemplate(this.messages.unknown, { typed });
    if (!this.suggest) return;
    this.suggest.textContent = question;
    this.suggest.hidden = false;
  }

  // Up to MAX_SUGGESTIONS countries whose names start as typed: code -> name.
  suggestions(typed) {
    const key = normalize(typed);
    const found = new Map();
    // Three letters may be a code in other case ("aut"): offer its country first, not pick it.
    const coded = /^[a-z]{3}$/i.test(typed) ? this.index.byCode.get(typed.toUpperCase()) : undefined;
    if (coded) found.set(coded.code, coded.name);
    for (const [name, entry] of this.index.names) {
      if (name.startsWith(key) && !found.has(entry.code)) found.set(entry.code, entry.name);
      if (found.size === MAX_SUGGESTIONS) break;
    }
    return found;
  }

  hideSuggestion() {
    if (!this.suggest) return;
    this.suggest.hidden = true;
    this.suggest.textContent = "";
  }

  // The picked country's name in the page's language ("" if none), for the printed estimate.
  pickedName() {
    return this.code ? (this.index.byCode.get(this.code)?.name ?? "") : "";
  }

  pick(entry) {
    this.code = entry.code;
    this.autoFor = entry.code;
    if (this.gdp) this.gdp.value = "";
    if (entry.hasData) this.hideNote();
    else this.showNoData(entry);
  }

  unpick() {
    if (this.autoFor && this.gdp) this.gdp.value = "";
    this.code = "";
    this.autoFor = null;
    this.hideNote();
  }

  // The fields to send: the code instead of the name, and a blank GDP while the field holds
  // the looked-up figure (so the engine uses the exact figure, and the link carries the
  // country, not the number).
  // A link's unknown code goes to the engine as written, for its coded error; typed text that
  // names no country does not (the engine would read "Aus" as the code AUS).
  fields(fields) {
    const out = { ...fields, country: this.code };
    const typed = this.input.value.trim();
    if (!this.code && typed && this.verbatim) out.country = typed;
    if (this.code) out.country_name = this.pickedName();
    if (this.code && this.autoFor === this.code) out.gdp = "";
    return out;
  }

  // After the form was filled from a link: show the country's name; a link without `gdp`
  // takes the World Bank figure, a link with one keeps the reader's figure.
  restore(fields) {
    if (!("country" in fields)) return;
    // Links carry codes (any case in older links) or names.
    const written = String(fields.country ?? "").trim();
    const entry = this.index.byCode.get(written.toUpperCase()) ?? this.index.byName.get(normalize(written));
    this.verbatim = !entry && Boolean(written);
    this.code = "";
    this.autoFor = null;
    if (entry) this.restoreEntry(entry, String(fields.gdp ?? "").trim());
    else this.hideNote();
  }

  restoreEntry(entry, linkedGdp) {
    this.code = entry.code;
    this.autoFor = linkedGdp ? null : entry.code;
    this.input.value = entry.name;
    if (entry.hasData) this.hideNote();
    else this.showNoData(entry);
  }

  // Called with every engine record the widget shows (a quote or an error).
  showSource(record) {
    const source = record.gdp_source;
    if (!this.code) {
      this.hideNote();
      return;
    }
    if (!source || source.iso3 !== this.code) return; // an answer for an earlier pick
    if (source.origin === "world_bank") {
      this.fillLookedUp(source);
    } else if (source.origin === "reader") {
      this.render(`reader:${source.text}`, "reader", [paragraph("wego-quote__gdp-source-text", source.text)]);
    } else if (record.error && record.error.field === "gdp") {
      // No figure for this year: the one in the field (another year's) no longer applies,
      // and the error under the GDP field already asks for a figure.
      if (this.autoFor === this.code && this.gdp) this.gdp.value = "";
      this.hideNote();
    } else {
      this.showNoData(this.index.byCode.get(this.code));
    }
  }

  // The World Bank's figure into the GDP field, unless the reader is typing their own.
  fillLookedUp(source) {
    const blank = !this.gdp || !this.gdp.value.trim();
    if (this.autoFor !== this.code && !blank) return;
    if (this.gdp) this.gdp.value = source.value_text;
    this.autoFor = this.code;
    this.showWorldBank(source);
  }

  // The source and its year stay in view (and a fallback year, which changes the figure); the
  // caveat and the credit fold into a <details>, so the note does not push the result below
  // the fold.
  showWorldBank(source) {
    const title = document.createElement("p");
    title.className = "wego-quote__gdp-source-text";
    const strong = document.createElement("strong");
    strong.textContent = source.text;
    title.append(strong);
    const parts = [title];
    if (source.fallback_text) parts.push(paragraph("wego-quote__gdp-source-fallback", source.fallback_text));
    parts.push(this.sourceDetails(source));
    const key = ["wb", source.iso3, source.year, source.text, source.fallback_text].join("|");
    this.render(key, "world_bank", parts, source);
  }

  sourceDetails(source) {
    const details = document.createElement("details");
    details.className = "wego-quote__gdp-source-details";
    const summary = document.createElement("summary");
    summary.textContent = this.messages.source_details;
    const credit = paragraph("wego-quote__gdp-source-credit", `${source.credit} `);
    const license = document.createElement("a");
    license.href = source.license_url;
    license.rel = "license";
    license.textContent = this.messages.license_link;
    credit.append(license);
    details.append(summary, paragraph("wego-quote__gdp-source-caveat", source.caveat), credit);
    return details;
  }

  showNoData(entry) {
    if (!entry) return;
    const text = fillTemplate(this.messages.no_data_note, { name: entry.name });
    this.render(`none:${entry.code}`, "none", [paragraph("wego-quote__gdp-source-text", text)]);
  }

  // Replace the note only when it says something new, so screen readers hear it once.
  render(key, origin, parts, source = null) {
    if (!this.note) return;
    if (key !== this.noteKey) {
      this.noteKey = key;
      this.note.replaceChildren(...parts);
    }
    this.note.dataset.origin = origin;
    this.note.dataset.iso3 = this.code;
    if (source) this.note.dataset.year = String(source.year);
    else delete this.note.dataset.year;
    this.note.hidden = false;
  }

  hideNote() {
    if (!this.note) return;
    this.noteKey = "";
    this.note.hidden = true;
    this.note.replaceChildren();
    for (const name of ["origin", "iso3", "year"]) delete this.note.dataset[name];
  }
}

// A picker that does nothing, for a form without the country field.
const INERT = {
  fields: (fields) => fields,
  pickedName: () => "",
  restore() {},
  showSource() {},
};

export function attachCountryPicker(form) {
  const input = form.querySelector("[data-country-picker]");
  return input ? new CountryPicker(form, input) : INERT;
}
