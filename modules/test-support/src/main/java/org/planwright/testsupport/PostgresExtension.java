package org.planwright.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.planwright.sandbox.Sandbox;

/**
 * JUnit 5 extension giving tests one embedded PostgreSQL per test JVM (started on first use, stopped when
 * the JVM's test run ends). Tests declare a {@link PostgresFixture} parameter:
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class MyTest {
 *     @Test void x(PostgresFixture pg) { pg.pagilaUrl(); }
 * }
 * }</pre>
 *
 * Sample databases are loaded once per JVM, on first request (see {@link PostgresFixture}).
 */
public final class PostgresExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PostgresFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(PostgresFixture.class, k -> new PostgresFixture(Sandbox.start(Sandbox.Options.temporary())),
                        PostgresFixture.class);
    }
}
