/// <reference types="vite/client" />
/// <reference types="@ca-timeline/timeline-widget/vue" />
