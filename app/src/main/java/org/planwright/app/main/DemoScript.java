package org.planwright.app.main;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The SQL script the first editor tab opens with on the demo workspace ({@code demo.sql} resource). */
final class DemoScript {

    private DemoScript() {
    }

    static String text() {
        try (InputStream in = DemoScript.class.getResourceAsStream("demo.sql")) {
            if (in == null) {
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
