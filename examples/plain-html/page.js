// @ts-check
// The page listens to the element's events; `e.detail` is typed (tsc -p jsconfig.json checks this file).
const timeline = document.querySelector("ca-timeline");
const count = document.querySelector("#status");
const opened = document.querySelector("#selected");

timeline?.addEventListener("ca-timeline-change", (e) => {
  if (count) count.textContent = `${e.detail.count} events`;
});
timeline?.addEventListener("ca-timeline-select", (e) => {
  if (opened) opened.textContent = e.detail.title.en;
});
