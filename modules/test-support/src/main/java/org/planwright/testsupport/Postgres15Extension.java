package org.planwright.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests one Debian PostgreSQL 15 with HypoPG and pg_qualstats per test JVM
 * ({@link DebianPostgres15}: started on first use, stopped and deleted when the run ends). Tests declare a
 * {@link DebianPostgres15} parameter; when the Debian packages are missing the test is skipped (aborted) with the
 * reason, e.g. "HypoPG not found ...: install postgresql-15-hypopg".
 */
public final class Postgres15Extension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DebianPostgres15.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        DebianPostgres15.unavailableReason().ifPresent(reason -> Assumptions.abort("PostgreSQL 15 test skipped: "
                + reason));
        // the root store closes AutoCloseable values when the whole run ends
        return extensionContext.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(DebianPostgres15.class, k -> DebianPostgres15.start(), DebianPostgres15.class);
    }
}
