// The command tree of the selected frame (frames:detail): expandable nodes, click to select a node
// and highlight its bytes, keyboard ↑/↓ to move, ←/→ to collapse/expand; a context menu (right-click,
// ContextMenu key, Shift+F10) to filter on the node's field or copy it, Ctrl+C copies its line.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useActions } from '../../app/analyzer-context';
import { copyText } from '../../app/clipboard';
import { CapturedText } from '../../components/CapturedText';
import { anchorBelow, isMenuKey, useContextMenu } from '../../components/ContextMenu';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { treeNodeMenu } from './tree-node-menu';
import { ancestorsOf, isExpanded, visibleTreeLines, type TreeLine } from './tree-lines';

export function CommandTree() {
  const actions = useActions();
  const menu = useContextMenu();
  const { detail, detailStatus, selectedNode, selectedFrame } = useAnalyzer(useShallow((s) => ({
    detail: s.detail, detailStatus: s.detailStatus, selectedNode: s.selectedNode, selectedFrame: s.selectedFrame,
  })));
  // Expansion choices persist across frames (like Wireshark remembering open subtrees).
  const [overrides, setOverrides] = useState<Map<string, boolean>>(() => new Map());
  const tree = useMemo(() => detail?.tree ?? [], [detail]);
  const lines = useMemo(() => visibleTreeLines(tree, overrides), [tree, overrides]);
  const containerRef = useRef<HTMLDivElement>(null);

  // Selecting a byte selects a node that may sit in a collapsed subtree: open its ancestors.
  useEffect(() => {
    if (!selectedNode) return;
    const closed = ancestorsOf(selectedNode).filter((p) => !isExpanded(tree, overrides, p));
    if (closed.length > 0) setOverrides((m) => new Map([...m, ...closed.map((p) => [p, true] as const)]));
    containerRef.current?.querySelector('.tree-line.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedNode, tree, overrides]);

  const toggle = (line: TreeLine, open = !line.expanded): void => {
    if (line.expandable) setOverrides((m) => new Map(m).set(line.path, open));
  };
  const select = (line: TreeLine): void => analyzerStore.getState().selectNode(line.path, line.node.range ?? null);
  // A link node ([Response in frame N], [Reply to … in frame N]) goes there, as Wireshark's do.
  const follow = (line: TreeLine): boolean => {
    if (line.node.linkedFrame === undefined) return false;
    analyzerStore.getState().selectFrame(line.node.linkedFrame, true);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = lines.findIndex((l) => l.path === selectedNode);
    const line = lines[index];
    if (isMenuKey(event) && line) {
      menu.open(anchorBelow(containerRef.current?.querySelector('.tree-line.selected')), treeNodeMenu(actions, line, lines));
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && line) {
      void copyText(line.node.label);
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !(event.ctrlKey || event.metaKey)) {
      // (Ctrl+↑/↓ is the window's "previous/next packet".)
      const next = lines[Math.max(0, Math.min(lines.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (next) select(next);
    } else if (event.key === 'ArrowRight' && line) toggle(line, true);
    else if (event.key === 'ArrowLeft' && line) {
      if (line.expanded) toggle(line, false);
      else {
        const parent = lines.find((l) => l.path === ancestorsOf(line.path).at(-1));
        if (parent) select(parent);
      }
    } else if (event.key === 'Enter' && line) {
      if (!follow(line)) toggle(line);
    }
    else return;
    event.preventDefault();
  };

  let placeholder = '';
  if (selectedFrame === null) placeholder = 'Select a packet to see its commands.';
  else if (detailStatus === 'loading') placeholder = `Loading frame ${selectedFrame}…`;
  else if (detailStatus === 'missing') placeholder = `No detail for frame ${selectedFrame}.`;
  else if (detailStatus === 'error') placeholder = `Could not load frame ${selectedFrame}.`;

  return (
    <div className="command-tree pane-scroll" role="tree" aria-label="Command tree" tabIndex={0} ref={containerRef} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()} data-testid="command-tree">
      {placeholder ? <div className="pane-placeholder">{placeholder}</div> : lines.map((line) => (
        <div
          key={line.path}
          role="treeitem"
          aria-expanded={line.expandable ? line.expanded : undefined}
          aria-selected={line.path === selectedNode}
          className={`tree-line${line.path === selectedNode ? ' selected' : ''}${line.node.severity ? ` severity-${line.node.severity}` : ''}`}
          style={{ paddingLeft: 4 + line.depth * 16 }}
          onMouseDown={() => select(line)}
          onDoubleClick={() => { if (!follow(line)) toggle(line); }}
          onContextMenu={(e) => {
            e.preventDefault();
            select(line);
            menu.open({ x: e.clientX, y: e.clientY }, treeNodeMenu(actions, line, lines));
          }}
        >
          <span className="tree-toggle" onMouseDown={(e) => { e.stopPropagation(); select(line); toggle(line); }}>
            {line.expandable ? (line.expanded ? '▾' : '▸') : ''}
          </span>
          <CapturedText className={`tree-label${line.node.linkedFrame !== undefined ? ' tree-link' : ''}`} text={line.node.label} />
        </div>
      ))}
      {menu.element}
    </div>
  );
}
