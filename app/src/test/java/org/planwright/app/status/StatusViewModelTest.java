package org.planwright.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

    @Test
    void aTaskShowsProgressAndItsCancelCommandUntilDone() {
        StatusViewModel status = new StatusViewModel();
        AtomicInteger cancelled = new AtomicInteger();
        assertThat(status.busyProperty().get()).isFalse();

        status.task("Generating demo data…", 0.25, cancelled::incrementAndGet);

        assertThat(status.busyProperty().get()).isTrue();
        assertThat(status.cancellableProperty().get()).isTrue();
        status.cancel();
        assertThat(cancelled).hasValue(1);

        status.done("Demo data ready");
        assertThat(status.busyProperty().get()).isFalse();
        assertThat(status.cancellableProperty().get()).isFalse();
        assertThat(status.messageProperty().get()).isEqualTo("Demo data ready");
        status.cancel();
        assertThat(cancelled).hasValue(1);
    }
}
