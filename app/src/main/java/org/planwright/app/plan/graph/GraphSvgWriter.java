package org.planwright.app.plan.graph;

import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * Writes a {@link PlanGraphLayout} as a standalone SVG 1.1 document: one group per box (rectangle, title,
 * target, time/cost and rows lines, a "+N" badge on collapsed nodes) and an elbow path per edge, boxes
 * filled by {@link GraphColouring} level. Text is escaped by the JDK's StAX writer. Pure; thread-safe.
 */
public final class GraphSvgWriter {

    /** Fill colours of levels 0..4 (white to red, like the app's light theme). */
    static final String[] FILLS = {"#ffffff", "#fff8c5", "#ffe2b0", "#ffc8a8", "#ffb3ad"};
    private static final int MAX_CHARS = 34;

    private GraphSvgWriter() {
    }

    /**
     * @param layout    the laid-out graph
     * @param colouring what the fills show
     * @return the SVG document text (UTF-8 declared)
     */
    public static String toSvg(PlanGraphLayout layout, GraphColouring colouring) {
        StringWriter out = new StringWriter();
        write(layout, colouring, out);
        return out.toString();
    }

    /**
     * @param layout    the laid-out graph
     * @param colouring what the fills show
     * @param out       where the document goes; not closed
     * @throws IllegalStateException if the writer fails (wraps the StAX error)
     */
    public static void write(PlanGraphLayout layout, GraphColouring colouring, Writer out) {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("svg");
            w.writeDefaultNamespace("http://www.w3.org/2000/svg");
            w.writeAttribute("version", "1.1");
            w.writeAttribute("width", num(layout.width()));
            w.writeAttribute("height", num(layout.height()));
            w.writeAttribute("viewBox", "0 0 " + num(layout.width()) + " " + num(layout.height()));
            w.writeAttribute("font-family", "DejaVu Sans, Arial, sans-serif");
            w.writeAttribute("font-size", "12");
            rect(w, 0, 0, layout.width(), layout.height(), "#ffffff", "none");
            w.writeStartElement("g");
            w.writeAttribute("fill", "none");
            w.writeAttribute("stroke", "#8c959f");
            w.writeAttribute("stroke-width", "1.5");
            for (GraphEdge e : layout.edges()) {
                w.writeEmptyElement("path");
                w.writeAttribute("d", "M" + num(e.startX()) + " " + num(e.startY()) + " V" + num(e.elbowY())
                        + " H" + num(e.endX()) + " V" + num(e.endY()));
            }
            w.writeEndElement();
            Plan plan = layout.plan();
            for (NodeBox b : layout.boxes()) {
                box(w, plan, plan.node(b.nodeId()), b, colouring);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the SVG: " + e.getMessage(), e);
        }
    }

    private static void box(XMLStreamWriter w, Plan plan, PlanNode node, NodeBox b, GraphColouring colouring)
            throws XMLStreamException {
        GraphBoxText t = GraphBoxText.of(plan, node);
        w.writeStartElement("g");
        w.writeAttribute("id", "node-" + b.nodeId());
        w.writeStartElement("title");
        w.writeCharacters("#" + b.nodeId() + " " + t.title() + (t.target().isEmpty() ? "" : " on " + t.target()));
        w.writeEndElement();
        rect(w, b.x(), b.y(), b.width(), b.height(), FILLS[colouring.level(plan, node)], "#57606a");
        double x = b.x() + 8;
        text(w, x, b.y() + 18, t.title(), "bold");
        text(w, x, b.y() + 35, t.target(), null);
        text(w, x, b.y() + 54, t.cost(), null);
        text(w, x, b.y() + 72, t.rows() + (t.misestimate().isEmpty() ? "" : "  " + t.misestimate()), null);
        if (b.collapsed()) {
            text(w, b.x() + b.width() - 44, b.y() + 18, "+" + b.hiddenNodes(), "bold");
        }
        w.writeEndElement();
    }

    private static void rect(XMLStreamWriter w, double x, double y, double width, double height, String fill,
                             String stroke) throws XMLStreamException {
        w.writeEmptyElement("rect");
        w.writeAttribute("x", num(x));
        w.writeAttribute("y", num(y));
        w.writeAttribute("width", num(width));
        w.writeAttribute("height", num(height));
        w.writeAttribute("rx", "4");
        w.writeAttribute("fill", fill);
        w.writeAttribute("stroke", stroke);
    }

    private static void text(XMLStreamWriter w, double x, double y, String s, String weight) throws XMLStreamException {
        if (s.isEmpty()) {
            return;
        }
        w.writeStartElement("text");
        w.writeAttribute("x", num(x));
        w.writeAttribute("y", num(y));
        if (weight != null) {
            w.writeAttribute("font-weight", weight);
        }
        w.writeCharacters(s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS - 1) + "…" : s);
        w.writeEndElement();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
