import {
  $applyNodeReplacement,
  $getDocument,
  $getState,
  $setState,
  addClassNamesToElement,
  createState,
  DecoratorNode,
  NODE_STATE_DIRECT,
  NODE_STATE_LATEST,
  type DOMConversionMap,
  type EditorConfig,
  type LexicalNode,
  type NodeStateVersion,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { TIMESTAMP_NODE_TYPE, type SerializedTimestampFields } from '../../export/customNodeTypes';
import { isTimeOfDay } from './timeOfDay';

/** The JSON the export walker reads (shared/export/customNodeTypes.ts). */
export type SerializedTimestampNode = Spread<SerializedTimestampFields, SerializedLexicalNode>;

// The default must not be a real time: a value equal to the default is left out of the JSON.
const timeState = createState('time', { parse: (value): string => (isTimeOfDay(value) ? value : '') });

/**
 * The time something happened, "HH:MM" in the event's time zone, inline in the text. Its
 * DOM is all it needs (a <time> element), so decorate() renders nothing and the node works
 * the same in the browser and in a headless editor.
 */
export class TimestampNode extends DecoratorNode<null> {
  $config() {
    return this.config(TIMESTAMP_NODE_TYPE, {
      extends: DecoratorNode,
      stateConfigs: [{ stateConfig: timeState, flat: true }],
      importDOM: {
        time: (element: HTMLElement) =>
          isTimeOfDay(element.textContent?.trim()) ? { conversion: () => ({ node: $createTimestampNode(element.textContent!.trim()) }), priority: 1 } : null,
      } satisfies DOMConversionMap,
    });
  }

  getTime(version: NodeStateVersion = NODE_STATE_LATEST): string {
    return $getState(this, timeState, version);
  }

  setTime(time: string): this {
    return $setState(this, timeState, time);
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('time');
    addClassNamesToElement(element, config.theme.timestamp as string | undefined);
    this.writeTime(element);
    return element;
  }

  updateDOM(_previous: this, dom: HTMLElement): boolean {
    this.writeTime(dom);
    return false;
  }

  private writeTime(element: HTMLElement): void {
    const time = this.getTime(NODE_STATE_DIRECT);
    element.setAttribute('datetime', time);
    element.textContent = time;
  }

  isInline(): true {
    return true;
  }

  getTextContent(): string {
    return this.getTime();
  }

  decorate(): null {
    return null;
  }
}

export function $createTimestampNode(time: string): TimestampNode {
  return $applyNodeReplacement(new TimestampNode()).setTime(time);
}

export function $isTimestampNode(node: LexicalNode | null | undefined): node is TimestampNode {
  return node instanceof TimestampNode;
}
