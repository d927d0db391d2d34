/**
 * Figures (spec section 2): what counts as a quantity a reader expects to be sourced, and
 * what does not. Every draft here names no source, so each figure is an
 * `unattributed-figure` and each non-figure must stay silent.
 */
import { describe, it, expect } from "vitest";
import { found } from "./support";

describe("figures: counts", () => {
  it.each([
    ["digits with a thousands separator", "The garrison at Huliaipole now numbers 2,400 men.", "2,400 men"],
    ["a spelled-out count", "Seven battalions crossed the Oskil river at dawn.", "Seven battalions"],
    ["a spelled-out count of people", "Nine lawmakers signed the letter to the White House.", "Nine lawmakers"],
    ["a dozen", "A dozen missiles struck Lviv before sunrise.", "A dozen missiles"],
    ["a scaled decimal", "Across the east, 1.2 million people lost heating in the cold snap.", "1.2 million people"],
    ["a spelled-out dozen with a qualifier", "Kyiv has fewer than two dozen tanks left in reserve.", "fewer than two dozen tanks"],
    ["a hundred", "Russia sent a hundred drones against the port.", "a hundred drones"],
    ["half a dozen", "Russia fired half a dozen drones at Kherson before dawn.", "half a dozen drones"],
    ["a spelled-out count in capitals", "TWO HUNDRED tanks were lost near Avdiivka.", "TWO HUNDRED tanks"],
  ])("%s fires", (_what, text, span) => {
    expect(found(text)).toEqual([["unattributed-figure", span]]);
  });

  it.each([
    ["dozens of", "Dozens of tanks were left stuck in the mud near Robotyne.", "Dozens of tanks"],
    ["hundreds of", "Hundreds of drones circled over Odesa during the night.", "Hundreds of drones"],
    ["scores of", "Scores of trucks queued at the border crossing near Chop.", "Scores of trucks"],
  ])("a vague count (%s) fires and covers what it counts", (_what, text, span) => {
    expect(found(text)).toEqual([["unattributed-figure", span]]);
  });
});

describe("figures: money", () => {
  it.each([
    ["dollars with a symbol and scale word", "Washington sent $2.3 billion in fresh aid to Kyiv.", "$2.3 billion"],
    ["pounds with an attached scale", "London pledged £750m for long-range drones.", "£750m"],
    ["euros with an attached scale", "Brussels released €4.2bn from the frozen assets fund.", "€4.2bn"],
    ["dollars spelled out", "Tokyo will add 500 million dollars to the reconstruction fund.", "500 million dollars"],
    ["euros spelled out", "Oslo gave 1.5 billion euros for gas purchases.", "1.5 billion euros"],
    ["hryvnias spelled out", "The city council set aside 40 million hryvnias for shelters.", "40 million hryvnias"],
    ["a two-letter currency prefix", "Wellington gave NZ$12m for demining.", "NZ$12m"],
    ["a one-letter currency prefix after a digit", "In 2023 A$100m went to armoured vehicles.", "A$100m"],
    ["a currency prefix in lower case", "Hong Kong traders moved hk$3bn in a week.", "hk$3bn"],
    ["an amount written from its decimal point", "Each shell cost $.5m to make.", "$.5m"],
  ])("%s fires", (_what, text, span) => {
    expect(found(text)).toEqual([["unattributed-figure", span]]);
  });

  it("two amounts with dollar signs on one line are money, not inline math", () => {
    const text = "Kyiv asked for $20 billion and received $6 billion.";
    expect(found(text)).toEqual([
      ["unattributed-figure", "$20 billion"],
      ["unattributed-figure", "$6 billion"],
    ]);
  });
});

describe("figures: where a number starts", () => {
  it.each([
    ["from its decimal point", "Russia's economy grew by .5 per cent.", ".5 per cent"],
    ["after a dash", "Losses rose to 4,000-5,000 troops.", "4,000-5,000 troops"],
    ["after an opening bracket", "Some shells (4,000 rounds) were lost.", "4,000 rounds"],
  ])("%s", (_what, text, span) => {
    expect(found(text)).toEqual([["unattributed-figure", span]]);
  });

  it("a number word inside a longer word is not a figure", () => {
    expect(found("Everyone saw the often-tenfold rise; Twentyfive and seventyish were codenames.")).toEqual([]);
  });

  it("a number joined to a word or another number is not a figure", () => {
    expect(found("The F16 and the Su25 were there, as was model x500.")).toEqual([]);
  });
});

describe("figures: percentages, fractions and rates", () => {
  it.each([
    ["a percent sign", "Roughly 35% of the grid is down in Zaporizhzhia.", "Roughly 35%"],
    ["the word percent", "Some 60 percent of schools in Kharkiv now have shelters.", "Some 60 percent"],
    ["per cent in two words", "Bread prices rose 12 per cent in the occupied south.", "12 per cent"],
    ["pc, as British copy writes it", "Fuel prices rose 18pc in a month in Dnipro.", "18pc"],
    ["a hyphenated fraction", "Three-quarters of the villages along the river lack power.", "Three-quarters"],
    ["a fraction in lower case", "Russia has lost two-thirds of its Black Sea landing ships.", "two-thirds"],
    ["half of the", "Half of the bridges over the Donets are gone.", "Half of the bridges"],
    ["a fifth", "A fifth of the harvest rotted in the fields.", "A fifth"],
    ["a rate in words", "One in four homes in Izium was damaged.", "One in four"],
    ["a rate with two spelled numbers", "Two in three residents have left Kupiansk.", "Two in three"],
  ])("%s fires", (_what, text, span) => {
    expect(found(text)).toEqual([["unattributed-figure", span]]);
  });
});

describe("figures: measurements, qualifiers, ranges, conversions", () => {
  it.each([
    ["a weight", "The glide bombs weigh 1,500 kg.", "1,500 kg"],
    ["a distance", "The drone flew 800 kilometres before it crashed.", "800 kilometres"],
    ["an altitude in metres", "The drones flew at 3,000 metres over the lake.", "3,000 metres"],
    ["a speed in Mach", "The aircraft reached Mach 2 over the Black Sea.", "Mach 2"],
    ["a calibre glued to its unit", "Gun crews near Chasiv Yar fire 155mm shells.", "155mm"],
    ["at least", "At least 1,100 civilians remain in the town.", "At least 1,100 civilians"],
    ["as many as", "Russia launched as many as 60 drones at the port.", "as many as 60 drones"],
    ["more than", "Ukraine has lost more than 4,000 troops in the pocket.", "more than 4,000 troops"],
    ["up to", "Each truck carries up to 30 shells.", "up to 30 shells"],
    ["a range with between…and", "Between 300 and 400 prisoners were exchanged on Friday.", "Between 300 and 400 prisoners"],
    ["a range with to", "Some 15 to 20 villages were shelled overnight.", "Some 15 to 20 villages"],
    ["a hyphenated range", "The 20-30 men left in the unit refused to advance.", "20-30 men"],
    ["an en-dash range with a unit", "The convoys covered 20–30 km a day.", "20–30 km"],
    ["a range of percentages", "Power output fell by 30% to 40% after the strikes.", "30% to 40%"],
  ])("%s fires", (_what, text, span) => {
    expect(found(text)).toEqual([["unattributed-figure", span]]);
  });

  it("a measurement with its parenthetical conversion is one figure, one finding", () => {
    const text = "The column of trucks stretched 12 miles (19 km) along the highway.";
    expect(found(text)).toEqual([["unattributed-figure", "12 miles (19 km)"]]);
  });

  it("a qualified measurement with its conversion is one figure", () => {
    const text = "The front line runs for nearly 900 km (560 miles) through the region.";
    expect(found(text)).toEqual([["unattributed-figure", "nearly 900 km (560 miles)"]]);
  });

  it("a parenthesis that is no conversion is not taken into the figure", () => {
    const text = "The 15th Brigade (about 2,000 troops) holds Siversk.";
    expect(found(text)).toEqual([["unattributed-figure", "about 2,000 troops"]]);
  });
});

describe("not figures", () => {
  it.each([
    ["a day and month with a year", "The offensive began on 24 February 2022 before dawn."],
    ["a US-style date", "Talks resumed on March 3, 2023, in Istanbul."],
    ["a year", "In 2014 Russia seized the peninsula."],
    ["a decade", "In the 1990s Ukraine gave up its nuclear arsenal."],
    ["relative dates and weekdays", "Last July the dam was breached, and on Sunday the river rose again."],
    ["a 24-hour clock time", "Sirens sounded at 04:15 across the capital."],
    ["a clock time with a.m.", "Air raid alerts began at 5 a.m. in Kharkiv."],
    ["the F-16 designation", "Ukrainian pilots are training on the F-16 in Denmark."],
    ["the Su-34 designation", "A Su-34 bomber was shot down over Donetsk."],
    ["the S-400 designation", "Russia moved an S-400 battery closer to the border."],
    ["T-72 and Mi-8", "A T-72 and a Mi-8 helicopter were seen near the depot."],
    ["a name with a number", "Leopard 2 tanks arrived in Poland by rail."],
    ["G7 and Article 5", "The G7 discussed Article 5 at length."],
    ["a flight number", "Flight MH17 was shot down over the Donbas."],
    ["a numbered unit name", "The 47th Mechanized Brigade held the line near Avdiivka."],
    ["an abbreviated unit name", "The 3rd Assault Brigade moved north overnight."],
    ["a military unit number", "GRU Unit 29155 was blamed for the sabotage."],
    ["an ordinal compound", "It was the second-largest attack of the war."],
    ["an ordinal", "For the third time this month the plant lost power."],
    ["one of", "One of the lawmakers objected to the wording."],
    ["a version number", "The ministry released version 2.1 of the alert app."],
    ["a dotted version number", "The app update, 4.7.2, fixes the shelter map."],
  ])("%s is quiet", (_what, text) => {
    expect(found(text)).toEqual([]);
  });

  it("list numbering is structure, not a figure", () => {
    expect(found("1. Kyiv asked for jets.\n2. Berlin hesitated.\n3. Paris agreed.\n")).toEqual([]);
  });

  it("heading numbering is structure, not a figure", () => {
    expect(found("## 3. The spring offensive\n\nThe rains came early.\n")).toEqual([]);
  });

  it("a footnote label (reference and definition) is not a figure", () => {
    expect(found("Kyiv asked again.[^12]\n\n[^12]: Reuters, in a report from Brussels.\n")).toEqual([]);
  });

  it("a real figure among non-figures is the only finding", () => {
    const text = "On 3 March 2023 the 92nd Brigade lost 40 soldiers near an F-16 base.";
    expect(found(text)).toEqual([["unattributed-figure", "40 soldiers"]]);
  });

  it("a spelled-out count of a designated aircraft is a figure; the designation is not", () => {
    const text = "Norway has delivered six F-16s to the air base.";
    expect(found(text)).toEqual([["unattributed-figure", "six F-16s"]]);
  });
});

describe("abbreviated units and months", () => {
  it("takes `ft` and `mi` as units after a space, and in a conversion", () => {
    expect(found("Drones now fly at 12,000 ft over the Dnipro.")).toEqual([["unattributed-figure", "12,000 ft"]]);
    expect(found("The front runs 1,000 km (621 mi) from north to south.")).toEqual([["unattributed-figure", "1,000 km (621 mi)"]]);
  });

  it("reads `Sept. 3` and `Feb. 24` as dates", () => {
    expect(found("The bridge fell on Sept. 3 and the dam on Feb. 24, after 40 strikes.")).toEqual([["unattributed-figure", "40 strikes"]]);
  });
});
