/**
 * Attribution (spec section 3): a figure is attributed when its sentence names where it
 * comes from, by a phrase, a quotation's speaker, a link or footnote, or an attributed
 * lead-in over a list or table. Each way is shown attributing, and shown not reaching
 * past the sentence (or the look-alike phrase) it belongs to.
 */
import { describe, it, expect } from "vitest";
import { found } from "./support";

describe("attributing phrases", () => {
  it.each([
    ["according to X, leading", "According to the UN monitoring mission, 3,600 civilians have died this year."],
    ["according to X, trailing", "Some 8,000 troops are massing near Kupiansk, according to Ukraine's General Staff."],
    ["citing X", "Citing satellite images, the think tank counted 70 jets at the airfield."],
    ["citing X, with no speech verb", "Citing satellite images, 70 jets had been moved to the airfield."],
    ["per X (a name)", "Russia lost 200 tanks in a single week, per Oryx."],
    ["per the X", "Russia lost 200 tanks in a single week, per the Oryx tally."],
    ["Per X opening the sentence", "Per Ukraine's air force, 90 drones were downed overnight."],
    ["X said", "The mayor said 14 buildings had collapsed in the strike."],
    ["X told", "Zelensky told allies his army needs 25 more air-defence systems."],
    ["X estimated", "The ministry estimated that 1,300 homes were flooded."],
    ["X estimates", "Kyiv School of Economics estimates the damage at $150 billion."],
    ["X reported", "The regional governor reported 11 deaths overnight."],
    ["as X reported", "Some 900 soldiers deserted in May, as Meduza reported."],
    ["X's figures show", "The UN's figures show 6.3 million refugees abroad."],
    ["X put the number at", "The prosecutor's office put the number of deported children at 19,500."],
    ["said X, after a quotation", "“We lost 40 vehicles in a day,” said Colonel Oleh Petrenko."],
    ["a vague attribution still counts", "Officials said 300 drones were shot down over the capital."],
    ["reportedly still counts", "Russia reportedly lost 300 drones over the capital."],
  ])("%s: the figure is attributed", (_what, text) => {
    expect(found(text)).toEqual([]);
  });

  it("`per cent` is a percentage, not `per X`", () => {
    const text = "Inflation hit 25 per cent in the occupied regions.";
    expect(found(text)).toEqual([["unattributed-figure", "25 per cent"]]);
  });

  it("`per day` is a rate, not `per X`", () => {
    const text = "The army fires about 6,000 shells per day.";
    expect(found(text)).toEqual([["unattributed-figure", "about 6,000 shells"]]);
  });

  it("`an estimated` names no estimator", () => {
    const text = "An estimated 9,000 people were evacuated from Vovchansk.";
    expect(found(text)).toEqual([["unattributed-figure", "An estimated 9,000 people"]]);
  });

  it("`according to plan` names no source", () => {
    const text = "According to plan, some 3,000 troops rotated out of the town.";
    expect(found(text)).toEqual([["unattributed-figure", "some 3,000 troops"]]);
  });

  it.each(["…", "..."])("`according to %s`, a placeholder left unfilled, names no source", (placeholder) => {
    const text = `Ukraine has lost more than 4,000 troops in a week, according to ${placeholder}.`;
    expect(found(text)).toEqual([["unattributed-figure", "more than 4,000 troops"]]);
  });
});

describe("attribution stays in its sentence", () => {
  it("does not carry into the next sentence", () => {
    const text = "The governor said 40 people died. Another 90 were injured in the blast.";
    expect(found(text)).toEqual([["unattributed-figure", "Another 90"]]);
  });

  it("an attribution later in the paragraph does not reach back", () => {
    const text = "Russia fired 80 missiles at the grid. The energy minister said repairs would take weeks.";
    expect(found(text)).toEqual([["unattributed-figure", "80 missiles"]]);
  });

  it("an abbreviated title does not end the sentence", () => {
    const text = "Some 4,000 reservists were called up, Gen. Syrskyi said.";
    expect(found(text)).toEqual([]);
  });

  it("the same sentence across a soft line break keeps its attribution", () => {
    const text = "More than 1,800 shells landed on the town overnight,\nthe regional administration said.";
    expect(found(text)).toEqual([]);
  });
});

describe("quotations", () => {
  it("a quotation over several sentences, closed by its speaker, is attributed throughout", () => {
    const text = "“The brigade has lost 300 men. Another 150 are wounded. We have 40 shells a day,” the commander said.";
    expect(found(text)).toEqual([]);
  });

  it("a multi-sentence quotation with straight quotes, closed by its speaker", () => {
    const text = '"We counted 60 drones. At least 20 got through," the air force spokesman said.';
    expect(found(text)).toEqual([]);
  });

  it("a speaker named before the quotation in the same sentence attributes it", () => {
    const text = "Zelensky told parliament: “We need 25 Patriot systems.”";
    expect(found(text)).toEqual([]);
  });

  it("a quotation with no speaker is not attributed", () => {
    const text = "“The brigade has lost 300 men. Another 150 are wounded.”";
    expect(found(text)).toEqual([
      ["unattributed-figure", "300 men"],
      ["unattributed-figure", "Another 150"],
    ]);
  });

  it("a closed quotation's speaker does not reach the next sentence", () => {
    const text = "“We held the line,” the commander said. Russia lost 80 tanks there.";
    expect(found(text)).toEqual([["unattributed-figure", "80 tanks"]]);
  });

  it("a speech verb inside the quotation does not attribute the narrator's figure", () => {
    const text = "Russia lost 80 tanks after the “we said no” moment.";
    expect(found(text)).toEqual([["unattributed-figure", "80 tanks"]]);
  });
});

describe("links and footnotes", () => {
  it("a link in the sentence cites it", () => {
    const text = "Kyiv downed 36 of 40 drones overnight ([statement](https://mil.example/statement/1)).";
    expect(found(text)).toEqual([]);
  });

  it("a figure inside the link text is cited by the link", () => {
    const text = "Kyiv says it downed [36 of 40 drones](https://example.org/report-2024) overnight.";
    expect(found(text)).toEqual([]);
  });

  it("a footnote reference after the full stop cites the sentence", () => {
    const text = "Kyiv downed 36 drones overnight.[^1]\n\n[^1]: Air Force statement on Telegram.\n";
    expect(found(text)).toEqual([]);
  });

  it("a footnote reference before the full stop cites the sentence", () => {
    const text = "Kyiv downed 36 drones overnight[^1].\n\n[^1]: Air Force statement on Telegram.\n";
    expect(found(text)).toEqual([]);
  });

  it("a footnote cites only its own sentence", () => {
    const text = "Kyiv downed 36 drones overnight.[^1] Another 12 were jammed.\n\n[^1]: Air Force.\n";
    expect(found(text)).toEqual([["unattributed-figure", "Another 12"]]);
  });

  it("a link cites only its own sentence", () => {
    const text = "Kyiv downed [36 drones](https://example.org/a) overnight. Another 12 were jammed.";
    expect(found(text)).toEqual([["unattributed-figure", "Another 12"]]);
  });
});

describe("lead-ins over lists and tables", () => {
  it("an attributed lead-in ending with a colon covers the list items", () => {
    const text = "The energy ministry said:\n\n- 12 substations were hit\n- 3,000 households lost power\n";
    expect(found(text)).toEqual([]);
  });

  it("a lead-in that names no source leaves the list items unattributed", () => {
    const text = "Damage across the region so far:\n\n- 12 substations were hit\n- 3,000 households lost power\n";
    expect(found(text)).toEqual([
      ["unattributed-figure", "12 substations"],
      ["unattributed-figure", "3,000 households"],
    ]);
  });

  it("an agentless passive ('was recorded') names no source for the list", () => {
    const text = "The following damage was recorded:\n\n- 12 substations were hit\n";
    expect(found(text)).toEqual([["unattributed-figure", "12 substations"]]);
  });

  it("the same verb with its agent named does attribute", () => {
    const text = "The following damage was recorded by the energy ministry:\n\n- 12 substations were hit\n";
    expect(found(text)).toEqual([]);
  });

  it("an attributed lead-in that does not end with a colon covers nothing", () => {
    const text = "The energy ministry said repairs were under way.\n\n- 12 substations were hit\n";
    expect(found(text)).toEqual([["unattributed-figure", "12 substations"]]);
  });

  it("an attributed lead-in ending with a colon covers the table", () => {
    const text = "Kharkiv's housing department reported:\n\n| District | Damage |\n| --- | --- |\n| Saltivka | 340 homes |\n";
    expect(found(text)).toEqual([]);
  });

  it("a table under a lead-in that names no source is unattributed", () => {
    const text = "Damage by district:\n\n| District | Damage |\n| --- | --- |\n| Saltivka | 340 homes |\n";
    expect(found(text)).toEqual([["unattributed-figure", "340 homes"]]);
  });
});

describe("attribution at the sentence's end and rates", () => {
  it("`the Pentagon estimates.` closing the sentence attributes it", () => {
    expect(found("Russia lost 90 tanks in October, the Pentagon estimates.")).toEqual([]);
  });

  it("`per annum` is a rate, not a source", () => {
    expect(found("Kyiv pays 300 dollars per annum for each licence.")).toEqual([["unattributed-figure", "300 dollars"]]);
  });
});
