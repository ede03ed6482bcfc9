// The engine's coded errors beside their fields, the same way on the fees page and the cities
// page: the message in the field's `[data-error-for]` slot (as text), its code in
// `data-error-code`, the control marked `aria-invalid`.

/** Hide every field's error and drop every invalid mark in `form`. */
export function clearFieldErrors(form) {
  for (const node of form.querySelectorAll("[data-error-for]")) {
    node.hidden = true;
    node.textContent = "";
    node.removeAttribute("data-error-code");
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
}

/** Show the engine's `error` ({field, code, message}) beside its field, if the form has one. */
export function showFieldError(form, error) {
  const slot = form.querySelector(`[data-error-for="${error.field}"]`);
  if (!slot) return;
  slot.textContent = error.message;
  slot.dataset.errorCode = error.code;
  slot.hidden = false;
  const control = form.elements.namedItem(error.field);
  if (control && !(control instanceof RadioNodeList)) control.setAttribute("aria-invalid", "true");
}
