package org.planwright.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.app.connection.ConnectionViewModel;
import org.planwright.app.status.StatusViewModel;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * The as-you-type check against a real PostgreSQL session that another piece of work holds: the problem only
 * JSqlParser sees cannot be put to the server then, and the outcome says so (the view model checks again later)
 * instead of passing for "the server accepts it".
 */
@ExtendWith(PostgresExtension.class)
class SyntaxCheckViewModelTest {

    @Test
    void aProblemTheBusyServerCouldNotConfirmIsReportedAsBusyAndMarkedOnceTheSessionIsFree(PostgresFixture pg)
            throws Exception {
        SameThreadExecutor executor = new SameThreadExecutor();
        SyntaxCheckViewModel vm = new SyntaxCheckViewModel(new EditorTabsViewModel(), new ConnectionViewModel(
                new TargetConnector(), new PasswordSource(Map.of()), executor, new StatusViewModel()), executor);
        ConnectionProfile profile = new ConnectionProfile(UUID.randomUUID(), "test", ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), pg.createScratchDatabase("syntax_busy"), pg.user(), null, null);
        String text = "SELECT 1;\nSELEC title FROM film;";
        try (ActiveConnection active = new ActiveConnection(
                new TargetConnector().open(profile, null, SessionOptions.analysis()))) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> statement = CompletableFuture.runAsync(() -> {
                try {
                    active.with(session -> {
                        holding.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("the other work holds the session").isTrue();

            SyntaxCheckViewModel.Checked busy = vm.check(text, active);
            assertThat(busy.serverWasBusy()).isTrue();
            assertThat(busy.marks()).as("not confirmed, so not marked yet").isEmpty();

            release.countDown();
            statement.get(30, TimeUnit.SECONDS);
            SyntaxCheckViewModel.Checked free = vm.check(text, active);
            assertThat(free.serverWasBusy()).isFalse();
            assertThat(free.marks()).singleElement().satisfies(m -> {
                assertThat(m.line()).isEqualTo(2);
                assertThat(m.column()).isEqualTo(1);
                assertThat(m.message()).contains("SELEC");
            });
            assertThat(vm.check("SELECT 1;", active)).as("nothing to confirm: not busy, no marks")
                    .isEqualTo(new SyntaxCheckViewModel.Checked(java.util.List.of(), false));
        }
    }
}
