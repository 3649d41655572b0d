import { timeline } from "@ca-timeline/data";
import { chromium } from "playwright-core";
import { preview } from "vite";
import { checkInChromium } from "../shared/check-in-chromium.mjs";

await checkInChromium({ chromium, preview, dataset: timeline });
