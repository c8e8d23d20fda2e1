package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.Corpus;

class SqlFilesTest {

    @Test
    void aFolderStandsForItsSqlFilesInNaturalNameOrder() throws Exception {
        List<SqlFiles.SqlFile> files = SqlFiles.load(List.of(Corpus.resolve("sql/tpch/queries")));

        assertThat(files).extracting(SqlFiles.SqlFile::display)
                .containsExactly("q1.sql", "q2.sql", "q3.sql", "q4.sql", "q5.sql", "q6.sql", "q7.sql", "q8.sql",
                        "q9.sql", "q10.sql", "q11.sql", "q12.sql", "q13.sql", "q14.sql", "q15.sql", "q16.sql",
                        "q17.sql", "q18.sql", "q19.sql", "q20.sql", "q21.sql", "q22.sql");
        assertThat(files.get(14).text()).contains("create view revenue0");
    }

    @Test
    void onlySqlFilesOfTheFolderItselfAreTaken(@TempDir Path dir) throws IOException, SqlFiles.SqlFileException {
        Files.writeString(dir.resolve("b.SQL"), "select 2");
        Files.writeString(dir.resolve("a.sql"), "select 1");
        Files.writeString(dir.resolve("notes.txt"), "not sql");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.sql"), "select 3");

        assertThat(SqlFiles.load(List.of(dir))).extracting(SqlFiles.SqlFile::display).containsExactly("a.sql", "b.SQL");
    }

    @Test
    void aByteOrderMarkIsDropped(@TempDir Path dir) throws IOException, SqlFiles.SqlFileException {
        Path f = dir.resolve("bom.sql");
        Files.writeString(f, "\uFEFFselect 1");

        assertThat(SqlFiles.load(List.of(f)).getFirst().text()).isEqualTo("select 1");
    }

    @Test
    void missingPathsEmptyFoldersAndNonUtf8FilesAreRefusedWithTheirName(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> SqlFiles.load(List.of(dir.resolve("nope.sql"))))
                .isInstanceOf(SqlFiles.SqlFileException.class).hasMessageContaining("nope.sql");
        assertThatThrownBy(() -> SqlFiles.load(List.of(dir)))
                .isInstanceOf(SqlFiles.SqlFileException.class).hasMessageContaining("no *.sql files");
        Path latin1 = dir.resolve("latin1.sql");
        Files.write(latin1, new byte[] {'s', 'e', 'l', 'e', 'c', 't', ' ', '\'', (byte) 0xE9, '\''});
        assertThatThrownBy(() -> SqlFiles.load(List.of(latin1)))
                .isInstanceOf(SqlFiles.SqlFileException.class).hasMessageContaining("latin1.sql is not UTF-8");
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        assertThat(List.of("q10.sql", "q2.sql", "q1.sql", "a.sql", "q02.sql").stream()
                .sorted(SqlFiles.NATURAL_ORDER).toList())
                .containsExactly("a.sql", "q1.sql", "q02.sql", "q2.sql", "q10.sql");
    }
}
