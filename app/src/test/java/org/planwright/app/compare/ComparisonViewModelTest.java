package org.planwright.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.plans.PlanParser;
import org.planwright.plans.compare.ChangeKind;
import org.planwright.plans.compare.PlanChange;
import org.planwright.plans.compare.PlanComparison;
import org.planwright.plans.report.ReportText;
import org.planwright.store.PlanCapture;
import org.planwright.store.PlanFormat;
import org.planwright.store.PlanMetrics;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.StoreException;
import org.planwright.store.Workspace;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** The comparison view model without a scene, on real TPC-H q4 plans before and after an index. */
@ExtendWith(PostgresExtension.class)
class ComparisonViewModelTest {

    private static PlanSource before;
    private static PlanSource after;

    @BeforeAll
    static void plans(PostgresFixture pg) {
        before = TpchPlans.before(pg);
        after = TpchPlans.after(pg);
    }

    private static ComparisonViewModel compared() {
        ComparisonViewModel vm = new ComparisonViewModel(new SameThreadExecutor());
        vm.choices().setAll(before, after);
        vm.beforeProperty().set(before);
        vm.afterProperty().set(after);
        vm.compare();
        return vm;
    }

    @Test
    void compareShowsVerdictTotalsChangesAndEveryNodeOnce() {
        ComparisonViewModel vm = compared();
        PlanComparison c = vm.comparisonProperty().get();

        assertThat(c).isNotNull();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.verdictProperty().get()).startsWith("After is " + c.verdict().name().toLowerCase(java.util.Locale.ROOT));
        assertThat(vm.changes()).containsExactlyElementsOf(c.changes())
                .anyMatch(ch -> ch.kind() == ChangeKind.SCAN_METHOD);
        TotalRow exec = vm.totals().getFirst();
        assertThat(exec.label()).isEqualTo("Execution time (ms)");
        assertThat(exec.before()).isEqualTo(ReportText.number(c.before().executionTime().getAsDouble(), 3));
        assertThat(exec.trend()).isEqualTo(c.totals().executionTime().trend(PlanComparison.NOISE_FRACTION, 0));

        assertThat(vm.rows()).hasSize(c.pairs().size() + c.onlyBefore().size() + c.onlyAfter().size());
        assertThat(vm.rows().stream().filter(r -> r.before() != null).map(r -> r.before().id()))
                .containsExactlyElementsOf(c.before().nodes().stream().map(n -> n.id()).toList());
        assertThat(vm.rows().stream().filter(r -> r.after() != null).map(r -> r.after().id()).sorted())
                .containsExactlyElementsOf(c.after().nodes().stream().map(n -> n.id()).toList());
        assertThat(vm.rows()).filteredOn(ComparisonRow::matched)
                .allSatisfy(r -> assertThat(c.pairOfBefore(r.before().id()).orElseThrow().after()).isSameAs(r.after()));
    }

    @Test
    void selectingAChangeSelectsItsNodeInBothPlans() {
        ComparisonViewModel vm = compared();
        PlanChange scan = vm.changes().stream().filter(ch -> ch.kind() == ChangeKind.SCAN_METHOD).findFirst().orElseThrow();

        vm.selectedChangeProperty().set(scan);

        assertThat(vm.selectedBeforeProperty().get().id()).isEqualTo(scan.beforeNodeId());
        assertThat(vm.selectedAfterProperty().get().id()).isEqualTo(scan.afterNodeId());
        assertThat(vm.selectedAfterProperty().get().indexName()).contains("idx_l_orderkey");

        PlanChange index = vm.changes().stream().filter(ch -> ch.kind() == ChangeKind.INDEX_USED).findFirst().orElseThrow();
        vm.selectedChangeProperty().set(index);
        assertThat(vm.selectedAfterProperty().get().id()).isEqualTo(index.afterNodeId());
    }

    @Test
    void aNodeOnlyTheAfterPlanHasSitsBelowItsPredecessor() {
        ComparisonViewModel vm = compared();
        List<ComparisonRow> rows = vm.rows();
        for (int i = 0; i < rows.size(); i++) {
            ComparisonRow r = rows.get(i);
            if (r.before() == null && r.after().id() > 0) {
                assertThat(rows.get(i - 1).after().id()).isEqualTo(r.after().id() - 1);
            }
        }
    }

    @Test
    void anUnreadablePlanSaysWhereAndClearsTheComparison() {
        ComparisonViewModel vm = compared();
        vm.afterProperty().set(new PlanSource("broken.txt", "Seq Scan on t  (cost=1.00..x rows=1 width=4)", null));

        vm.compare();

        assertThat(vm.comparisonProperty().get()).isNull();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.errorProperty().get()).contains("broken.txt").containsPattern("\\d+");
    }

    @Test
    void theComparisonExportsInEveryFormat(@TempDir Path dir) throws Exception {
        ComparisonViewModel vm = compared();
        ReportExporter exporter = new ReportExporter(new SameThreadExecutor());
        for (ReportKind kind : ReportKind.values()) {
            Path file = dir.resolve("diff." + kind.extension());
            Path[] done = new Path[1];
            exporter.export(vm.report(), kind, file, p -> done[0] = p, e -> {
                throw new AssertionError(e);
            });
            assertThat(done[0]).isEqualTo(file);
            assertThat(Files.readString(file)).isEqualTo(kind.render(vm.report())).contains("q4 after CREATE INDEX");
        }
    }

    @Test
    void theCurrentPlanExportsAsASelfContainedHtmlReport(@TempDir Path dir) throws Exception {
        var plan = PlanParser.parse(after.planText());
        var strict = org.planwright.plans.InsightThresholds.defaults();
        var report = ReportExporter.planReport("Plan", plan, "select '<script>x</script>'", strict);
        Path file = dir.resolve("plan.html");
        Path[] done = new Path[1];

        new ReportExporter(new SameThreadExecutor()).export(() -> report, ReportKind.HTML, file, p -> done[0] = p, e -> {
            throw new AssertionError(e);
        });

        assertThat(done[0]).isEqualTo(file);
        assertThat(report.insights()).isEqualTo(new org.planwright.plans.InsightEngine(strict).analyze(plan));
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("idx_l_orderkey")
                .contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void theWorkspacesCapturesAreOfferedNewestFirst(@TempDir Path home) {
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            Workspace ws = store.workspaces().create("Compare");
            Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
            store.planCaptures().save(PlanCapture.create(ws.id(), null, before.query(), before.planText(),
                    PlanFormat.JSON, null, null, null, t0, PlanMetrics.UNKNOWN));
            store.planCaptures().save(PlanCapture.create(ws.id(), null, after.query(), after.planText(),
                    PlanFormat.JSON, null, null, null, t0.plusSeconds(60), PlanMetrics.UNKNOWN));

            List<PlanSource> sources = CaptureSources.latest(store.planCaptures(), ws.id(), 10);

            assertThat(sources).hasSize(2);
            assertThat(sources.get(0).planText()).isEqualTo(after.planText());
            assertThat(sources.get(1).planText()).isEqualTo(before.planText());
            assertThat(sources.get(0).name()).contains("select");
            assertThat(PlanParser.parse(sources.get(0).planText()).nodeCount()).isPositive();
        }
    }

    @Test
    void loadedCapturesComeFirstAndTheNewestTwoArePickedOldestAsBefore() {
        List<String> failures = new ArrayList<>();
        ComparisonViewModel vm = new ComparisonViewModel(new SameThreadExecutor(), (t, e) -> failures.add(t));
        PlanSource file = new PlanSource("opened.json", before.planText(), null);
        vm.addChoice(file);

        vm.loadCaptures(() -> List.of(after, before));

        assertThat(vm.choices()).containsExactly(after, before, file);
        assertThat(vm.beforeProperty().get()).isSameAs(before);
        assertThat(vm.afterProperty().get()).isSameAs(after);
        assertThat(failures).isEmpty();
    }

    @Test
    void aSingleCapturePicksNothingAndAFailedLoadIsReportedWithItsTitle() {
        List<String> failures = new ArrayList<>();
        ComparisonViewModel vm = new ComparisonViewModel(new SameThreadExecutor(), (t, e) -> failures.add(t));
        vm.loadCaptures(() -> List.of(after));
        assertThat(vm.choices()).containsExactly(after);
        assertThat(vm.beforeProperty().get()).isNull();

        vm.loadCaptures(() -> {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "the store is closed");
        });
        assertThat(failures).containsExactly("Could not load the plan captures");

        ComparisonViewModel quiet = new ComparisonViewModel(new SameThreadExecutor());
        quiet.loadCaptures(() -> {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "the store is closed");
        });
        assertThat(quiet.errorProperty().get()).startsWith("Could not load the plan captures: ")
                .contains("the store is closed");
    }

    @Test
    void openedFilesArePickedBeforeThenAfterAndAMissingFileIsReported(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("before.json"), before.planText());
        Path two = Files.writeString(dir.resolve("after.json"), after.planText());
        List<String> failures = new ArrayList<>();
        ComparisonViewModel vm = new ComparisonViewModel(new SameThreadExecutor(), (t, e) -> failures.add(t));

        vm.open(one);
        vm.open(two);
        vm.open(dir.resolve("missing.json"));

        assertThat(vm.choices()).extracting(PlanSource::name).containsExactly("before.json", "after.json");
        assertThat(vm.beforeProperty().get().planText()).isEqualTo(before.planText());
        assertThat(vm.afterProperty().get().planText()).isEqualTo(after.planText());
        assertThat(failures).containsExactly("Could not open missing.json");
        vm.compare();
        assertThat(vm.comparisonProperty().get()).isNotNull();
    }

    @Test
    void theComparisonWindowsExportWritesTheReport(@TempDir Path dir) throws Exception {
        List<String> failures = new ArrayList<>();
        ComparisonViewModel vm = new ComparisonViewModel(new SameThreadExecutor(), (t, e) -> failures.add(t));
        Path file = dir.resolve("diff.md");
        vm.export(ReportKind.MARKDOWN, file);
        assertThat(file).as("nothing compared yet: nothing written").doesNotExist();

        vm.beforeProperty().set(before);
        vm.afterProperty().set(after);
        vm.compare();
        vm.export(ReportKind.MARKDOWN, file);
        vm.export(ReportKind.MARKDOWN, dir.resolve("no-such-folder").resolve("diff.md"));

        assertThat(Files.readString(file)).isEqualTo(ReportKind.MARKDOWN.render(vm.report()));
        assertThat(failures).containsExactly("Could not export the report");
    }

    @Test
    void theCompareMenuOffersTheWorkspacesCapturesAndExportsThePlanShown(@TempDir Path home) throws Exception {
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            Workspace ws = store.workspaces().create("Menu");
            Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
            store.planCaptures().save(PlanCapture.create(ws.id(), null, before.query(), before.planText(),
                    PlanFormat.JSON, null, null, null, t0, PlanMetrics.UNKNOWN));
            store.planCaptures().save(PlanCapture.create(ws.id(), null, after.query(), after.planText(),
                    PlanFormat.JSON, null, null, null, t0.plusSeconds(60), PlanMetrics.UNKNOWN));
            PlanViewModel plan = new PlanViewModel();
            Workspace[] active = {null};
            List<String> status = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            CompareMenuViewModel menu = new CompareMenuViewModel(plan,
                    () -> active[0] == null ? java.util.Optional.empty() : java.util.Optional.of(store.planCaptures()),
                    () -> active[0], org.planwright.plans.InsightThresholds::defaults, new SameThreadExecutor(),
                    status::add, (t, e) -> failures.add(t));

            assertThat(menu.newComparison().choices()).as("store not open yet").isEmpty();
            assertThat(menu.noPlanProperty().get()).isTrue();
            assertThat(menu.shownPlanReport()).isNull();

            active[0] = ws;
            ComparisonViewModel comparison = menu.newComparison();
            assertThat(comparison.choices()).extracting(PlanSource::planText)
                    .containsExactly(after.planText(), before.planText());
            assertThat(comparison.afterProperty().get().planText()).isEqualTo(after.planText());

            plan.show(PlanParser.parse(after.planText()), after.query(), List.of());
            assertThat(menu.noPlanProperty().get()).isFalse();
            Path file = home.resolve("plan.json");
            menu.exportShownPlan(ReportKind.JSON, file);
            assertThat(Files.readString(file)).isEqualTo(ReportKind.JSON.render(menu.shownPlanReport().call()));
            assertThat(status).containsExactly("Exported plan.json");
            assertThat(failures).isEmpty();
        }
    }
}
