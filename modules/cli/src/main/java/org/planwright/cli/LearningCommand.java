package org.planwright.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.planwright.learning.LearningReport;
import org.planwright.learning.LearningReports;
import org.planwright.learning.LearningService;
import org.planwright.learning.LearningSettings;
import org.planwright.store.EstimatorModel;
import org.planwright.store.StoreException;
import org.planwright.store.Workspace;
import org.planwright.store.WorkbenchStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code planwright learning report|retrain}: the learning loop over the store's workspace (issue 10). The report
 * holds trial and feedback counts, accuracy, trend, bias, the learned vs cost-only error and the improvement report;
 * JSON shape: docs/cli-json-output.md ("learning report").
 */
@Command(name = "learning", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "The learning loop over the workbench store (-Dplanwright.home / PLANWRIGHT_HOME).",
        subcommands = {LearningCommand.Report.class, LearningCommand.Retrain.class})
final class LearningCommand implements Runnable {

    @ParentCommand
    PlanwrightCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'planwright learning report'");
    }

    @Command(name = "report", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Trials, feedback, accuracy, trend, bias, learned vs cost-only error, improvement report.")
    static final class Report implements Callable<Integer> {

        @ParentCommand
        LearningCommand learning;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        FormatOption format;

        @Option(names = "--workspace", paramLabel = "NAME", description = "The workspace (default: the only one).")
        String workspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return withStore(learning.parent.environment(), spec, store -> {
                Workspace ws = StoreWorkspace.pick(store, workspace);
                LearningReport r = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC()).report(ws);
                out.print(switch (format.format()) {
                    case TEXT -> LearningReports.text(r);
                    case MARKDOWN -> LearningReports.markdown(r);
                    case JSON -> json(r);
                });
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "retrain", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Train a new estimator version now; it is deployed only when it beats the one in use on held-out trials.")
    static final class Retrain implements Callable<Integer> {

        @ParentCommand
        LearningCommand learning;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--workspace", paramLabel = "NAME", description = "The workspace (default: the only one).")
        String workspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return withStore(learning.parent.environment(), spec, store -> {
                Workspace ws = StoreWorkspace.pick(store, workspace);
                LearningService service = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC());
                Optional<EstimatorModel> m = service.retrain(ws.id());
                if (m.isEmpty()) {
                    out.printf(Locale.ROOT, "not enough trials to train: %d of %d needed; the cost-only estimate stays%n",
                            store.learning().trialOutcomes().count(ws.id()), service.settings().minTrainingSize());
                } else {
                    EstimatorModel v = m.get();
                    out.printf(Locale.ROOT, "model v%d trained on %d trials: held-out MAE %.1f vs %.1f points -> %s%n",
                            v.version(), v.trainingSize(), v.holdoutMae(), v.baselineMae(),
                            v.deployed() ? "deployed" : "not deployed (not better)");
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    /** Work on the open store. */
    interface StoreWork {
        int run(WorkbenchStore store);
    }

    /** Opens the store, runs the work, turns store and workspace errors into one-line messages (exit 2). */
    static int withStore(CliEnvironment environment, CommandLine.Model.CommandSpec spec, StoreWork work) {
        PrintWriter err = spec.commandLine().getErr();
        try (WorkbenchStore store = StoreWorkspace.open(environment)) {
            return work.run(store);
        } catch (StoreException | IllegalArgumentException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    static String json(LearningReport r) {
        SimpleModule times = new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance);
        JsonMapper mapper = JsonMapper.builder().disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
                .enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .addModule(times).build();
        try {
            return mapper.writeValueAsString(r) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

}
