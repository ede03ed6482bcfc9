// The engine's coded errors beside their fields, the same way on the fees page and the cities
// page: the message in the field's `[data-error-for]` slot (as text), its code in
// `data-error-code`, the control marked `aria-invalid`.

// One slot emptied and hidden, its control no longer marked invalid.
function hideSlot(form, slot) {
  slot.hidden = true;
  slot.textContent = "";
  slot.removeAttribute("data-error-code");
  slot.removeAttribute("data-error-value");
  const control = form.elements.namedItem(slot.dataset.errorFor);
  if (control && !(control instanceof RadioNodeList)) control.removeAttribute("aria-invalid");
}

/** Hide every field's error and drop every invalid mark in `form`. */
export function clearFieldErrors(form) {
  for (const slot of form.querySelectorAll("[data-error-for]")) hideSlot(form, slot);
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
}

// What a field held when its error was shown ("" for a radio group).
function valueOf(form, field) {
  const control = form.elements.namedItem(field);
  return control && !(control instanceof RadioNodeList) ? control.value : "";
}

/**
 * Keep only the errors that still describe the fields: a shown error goes at once unless it
 * is the engine's latest `error` (same field, same code) or its field is unchanged since it
 * showed (the engine names one error at a time; an untouched field's error still holds).
 * Returns whether `error` itself is showing and whether any error still shows.
 */
export function keepOnlyFieldError(form, error) {
  let current = false;
  let any = false;
  for (const slot of form.querySelectorAll("[data-error-for]:not([hidden])")) {
    const field = slot.dataset.errorFor;
    const same = field === error.field && slot.dataset.errorCode === error.code;
    if (same || valueOf(form, field) === slot.dataset.errorValue) {
      current ||= same;
      any = true;
    } else {
      hideSlot(form, slot);
    }
  }
  return { current, any };
}

/** Show the engine's `error` ({field, code, message}) beside its field, if the form has one. */
export function showFieldError(form, error) {
  const slot = form.querySelector(`[data-error-for="${error.field}"]`);
  if (!slot) return;
  slot.textContent = error.message;
  slot.dataset.errorCode = error.code;
  slot.dataset.errorValue = valueOf(form, error.field);
  slot.hidden = false;
  const control = form.elements.namedItem(error.field);
  if (control && !(control instanceof RadioNodeList)) control.setAttribute("aria-invalid", "true");
}
