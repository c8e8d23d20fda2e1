/** The JavaFX application: views, view models and wiring. */
module org.planwright.app {
    requires javafx.controls;
    requires javafx.swing;
    requires java.desktop;
    requires java.xml;
    requires org.controlsfx.controls;
    requires atlantafx.base;
    requires org.fxmisc.richtext;
    requires org.fxmisc.flowless;
    requires org.fxmisc.undo;
    requires reactfx;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.feather;
    requires org.planwright.targetdb;
    requires org.planwright.plans;
    requires org.planwright.sqltext;
    requires org.planwright.store;
    requires org.planwright.keychain;
    requires org.planwright.workload;
    requires org.planwright.learning;
    requires org.planwright.advice;
    requires org.planwright.sandbox;
    requires org.planwright.tuning;
    requires org.planwright.sync;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    exports org.planwright.app;
}
