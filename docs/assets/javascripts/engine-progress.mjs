// While the engine's files download: a <progress> and its text (`[data-progress]`), and on a
// network failure the retry button (`[data-retry]`). A form without these slots shows neither.

// Megabytes with one decimal in the page's writing (12.2 or 12,2). Not Intl.NumberFormat: its
// first use loads the locale's data, which cost the main thread 20-50 ms during the start.
export function megabytes(bytes, separator) {
  return (bytes / 1e6).toFixed(1).replace(".", separator);
}

export class EngineProgress {
  /** @param {HTMLFormElement} form  @param {(key: string, values?: object) => string} message */
  constructor(form, message) {
    this.form = form;
    this.message = message;
    this.box = form.querySelector("[data-progress]");
    this.retrySlot = form.querySelector("[data-retry]");
  }

  show({ received, total }) {
    if (!this.box || this.form.dataset.engine) return;
    const bar = this.box.querySelector("progress");
    const known = total > 0 && received <= total;
    if (known) {
      bar.max = total;
      bar.value = received;
    } else {
      bar.removeAttribute("value");
    }
    const separator = this.message("progress_decimal_separator");
    this.box.querySelector("[data-progress-text]").textContent = this.message("progress", {
      received: megabytes(received, separator),
      total: known ? megabytes(total, separator) : "?",
    });
    this.box.hidden = false;
  }

  hide() {
    if (this.box) this.box.hidden = true;
  }

  /** Offer a retry after a failed download, if the form has the button; true when offered. */
  offerRetry(retry) {
    if (!this.retrySlot) return false;
    this.retrySlot.hidden = false;
    this.retrySlot.querySelector("button").onclick = () => {
      this.retrySlot.hidden = true;
      retry();
    };
    return true;
  }
}
