// One engine request in flight per form (quote-form.mjs, for the fees and the cities page).
// While it computes, the result is marked busy; if the inputs changed meanwhile
// (`widget.dirty`), the form asks again at once instead of showing an answer already out of
// date; if the engine fails, the form is marked failed and says so.
//
// latestAnswer(widget, send, failedText) -> the engine's record to show, or null when there is
// none to show. `widget` (a QuoteForm) has `form`, `result`, `inFlight`, `dirty`, `say(text)`
// and `quote()`.
export async function latestAnswer(widget, send, failedText) {
  widget.inFlight = true;
  widget.result.setAttribute("aria-busy", "true");
  let record;
  try {
    record = await send();
  } catch {
    widget.form.dataset.engine = "failed";
    widget.say(failedText);
    return null;
  } finally {
    widget.inFlight = false;
    widget.result.removeAttribute("aria-busy");
  }
  if (widget.dirty) {
    widget.quote();
    return null;
  }
  return record;
}
