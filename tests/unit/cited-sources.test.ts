import { describe, expect, it } from "vitest";
import { citedSources } from "../../server/src/core/cited-sources";

describe("citedSources", () => {
  it("finds names after attribution phrases and before speech verbs, most cited first", () => {
    const text = [
      "Kyiv lost 12 jets, according to the Pentagon.",
      "Reuters reported 40 tanks. Citing Ukraine's General Staff, the paper said 300.",
      "The Pentagon said 15,000 rounds were sent, per Oryx.",
    ].join("\n");
    expect(citedSources(text)).toEqual(["the Pentagon", "Ukraine's General Staff", "Oryx", "Reuters"]);
  });

  it("leaves out pronouns and unnamed sources", () => {
    expect(citedSources("He said 40. Officials said 50. They told us 60. According to Sources, 70.")).toEqual([]);
  });

  it("keeps multi-word names joined by of and for", () => {
    expect(citedSources("according to the Institute for the Study of War")).toEqual(["the Institute for the Study of War"]);
    expect(citedSources("according to the Ministry of Defence")).toEqual(["the Ministry of Defence"]);
  });

  it("stops at the limit", () => {
    const text = Array.from({ length: 20 }, (_, i) => `according to Agency${String.fromCharCode(65 + i)}.`).join(" ");
    expect(citedSources(text, 3)).toHaveLength(3);
  });
});
