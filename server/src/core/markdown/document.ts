/**
 * A whole document's prose in one pass: what a source article needs. Drafts are read in
 * sections by OpenDraft, which re-reads only what an edit touched; a source is read once,
 * so it is parsed whole and every section read in turn, lead-ins passed on as OpenDraft does.
 */
import { frontMatterEnd } from "./extensions";
import { DraftInput } from "./input";
import { boundInlineParsing } from "./inline";
import { LED_BLOCKS, leadsIn, markdownParser, readSection, type ProseBlock } from "./prose";

/**
 * Plain text read as Markdown but for indented code: wire copy and transcripts indent their
 * paragraphs, and an indented paragraph of a `.txt` file is prose, not code.
 */
const plainTextParser = boundInlineParsing(markdownParser.configure({ remove: ["IndentedCode"] }));

/** Every prose block of `text` (Markdown, or with `plain` text, whose paragraphs read as Markdown's), in order. */
export function readDocumentProse(text: string, plain = false): ProseBlock[] {
  const tree = (plain ? plainTextParser : markdownParser).parse(new DraftInput(text, frontMatterEnd(text)));
  const blocks: ProseBlock[] = [];
  let leadIn: ProseBlock | undefined;
  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name === "CommentBlock") continue; // a comment passes the lead-in on, as in a draft
    const prose = readSection(node, text, LED_BLOCKS.has(node.name) ? leadIn : undefined);
    blocks.push(...prose.blocks);
    const first = prose.blocks[0];
    leadIn = node.name === "Paragraph" && first && leadsIn(first) ? first : undefined;
  }
  return blocks;
}
