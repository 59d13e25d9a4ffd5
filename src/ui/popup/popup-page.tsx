/** Popup entry (the real popup comes with its issue). */
import { render } from "preact";
import dataset from "virtual:bundled-dataset";

render(<main><h1>Backstory</h1><p>{dataset.name.en}</p></main>, document.body);
