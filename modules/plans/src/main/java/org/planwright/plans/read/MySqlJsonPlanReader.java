package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads MySQL 8 {@code EXPLAIN FORMAT=JSON} ({"query_block": {...}}) into a plan, keeping MySQL's keys on each
 * node and adding the PostgreSQL keys the rest of Planwright reads:
 * <ul>
 * <li>"query_block" (Display Type "query_block #N", Node Type "Result", "Total Cost" = cost_info.query_cost);
 *     "ordering_operation" (Sort), "grouping_operation" (Aggregate), "duplicates_removal" (Unique), "windowing"
 *     (WindowAgg), "buffer_result" (Materialize), "union_result" (Append, children from its
 *     query_specifications) and "nested_loop" (Nested Loop, children = its tables in join order);</li>
 * <li>"table": Node Type from the access type (ALL: Seq Scan; index access: Index Scan, or Index Only Scan with
 *     "using_index"), Display Type MySQL Workbench's words ("Full Table Scan"), "Relation Name" = table_name,
 *     "Index Name" = key, "Plan Rows" = rows_examined_per_scan, "Filter" = attached_condition, "Index Cond" =
 *     index_condition, "Total Cost" = read_cost + eval_cost (the table's own; prefix_cost is cumulative);
 *     children from "materialized_from_subquery" (Subquery) and "attached_subqueries" (SubPlan);</li>
 * <li>"select_list_subqueries", "having_subqueries", "order_by_subqueries", "optimized_away_subqueries" of a
 *     query block or operation: SubPlan children of it.</li>
 * </ul>
 * FORMAT=JSON has no actual values (MySQL 8.0 prints them only in the tree format of EXPLAIN ANALYZE). Costs are
 * MySQL's cost units, not PostgreSQL's. Not thread-safe per instance; {@link PlanParser} creates one per call.
 */
final class MySqlJsonPlanReader {

    /** MySQL 5.6/5.7 print a C-style comment naming each object after its closing brace: comments are allowed. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    /** Operations that wrap one inner structure, with their PostgreSQL node type. */
    private static final Map<String, String> WRAPPERS = Map.of("ordering_operation", "Sort", "grouping_operation",
            "Aggregate", "duplicates_removal", "Unique", "windowing", "WindowAgg", "buffer_result", "Materialize");

    private static final Set<String> STRUCTURE = Set.of("query_block", "nested_loop", "table", "ordering_operation",
            "grouping_operation", "duplicates_removal", "windowing", "buffer_result", "union_result",
            "materialized_from_subquery", "attached_subqueries", "query_specifications", "select_list_subqueries",
            "having_subqueries", "order_by_subqueries", "optimized_away_subqueries", "cost_info");

    /** @return true if the JSON text is MySQL's (a "query_block" key before any PostgreSQL "Plan" key) */
    static boolean looksLikeMySqlJson(String text) {
        int q = text.indexOf("\"query_block\"");
        int p = text.indexOf("\"Plan\"");
        return q >= 0 && (p < 0 || q < p);
    }

    RawPlan read(String json) {
        JsonNode top;
        try {
            top = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PlanParseException(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    "invalid MySQL JSON plan: " + e.getOriginalMessage(), e);
        }
        if (top != null && top.isArray() && top.size() == 1) {
            top = top.get(0);
        }
        if (top == null || !top.path("query_block").isObject()) {
            throw new PlanParseException(1, 1, "expected MySQL EXPLAIN FORMAT=JSON output: an object with a"
                    + " \"query_block\" object");
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("MySQL Format", "JSON");
        return new RawPlan(queryBlock(top.get("query_block")), plan, Plan.Format.MYSQL_JSON);
    }

    private RawNode queryBlock(JsonNode qb) {
        RawNode n = node("Result", "query_block" + (qb.has("select_id") ? " #" + qb.get("select_id").asText() : ""),
                qb);
        cost(n, qb.path("cost_info").path("query_cost"));
        if (qb.has("message")) {
            n.props.put("Extra Lines", List.of(qb.get("message").asText()));
        }
        inner(n, qb);
        return n;
    }

    /** The one structure inside a query block or wrapper: a wrapper, a nested loop, a table or a union. */
    private void inner(RawNode parent, JsonNode holder) {
        for (Map.Entry<String, String> w : WRAPPERS.entrySet()) {
            if (holder.path(w.getKey()).isObject()) {
                JsonNode op = holder.get(w.getKey());
                RawNode n = node(w.getValue(), w.getKey(), op);
                cost(n, op.path("cost_info").path("sort_cost"));
                parent.children.add(n);
                inner(n, op);
            }
        }
        if (holder.path("nested_loop").isArray()) {
            RawNode loop = node("Nested Loop", "nested_loop", holder.get("nested_loop"));
            loop.props.put("Join Type", "Inner");
            for (JsonNode item : holder.get("nested_loop")) {
                if (item.path("table").isObject()) {
                    loop.children.add(table(item.get("table")));
                }
            }
            parent.children.add(loop);
        }
        if (holder.path("table").isObject()) {
            parent.children.add(table(holder.get("table")));
        }
        for (String key : List.of("select_list_subqueries", "having_subqueries", "order_by_subqueries",
                "optimized_away_subqueries")) {
            subqueries(parent, holder.path(key), "SubPlan"); // in the query block or in its ordering/grouping
        }
        if (holder.path("union_result").isObject()) {
            JsonNode u = holder.get("union_result");
            RawNode n = node("Append", "union_result", u);
            subqueries(n, u.path("query_specifications"), "Member");
            parent.children.add(n);
        }
    }

    private RawNode table(JsonNode t) {
        String access = t.path("access_type").asText("ALL");
        RawNode n = node(MySqlWords.accessNodeType(access, t.path("using_index").asBoolean(false)),
                MySqlWords.accessWords(access), t);
        put(n, "Relation Name", t.path("table_name"));
        put(n, "Index Name", t.path("key"));
        put(n, "Filter", t.path("attached_condition"));
        put(n, "Index Cond", t.path("index_condition"));
        if (t.path("rows_examined_per_scan").isNumber()) {
            n.props.put("Plan Rows", t.get("rows_examined_per_scan").numberValue());
        }
        JsonNode c = t.path("cost_info");
        if (c.has("read_cost") || c.has("eval_cost")) {
            n.props.put("Total Cost", c.path("read_cost").asDouble(0) + c.path("eval_cost").asDouble(0));
        }
        JsonNode m = t.path("materialized_from_subquery");
        if (m.path("query_block").isObject()) {
            RawNode sub = queryBlock(m.get("query_block"));
            sub.props.put("Parent Relationship", "Subquery");
            n.children.add(sub);
        }
        subqueries(n, t.path("attached_subqueries"), "SubPlan");
        return n;
    }

    private void subqueries(RawNode parent, JsonNode list, String relationship) {
        if (!list.isArray()) {
            return;
        }
        for (JsonNode s : list) {
            if (s.path("query_block").isObject()) {
                RawNode sub = queryBlock(s.get("query_block"));
                sub.props.put("Parent Relationship", relationship);
                if (relationship.equals("SubPlan")) {
                    sub.props.put("Subplan Name", "Select #" + s.get("query_block").path("select_id").asText("?")
                            + (s.path("dependent").asBoolean(false) ? " (dependent)" : ""));
                }
                parent.children.add(sub);
            }
        }
    }

    /** A node with MySQL's scalar keys (and lists of scalars) copied, structure keys left to the tree. */
    private static RawNode node(String type, String words, JsonNode source) {
        RawNode n = new RawNode();
        n.props.put("Node Type", type);
        n.props.put("Display Type", words);
        if (source.isObject()) {
            source.properties().forEach(e -> {
                if (!STRUCTURE.contains(e.getKey())) {
                    Object v = scalar(e.getValue());
                    if (v != null) {
                        n.props.put(e.getKey(), v);
                    }
                }
            });
            if (source.path("cost_info").isObject()) {
                Map<String, Object> cost = new LinkedHashMap<>();
                source.get("cost_info").properties().forEach(e -> cost.put(e.getKey(), scalar(e.getValue())));
                n.props.put("cost_info", cost);
            }
        }
        return n;
    }

    private static Object scalar(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isArray()) {
            List<Object> out = new java.util.ArrayList<>();
            v.forEach(x -> out.add(x.isValueNode() ? x.asText() : x.toString()));
            return out;
        }
        return null;
    }

    private static void put(RawNode n, String key, JsonNode v) {
        if (v.isValueNode() && !v.isNull()) {
            n.props.put(key, v.asText());
        }
    }

    /** MySQL writes costs as text ("550.97"). */
    private static void cost(RawNode n, JsonNode v) {
        if (v.isValueNode() && !v.isNull()) {
            try {
                double d = Double.parseDouble(v.asText());
                if (d >= 0 && d <= NumberKeys.MAX_QUANTITY) {
                    n.props.put("Total Cost", d);
                }
            } catch (NumberFormatException e) {
                // not a number: MySQL's text stays in cost_info
            }
        }
    }
}
