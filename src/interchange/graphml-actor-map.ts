/**
 * The actor map as the graph formats (GraphML, GEXF) take it: nodes and edges with typed attributes.
 * The service decides what goes in (pseudonyms, or names for those allowed to see them); the writers
 * only write.
 */
export type AttributeValue = string | number | boolean | null;
export type AttributeType = 'string' | 'int' | 'double' | 'boolean';

export interface AttributeSpec {
  name: string;
  type: AttributeType;
}

export interface ActorMapExport {
  title: string;
  nodeAttributes: AttributeSpec[];
  edgeAttributes: AttributeSpec[];
  nodes: { id: string; label: string; attributes: Record<string, AttributeValue> }[];
  edges: {
    id: string;
    source: string;
    target: string;
    directed: boolean;
    weight: number;
    attributes: Record<string, AttributeValue>;
  }[];
}

// Characters XML 1.0 cannot hold at all, even escaped.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlEscape(value: string): string {
  return value
    .replace(forbidden, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
