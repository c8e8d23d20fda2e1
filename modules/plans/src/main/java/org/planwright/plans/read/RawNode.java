package org.planwright.plans.read;

import org.planwright.plans.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mutable node built by the parsers before a {@link Plan} freezes it: its raw properties (a {@link PropertyMap},
 * which the plan freezes and keeps without copying) and its children in plan order. Not thread-safe.
 */
public final class RawNode {
    /** The node's keys as in PostgreSQL's JSON format; mutable until the plan freezes it. */
    public final Map<String, Object> props;
    /** The children in plan order; mutable. */
    public final List<RawNode> children;

    /** An empty node. */
    public RawNode() {
        this(new PropertyMap(), new ArrayList<>());
    }

    /** A node with the given (mutable) properties and children. */
    RawNode(Map<String, Object> props, List<RawNode> children) {
        this.props = props;
        this.children = children;
    }
}
