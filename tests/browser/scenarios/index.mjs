/** The scenarios, in the order they run. Each starts from a state it sets up itself. */
import problems from "./problems.mjs";
import hover from "./hover.mjs";
import claimsSheet from "./claims-sheet.mjs";
import addAttribution from "./add-attribution.mjs";
import referenceValue from "./reference-value.mjs";
import statusBar from "./status-bar.mjs";
import rulesOff from "./rules-off.mjs";
import checkWorkspace from "./check-workspace.mjs";

export const scenarios = [problems, hover, claimsSheet, addAttribution, referenceValue, rulesOff, checkWorkspace, statusBar];
