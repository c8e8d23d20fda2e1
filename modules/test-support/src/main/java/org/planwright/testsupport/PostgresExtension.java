package org.planwright.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.planwright.sandbox.Sandbox;

/**
 * JUnit 5 extension giving tests one embedded PostgreSQL per test JVM (a temporary cluster started on first use,
 * about 2-4 s; stopped and deleted when the run ends, or by the sandbox's shutdown hook). Tests declare a
 * {@link PostgresFixture} parameter, in test methods, lifecycle methods or constructors:
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class MyTest {
 *     @Test void x(PostgresFixture pg) throws SQLException {
 *         try (Connection c = DriverManager.getConnection(pg.pagila(), pg.user(), "")) { ... }
 *     }
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
        // the root store closes AutoCloseable values when the whole run ends
        return extensionContext.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(PostgresFixture.class,
                        k -> new PostgresFixture(Sandbox.start(Sandbox.Options.temporary())), PostgresFixture.class);
    }
}
