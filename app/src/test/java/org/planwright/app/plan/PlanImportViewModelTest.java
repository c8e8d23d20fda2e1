package org.planwright.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.testsupport.Corpus;

class PlanImportViewModelTest {

    private final PlanViewModel plan = new PlanViewModel();
    private final List<String> status = new ArrayList<>();
    private final PlanImportViewModel imports = new PlanImportViewModel(plan, new SameThreadExecutor(), status::add);

    @Test
    void openingACorpusPlanShowsItWithItsTextAndInsights() throws Exception {
        Path file = Corpus.resolve("plans/generated-tpch/tpch-q9.txt");

        imports.open(file);

        assertThat(plan.planProperty().get()).isNotNull();
        assertThat(plan.planProperty().get().analyzed()).isTrue();
        assertThat(plan.rawTextProperty().get()).isEqualTo(Files.readString(file));
        assertThat(plan.sourceLines().known()).isTrue();
        assertThat(plan.insights()).isNotEmpty();
        assertThat(status).singleElement().asString().startsWith("Plan from tpch-q9.txt · Execution ");
        assertThat(imports.errorProperty().get()).isNull();
    }

    @Test
    void aBrokenPlanGivesLineAndColumnAndKeepsThePlanShown(@TempDir Path dir) throws Exception {
        imports.open(Corpus.resolve("plans/generated-tpch/tpch-q1.json"));
        var shown = plan.planProperty().get();
        String json = Files.readString(Corpus.resolve("plans/generated-tpch/tpch-q1.json"));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, json.substring(0, json.length() / 2));

        imports.open(broken);

        assertThat(plan.planProperty().get()).isSameAs(shown);
        assertThat(imports.errorProperty().get().title()).isEqualTo("Could not read the plan in broken.json");
        assertThat(imports.errorProperty().get().message()).matches("Line \\d+, column \\d+: .+");
    }

    @Test
    void pastingNothingSaysSo() {
        imports.paste("   \n");

        assertThat(imports.errorProperty().get().message()).contains("clipboard holds no text");
        assertThat(plan.planProperty().get()).isNull();
    }

    @Test
    void aPastedTextPlanIsShown() {
        imports.paste("""
                 Sort  (cost=10.00..10.50 rows=200 width=8)
                   Sort Key: a
                   ->  Seq Scan on t  (cost=0.00..5.00 rows=200 width=8)
                """);

        assertThat(plan.planProperty().get().nodeCount()).isEqualTo(2);
        assertThat(plan.sourceLines().range(1).orElseThrow().firstLine()).isEqualTo(3);
        assertThat(status).singleElement().asString().startsWith("Plan from the clipboard");
    }
}
