package org.planwright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.planwright.tuning.pgtune.DataSize;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.PgTune;
import org.planwright.tuning.pgtune.PgTuneInput;
import org.planwright.tuning.pgtune.PgTuneOutput;
import org.planwright.tuning.pgtune.PgTuneResult;
import org.planwright.tuning.pgtune.StorageType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code planwright config pgtune}: PGTune's profile for the given hardware, exactly as PGTune computes it
 * ({@link PgTune}). Formats: text (PGTune's postgresql.conf text), conf (the same), alter-system (PGTune's ALTER
 * SYSTEM text), json (an object of parameter name to value text as PGTune writes it, e.g. {@code "512MB"}, and a
 * {@code warnings} array is NOT mixed in: warnings go to standard error so the object holds parameters only).
 */
@Command(name = "pgtune", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "PGTune's configuration for the given hardware (no connection needed).",
        description = {"Reproduces PGTune (pgtune.leopard.in.ua) for PostgreSQL 10 to 18. With --format json the "
                + "output is one object whose keys are the parameter names and whose values are written as PGTune "
                + "writes them (\"512MB\"); PGTune's warnings go to standard error.", ""})
final class ConfigPgTuneCommand implements Callable<Integer> {

    /** Output formats of {@code config pgtune}. */
    enum PgTuneFormat { TEXT, CONF, ALTER_SYSTEM, JSON }

    @Spec
    private CommandSpec spec;

    @Option(names = "--db-version", required = true, paramLabel = "N", description = "PostgreSQL major version, 10 to 18")
    private int dbVersion;

    @Option(names = "--os", defaultValue = "linux", paramLabel = "OS", description = "linux, windows or mac (default: linux)")
    private String os;

    @Option(names = "--db-type", required = true, paramLabel = "TYPE",
            description = "web, oltp, dw, desktop or mixed")
    private String dbType;

    @Option(names = "--ram-gb", paramLabel = "N", description = "RAM in GB (whole number)")
    private Long ramGb;

    @Option(names = "--ram-mb", paramLabel = "N", description = "RAM in MB (at least 512), instead of --ram-gb")
    private Long ramMb;

    @Option(names = "--cpus", paramLabel = "N", description = "CPU count (no parallel settings without it)")
    private Integer cpus;

    @Option(names = "--connections", paramLabel = "N", description = "max_connections (default: PGTune's per type)")
    private Integer connections;

    @Option(names = "--storage", defaultValue = "ssd", paramLabel = "KIND", description = "ssd, hdd, san or nvme (default: ssd)")
    private String storage;

    @Option(names = "--data-size", defaultValue = "mid_ram", paramLabel = "SIZE",
            description = "The database's size relative to RAM: less_ram, mid_ram or greater_ram (default: mid_ram)")
    private String dataSize;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            converter = FormatConverter.class, description = "text, conf, alter-system or json (default: text)")
    private PgTuneFormat format;

    @Override
    public Integer call() throws JsonProcessingException {
        CommandLine cl = spec.commandLine();
        PgTuneInput input;
        try {
            if ((ramGb == null) == (ramMb == null)) {
                throw new IllegalArgumentException("give the RAM with either --ram-gb or --ram-mb");
            }
            input = new PgTuneInput(dbVersion, OsType.parse(os), DbType.parse(dbType),
                    ramGb != null ? ramGb : ramMb, ramGb != null ? PgTuneInput.MemoryUnit.GB : PgTuneInput.MemoryUnit.MB,
                    cpus, connections, StorageType.parse(storage), DataSize.parse(dataSize));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        PgTuneResult result = PgTune.calculate(input);
        PrintWriter out = cl.getOut();
        switch (format) {
            case TEXT, CONF -> out.print(PgTuneOutput.conf(result));
            case ALTER_SYSTEM -> out.print(PgTuneOutput.alterSystem(result));
            case JSON -> {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(result.asMap()));
                if (!result.warnings().isEmpty()) {
                    cl.getErr().println(String.join("\n", result.warnings()));
                    cl.getErr().flush();
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Accepts {@code alter-system} as well as {@code alter_system}, any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<PgTuneFormat> {
        @Override
        public PgTuneFormat convert(String value) {
            try {
                return PgTuneFormat.valueOf(value.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a format: text, conf, alter-system or json");
            }
        }
    }
}
