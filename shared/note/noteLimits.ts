/**
 * How deep a note's structure may go, the one rule the editor, the paste cleaners, the repair
 * of a refused note and the save validator (noteFile.ts) all follow.
 *
 * A list nests at most MAX_LIST_DEPTH levels, as in Word and Google Docs. Stored, a list of
 * that depth puts its text 2 × depth + 2 levels below the root (each level is a list and an
 * item; a link adds one more), well inside MAX_NODE_DEPTH, which stops a hostile file from
 * exhausting the stack when it is read.
 */
export const MAX_LIST_DEPTH = 9;
export const MAX_NODE_DEPTH = 40;
