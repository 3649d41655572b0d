import { css } from "lit";

/**
 * Constructable stylesheets (adoptedStyleSheets) work under `style-src 'self'`; nothing here needs an
 * inline style. Public custom properties feed private `--_*` ones; their defaults sit in short `--d*`
 * properties that the dark scheme swaps. The scheme is a class on the root (the `color-scheme`
 * attribute, else the page's declared scheme), not a media query: a light page on a dark OS stays light.
 * Every byte here counts against the 20 KB budget of ca-timeline.js.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    font: 1rem/1.5 var(--ca-timeline-font-family, system-ui, sans-serif);
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    --d1: #1b1b1f;
    --d2: #fff;
    --d3: #4d4d57;
    --d4: #0a58ca;
    --d5: #767680;
    --d6: #ffe066;
    --d7: #000;
    --d8: #e8f0fd;
    --_fg: var(--ca-timeline-color, var(--d1));
    --_bg: var(--ca-timeline-background, var(--d2));
    --_muted: var(--ca-timeline-muted-color, var(--d3));
    --_accent: var(--ca-timeline-accent-color, var(--d4));
    --_line: var(--ca-timeline-border-color, var(--d5));
    --_hi: var(--ca-timeline-highlight-background, var(--d8));
    --_top: var(--ca-timeline-sticky-top, 0px);
    --_r: var(--ca-timeline-radius, 0.375rem);
    /* Native controls (checkboxes, sliders, scrollbars) follow the scheme too. */
    color-scheme: light;
    color: var(--_fg);
    background: var(--_bg);
    position: relative;
  }
  /* A scheme chosen for the element may differ from the page's: its box then gets room at its edges. */
  :host([color-scheme]) .root {
    padding: 0.75rem;
    border-radius: var(--_r);
  }
  .dark {
    color-scheme: dark;
    --d1: #ececf1;
    --d2: #16161a;
    --d3: #b4b4c0;
    --d4: #8fb8ff;
    --d5: #8a8a96;
    --d6: #7a5d00;
    --d7: #fff;
    --d8: #23304a;
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--ca-timeline-focus-color, var(--_accent));
    outline-offset: 2px;
  }
  input,
  button {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_r);
    padding: 0.375rem 0.625rem;
    min-height: 2.5rem;
    cursor: pointer;
  }
  /* Underlined too: forced-colours mode drops the inverted colours. */
  [aria-pressed="true"] {
    background: var(--_fg);
    color: var(--_bg);
    text-decoration: underline 2px;
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  a,
  [aria-expanded="true"] .title {
    color: var(--_accent);
  }
  mark {
    background: var(--ca-timeline-mark-background, var(--d6));
    color: var(--ca-timeline-mark-color, var(--d7));
  }
  .skip:not(:focus) {
    position: absolute;
    left: -200vw;
  }
  .skip {
    position: absolute;
    z-index: 3;
  }
  /* Where "Skip past the timeline" puts the focus: a line across the element's foot when focused. */
  #end {
    display: block;
  }
  .vh {
    position: absolute;
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .tools,
  .bar,
  .meta,
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: end;
  }
  .search {
    flex: 1 1 12rem;
    display: grid;
  }
  .bar {
    position: sticky;
    top: var(--_top);
    z-index: 2;
    background: var(--_bg);
    align-items: center;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_line);
  }
  .count {
    margin: 0 auto 0 0;
    font-weight: 600;
  }
  .chips {
    order: 3;
  }
  .chip,
  .badge,
  .status {
    border-radius: 1rem;
    min-height: 2rem;
    padding: 0 0.75rem;
    overflow-wrap: anywhere;
  }
  .bars {
    display: flex;
    align-items: end;
    gap: 2px;
    margin-top: 0.5rem;
    touch-action: pan-y;
    user-select: none;
  }
  .yr {
    flex: 1;
    min-width: 0;
    height: 6rem;
    display: flex;
    flex-direction: column;
    justify-content: end;
    align-items: center;
    padding: 0.25rem 0;
    font-size: 0.75rem;
    cursor: pointer;
  }
  .yr i {
    width: 70%;
    /* Any year with an event has a visible bar; only an empty year has none. */
    height: calc(var(--n) * 3rem + 0.25rem);
    background: var(--_accent);
  }
  .z i {
    height: 1px;
    background: var(--_line);
  }
  .in {
    background: var(--_hi);
  }
  .sel {
    box-shadow: inset 0 -4px var(--_fg);
    font-weight: 700;
  }
  .y {
    order: 2;
  }
  .c {
    order: -2;
  }
  .mk {
    order: -1;
    width: 0.5rem;
    height: 0.5rem;
    margin: 2px;
    background: var(--_fg);
    rotate: 45deg;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    margin: 0;
  }
  .layout {
    display: grid;
    gap: 1rem;
    margin-top: 1rem;
  }
  .filters {
    display: none;
  }
  .open .filters {
    display: block;
  }
  @container (max-width: 48rem) {
    /* The sticky bar stays two rows high: the chips scroll sideways. */
    .chips {
      flex: 1 1 100%;
      flex-wrap: nowrap;
      overflow-x: auto;
    }
    .chip {
      white-space: nowrap;
    }
    .yr {
      height: 3rem;
    }
    .c,
    .y {
      display: none;
    }
    .yr i {
      height: calc(var(--n) * 1.25rem + 0.2rem);
    }
  }
  @container (min-width: 48rem) {
    .fbtn,
    .ends {
      display: none;
    }
    .layout {
      grid-template-columns: minmax(15rem, 20rem) minmax(0, 1fr);
      align-items: start;
    }
    .filters {
      display: block;
      position: sticky;
      top: calc(var(--_top) + 3.5rem);
      max-height: calc(100vh - var(--_top) - 4rem);
      overflow: auto;
    }
  }
  details {
    border-bottom: 1px solid var(--_line);
  }
  summary,
  legend,
  dt,
  .title,
  .count {
    font-weight: 600;
  }
  summary {
    cursor: pointer;
    padding: 0.5rem 0;
  }
  .opts,
  fieldset,
  fieldset label {
    display: grid;
  }
  .opts label {
    overflow-wrap: anywhere;
    hyphens: auto;
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 1.75rem;
  }
  .opts input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0;
    flex: none;
  }
  input {
    accent-color: var(--_accent);
  }
  .none {
    text-decoration: line-through;
  }
  .n,
  .date,
  .meta,
  .gap,
  .none,
  .yr,
  .ends {
    color: var(--_muted);
  }
  .n {
    /* Never shrink or break a count: "43" must not wrap into "4" and "3" beside a long label. */
    flex: none;
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
  }
  fieldset {
    border: 0;
    margin: 0.5rem 0;
    padding: 0;
  }
  fieldset label {
    grid-template-columns: 1fr auto;
  }
  fieldset input {
    grid-column: 1 / -1;
    padding: 0;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0;
  }
  /* What the keyboard focuses is scrolled into view below the sticky bar, not under it. */
  .head,
  h2,
  summary,
  #main {
    scroll-margin-top: calc(var(--_top) + 6rem);
  }
  .year > ol,
  .day > ol,
  .parts,
  .gap {
    border-inline-start: 2px solid var(--_line);
    margin: 0 0 1rem 0.5rem;
    padding-inline-start: 0.5rem;
  }
  .gap {
    border-style: dashed;
    font-style: italic;
  }
  .ms {
    border-inline-start: 4px solid var(--_accent);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    width: 100%;
    text-align: start;
    border: 0;
    padding: 0.5rem;
    /* Untrusted text may hold a word longer than the line (a URL, 100,000 letters): break it anywhere. */
    overflow-wrap: anywhere;
  }
  .head:hover {
    background: var(--_hi);
  }
  .date,
  .meta {
    font-size: 0.875rem;
  }
  .date,
  .title {
    flex: 1 1 100%;
    min-width: 0;
    margin: 0;
  }
  .type::before {
    content: "";
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    margin-inline-end: 0.3em;
    background: var(--c);
    border: 2px solid var(--c);
  }
  /* Ten markers, by the type's place in the data's list: colour and shape (round, square, diamond,
     hollow); the label beside them is the cue that counts. */
  .t0 { --c: #1c7ed6; } .t0::before, .t4::before, .t8::before { border-radius: 50%; }
  .t1 { --c: #2b8a3e; } .t1::before, .t5::before, .t9::before { rotate: 45deg; }
  .t2 { --c: #e8590c; } .t4, .t5, .t6, .t7 { --c: #c2255c; }
  .t3 { --c: #7048e8; } .t4::before, .t5::before, .t6::before, .t7::before { background: none; }
  .t6::before { height: 0.4em; }
  .t8, .t9 { --c: #868e96; }
  .badge,
  .status {
    border: 1px solid;
    min-height: 0;
    color: var(--_fg);
  }
  .details,
  .msg,
  .note {
    margin: 0 0 1rem;
    padding: 0.75rem;
    overflow-wrap: anywhere;
    border: 1px solid var(--_line);
    border-radius: var(--_r);
  }
  .details {
    border-inline-start: 4px solid var(--_accent);
    background: var(--_hi);
  }
  .note {
    border-style: dashed;
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem 1rem;
  }
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
    /* On a phone, long German compounds break at syllables (the root carries the language); wider
       layouts have the room, and hyphenating every title costs a tenth of the first render. */
    .root {
      hyphens: auto;
    }
  }
  dd {
    margin: 0;
  }
  .msg p,
  .details p {
    margin: 0 0 0.75rem;
  }
  .msg details {
    border: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .head,
    .yr {
      transition: background-color 0.15s;
    }
  }
  @media (forced-colors: active) {
    .yr i,
    .mk {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .type {
      --c: CanvasText;
    }
    .type::before {
      forced-color-adjust: none;
    }
    .in {
      outline: 1px dashed CanvasText;
      outline-offset: -1px;
    }
    .sel {
      outline: 2px solid Highlight;
    }
  }
  @media print {
    .root {
      color: #000;
      background: #fff;
    }
    .tools,
    .bar button,
    .filters,
    .overview {
      display: none;
    }
    .bar {
      position: static;
    }
    a::after {
      content: " (" attr(href) ")";
    }
  }
`;
