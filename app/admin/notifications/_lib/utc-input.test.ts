import { describe, expect, it } from "vitest";
import { isoToUtcInput, utcInputToIso } from "./utc-input";

describe("the delivery log's UTC time field", () => {
  it("reads a datetime-local value as UTC, with or without seconds", () => {
    expect(utcInputToIso("2025-11-22T06:08")).toBe("2025-11-22T06:08:00.000Z");
    expect(utcInputToIso("2025-11-22T06:08:42")).toBe("2025-11-22T06:08:42.000Z");
    expect(utcInputToIso(" 2025-11-22T06:08:42.5 ")).toBe("2025-11-22T06:08:42.500Z");
  });

  it("gives nothing for what is not such a value, so the use case asks for a time", () => {
    for (const bad of ["", "yesterday", "2025-11-22", "2025-13-40T99:99", "2025-11-22T06:08Z", "2025-11-22 06:08"]) {
      expect(utcInputToIso(bad), bad).toBe("");
    }
  });

  it("writes a date back as the field shows it, to the minute, in UTC", () => {
    const date = new Date(Date.UTC(2025, 10, 22, 6, 8, 42));
    expect(isoToUtcInput(date)).toBe("2025-11-22T06:08");
    expect(utcInputToIso(isoToUtcInput(date))).toBe("2025-11-22T06:08:00.000Z");
  });
});
