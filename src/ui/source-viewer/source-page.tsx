/** Source viewer entry (the real viewer comes with the overlay issue). */
import { render } from "preact";
import dataset from "virtual:bundled-dataset";

render(<main><h1>{dataset.sources[0]?.title}</h1></main>, document.body);
