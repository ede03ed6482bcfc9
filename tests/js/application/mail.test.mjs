// The e-mail link: whole when it fits; shortened to the limit with the essentials kept, saying
// which fields it left out and that the attached form has them all.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { buildMail, mailLines } from "../../../docs/assets/javascripts/application/mail.mjs";

const CATALOGUE = JSON.parse(readFileSync(
  new URL("../../../sitebuild/locales/form.en.json", import.meta.url), "utf8",
));
const TEXT = Object.fromEntries(Object.entries(CATALOGUE)
  .filter(([key]) => key.startsWith("form.mail."))
  .map(([key, value]) => [key.slice("form.".length), value]));
const TO = "secretariat@we-gov.org";

const field = (name, section, label, rank = 0) => ({
  name, section: `${section}.`, sectionShort: section, label, rank,
});
const SCHEMA = [
  field("city_name", "City", "Official name", 1),
  field("city_country", "City", "Country", 3),
  field("city_postcode", "City", "Postcode"),
  field("mayor_name", "Mayor", "Full name"),
  field("mayor_phone", "Mayor", "Telephone"),
  field("it_name", "Head of IT", "Full name"),
  field("it_phone", "Head of IT", "Telephone"),
  field("contact_email", "Contact", "E-mail", 2),
];

function body(href) {
  const query = new URL(href).searchParams;
  return { subject: query.get("subject"), body: query.get("body") };
}

test("short answers: the whole form, in form order, with the signer", () => {
  const values = { city_name: "Ulyanovsk", city_country: "Russia", mayor_name: "I. Ivanov" };
  const mail = buildMail({
    mailTo: TO, limit: 1800, text: TEXT, city: "Ulyanovsk", signer: "M. Sokolova",
    lines: mailLines(SCHEMA, values),
  });
  assert.equal(mail.shortened, false);
  assert.deepEqual(mail.omitted, []);
  assert.ok(mail.href.startsWith(`mailto:${TO}?subject=`));
  const { subject, body: text } = body(mail.href);
  assert.equal(subject, TEXT["mail.subject"].replace("{city}", "Ulyanovsk"));
  assert.match(text, /City\.\r\nOfficial name: Ulyanovsk\r\nCountry: Russia\r\n\r\nMayor\.\r\nFull name: I\. Ivanov/);
  assert.ok(text.endsWith(`${TEXT["mail.closing"]}\r\nM. Sokolova`));
  assert.ok(!text.includes(TEXT["mail.shortened"]));
});

test("long Cyrillic answers: under the limit, essentials kept, the rest named", () => {
  const long = "Администрация города — длинное значение поля ".repeat(5);
  const values = Object.fromEntries(SCHEMA.map(({ name }) => [name, long]));
  values.contact_email = "contact@ulmeria.ru";
  values.city_country = "Российская Федерация";
  values.mayor_phone = "+7 8422 42-00-01";
  const mail = buildMail({
    mailTo: TO, limit: 1500, text: TEXT, city: long, signer: long,
    lines: mailLines(SCHEMA, values),
  });
  assert.equal(mail.shortened, true);
  assert.ok(mail.href.length <= 1500, mail.href.length);
  assert.match(mail.href, /^[\x21-\x7e]+$/);
  const { subject, body: text } = body(mail.href);
  assert.ok(subject.includes(`${long.slice(0, 40)}…`));
  for (const kept of ["contact@ulmeria.ru", "Российская Федерация", `${long.slice(0, 40)}…`]) {
    assert.ok(text.includes(kept), kept);
  }
  assert.ok(text.includes(TEXT["mail.shortened"]));
  assert.deepEqual(mail.omitted, ["city_postcode", "mayor_name", "it_name", "it_phone"]);
  assert.ok(
    text.includes("\r\nLeft out here: City: Postcode; Mayor: Full name; Head of IT (all fields).\r\n"),
    text,
  );
});

test("mail text stays text: markup and separators are percent-encoded", () => {
  const values = { city_name: "<img src=x>&subject=x#" };
  const mail = buildMail({
    mailTo: TO, limit: 1800, text: TEXT, city: values.city_name, signer: "",
    lines: mailLines(SCHEMA, values),
  });
  const query = new URL(mail.href).searchParams;
  assert.deepEqual([...query.keys()], ["subject", "body"]);
  assert.ok(query.get("body").includes("<img src=x>&subject=x#"));
});
