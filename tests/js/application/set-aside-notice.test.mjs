// The notice about a stored draft set aside: its sentence for a partial or a whole set-aside,
// one item per field naming the label and the reason, and nothing when nothing is set aside.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { SetAsideNotice } from "../../../docs/assets/javascripts/application/set-aside-notice.mjs";

const CATALOGUE = JSON.parse(readFileSync(
  new URL("../../../sitebuild/locales/form.ru.json", import.meta.url), "utf8",
));
const MESSAGES = Object.fromEntries(Object.entries(CATALOGUE)
  .map(([key, value]) => [key.slice("form.".length), value]));

/** The few DOM parts the notice touches: elements with text, children and a hidden flag. */
class FakeElement {
  constructor(ownerDocument) {
    this.ownerDocument = ownerDocument;
    this.textContent = "";
    this.hidden = true;
    this.children = [];
  }

  replaceChildren(...children) {
    this.children = children;
  }
}

function notice() {
  const document = { createElement: () => new FakeElement(document) };
  const parts = {
    "[data-set-aside-panel]": new FakeElement(document),
    "[data-set-aside-text]": new FakeElement(document),
    "[data-set-aside-list]": new FakeElement(document),
  };
  const root = { ownerDocument: document, querySelector: (selector) => parts[selector] };
  return {
    notice: new SetAsideNotice(root, MESSAGES),
    panel: parts["[data-set-aside-panel]"],
    text: parts["[data-set-aside-text]"],
    list: parts["[data-set-aside-list]"],
  };
}

const item = (label, reason, max) => MESSAGES["set_aside.item"]
  .replace("{label}", label)
  .replace("{reason}", MESSAGES[`set_aside.reason.${reason}`].replace("{max}", String(max)));

test("a partial set-aside names each field with its reason, in the page's language", () => {
  const { notice: shown, panel, text, list } = notice();
  shown.show({
    whole: null,
    setAside: [
      { name: "mayor_phone", label: "Телефон", reason: "type", max: 40 },
      { name: "city_postcode", label: "Почтовый индекс", reason: "too_long", max: 20 },
      { name: "mayor_term_start", label: "Начало срока полномочий", reason: "month", max: 7 },
      { name: "city_population", label: "city_population", reason: "unknown", max: 0 },
    ],
  });
  assert.equal(panel.hidden, false);
  assert.equal(text.textContent, MESSAGES["set_aside.partial"]);
  assert.equal(list.hidden, false);
  assert.deepEqual(list.children.map((li) => li.textContent), [
    item("Телефон", "type", 40),
    item("Почтовый индекс", "too_long", 20),
    item("Начало срока полномочий", "month", 7),
    item("city_population", "unknown", 0),
  ]);
  assert.ok(list.children[1].textContent.includes("20"), "the limit is said");
});

test("a draft set aside whole says why, with no list", () => {
  for (const whole of ["not_json", "foreign", "version"]) {
    const { notice: shown, panel, text, list } = notice();
    shown.show({ whole, fields: null, setAside: [] });
    assert.equal(panel.hidden, false, whole);
    assert.equal(text.textContent, MESSAGES[`set_aside.whole.${whole}`], whole);
    assert.equal(list.hidden, true, whole);
    assert.deepEqual(list.children, [], whole);
  }
});

test("nothing set aside: the notice is hidden and emptied", () => {
  const { notice: shown, panel, text, list } = notice();
  shown.show({ whole: "not_json", fields: null, setAside: [] });
  shown.show(null);
  assert.equal(panel.hidden, true);
  assert.equal(text.textContent, "");
  assert.deepEqual(list.children, []);
});
