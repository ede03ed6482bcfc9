/*
 * The application pack as Word documents: the filled WeGO Membership Application Form and a
 * cover letter to the WeGO Secretariat, built from the form's values.
 *
 * Pure: no page, no network. It is given the docx library (https://docx.js.org, vendored and
 * pinned), the values the reader typed ({field name: text}) and the page's texts file, which
 * sitebuild/application_docx.py writes from the form's declarations and catalogues. No label
 * is typed here. Typed text only ever becomes text runs (the library escapes XML); characters
 * XML 1.0 cannot hold are dropped first (the form's own rule, application/values.mjs), or the
 * file would not open.
 */

import { stripControls } from "../application/values.mjs";
import { fileNamePart } from "./transliterate.mjs";

/** A4 in twentieths of a point, and margins of 2 cm (left 2.5 cm for filing). */
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1134, right: 1134, bottom: 1134, left: 1417, header: 567, footer: 567 },
};
const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;
const LABEL_WIDTH = Math.round(TEXT_WIDTH * 0.42);
/** What an empty value prints as in running text: a line to fill in by hand. */
export const BLANK = "_".repeat(24);
const GREY = "555555";

/** A value as text a Word file can hold: without the characters the form strips too. */
export function clean(value) {
  return stripControls(value);
}

/** The typed value of `name`, cleaned and trimmed ("" when absent). */
function valueOf(draft, name) {
  const value = draft[name];
  return typeof value === "string" ? clean(value).trim() : "";
}

/** "2017-08" in the page's month format ("08.2017"); anything else as typed. */
function displayValue(draft, name, isMonth, monthFormat) {
  const value = valueOf(draft, name);
  const match = isMonth ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  return match ? monthFormat.replace("{year}", match[1]).replace("{month}", match[2]) : value;
}

/** Text runs of a possibly multi-line value: one run per line, line breaks between them. */
function runs(docx, text, options = {}) {
  return clean(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => new docx.TextRun({ ...options, text: line, break: index ? 1 : 0 }));
}

/** English text, and the page language's text on the next line in grey italics. */
function bilingualRuns(docx, texts, lang, options = {}) {
  const [english, other] = texts;
  const out = runs(docx, english, options);
  if (other !== undefined) {
    const alternative = { ...options, italics: true, color: GREY, language: { value: lang } };
    out.push(new docx.TextRun({ break: 1 }), ...runs(docx, other, alternative));
  }
  return out;
}

/** A template's text with `{city}` as the given runs; the rest as plain runs. */
function withCity(docx, template, city, options = {}) {
  const [before, after = ""] = template.split("{city}");
  return [...runs(docx, before, options), ...city, ...runs(docx, after, options)];
}

function cityRuns(docx, city, options = {}) {
  return city ? runs(docx, city, { ...options, bold: true }) : runs(docx, BLANK, options);
}

/** Paragraph settings of a line to write on (a bottom border), kept with what follows. */
function lineProps(docx, before) {
  return {
    keepNext: true,
    spacing: { before, after: 40 },
    border: { bottom: { style: docx.BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
  };
}

/** A line to write on, with `children` (a name already known) or empty. */
function writingLine(docx, before, children = [], indent = undefined) {
  return new docx.Paragraph({ ...lineProps(docx, before), indent, children });
}

function caption(docx, texts, lang, keepNext = false) {
  const [english, other] = texts;
  const children = runs(docx, `(${english})`, { size: 16, color: GREY });
  if (other !== undefined) {
    children.push(
      new docx.TextRun({
        text: `(${clean(other)})`, break: 1, size: 16, color: GREY, italics: true,
        language: { value: lang },
      }),
    );
  }
  return new docx.Paragraph({ spacing: { after: 120 }, keepNext, children });
}

// ---------------------------------------------------------------- the application form

function cell(docx, children, options = {}) {
  return new docx.TableCell({
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children,
    ...options,
  });
}

function tableRow(docx, texts, lang, label, value, indent) {
  return new docx.TableRow({
    cantSplit: true,
    children: [
      cell(docx, [
        new docx.Paragraph({
          indent: indent ? { left: 283 } : undefined,
          children: bilingualRuns(docx, label, lang),
        }),
      ], { width: { size: LABEL_WIDTH, type: docx.WidthType.DXA } }),
      cell(docx, [new docx.Paragraph({ children: value ? runs(docx, value) : [] })], {
        width: { size: TEXT_WIDTH - LABEL_WIDTH, type: docx.WidthType.DXA },
      }),
    ],
  });
}

function sectionTable(docx, section, draft, texts) {
  const lang = texts.lang;
  const rows = section.rows.map((row) => {
    if (row.kind === "group") {
      return new docx.TableRow({
        cantSplit: true,
        children: [
          cell(docx, [
            new docx.Paragraph({ children: bilingualRuns(docx, row.label, lang, { bold: true }) }),
          ], {
            columnSpan: 2,
            shading: { type: docx.ShadingType.CLEAR, color: "auto", fill: "F2F2F2" },
          }),
        ],
      });
    }
    if (row.kind === "term") {
      const [start, end] = row.fields.map((name) =>
        displayValue(draft, name, true, texts.month_format),
      );
      const value = start || end ? `${start || "____"} – ${end || "____"}` : "";
      return tableRow(docx, texts, lang, row.label, value, false);
    }
    const value = displayValue(draft, row.name, row.month, texts.month_format);
    return tableRow(docx, texts, lang, row.label, value, row.indent);
  });
  return new docx.Table({
    width: { size: TEXT_WIDTH, type: docx.WidthType.DXA },
    columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
    layout: docx.TableLayoutType.FIXED,
    rows,
  });
}

function signatureTable(docx, signatures, lang) {
  const none = { style: docx.BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = {
    top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none,
  };
  const half = Math.floor(TEXT_WIDTH / 2);
  const signCell = (label) =>
    new docx.TableCell({
      width: { size: half, type: docx.WidthType.DXA },
      margins: { left: 0, right: 340 },
      children: [writingLine(docx, 720), caption(docx, label, lang)],
    });
  return new docx.Table({
    width: { size: half * 2, type: docx.WidthType.DXA },
    columnWidths: [half, half],
    layout: docx.TableLayoutType.FIXED,
    borders,
    rows: [
      new docx.TableRow({ cantSplit: true, children: signatures.slice(0, 2).map(signCell) }),
      new docx.TableRow({ cantSplit: true, children: signatures.slice(2, 4).map(signCell) }),
    ],
  });
}

function styles(size) {
  return {
    default: {
      document: { run: { font: "Arial", size, language: { value: "en-GB" } } },
      title: { run: { font: "Arial", size: 32, bold: true, color: "000000" } },
      heading1: {
        run: { font: "Arial", size: 26, bold: true, color: "000000" },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
      },
      heading2: {
        run: { font: "Arial", size: 22, bold: true, color: "000000" },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
      },
    },
  };
}

/** The filled Membership Application Form, laid out like the print view. */
export function applicationDocument(docx, draft, texts) {
  const form = texts.application;
  const lang = texts.lang;
  const city = valueOf(draft, texts.city_field);
  const children = [
    new docx.Paragraph({
      alignment: docx.AlignmentType.CENTER,
      children: bilingualRuns(docx, form.org, lang, { size: 18, color: GREY }),
    }),
    new docx.Paragraph({
      heading: docx.HeadingLevel.TITLE,
      alignment: docx.AlignmentType.CENTER,
      spacing: { after: 200 },
      children: bilingualRuns(docx, form.title, lang),
    }),
  ];
  for (const section of form.sections) {
    children.push(
      new docx.Paragraph({
        heading: docx.HeadingLevel.HEADING_2,
        children: bilingualRuns(docx, section.title, lang),
      }),
      sectionTable(docx, section, draft, texts),
    );
  }
  form.agreement.forEach((template, index) => {
    const options = index ? { italics: true, color: GREY, language: { value: lang } } : {};
    children.push(
      new docx.Paragraph({
        spacing: { before: index ? 60 : 360 },
        keepNext: true,
        children: withCity(docx, template, cityRuns(docx, city, options), options),
      }),
    );
  });
  children.push(
    caption(docx, form.city_caption, lang, true),
    signatureTable(docx, form.signatures, lang),
  );

  const footer = new docx.Footer({
    children: form.notes.map(
      (note, index) =>
        new docx.Paragraph({
          children: runs(docx, note, {
            size: 16, color: GREY, italics: index > 0,
            language: index ? { value: lang } : undefined,
          }),
        }),
    ),
  });
  return new docx.Document({
    title: city ? `${clean(form.title[0])} — ${city}` : clean(form.title[0]),
    creator: clean(city),
    styles: styles(20),
    sections: [{ properties: { page: PAGE }, footers: { default: footer }, children }],
  });
}

// ---------------------------------------------------------------- the cover letter

function plain(docx, text, options = {}, paragraph = {}) {
  return new docx.Paragraph({ ...paragraph, children: runs(docx, text, options) });
}

function letterChildren(docx, letter, draft, texts, secondary) {
  const lang = letter.lang;
  const runLanguage = { language: { value: lang } };
  const city = valueOf(draft, texts.city_field);
  const children = [];
  if (secondary) {
    children.push(
      new docx.Paragraph({
        heading: docx.HeadingLevel.HEADING_1,
        children: runs(docx, letter.version_heading, runLanguage),
      }),
    );
  }
  children.push(
    plain(
      docx, letter.template_note,
      { ...runLanguage, italics: true, highlight: "yellow" }, { spacing: { after: 360 } },
    ),
    plain(docx, letter.date, runLanguage),
    plain(docx, letter.reference, runLanguage, { spacing: { after: 360 } }),
    ...letter.recipient.map((line, index, all) =>
      plain(docx, line, runLanguage, { spacing: { after: index === all.length - 1 ? 360 : 0 } }),
    ),
    plain(docx, letter.subject, { ...runLanguage, bold: true }, { spacing: { after: 240 } }),
    plain(docx, letter.greeting, runLanguage, { spacing: { after: 200 } }),
    new docx.Paragraph({
      alignment: docx.AlignmentType.JUSTIFIED,
      spacing: { after: 200, line: 300 },
      children: withCity(docx, letter.body, cityRuns(docx, city, runLanguage), runLanguage),
    }),
    plain(docx, letter.contact_intro, runLanguage, { keepNext: true }),
    ...letter.contact.map(({ name, label }) =>
      new docx.Paragraph({
        indent: { left: 567 },
        keepNext: true,
        children: [
          ...runs(docx, `${label}: `, runLanguage),
          ...runs(docx, valueOf(draft, name) || BLANK),
        ],
      }),
    ),
    plain(docx, letter.enclosure, runLanguage, { spacing: { before: 240, after: 360 } }),
    plain(docx, letter.closing, runLanguage, { keepNext: true }),
  );
  const lineWidth = { right: Math.round(TEXT_WIDTH * 0.45) };
  const signer = letter.signer.map((name) => valueOf(draft, name)).filter(Boolean).join(", ");
  children.push(
    writingLine(docx, 720, [], lineWidth),
    captionLine(docx, letter.signature, runLanguage, lineWidth),
    writingLine(docx, signer ? 360 : 480, signer ? runs(docx, signer) : [], lineWidth),
    captionLine(docx, letter.name_position, runLanguage, lineWidth),
  );
  return children;
}

function captionLine(docx, text, options, indent) {
  return new docx.Paragraph({
    indent,
    children: runs(docx, `(${text})`, { ...options, size: 16, color: GREY }),
  });
}

/** The cover letter: English, then (on a page in another language) that language's version. */
export function coverLetter(docx, draft, texts) {
  const city = valueOf(draft, texts.city_field);
  const [english] = texts.letters;
  return new docx.Document({
    title: city ? `${clean(english.subject)} — ${city}` : clean(english.subject),
    creator: clean(city),
    styles: styles(22),
    sections: texts.letters.map((letter, index) => ({
      properties: { page: PAGE },
      children: letterChildren(docx, letter, draft, texts, index > 0),
    })),
  });
}

// ---------------------------------------------------------------- file names

/** "WeGO-application-Ulianovsk.docx": what the file is, and for which city. */
export function fileName(kind, draft, texts) {
  const prefix = texts.file_prefixes[kind];
  const city = fileNamePart(valueOf(draft, texts.city_field));
  return `${city ? `${prefix}-${city}` : prefix}.docx`;
}

/** The document of `kind` ("application" or "letter") and its file name. */
export function build(kind, docx, draft, texts) {
  const make = { application: applicationDocument, letter: coverLetter }[kind];
  if (!make) throw new Error(`unknown document: ${kind}`);
  return { document: make(docx, draft, texts), fileName: fileName(kind, draft, texts) };
}
