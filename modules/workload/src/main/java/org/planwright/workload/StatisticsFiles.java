package org.planwright.workload;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads statistics exported as CSV with a header line, the way DBAs export them:
 * {@code \copy (SELECT s.*, d.datname FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid) TO 'f.csv'
 * CSV HEADER}, and the same for {@code pg_stat_database}. Multi-line query texts in quotes are fine. Parsed with
 * Jackson's CSV reader. Thread-safe (no state).
 */
public final class StatisticsFiles {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private StatisticsFiles() {
    }

    /**
     * @param file a {@code pg_stat_statements} CSV export with header (extra columns such as {@code datname} are
     *             used when present)
     * @return one counter record per row
     * @throws IOException                when the file cannot be read
     * @throws StatisticsFormatException  when a required column is missing or a number is not a number (the
     *                                    message names the file and line)
     */
    public static List<StatementCounters> readStatements(Path file) throws IOException {
        return read(file, StatRows::statement);
    }

    /**
     * @param file a {@code pg_stat_database} CSV export with header
     * @return one record per database row (the shared-objects row with an empty name included)
     * @throws IOException               when the file cannot be read
     * @throws StatisticsFormatException as {@link #readStatements}
     */
    public static List<DatabaseCounters> readDatabases(Path file) throws IOException {
        return read(file, StatRows::database);
    }

    /**
     * @param file a {@code pg_stat_user_tables} CSV export with header
     * @return one record per table
     * @throws IOException               when the file cannot be read
     * @throws StatisticsFormatException as {@link #readStatements}
     */
    public static List<TableCounters> readTables(Path file) throws IOException {
        return read(file, StatRows::table);
    }

    /**
     * @param file a {@code pg_stat_user_indexes} CSV export with header
     * @return one record per index
     * @throws IOException               when the file cannot be read
     * @throws StatisticsFormatException as {@link #readStatements}
     */
    public static List<IndexCounters> readIndexes(Path file) throws IOException {
        return read(file, StatRows::index);
    }

    /**
     * @param statements a {@code pg_stat_statements} export
     * @param databases  a {@code pg_stat_database} export taken at the same time, or null
     * @param takenAt    when they were taken (the file's time when unknown)
     * @return the snapshot (server version unknown: 0)
     * @throws IOException               when a file cannot be read
     * @throws StatisticsFormatException as {@link #readStatements}
     */
    public static WorkloadSnapshot snapshot(Path statements, Path databases, Instant takenAt) throws IOException {
        return new WorkloadSnapshot(takenAt, 0, readStatements(statements),
                databases == null ? List.of() : readDatabases(databases));
    }

    private static <T> List<T> read(Path file, Function<StatRow, T> mapper) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<T> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class).with(schema).readValues(reader)) {
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                out.add(mapper.apply(StatRow.of(row, file.getFileName() + " line " + line)));
            }
        } catch (RuntimeJsonMappingException e) {
            throw new StatisticsFormatException(file.getFileName() + ": not a CSV export with a header line: "
                    + e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StatisticsFormatException(file.getFileName() + " line " + e.getLocation().getLineNr()
                    + ": not valid CSV: " + e.getOriginalMessage());
        }
        return out;
    }
}
