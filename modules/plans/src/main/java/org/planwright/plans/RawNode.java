package org.planwright.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mutable node built by the parsers before a {@link Plan} freezes it: its raw properties (a {@link PropertyMap},
 * which the plan freezes and keeps without copying) and its children in plan order. Not thread-safe.
 */
final class RawNode {
    final Map<String, Object> props;
    final List<RawNode> children;

    RawNode() {
        this(new PropertyMap(), new ArrayList<>());
    }

    /** A node with the given (mutable) properties and children. */
    RawNode(Map<String, Object> props, List<RawNode> children) {
        this.props = props;
        this.children = children;
    }
}
