package org.planwright.app.plan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.planwright.app.plan.PlanNodeFormat;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphSvgWriterTest {

    @Test
    void theSvgIsWellFormedXmlWithOneGroupAndLabelPerNode() throws Exception {
        Plan plan = PlanGraphLayoutTest.corpus("plans/generated-tpch/tpch-q9.json");
        PlanGraphLayout layout = PlanGraphLayout.of(plan, Set.of());

        String svg = GraphSvgWriter.toSvg(layout, GraphColouring.EXCLUSIVE_TIME);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("viewBox")).isNotEmpty();
        NodeList titles = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        assertThat(titles.getLength()).isEqualTo(plan.nodeCount());
        for (PlanNode n : plan.nodes()) {
            Element group = (Element) titles.item(n.id()).getParentNode();
            assertThat(group.getAttribute("id")).isEqualTo("node-" + n.id());
            assertThat(group.getTextContent()).contains(PlanNodeFormat.title(n));
        }
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength())
                .isEqualTo(plan.nodeCount() - 1);
    }

    @Test
    void labelsWithMarkupCharactersAreEscaped() throws Exception {
        Plan plan = org.planwright.plans.PlanParser.parse(
                "Seq Scan on \"a<b&c\" t  (cost=0.00..1.00 rows=1 width=4)\n");

        String svg = GraphSvgWriter.toSvg(PlanGraphLayout.of(plan, Set.of()), GraphColouring.ROW_MISESTIMATE);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTextContent()).contains("a<b&c");
    }
}
