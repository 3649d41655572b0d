import { timeline } from "@ca-timeline/data";
import "@ca-timeline/timeline-widget/define";
import { useState } from "react";

export function App() {
  const [count, setCount] = useState<number>();
  const [selected, setSelected] = useState("");
  return (
    <main>
      <p id="status">{count === undefined ? "Loading…" : `${count} events`}</p>
      <p id="selected">{selected}</p>
      <ca-timeline
        lang="en"
        events={timeline}
        onca-timeline-change={(e) => setCount(e.detail.count)}
        onca-timeline-select={(e) => setSelected(e.detail.title.en)}
      />
    </main>
  );
}
