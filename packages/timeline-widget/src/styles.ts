import { css } from "lit";

/**
 * Constructable stylesheets (adoptedStyleSheets) work under `style-src 'self'`; nothing here needs an
 * inline style. Public custom properties feed private `--_*` ones so the dark scheme only swaps defaults.
 * The scheme is a class on the root (`color-scheme` attribute, else the page's declared scheme), not a
 * media query: a light page with a dark OS stays light.
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
    --_fg: var(--ca-timeline-color, #1b1b1f);
    --_bg: var(--ca-timeline-background, #fff);
    --_muted: var(--ca-timeline-muted-color, #4d4d57);
    --_accent: var(--ca-timeline-accent-color, #0a58ca);
    --_line: var(--ca-timeline-border-color, #767680);
    --_mark: var(--ca-timeline-mark-background, #ffe066);
    --_mark-fg: var(--ca-timeline-mark-color, #000);
    --_hi: var(--ca-timeline-highlight-background, #e8f0fd);
    --_focus: var(--ca-timeline-focus-color, var(--_accent));
    --_radius: var(--ca-timeline-radius, 0.375rem);
    --_top: var(--ca-timeline-sticky-top, 0px);
    /* Native controls (checkboxes, sliders, scrollbars) follow the scheme too. */
    color-scheme: light;
    color: var(--_fg);
    background: var(--_bg);
    position: relative;
  }
  .dark {
    color-scheme: dark;
    --_fg: var(--ca-timeline-color, #ececf1);
    --_bg: var(--ca-timeline-background, #16161a);
    --_muted: var(--ca-timeline-muted-color, #b4b4c0);
    --_accent: var(--ca-timeline-accent-color, #8fb8ff);
    --_line: var(--ca-timeline-border-color, #8a8a96);
    --_mark: var(--ca-timeline-mark-background, #7a5d00);
    --_mark-fg: var(--ca-timeline-mark-color, #fff);
    --_hi: var(--ca-timeline-highlight-background, #23304a);
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input,
  button {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: 0.375rem 0.625rem;
    min-height: 2.5rem;
  }
  button {
    cursor: pointer;
  }
  [aria-pressed="true"] {
    background: var(--_fg);
    color: var(--_bg);
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  a {
    color: var(--_accent);
  }
  mark {
    background: var(--_mark);
    color: var(--_mark-fg);
  }
  .skip:not(:focus) {
    position: absolute;
    left: -200vw;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    padding: 0;
    border: 0;
    min-height: 0;
  }
  .skip:focus {
    position: absolute;
    z-index: 3;
  }
  .tools,
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .search {
    flex: 1 1 12rem;
    display: grid;
  }
  .langs button {
    min-width: 2.75rem;
  }
  .langs button + button {
    margin-inline-start: -1px;
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
    margin: 0;
    font-weight: 600;
    margin-inline-end: auto;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    flex-basis: 100%;
    order: 3;
  }
  .chip {
    border-radius: 1rem;
    min-height: 2rem;
    padding: 0 0.75rem;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .overview {
    margin-top: 0.5rem;
  }
  .bars {
    display: flex;
    align-items: end;
    gap: 2px;
    touch-action: pan-y;
    user-select: none;
  }
  .bars li {
    flex: 1;
    min-width: 0;
  }
  .yr {
    width: 100%;
    height: 6rem;
    display: flex;
    flex-direction: column;
    justify-content: end;
    align-items: center;
    border: 0;
    border-radius: 0;
    padding: 0.25rem 0;
    font-size: 0.75rem;
    color: var(--_muted);
    background: none;
  }
  .yr i {
    width: 70%;
    /* Any year with an event has a visible bar; only an empty year has none. */
    height: calc(var(--n) * 3rem + 0.25rem);
    background: var(--_accent);
  }
  span.yr i {
    height: 1px;
    background: var(--_line);
  }
  .yr.in {
    background: var(--_hi);
    color: var(--_fg);
  }
  .yr.sel {
    box-shadow: inset 0 -4px var(--_fg);
    color: var(--_fg);
    font-weight: 700;
  }
  .yr .y {
    order: 2;
  }
  .yr .c {
    order: -2;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    margin: 0;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .mk {
    width: 0.5rem;
    height: 0.5rem;
    margin: 2px 0;
    background: var(--_fg);
    transform: rotate(45deg);
    order: -1;
  }
  .per {
    margin: 0.25rem 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
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
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: 0 0.75rem 0.75rem;
  }
  @container (max-width: 48rem) {
    .yr {
      height: 3rem;
    }
    .yr i {
      height: calc(var(--n) * 1.25rem + 0.2rem);
    }
  }
  @container (min-width: 48rem) {
    .fbtn,
    .done {
      display: none;
    }
    .layout {
      grid-template-columns: minmax(15rem, 20rem) minmax(0, 1fr);
      align-items: start;
    }
    .filters,
    .open .filters {
      display: block;
      position: sticky;
      top: calc(var(--_top) + 3.5rem);
      max-height: calc(100vh - var(--_top) - 4rem);
      overflow: auto;
      border: 0;
      padding: 0 0.25rem 0 0;
    }
  }
  details {
    border-bottom: 1px solid var(--_line);
  }
  summary {
    cursor: pointer;
    padding: 0.5rem 0;
    font-weight: 600;
  }
  .opts {
    display: grid;
    padding-bottom: 0.5rem;
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
    accent-color: var(--_accent);
  }
  .opts .none {
    color: var(--_muted);
    text-decoration: line-through;
    opacity: 0.75;
  }
  .n {
    /* Never shrink or break a count: "43" must not wrap into "4" and "3" beside a long label. */
    flex: none;
    white-space: nowrap;
    margin-inline-start: auto;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  fieldset {
    border: 0;
    margin: 0.5rem 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  fieldset label {
    display: grid;
    grid-template-columns: 1fr auto;
  }
  fieldset input {
    grid-column: 1 / -1;
    accent-color: var(--_accent);
    padding: 0;
  }
  .done {
    width: 100%;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 0.25rem;
  }
  .year {
    content-visibility: visible;
    contain-intrinsic-size: auto 20rem;
  }
  .year > ol {
    border-inline-start: 2px solid var(--_line);
    margin: 0 0 1rem 0.5rem;
    padding-inline-start: 0.75rem;
  }
  .gap {
    color: var(--_muted);
    font-style: italic;
    margin: 0 0 1rem 0.5rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 2px dashed var(--_line);
  }
  .day > .date {
    margin: 0.5rem 0 0;
    padding-inline-start: 0.5rem;
  }
  .day > ol,
  .parts {
    border-inline-start: 2px solid var(--_line);
    margin-inline-start: 1rem;
  }
  .ms {
    border-inline-start: 4px solid var(--_accent);
  }
  .ms .title {
    font-size: 1.0625rem;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
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
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .head .date {
    flex-basis: 100%;
  }
  .title {
    flex: 1 1 100%;
    min-width: 0;
    font-weight: 600;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 0.5rem;
    align-items: center;
  }
  [aria-expanded="true"] .title {
    color: var(--_accent);
  }
  .type::before {
    content: "";
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    margin-inline-end: 0.3em;
    background: var(--c);
    clip-path: var(--s);
  }
  .t0 { --c: #1c7ed6; --s: circle(50%); }
  .t1 { --c: #2b8a3e; --s: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); }
  .t2 { --c: #e8590c; --s: polygon(50% 0, 100% 100%, 0 100%); }
  .t3 { --c: #7048e8; --s: inset(0); }
  .t4 { --c: #c2255c; --s: polygon(35% 0, 65% 0, 65% 35%, 100% 35%, 100% 65%, 65% 65%, 65% 100%, 35% 100%, 35% 65%, 0 65%, 0 35%, 35% 35%); }
  .t5 { --c: #0c8599; --s: polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%); }
  .t6 { --c: #e03131; --s: polygon(0 0, 100% 0, 50% 100%); }
  .t7 { --c: #5c940d; --s: inset(25% 0); }
  .t8 { --c: #862e9c; --s: polygon(50% 0, 100% 38%, 82% 100%, 18% 100%, 0 38%); }
  .t9 { --c: #868e96; --s: circle(50% at 50% 50%); }
  .badge,
  .status {
    border: 1px solid;
    border-radius: 1rem;
    padding: 0 0.5rem;
  }
  .badge {
    font-weight: 600;
    color: var(--_fg);
  }
  .details {
    margin: 0 0 0.75rem;
    padding: 0.75rem;
    overflow-wrap: anywhere;
    border: 1px solid var(--_line);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_hi);
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0;
  }
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  dd li + li {
    margin-top: 0.375rem;
  }
  .details p {
    margin: 0 0 0.75rem;
  }
  .share {
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }
  .details .share {
    margin: 0.75rem 0 0;
  }
  .msg,
  .note {
    padding: 1rem;
    margin: 1rem 0;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .note {
    padding: 0.5rem 0.75rem;
    margin-top: 0;
    border-style: dashed;
  }
  .msg p {
    margin: 0 0 0.75rem;
  }
  .msg button {
    margin: 0 0.5rem 0.5rem 0;
  }
  .main:focus {
    outline: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    .head,
    .yr {
      transition: background-color 0.15s;
    }
  }
  @media (forced-colors: active) {
    .yr i,
    .mk,
    .type::before {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .yr.sel {
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
    .year {
      content-visibility: visible;
    }
    a::after {
      content: " (" attr(href) ")";
    }
  }
`;
