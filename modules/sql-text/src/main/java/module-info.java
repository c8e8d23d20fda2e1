/** SQL text: statement splitting, statement under the cursor, syntax checks (JSqlParser), highlighting tokens. */
module org.planwright.sqltext {
    requires net.sf.jsqlparser;
    requires org.slf4j;
    exports org.planwright.sqltext;
    exports org.planwright.sqltext.fingerprint;
}
