import { html, nothing } from "lit";
import type { CaTimeline } from "../ca-timeline.ts";
import type { View } from "../view/compute-view.ts";

let drag: { host: CaTimeline; anchor: number; moved: boolean } | undefined;
/** The year a press that did not move ended on: the click that follows the press jumps to it. */
let tap: { host: CaTimeline; year: number } | undefined;

/** The year under the pointer: bars are equally wide, so the x position says which. */
function yearAt(e: PointerEvent, view: View): number | undefined {
  const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
  const n = view.years.length;
  const i = Math.min(n - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * n)));
  return view.years[i]?.year;
}

/**
 * The years from the data's first to its last, each with its count under the current filter, its
 * milestones, whether its events are on screen, and whether it is in the selected period. Click or tap
 * a year to jump to it; drag across years (mouse, pen or touch) to select a period. The keyboard sets
 * the period with the sliders of the filter panel.
 */
export function overview(host: CaTimeline, view: View) {
  const max = Math.max(1, ...view.years.map((y) => y.count));
  const { from, to } = view.filter;
  const [a, b] = host._preview ?? [
    Number(from?.slice(0, 4) || host._years[0]),
    Number(to?.slice(0, 4) || host._years[1]),
  ];
  const selecting = !!(host._preview || from || to);
  const down = (e: PointerEvent) => {
    const year = yearAt(e, view);
    if (year === undefined || e.button > 0) return;
    drag = { host, anchor: year, moved: false };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  };
  const move = (e: PointerEvent) => {
    const year = yearAt(e, view);
    if (drag?.host !== host || year === undefined) return;
    if (year !== drag.anchor) drag.moved = true;
    if (drag.moved) host._preview = [Math.min(drag.anchor, year), Math.max(drag.anchor, year)];
  };
  // A press that did not move is a tap or a click: the click that follows it jumps to the year the press
  // ended on. (Not to the click's own target: the pointer capture sends a mouse click to the list. Not
  // on pointerup either: a touch's click comes after it and would land on whatever the jump scrolled
  // under the finger.) A cancelled press (the browser took a touch for scrolling) does neither.
  const up = (e: PointerEvent) => {
    const preview = host._preview;
    host._preview = undefined;
    tap = undefined;
    if (drag?.host === host && e.type === "pointerup") {
      const year = yearAt(e, view);
      if (drag.moved) {
        if (preview) host._setPeriod(...preview);
      } else if (year !== undefined) tap = { host, year };
    }
    drag = undefined;
  };
  const click = () => {
    if (tap?.host === host) host._jump(tap.year);
    tap = undefined;
  };
  const [first, last] = host._years;
  // A visual summary for pointer and touch (tap to jump, drag for a period), hidden from assistive
  // technology: the period sliders say the same (each year with its count) and the year headings
  // of the list are its navigation.
  return html`<div class="overview" part="overview" aria-hidden="true">
    <ol class="bars" @pointerdown=${down} @pointermove=${move} @pointerup=${up} @pointercancel=${up} @click=${click}>
      ${view.years.map(
        ({ year, count, milestones }) =>
          html`<li class="yr${count ? "" : " z"}${host._inView.has(year) ? " in" : ""}${selecting && year >= a && year <= b ? " sel" : ""}" data-year=${year}
            ><span class="c">${count || nothing}</span>${milestones ? html`<b class="mk"></b>` : nothing}<i .style=${`--n:${count / max}`}></i
            ><span class="y">${year}</span></li>`,
      )}
    </ol>
    <p class="ends"><span>${first}</span><span>${last}</span></p>
  </div>`;
}
