// Field checks: which message a value calls for, in the catalogue's keys.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  emailOk, problemOf, telOk, websiteOk,
} from "../../../docs/assets/javascripts/application/validation.mjs";

test("international phone numbers pass, national ones do not", () => {
  for (const good of ["+7 8422 58-93-43", "+82 (0)2 720 2939", "+1.202.555.0100"]) {
    assert.ok(telOk(good), good);
  }
  for (const bad of ["8 (8422) 58-93-43", "+7 12", "+7 8422 58-93-43 ext", "+1 2345678901234567"]) {
    assert.ok(!telOk(bad), bad);
  }
});

test("an extension is accepted in Russian and English and does not count as digits", () => {
  for (const good of [
    "+7 8422 58-93-43 доб. 123", "+7 8422 58-93-43, доб.123", "+7 8422 58-93-43 ДОБ 12",
    "+7 8422 58-93-43 доп. 5", "+1 202 555 0100 ext. 123", "+1 202 555 0100 Ext 9",
    "+1 202 555 0100 x123", "+49 30 1234567-0 ext. 123456",
  ]) {
    assert.ok(telOk(good), good);
  }
  for (const bad of ["+7 доб. 123", "+1 202 555 0100 ext. 1234567", "+7 8422 58-93-43 доб. abc"]) {
    assert.ok(!telOk(bad), bad);
  }
});

test("e-mail addresses and websites", () => {
  assert.ok(emailOk("mayor@ulmeria.ru"));
  assert.ok(!emailOk("mayor@ulmeria"));
  assert.ok(websiteOk("www.ulmeria.ru"));
  assert.ok(websiteOk("https://ulmeria.ru/city"));
  assert.ok(!websiteOk("not a site"));
  assert.ok(!websiteOk("javascript:alert(1)"));
  assert.ok(!websiteOk("localhost"));
});

test("each kind of field gets its own message", () => {
  const cases = [
    [{ kind: "text", required: true }, "  ", "error.required"],
    [{ kind: "text", required: false }, "", ""],
    [{ kind: "email", required: true }, "a@b", "error.email"],
    [{ kind: "tel", required: true }, "8 8422", "error.tel"],
    [{ kind: "url", required: false }, "not a site", "error.url"],
    [{ kind: "month", required: true }, "2017-13", "error.month"],
    [{ kind: "month", required: true }, "2017-12", ""],
    [{ kind: "checkbox", required: false }, "", ""],
    [{ kind: "email", required: true, readOnly: true }, "", ""],
  ];
  for (const [field, value, key] of cases) {
    assert.equal(problemOf(field, value), key, `${field.kind} ${JSON.stringify(value)}`);
  }
});

test("a term's end must come after its start", () => {
  const end = { kind: "month", required: true, after: "start" };
  assert.equal(problemOf(end, "2019-05", { start: "2020-05" }), "error.term_order");
  assert.equal(problemOf(end, "2020-05", { start: "2020-05" }), "error.term_order");
  assert.equal(problemOf(end, "2025-05", { start: "2020-05" }), "");
  assert.equal(problemOf(end, "2019-05", { start: "" }), "");
});
