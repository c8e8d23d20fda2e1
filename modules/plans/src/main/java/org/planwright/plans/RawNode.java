package org.planwright.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutable node built by the parsers before a {@link Plan} freezes it. Not thread-safe. */
final class RawNode {
    final Map<String, Object> props = new LinkedHashMap<>();
    final List<RawNode> children = new ArrayList<>();
}
