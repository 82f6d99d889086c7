import CTreeSitter

/// A syntax node. Holds a strong reference to its tree so it can never dangle.
public struct Node {
  let raw: TSNode
  public let tree: Tree

  init(_ raw: TSNode, tree: Tree) {
    self.raw = raw
    self.tree = tree
  }

  private func wrap(_ node: TSNode) -> Node? {
    ts_node_is_null(node) ? nil : Node(node, tree: tree)
  }

  public var type: String { String(cString: ts_node_type(raw)) }
  public var isNamed: Bool { ts_node_is_named(raw) }
  public var isMissing: Bool { ts_node_is_missing(raw) }
  public var isError: Bool { type == "ERROR" }
  public var hasError: Bool { ts_node_has_error(raw) }

  public var startByte: Int { Int(ts_node_start_byte(raw)) }
  public var endByte: Int { Int(ts_node_end_byte(raw)) }
  public var byteRange: Range<Int> { startByte..<endByte }
  /// Zero-based row of the first byte.
  public var startRow: Int { Int(ts_node_start_point(raw).row) }

  public var parent: Node? { wrap(ts_node_parent(raw)) }
  public var childCount: Int { Int(ts_node_child_count(raw)) }
  public var namedChildCount: Int { Int(ts_node_named_child_count(raw)) }
  public func child(_ index: Int) -> Node? { wrap(ts_node_child(raw, UInt32(index))) }
  public func namedChild(_ index: Int) -> Node? { wrap(ts_node_named_child(raw, UInt32(index))) }
  public var nextSibling: Node? { wrap(ts_node_next_sibling(raw)) }
  public var previousSibling: Node? { wrap(ts_node_prev_sibling(raw)) }
  public var nextNamedSibling: Node? { wrap(ts_node_next_named_sibling(raw)) }
  public var previousNamedSibling: Node? { wrap(ts_node_prev_named_sibling(raw)) }

  public func child(byField name: String) -> Node? {
    name.withCString { wrap(ts_node_child_by_field_name(raw, $0, UInt32(name.utf8.count))) }
  }

  public var children: [Node] { (0..<childCount).compactMap { child($0) } }
  public var namedChildren: [Node] { (0..<namedChildCount).compactMap { namedChild($0) } }

  /// The field name under which child `index` hangs from this node, if any.
  public func fieldName(ofChild index: Int) -> String? {
    guard let name = ts_node_field_name_for_child(raw, UInt32(index)) else { return nil }
    return String(cString: name)
  }

  /// This node's ancestors, nearest first. tree-sitter 0.20's `ts_node_parent` searches down
  /// from the root on every call, so climbing `parent` by `parent` costs the square of the
  /// depth (5,000 nested blocks took minutes, issue 10 item 3); one descent with a cursor
  /// towards this node's first byte costs the depth.
  public var ancestors: [Node] {
    var cursor = ts_tree_cursor_new(ts_tree_root_node(tree.tree))
    defer { ts_tree_cursor_delete(&cursor) }
    var path: [Node] = []
    while true {
      let current = ts_tree_cursor_current_node(&cursor)
      if ts_node_eq(current, raw) { return path.reversed() }
      path.append(Node(current, tree: tree))
      if ts_tree_cursor_goto_first_child_for_byte(&cursor, UInt32(startByte)) < 0 { break }
    }
    // Not on that path (a zero-width node among others at its byte): climb.
    var climbed: [Node] = []
    var current = parent
    while let node = current {
      climbed.append(node)
      current = node.parent
    }
    return climbed
  }

  /// The smallest node spanning the byte range.
  public func descendant(forBytes range: Range<Int>) -> Node? {
    wrap(ts_node_descendant_for_byte_range(raw, UInt32(range.lowerBound), UInt32(range.upperBound)))
  }

  /// Is this node the same node as `other` (same tree position)?
  public func isSame(as other: Node) -> Bool { ts_node_eq(raw, other.raw) }

  /// Visits every node depth-first in source order; `visit` returns false to skip a subtree.
  public func walk(_ visit: (Node) -> Bool) {
    let cursor = ts_tree_cursor_new(raw)
    var c = cursor
    defer { ts_tree_cursor_delete(&c) }
    while true {
      let node = Node(ts_tree_cursor_current_node(&c), tree: tree)
      if visit(node), ts_tree_cursor_goto_first_child(&c) { continue }
      while !ts_tree_cursor_goto_next_sibling(&c) {
        if !ts_tree_cursor_goto_parent(&c) { return }
      }
    }
  }

  /// Counts ERROR and MISSING nodes in this subtree (0 when `hasError` is false).
  public var errorCount: Int {
    guard hasError else { return 0 }
    var count = 0
    walk { node in
      if node.isError || node.isMissing { count += 1 }
      return node.hasError
    }
    return count
  }
}

extension Node {
  /// The S-expression of this subtree, for debugging and `wasmfix dump-tree`.
  public var sExpression: String {
    guard let cString = ts_node_string(raw) else { return "" }
    defer { free(cString) }
    return String(cString: cString)
  }
}
