import CTreeSitter

/// Owns a `TSTree`. Nodes keep their tree alive.
public final class Tree {
  let tree: OpaquePointer

  init(_ tree: OpaquePointer) { self.tree = tree }
  deinit { ts_tree_delete(tree) }

  public var rootNode: Node { Node(ts_tree_root_node(tree), tree: self) }
}
