package org.planwright.plans;

final class TextPlanReader {
    private final String[] lines;
    TextPlanReader(String[] lines) { this.lines = lines; }
    Plan read() { throw new PlanParseException(1, 1, "text plans not yet supported"); }
}
