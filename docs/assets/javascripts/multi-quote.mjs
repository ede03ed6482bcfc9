// The cities page's module script (sitebuild/multi_quote_form.py loads it with the form's
// markup): its one job is to start the cities form on this page. The component itself,
// cities-quote.mjs, does nothing on import.
import { initAll } from "./cities-quote.mjs";

initAll(document, window);
