package org.planwright.sqltext.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planwright.sqltext.SqlToken;

/**
 * Reads an approximate {@link QueryShape} from tokens, for statements JSqlParser cannot parse: join key words
 * and commas in FROM lists, {@code (SELECT} openings, clause key words, aggregate calls, {@code OVER}, set
 * operators and comparison operators. It cannot tell every case the tree tells (a comma in a FROM list inside
 * a function call, for one), which is why its signatures end in {@code ~}. Stateless.
 */
final class TokenShapes {

    private TokenShapes() {
    }

    static QueryShape of(String kind, List<SqlToken> tokens) {
        List<SqlToken> t = new ArrayList<>(tokens.size());
        for (SqlToken tok : tokens) {
            if (!tok.isTrivia()) {
                t.add(tok);
            }
        }
        QueryShape s = new QueryShape();
        s.kind = kind;
        int depth = 0;
        int fromDepth = -1;
        boolean withClause = !t.isEmpty() && t.getFirst().isWord("with");
        int withDepth = 0;
        for (int i = 0; i < t.size(); i++) {
            SqlToken tok = t.get(i);
            String w = tok.type() == SqlToken.Type.WORD ? tok.text().toUpperCase(Locale.ROOT) : "";
            String prev = i > 0 && t.get(i - 1).type() == SqlToken.Type.WORD
                    ? t.get(i - 1).text().toUpperCase(Locale.ROOT) : "";
            String next = i + 1 < t.size() && t.get(i + 1).type() == SqlToken.Type.WORD
                    ? t.get(i + 1).text().toUpperCase(Locale.ROOT) : "";
            switch (tok.type()) {
                case OPEN_PAREN -> {
                    depth++;
                    if (next.equals("SELECT") || next.equals("WITH")) {
                        boolean derived = prev.equals("FROM") || prev.equals("JOIN") || prev.equals("LATERAL")
                                || (i > 0 && t.get(i - 1).text().equals(",") && fromDepth == depth - 1);
                        boolean cte = withClause && prev.equals("AS") && depth - 1 == withDepth;
                        if (cte) {
                            s.ctes++;
                        } else if (derived) {
                            s.derivedTables++;
                        } else {
                            s.subqueries++;
                        }
                    }
                }
                case CLOSE_PAREN -> {
                    depth--;
                    if (fromDepth > depth) {
                        fromDepth = -1;
                    }
                }
                case WORD -> {
                    switch (w) {
                        case "RECURSIVE" -> s.recursive |= prev.equals("WITH");
                        case "DISTINCT" -> s.distinct |= prev.equals("SELECT");
                        case "FROM" -> fromDepth = depth;
                        case "WHERE", "GROUP", "ORDER", "LIMIT", "HAVING", "WINDOW", "UNION", "INTERSECT", "EXCEPT",
                             "ON", "USING", "RETURNING", "OFFSET", "FETCH" -> {
                            if (fromDepth == depth) {
                                fromDepth = -1;
                            }
                        }
                        default -> { }
                    }
                    switch (w) {
                        case "JOIN" -> s.join(switch (prev) {
                            case "LEFT", "OUTER" -> i > 1 && t.get(i - 2).isWord("right") ? QueryShape.JoinType.RIGHT
                                    : i > 1 && t.get(i - 2).isWord("full") ? QueryShape.JoinType.FULL
                                    : QueryShape.JoinType.LEFT;
                            case "RIGHT" -> QueryShape.JoinType.RIGHT;
                            case "FULL" -> QueryShape.JoinType.FULL;
                            case "CROSS" -> QueryShape.JoinType.CROSS;
                            default -> next.equals("LATERAL") ? QueryShape.JoinType.LATERAL : QueryShape.JoinType.INNER;
                        });
                        case "BY" -> {
                            s.groupBy |= prev.equals("GROUP");
                            s.orderBy |= prev.equals("ORDER") && depth == 0;
                        }
                        case "HAVING" -> s.having = true;
                        case "OVER" -> s.window = true;
                        case "UNION" -> s.unions++;
                        case "INTERSECT" -> s.intersects++;
                        case "EXCEPT" -> s.excepts++;
                        case "LIMIT", "FETCH" -> s.limit |= depth == 0;
                        case "OFFSET" -> s.offset |= depth == 0;
                        case "BETWEEN" -> s.predicates.add(prev.equals("NOT") ? "NOT_BETWEEN" : "BETWEEN");
                        case "IN" -> s.predicates.add(prev.equals("NOT") ? "NOT_IN" : "IN");
                        case "LIKE", "ILIKE" -> s.predicates.add(prev.equals("NOT") ? "NOT_" + w : w);
                        case "EXISTS" -> s.predicates.add(prev.equals("NOT") ? "NOT_EXISTS" : "EXISTS");
                        case "OR" -> s.predicates.add("OR");
                        case "NULL" -> {
                            if (prev.equals("IS")) {
                                s.predicates.add("IS_NULL");
                            } else if (prev.equals("NOT") && i > 1 && t.get(i - 2).isWord("is")) {
                                s.predicates.add("IS_NOT_NULL");
                            }
                        }
                        case "VALUES" -> s.values |= kind.equals("INSERT");
                        case "CONFLICT" -> s.onConflict = true;
                        case "RETURNING" -> s.returning = true;
                        default -> {
                            if (i + 1 < t.size() && t.get(i + 1).type() == SqlToken.Type.OPEN_PAREN
                                    && TreeShapes.AGGREGATES.contains(w.toLowerCase(Locale.ROOT))) {
                                s.aggregate = true;
                            }
                        }
                    }
                }
                case OPERATOR -> {
                    String op = tok.text();
                    String n2 = i + 1 < t.size() && t.get(i + 1).type() == SqlToken.Type.OPERATOR ? t.get(i + 1).text() : "";
                    switch (op) {
                        case "," -> {
                            if (fromDepth == depth && depth >= 0) {
                                s.join(QueryShape.JoinType.INNER);
                            }
                        }
                        case "=" -> {
                            String p = i > 0 && t.get(i - 1).type() == SqlToken.Type.OPERATOR ? t.get(i - 1).text() : "";
                            if (!"<>!".contains(p) || p.isEmpty()) {
                                s.predicates.add("EQ");
                            }
                        }
                        case "<" -> s.predicates.add(n2.equals("=") ? "LE" : n2.equals(">") ? "NE" : "LT");
                        case ">" -> {
                            String p = i > 0 && t.get(i - 1).type() == SqlToken.Type.OPERATOR ? t.get(i - 1).text() : "";
                            if (!p.equals("<") && !p.equals("-")) {
                                s.predicates.add(n2.equals("=") ? "GE" : "GT");
                            }
                        }
                        case "!" -> {
                            if (n2.equals("=")) {
                                s.predicates.add("NE");
                            }
                        }
                        case "~" -> s.predicates.add("REGEX");
                        default -> { }
                    }
                }
                default -> { }
            }
            if (withClause && s.ctes == 0 && depth == 0) {
                withDepth = 0;
            }
        }
        return s;
    }
}
