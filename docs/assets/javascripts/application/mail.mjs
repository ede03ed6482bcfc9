// The e-mail to the Secretariat as a mailto: link: a plain-text summary of the form that fits
// the link's length limit. Pure (no DOM), tested by tests/js/application/mail.test.mjs.
//
// When the whole summary does not fit, values are clipped and lines go in while they fit: the
// essential ones first (rank 1 first), then the others in form order. The message then says it
// is shortened, names the fields it left out, and that the attached form has them all.
import { fillTemplate } from "../ui-text.mjs";
import { clip } from "./values.mjs";

/** Longest value, in characters, a shortened summary keeps. */
export const MAX_VALUE = 41;

/**
 * One line per filled-in field, in form order.
 * @param {Array<{section: string, sectionShort: string, label: string, rank: number}>} schema
 *   the fields in the e-mail's language (checkboxes left out)
 * @param {Record<string, string>} shown  each field's value as the e-mail shows it
 */
export function mailLines(schema, shown) {
  return schema
    .map((field) => ({ ...field, value: String(shown[field.name] ?? "").trim() }))
    .filter((line) => line.value !== "");
}

/**
 * "Left out here: City: Postcode, Website; Head of IT (all fields); …": the fields a shortened
 * summary leaves out, by section. A section left out whole is named once; so is a section
 * partly left out whose labels are not in `detailed` ("the fields not shown above").
 */
function omittedText(text, lines, omitted, detailed) {
  const groups = [];
  for (const line of omitted) {
    const last = groups.at(-1);
    if (last && last.section === line.sectionShort) last.labels.push(line.label);
    else groups.push({ section: line.sectionShort, labels: [line.label] });
  }
  const fields = groups.map(({ section, labels }) => {
    const total = lines.filter((line) => line.sectionShort === section).length;
    if (labels.length === total) return fillTemplate(text["mail.omitted_whole"], { section });
    if (!detailed.has(section)) return fillTemplate(text["mail.omitted_rest"], { section });
    return fillTemplate(text["mail.omitted_group"], { section, fields: labels.join(", ") });
  });
  return fillTemplate(text["mail.omitted"], { fields: fields.join("; ") });
}

function href(mailTo, subject, body) {
  return `mailto:${mailTo}?subject=${encodeURIComponent(subject)}` +
    `&body=${encodeURIComponent(body.join("\r\n"))}`;
}

function compose({ mailTo, text, subject, signer, detailed }, lines, included, shortened) {
  const body = [text["mail.greeting"], "", text["mail.intro"]];
  let section = null;
  for (const line of lines) {
    if (!included.has(line)) continue;
    if (line.section !== section) {
      section = line.section;
      body.push("", section);
    }
    body.push(`${line.label}: ${line.value}`);
  }
  if (shortened) {
    body.push("", text["mail.shortened"]);
    const omitted = lines.filter((line) => !included.has(line));
    if (omitted.length) body.push("", omittedText(text, lines, omitted, detailed));
  }
  body.push("", text["mail.attachment"], "", text["mail.closing"]);
  if (signer) body.push(signer);
  return href(mailTo, subject, body);
}

/**
 * The mailto: link for the form.
 * @param {object} mail
 * @param {string} mail.mailTo  the Secretariat's address
 * @param {number} mail.limit  the longest link allowed
 * @param {Record<string, string>} mail.text  the e-mail's catalogue strings (mail.*)
 * @param {string} mail.city  the city's name ("" when not filled in)
 * @param {string} mail.signer  the name under the closing ("" for none)
 * @param {ReturnType<typeof mailLines>} mail.lines
 * @returns {{href: string, shortened: boolean, omitted: string[]}} omitted: the left-out
 *   fields' names
 */
export function buildMail({ mailTo, limit, text, city, signer, lines }) {
  const subjectFor = (name) => (name
    ? fillTemplate(text["mail.subject"], { city: name })
    : text["mail.subject_blank"]);
  const whole = { mailTo, text, subject: subjectFor(city), signer, detailed: new Set() };
  const full = compose(whole, lines, new Set(lines), false);
  if (full.length <= limit) return { href: full, shortened: false, omitted: [] };

  const short = {
    ...whole, subject: subjectFor(clip(city, MAX_VALUE)), signer: "", detailed: new Set(),
  };
  const clipped = lines.map((line) => ({ ...line, value: clip(line.value, MAX_VALUE) }));
  const order = [
    ...clipped.filter((line) => line.rank > 0).sort((a, b) => a.rank - b.rank),
    ...clipped.filter((line) => !(line.rank > 0)),
  ];
  const chosen = new Set();
  for (const line of order) {
    chosen.add(line);
    if (compose(short, clipped, chosen, true).length > limit) chosen.delete(line);
  }
  // Name the left-out fields of partly sent sections, section by section, while that fits.
  for (const section of new Set(clipped.map((line) => line.sectionShort))) {
    short.detailed.add(section);
    if (compose(short, clipped, chosen, true).length > limit) short.detailed.delete(section);
  }
  if (signer) {
    const signed = { ...short, signer: clip(signer, MAX_VALUE) };
    if (compose(signed, clipped, chosen, true).length <= limit) short.signer = signed.signer;
  }
  const omitted = clipped.filter((line) => !chosen.has(line)).map((line) => line.name);
  const link = compose(short, clipped, chosen, true);
  if (link.length <= limit) return { href: link, shortened: true, omitted };
  return {
    href: `mailto:${mailTo}?subject=${encodeURIComponent(text["mail.subject_blank"])}`,
    shortened: true,
    omitted: lines.map((line) => line.name),
  };
}
