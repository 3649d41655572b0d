import { css } from "lit";

/**
 * Constructable stylesheets (adoptedStyleSheets) work under `style-src 'self'`; nothing here needs an
 * inline style. Public custom properties feed private `--_*` ones so dark mode only swaps defaults.
 */
export const styles = css`
  :host {
    --_fg: var(--ca-timeline-color, #1b1b1f);
    --_bg: var(--ca-timeline-background, #fff);
    --_muted: var(--ca-timeline-muted-color, #4d4d57);
    --_accent: var(--ca-timeline-accent-color, #0a58ca);
    --_line: var(--ca-timeline-border-color, #767680);
    --_mark: var(--ca-timeline-mark-background, #ffe066);
    --_mark-fg: var(--ca-timeline-mark-color, #000);
    --_focus: var(--ca-timeline-focus-color, var(--_accent));
    --_radius: var(--ca-timeline-radius, 0.375rem);
    /* Native controls (checkboxes, selects, scrollbars) follow the scheme too. */
    color-scheme: light;
    display: block;
    container-type: inline-size;
    font: 1rem/1.5 var(--ca-timeline-font-family, system-ui, sans-serif);
    color: var(--_fg);
    background: var(--_bg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color-scheme: dark;
      --_fg: var(--ca-timeline-color, #ececf1);
      --_bg: var(--ca-timeline-background, #16161a);
      --_muted: var(--ca-timeline-muted-color, #b4b4c0);
      --_accent: var(--ca-timeline-accent-color, #8fb8ff);
      --_line: var(--ca-timeline-border-color, #8a8a96);
      --_mark: var(--ca-timeline-mark-background, #7a5d00);
      --_mark-fg: var(--ca-timeline-mark-color, #fff);
    }
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input,
  select,
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
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }
  .search {
    flex: 1 1 12rem;
    display: grid;
  }
  .count {
    margin: 0;
    font-weight: 600;
  }
  .overview {
    display: none;
    margin-top: 1rem;
  }
  .overview ol {
    display: flex;
    align-items: end;
    gap: 2px;
  }
  .overview li {
    flex: 1;
  }
  .yr {
    width: 100%;
    height: 5rem;
    display: flex;
    flex-direction: column;
    justify-content: end;
    align-items: center;
    border: 0;
    padding: 0.25rem 0;
    font-size: 0.75rem;
  }
  .yr i {
    width: 70%;
    height: calc(var(--n, 0) * 3rem + 2px);
    background: var(--_accent);
  }
  .yr:disabled {
    cursor: default;
    color: var(--_muted);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    margin-top: 1rem;
  }
  @container (min-width: 48rem) {
    .overview {
      display: block;
    }
    .layout {
      grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
      align-items: start;
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
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  fieldset label {
    display: grid;
  }
  .reset {
    margin-top: 0.5rem;
  }
  .year {
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 0.25rem;
  }
  .year > ol {
    border-inline-start: 2px solid var(--_line);
    margin: 0 0 1rem 0.5rem;
    padding-inline-start: 0.75rem;
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
    background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
  }
  .date {
    color: var(--_muted);
    min-width: 10rem;
  }
  .title {
    flex: 1 1 14rem;
    min-width: 0;
    font-weight: 600;
  }
  [aria-expanded="true"] .title {
    color: var(--_accent);
  }
  .status {
    border: 1px solid;
    border-radius: 1rem;
    padding: 0 0.5rem;
    font-size: 0.875rem;
  }
  .details {
    padding: 0 0.5rem 1rem;
    overflow-wrap: anywhere;
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
  .msg {
    padding: 1rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .msg p {
    margin: 0 0 0.75rem;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    .head,
    .yr {
      transition: background-color 0.15s;
    }
  }
  @media (forced-colors: active) {
    .yr i {
      background: CanvasText;
    }
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    .tools input,
    .tools button,
    .filters,
    .overview {
      display: none;
    }
    .year {
      content-visibility: visible;
    }
    .head {
      padding: 0.25rem 0;
    }
    a::after {
      content: " (" attr(href) ")";
    }
  }
`;
