import { expect, type Page } from "@playwright/test";

/** A phone's viewport: the width people tripped over (390 px). */
export const PHONE = { width: 390, height: 844 };

/** The page does not scroll sideways: nothing sticks out of a phone's width. */
export async function expectNoSidewaysScroll(page: Page, what = "page") {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}: page width ${scrollWidth} within the window's ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
}
