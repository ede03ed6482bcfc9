// The fees page's module script (sitebuild/fee_quote_form.py loads it with the widget's markup):
// its one job is to start the fee widget on this page. The widget itself, fee-widget.mjs, does
// nothing on import.
import { initAll } from "./fee-widget.mjs";

initAll(document, window);
