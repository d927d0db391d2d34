/**
 * The words the draft generator draws on, in the register of wire copy on the war in Ukraine.
 * People are invented (name and role), so no real person is given words they never said;
 * places, institutions, outlets and weapon systems are real, as in the news.
 */

export const PEOPLE: readonly (readonly [name: string, role: string])[] = [
  ["Olena Marchuk", "a spokeswoman for Ukraine's air force"],
  ["Taras Hnatyuk", "the head of the regional military administration"],
  ["Daniel Whitfield", "a Pentagon spokesman"],
  ["Maria Lindqvist", "a senior fellow at a Stockholm research institute"],
  ["Andriy Kovalenko", "a battalion commander"],
  ["Sergei Volkov", "a Russian military blogger"],
  ["Karen Osei", "a Democratic member of the House Armed Services Committee"],
  ["Richard Hale", "a Republican senator"],
  ["Ihor Bondar", "Ukraine's deputy defence minister"],
  ["Natalia Petrenko", "a nurse at the city hospital"],
  ["Mikhail Orlov", "a spokesman for the Russian Defence Ministry"],
  ["Claire Dubois", "a French armed forces official"],
  ["Thomas Brandt", "a German defence official"],
  ["Fiona McAllister", "a British defence official"],
  ["Yulia Savchenko", "a teacher who left the city in the spring"],
  ["Piotr Nowak", "Poland's deputy foreign minister"],
  ["James Whitaker", "a retired US Army general"],
  ["Oksana Melnyk", "an analyst at a Kyiv think tank"],
  ["Dmytro Lysenko", "a drone operator with a mechanised brigade"],
  ["Anna Kowalczyk", "a European Commission spokeswoman"],
  ["Viktor Shevchuk", "the city's mayor"],
  ["Hannah Reyes", "a State Department spokeswoman"],
  ["Pavlo Kravets", "an artillery officer"],
  ["Emily Carter", "a researcher who tracks arms deliveries"],
];

/** Sources that name themselves, as the subject of `said` or the object of `according to`. */
export const SOURCES = [
  "the Pentagon",
  "Ukraine's General Staff",
  "the Russian Defence Ministry",
  "Ukraine's air force",
  "the Institute for the Study of War",
  "the Kiel Institute",
  "the UN human rights monitoring mission",
  "Reuters",
  "the Associated Press",
  "NBC News",
  "CNN",
  "the BBC",
  "The New York Times",
  "the State Department",
  "Nato",
  "the UK Ministry of Defence",
  "the regional governor",
  "Ukraine's energy ministry",
  "the World Bank",
  "the International Atomic Energy Agency",
  "Ukraine's prosecutor general",
  "the Kyiv Independent",
  "the European Commission",
  "the mayor's office",
] as const;

/** Unnamed sources: they attribute, vaguely. */
export const VAGUE = [
  "officials said",
  "sources said",
  "according to local reports",
  "two people familiar with the matter said",
  "Western officials said",
  "according to media reports",
] as const;

export const OUTLETS = ["Reuters", "the Associated Press", "NBC News", "CNN", "the BBC", "The New York Times", "Politico", "the Financial Times", "Ukrainska Pravda"] as const;

export const POLLSTERS = ["Kyiv International Institute of Sociology", "Razumkov Centre", "Levada Center", "Gallup", "Pew Research Center"] as const;

export const PLACES = [
  "Kharkiv", "Kyiv", "Odesa", "Dnipro", "Zaporizhzhia", "Kherson", "Sumy", "Chernihiv", "Pokrovsk", "Kupiansk",
  "Avdiivka", "Bakhmut", "Vuhledar", "Chasiv Yar", "Toretsk", "Kramatorsk", "Sloviansk", "Mykolaiv", "Lviv", "Izium",
  "Kurakhove", "Vovchansk", "Nikopol", "Kryvyi Rih", "Poltava",
] as const;

export const RUSSIAN_REGIONS = ["Kursk", "Belgorod", "Bryansk", "Rostov", "Voronezh", "Krasnodar"] as const;

export const CAPITALS = ["Washington", "Brussels", "London", "Berlin", "Paris", "Warsaw", "Kyiv", "Vilnius", "Rome", "The Hague", "Copenhagen", "Ottawa"] as const;

export const DONORS = ["The US", "Britain", "Germany", "France", "Poland", "The Netherlands", "Denmark", "Norway", "Sweden", "Canada", "Italy", "Finland", "The Czech Republic"] as const;

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** When something happened, without a digit (dates with digits come from the date helper). */
export const WHEN = ["overnight", "on Tuesday", "on Sunday night", "last week", "over the past day", "this month", "early on Friday", "on Saturday", "in the small hours"] as const;

export const TOPICS = [
  "air defence", "long-range strikes", "ammunition production", "the next aid package", "sanctions on Russian oil",
  "protecting the power grid", "training for fighter pilots", "Ukraine's bid to join Nato", "grain exports through the Black Sea",
  "the exchange of prisoners", "reconstruction", "frozen Russian assets", "the counteroffensive", "the defence of the northern border",
] as const;

/** Things that are counted: plural noun, and a plausible range for one report. */
export const COUNTED: readonly (readonly [noun: string, low: number, high: number])[] = [
  ["drones", 10, 190],
  ["Shahed drones", 10, 120],
  ["cruise missiles", 2, 40],
  ["ballistic missiles", 1, 12],
  ["glide bombs", 20, 900],
  ["artillery shells", 1000, 60000],
  ["troops", 200, 9000],
  ["tanks", 2, 60],
  ["armoured vehicles", 5, 120],
  ["artillery systems", 3, 80],
  ["homes", 10, 3000],
  ["people", 50, 20000],
];

/** Weapon systems as narrative names them, singular and plural, with no figure. */
export const SYSTEMS: readonly (readonly [one: string, many: string])[] = [
  ["ATACMS", "ATACMS missiles"],
  ["HIMARS", "HIMARS launchers"],
  ["Storm Shadow", "Storm Shadow missiles"],
  ["Patriot", "Patriot air-defence systems"],
  ["F-16", "F-16 fighter jets"],
  ["Abrams", "M1 Abrams tanks"],
  ["Leopard 2", "Leopard 2 tanks"],
  ["IRIS-T", "IRIS-T air-defence systems"],
  ["Bradley", "Bradley fighting vehicles"],
];

/** What someone said, as reported speech without figures. */
export const CLAIMS = [
  "the decision would not change the course of the war",
  "Kyiv needed more air defence before the winter",
  "the allies were running short of interceptors",
  "the strikes had been aimed at military targets",
  "talks on a new aid package would continue next week",
  "Moscow would respond to any attack on its territory",
  "the restrictions on long-range weapons should be lifted",
  "the evacuation was going to plan",
  "the power grid was again under pressure",
  "deliveries were arriving faster than in the spring",
  "there was no evidence of a breakthrough",
  "the letter reflected growing frustration in Congress",
  "Ukraine would keep pressing for fighter jets",
  "the government was studying the request",
  "the attack had been expected for weeks",
  "the city's hospitals were coping",
  "no decision had been taken",
  "the alliance would stand by Kyiv for as long as it took",
  "the new rules would take effect immediately",
  "the shelling had damaged a school and a water station",
  "both sides were digging in for a long winter",
  "the drones had come in low over the river",
  "the talks had been constructive but inconclusive",
  "the counteroffensive had met stronger resistance than expected",
] as const;

/** Sentences of background that carry no figure. */
export const BACKGROUND = [
  "The policy shift follows months of escalating cross-border attacks.",
  "The decision has divided the administration, which fears a wider war.",
  "The war has reshaped Europe's defence budgets and its arms industry.",
  "Western officials say the counteroffensive has been slower than hoped.",
  "Residents queued for water as repair crews worked through the night.",
  "The talks ended without a joint statement.",
  "The Kremlin did not respond to a request for comment.",
  "The claims could not be independently verified.",
  "Neither side publishes full figures for its own losses.",
  "Air-raid sirens sounded across much of the country for several hours.",
  "The bridge, a vital supply route, had been repaired only weeks earlier.",
  "Diplomats expect the issue to dominate next month's summit.",
  "The move comes just weeks before a new administration takes office in Washington.",
  "Critics say the aid has arrived too slowly to make a difference at the front.",
  "Most of the town's remaining residents are elderly.",
  "The government has asked households to limit their use of electricity in the evenings.",
  "Satellite images published this week show fresh craters near the airfield.",
  "Both armies now rely heavily on cheap drones to spot and strike targets.",
] as const;

/** Quotations without figures, each a sentence without its closing punctuation. */
export const QUOTES = [
  "We will not be intimidated",
  "Blows are not inflicted with words",
  "The rockets will speak for themselves",
  "Every day of delay costs lives",
  "Our soldiers need ammunition, not promises",
  "This is a decision we did not take lightly",
  "Nobody is talking about escalation except Moscow",
  "The sky over our cities must be closed",
  "We are ready to talk, but not at any price",
  "The front is holding",
  "It was the worst night since the winter",
  "We heard the explosions and ran to the basement",
  "They aim at the power stations because they want us to freeze",
  "History will judge how quickly we acted",
  "There is no such thing as a safe city any more",
  "We understand the concerns about stockpiles, but this is the fight that matters now",
  "Nothing happens without Washington's approval",
  "The children sleep in the corridor now",
] as const;

export const SPEECH = ["said", "told reporters", "said in a statement", "wrote on Telegram", "told Reuters", "said in his nightly address", "added", "warned"] as const;

export const HEADINGS = [
  "Strikes on {place}", "The view from {capital}", "What {system} can do", "Reaction in Moscow", "Aid in numbers", "Background",
  "The front line near {place}", "Air defence", "The letter to the White House", "What happens next", "Civilians in {place}",
  "Losses", "Analysis: {topic}", "A long wait for {system}", "Inside the talks on {topic}", "Timeline",
] as const;

export const COMMENTS = [
  "TODO: check the figure with the desk",
  "Editor: confirm the date of the letter",
  "photo: AFP, cleared for use",
  "keep this paragraph even if we trim for length",
  "legal has seen the quote",
] as const;
