// Runs Lighthouse (accessibility, best practices) on a list of pages with one Chromium, in sequence.
//
// Usage: node tests/audit/lighthouse.mjs <chromium> <pages.json>
// pages.json: [{"url": "...", "language": "fr"}, ...]. Prints one JSON line: for each page its two
// scores and the audits that lost points, with the elements they point at.
import fs from "node:fs";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [chromePath, pagesFile] = process.argv.slice(2);
const pages = JSON.parse(fs.readFileSync(pagesFile, "utf8"));
const CATEGORIES = ["accessibility", "best-practices"];

function failures(lhr) {
  const found = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const items = (audit.details && audit.details.items) || [];
      const where = items.slice(0, 5).map((item) =>
        item.node
          ? item.node.snippet || item.node.selector
          : [item.description, item.url || item.sourceLocation?.url].filter(Boolean).join(" ") || JSON.stringify(item),
      );
      found.push({ category: id, id: audit.id, title: audit.title, where });
    }
  }
  return found;
}

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
const results = [];
try {
  for (const page of pages) {
    const runner = await lighthouse(page.url, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: CATEGORIES,
      extraHeaders: { "Accept-Language": page.language },
      throttlingMethod: "provided",
      pauseAfterFcpMs: 0,
      pauseAfterLoadMs: 0,
      networkQuietThresholdMs: 500,
      cpuQuietThresholdMs: 500,
    });
    const lhr = runner.lhr;
    results.push({
      url: page.url,
      language: page.language,
      scores: Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id].score])),
      failures: failures(lhr),
      runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
    });
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results) + "\n");
