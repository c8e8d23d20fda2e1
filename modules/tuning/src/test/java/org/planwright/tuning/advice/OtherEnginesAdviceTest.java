package org.planwright.tuning.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The MySQL (MySQLTuner) and SQL Server (Microsoft docs) rule sets on recorded inputs (see recorded/README.md). */
class OtherEnginesAdviceTest {

    @Test
    void mysqlBufferPoolRedoAndConnections() throws IOException {
        Map<String, String> vars = tsv("mysql8-variables.tsv");
        Map<String, String> status = tsv("mysql8-status.tsv");
        double innodb = Double.parseDouble(text("mysql8-innodb-size.txt").strip());
        List<ConfigRecommendation> recs = new MySqlConfigAdvisor().advise(vars, status, innodb, 32.0 * (1L << 30));
        assertThat(recs).extracting(ConfigRecommendation::parameter)
                .containsExactly("innodb_buffer_pool_size", "innodb_redo_log_capacity", "max_connections");
        // 30 GB of data x 1.1 is above 75% of 32 GB: 24 GB (a multiple of the 128MB chunk)
        assertThat(recs.get(0).recommended()).isEqualTo("24G");
        assertThat(recs.get(0).statement()).isEqualTo("SET PERSIST innodb_buffer_pool_size = " + (24L << 30));
        assertThat(recs.get(1).recommended()).as("25% of the new buffer pool").isEqualTo("6G");
        assertThat(recs.get(2).recommended()).as("140 x 1.25").isEqualTo("175");
        assertThat(MySqlConfigAdvisor.readRatio(status)).isGreaterThan(0.8); // read-heavy by MySQLTuner's line
    }

    @Test
    void sqlServerMemoryMaxdopAndCostThreshold() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/recorded/mssql-2022-2numa.properties")) {
            p.load(in);
        }
        var input = new SqlServerConfigAdvisor.Input(Long.parseLong(p.getProperty("physical_memory_kb")) / 1024,
                Long.parseLong(p.getProperty("max_server_memory_mb")), Integer.parseInt(p.getProperty("cpu_count")),
                Integer.parseInt(p.getProperty("numa_nodes")), Integer.parseInt(p.getProperty("max_degree_of_parallelism")),
                Integer.parseInt(p.getProperty("cost_threshold_for_parallelism")));
        List<ConfigRecommendation> recs = new SqlServerConfigAdvisor().advise(input);
        assertThat(recs).extracting(ConfigRecommendation::parameter).containsExactly("max server memory (MB)",
                "max degree of parallelism", "cost threshold for parallelism");
        // 256 GB: reserve 4 GB + 1 GB per 8 GB above 16 GB = 34 GB
        assertThat(recs.get(0).recommended()).isEqualTo(Long.toString((256 - 34) * 1024L));
        // 24 logical processors per NUMA node (> 16): half of them = 12
        assertThat(recs.get(1).recommended()).isEqualTo("12");
        assertThat(SqlServerConfigAdvisor.recommendedMaxdop(6, 1)).isEqualTo(6);
        assertThat(SqlServerConfigAdvisor.recommendedMaxdop(32, 1)).isEqualTo(8);
        assertThat(SqlServerConfigAdvisor.recommendedMaxdop(32, 2)).isEqualTo(16);
    }

    private Map<String, String> tsv(String name) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text(name).split("\n")) {
            String[] cells = line.split("\t");
            if (cells.length == 2 && !cells[0].equals("Variable_name")) {
                map.put(cells[0], cells[1]);
            }
        }
        assertThat(map).as(name).isNotEmpty();
        return map;
    }

    private String text(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
