import { describe, expect, it } from "vitest";
import { htmlForFrame } from "./srcdoc";

describe("htmlForFrame", () => {
  it("puts the base into the head, keeping the doctype first", () => {
    expect(htmlForFrame('<!DOCTYPE html><html><head lang="en"><title>x</title></head><body>b</body></html>')).toBe(
      '<!DOCTYPE html><html><head lang="en"><base target="_blank"><title>x</title></head><body>b</body></html>',
    );
  });

  it("puts it after a doctype when there is no head, and first otherwise", () => {
    expect(htmlForFrame("<!doctype html><p>b</p>")).toBe('<!doctype html><base target="_blank"><p>b</p>');
    expect(htmlForFrame("<p>b</p>")).toBe('<base target="_blank"><p>b</p>');
  });

  it("is not fooled by a header element", () => {
    expect(htmlForFrame("<header>h</header><p>b</p>")).toBe('<base target="_blank"><header>h</header><p>b</p>');
  });
});
