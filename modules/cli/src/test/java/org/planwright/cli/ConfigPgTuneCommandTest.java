package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code planwright config pgtune}: PGTune's profile in its formats, and clear usage errors. */
class ConfigPgTuneCommandTest {

    @Test
    void jsonIsAnObjectOfParameterNamesToPgTuneValues() throws Exception {
        CliRun run = CliRun.run("config", "pgtune", "--db-version", "16", "--os", "linux", "--db-type", "dw",
                "--ram-gb", "16", "--cpus", "2", "--storage", "ssd", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("shared_buffers").asText()).isEqualTo("4GB");
        assertThat(json.get("work_mem").asText()).isEqualTo("43690kB");
        assertThat(json.get("random_page_cost").asText()).isEqualTo("4");
        assertThat(json.has("max_worker_processes")).as("no parallel settings under 4 CPUs").isFalse();
        assertThat(run.err()).contains("Cost parameters for Data Warehouses on SSDs");
    }

    @Test
    void alterSystemAndConfFormats() {
        CliRun conf = CliRun.run("config", "pgtune", "--db-version", "15", "--db-type", "web", "--ram-gb", "4",
                "--cpus", "4", "--connections", "300", "--storage", "ssd");
        assertThat(conf.exitCode()).isZero();
        assertThat(conf.out()).contains("# Connections num: 300\n").contains("\nwork_mem = 4MB\n");
        CliRun alter = CliRun.run("config", "pgtune", "--db-version", "15", "--db-type", "web", "--ram-gb", "4",
                "--storage", "nvme", "--format", "alter-system");
        assertThat(alter.out()).contains("ALTER SYSTEM SET effective_io_concurrency = '1000';");
    }

    @Test
    void badInputIsAOneLineUsageError() {
        CliRun run = CliRun.run("config", "pgtune", "--db-version", "19", "--db-type", "web", "--ram-gb", "4");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(run.err()).contains("PostgreSQL 10 to 18").doesNotContain("Exception");
        CliRun type = CliRun.run("config", "pgtune", "--db-version", "15", "--db-type", "olap", "--ram-gb", "4");
        assertThat(type.err()).contains("unknown database type 'olap'");
    }
}
