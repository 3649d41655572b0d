// How every browser run of the repository starts Chromium (the widget's browser tests, its standalone
// tests and benchmark, the release rehearsal): Debian's Chromium here (Playwright's own download is not
// available); elsewhere point CHROMIUM_PATH at any Chromium or Chrome. Flags for containers and CI.

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumLaunchOptions = {
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
  ],
};
