// The form's fields as the pure modules see them: read once from the controls' data attributes,
// which sitebuild/application_form.py writes from its declarations.

/** Whether `control` is the form's one checkbox ("same as"), whose value is true or false. */
export const isCheckbox = (control) => control.type === "checkbox";

/** One field as validation, draft and mail read it. */
function describeField(control) {
  const section = control.closest("fieldset[data-section]");
  return {
    name: control.dataset.field,
    kind: control.dataset.kind,
    label: control.dataset.label,
    required: control.required,
    maxLength: control.maxLength,
    after: control.dataset.after || "",
    section: section?.dataset.mailTitle ?? "",
    sectionShort: section?.dataset.mailShort ?? "",
    mailLabel: control.dataset.mailLabel,
    rank: Number(control.dataset.mailRank || 0),
  };
}

/** The form's fields, in form order: [{name, kind, label, required, maxLength, …}]. */
export function describeFields(controls) {
  return controls.map(describeField);
}

/** The e-mail's strings: the "mail:"-prefixed messages, without the prefix. */
export function mailText(messages) {
  return Object.fromEntries(Object.entries(messages)
    .filter(([key]) => key.startsWith("mail:"))
    .map(([key, value]) => [key.slice(5), value]));
}
