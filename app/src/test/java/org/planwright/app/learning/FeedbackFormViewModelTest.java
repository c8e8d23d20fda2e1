package org.planwright.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.learning.FeedbackValidation;
import org.planwright.store.Feedback;
import org.planwright.store.WorkbenchStore;

/** The feedback form's view model over a real H2 store file, without a scene. */
class FeedbackFormViewModelTest {

    @TempDir
    Path dir;

    private WorkbenchStore store;
    private UUID ws;
    private final UUID trial = UUID.randomUUID();
    private final List<Feedback> submitted = new ArrayList<>();

    @BeforeEach
    void open() {
        store = WorkbenchStore.open(dir);
        ws = store.workspaces().create("acme").id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private FeedbackFormViewModel form() {
        FeedbackFormViewModel.FeedbackGateway gateway = new FeedbackFormViewModel.FeedbackGateway() {
            @Override
            public Optional<Feedback> draftFor(UUID w, UUID t) {
                return store.learning().feedback().draftFor(w, t);
            }

            @Override
            public Feedback save(Feedback f) {
                return store.learning().feedback().save(f);
            }
        };
        FeedbackFormViewModel vm = new FeedbackFormViewModel(new SameThreadExecutor(), gateway,
                new FeedbackFormViewModel.Subject(ws, trial, "index", 60.0, 240.0, 80.0), submitted::add);
        vm.open();
        return vm;
    }

    @Test
    void measuredTimesArePrefilledAndSubmittingStoresThemAsMeasured() {
        FeedbackFormViewModel vm = form();
        assertThat(vm.beforeMsProperty().get()).isEqualTo("240");
        assertThat(vm.afterMsProperty().get()).isEqualTo("80");
        assertThat(vm.improvementText()).isEqualTo("67 % faster");
        vm.ratingProperty().set(5);
        vm.applyAgainProperty().set(true);
        vm.submit();
        assertThat(submitted).singleElement().satisfies(f -> {
            assertThat(f.draft()).isFalse();
            assertThat(f.metricsSource()).isEqualTo(Feedback.MetricsSource.MEASURED);
            assertThat(f.actualImprovementPercent()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
        });
        assertThat(store.learning().feedback().list(ws)).hasSize(1);
    }

    @Test
    void submitWithoutARatingOrWithABadTimeShowsMessagesAndStoresNothing() {
        FeedbackFormViewModel vm = form();
        vm.afterMsProperty().set("fast");
        vm.submit();
        assertThat(vm.problems()).extracting(FeedbackValidation.Problem::field).containsExactly("rating", "afterMs");
        assertThat(vm.problemFor("afterMs")).contains("number of milliseconds");
        assertThat(vm.statusProperty().get()).isEqualTo("Fix the 2 marked fields to submit.");
        assertThat(submitted).isEmpty();
        assertThat(store.learning().feedback().list(ws)).isEmpty();
        // problems follow the edits once shown
        vm.ratingProperty().set(3);
        vm.afterMsProperty().set("90,5 ms");
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void closingHalfFilledKeepsADraftThatTheNextOpeningRestores() {
        FeedbackFormViewModel first = form();
        first.ratingProperty().set(2);
        first.commentProperty().set("measured on production: ");
        first.beforeMsProperty().set("1000");
        first.afterMsProperty().set("");
        first.close();
        assertThat(store.learning().feedback().list(ws)).singleElement().extracting(Feedback::draft).isEqualTo(true);

        FeedbackFormViewModel second = form();
        assertThat(second.ratingProperty().get()).isEqualTo(2);
        assertThat(second.commentProperty().get()).isEqualTo("measured on production: ");
        assertThat(second.beforeMsProperty().get()).isEqualTo("1000");
        assertThat(second.afterMsProperty().get()).isEmpty();
        assertThat(second.statusProperty().get()).startsWith("Draft restored");
        second.afterMsProperty().set("400");
        second.submit();
        assertThat(store.learning().feedback().list(ws)).singleElement().satisfies(f -> {
            assertThat(f.draft()).isFalse();
            assertThat(f.metricsSource()).isEqualTo(Feedback.MetricsSource.MANUAL);
        });
    }

    @Test
    void closingAnUntouchedFormKeepsNothing() {
        form().close();
        assertThat(store.learning().feedback().list(ws)).isEmpty();
    }
}
