/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="@ca-timeline/timeline-widget/svelte" />
