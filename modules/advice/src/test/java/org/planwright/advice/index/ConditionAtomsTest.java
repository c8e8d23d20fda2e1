package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwright.advice.index.ConditionAtoms.Atom;
import org.planwright.advice.index.ConditionAtoms.ColumnRef;
import org.planwright.advice.index.ConditionAtoms.Kind;

/** Conditions as PostgreSQL 15's EXPLAIN VERBOSE printed them for the corpus' TPC-H queries. */
class ConditionAtomsTest {

    @Test
    void correlatedSubPlanFilterGivesRangesAndJoinKeys() {
        List<Atom> atoms = ConditionAtoms.split("((lineitem.l_shipdate >= '1993-01-01'::date) AND "
                + "(lineitem.l_shipdate < '1994-01-01 00:00:00'::timestamp without time zone) AND "
                + "(lineitem.l_partkey = partsupp.ps_partkey) AND (lineitem.l_suppkey = partsupp.ps_suppkey))");
        assertThat(atoms).extracting(Atom::kind).containsExactly(Kind.RANGE, Kind.RANGE, Kind.JOIN, Kind.JOIN);
        assertThat(atoms.get(0).column()).isEqualTo(new ColumnRef("lineitem", "l_shipdate"));
        assertThat(atoms.get(2).other()).isEqualTo(new ColumnRef("partsupp", "ps_partkey"));
    }

    @Test
    void constantEqualityKeepsItsPredicateAndInListIsEquality() {
        List<Atom> atoms = ConditionAtoms.split("((part.p_brand = 'Brand#42'::bpchar) AND "
                + "(part.p_container = ANY ('{\"SM CASE\",\"SM BOX\"}'::bpchar[])))");
        assertThat(atoms).extracting(Atom::kind).containsExactly(Kind.EQUALITY, Kind.EQUALITY);
        assertThat(atoms).allMatch(Atom::constant);
        assertThat(atoms.get(1).column().column()).isEqualTo("p_container");
    }

    @Test
    void orLikeAndSubPlanComparisonsAreNotIndexable() {
        assertThat(ConditionAtoms.split("((part.p_name)::text ~~ 'blanched%'::text)"))
                .extracting(Atom::kind).containsExactly(Kind.OTHER);
        assertThat(ConditionAtoms.split("((partsupp.ps_availqty)::numeric > (SubPlan 1))"))
                .extracting(Atom::kind).containsExactly(Kind.OTHER);
        assertThat(ConditionAtoms.split("((n1.n_name = 'FRANCE'::bpchar) OR (n2.n_name = 'FRANCE'::bpchar))"))
                .extracting(Atom::kind).containsExactly(Kind.OTHER);
    }

    @Test
    void expressionOverOneColumnBecomesAnExpressionKey() {
        Atom a = ConditionAtoms.split("(lower((users.email)::text) = 'a@b.c'::text)").getFirst();
        assertThat(a.kind()).isEqualTo(Kind.EQUALITY);
        assertThat(a.expression()).isEqualTo("lower((email)::text)");
        assertThat(a.column()).isNull();
    }

    @Test
    void parameterIsAnEqualityButNoPartialIndexConstant() {
        Atom a = ConditionAtoms.split("(orders.o_orderkey = $0)").getFirst();
        assertThat(a.kind()).isEqualTo(Kind.EQUALITY);
        assertThat(a.constant()).isFalse();
    }

    @Test
    void constantOnTheLeftIsFlipped() {
        Atom a = ConditionAtoms.split("('1995-01-01'::date <= orders.o_orderdate)").getFirst();
        assertThat(a.kind()).isEqualTo(Kind.RANGE);
        assertThat(a.column().column()).isEqualTo("o_orderdate");
    }

    @Test
    void quotedIdentifiersAndLiteralsWithDotsAreRead() {
        List<Atom> atoms = ConditionAtoms.split("((\"Order Items\".\"Qty\" > 5) AND (t.note = 'a.b c.d'::text))");
        assertThat(atoms.get(0).column()).isEqualTo(new ColumnRef("\"Order Items\"", "\"Qty\""));
        assertThat(atoms.get(1).column()).isEqualTo(new ColumnRef("t", "note"));
        assertThat(ConditionAtoms.columns("(t.note = 'x.y'::text)")).containsExactly(new ColumnRef("t", "note"));
    }
}
