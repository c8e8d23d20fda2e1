package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Options the server version does not know are left out (PostgreSQL "EXPLAIN" reference, per version). */
class ExplainOptionsTest {

    @Test
    void analyzeAsksForEverythingAndPlainForEstimatesOnly() {
        assertThat(ExplainOptions.analyze()).isEqualTo(new ExplainOptions(true, true, true, true));
        assertThat(ExplainOptions.plain().useAnalyze()).isFalse();
    }

    @Test
    void settingsNeedsPostgres12AndBuffersWithoutAnalyzeNeeds13() {
        var withoutAnalyze = new ExplainOptions(false, true, false, true);
        assertThat(withoutAnalyze.settingsOn(110022)).isFalse();
        assertThat(withoutAnalyze.settingsOn(120000)).isTrue();
        assertThat(withoutAnalyze.buffersOn(120017)).isFalse();
        assertThat(withoutAnalyze.buffersOn(130000)).isTrue();
        assertThat(ExplainOptions.analyze().buffersOn(90624)).isTrue();
    }

    @Test
    void describeListsTheAskedOptionsInExplainsOrder() {
        assertThat(ExplainOptions.analyze().describe()).isEqualTo("ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON");
        assertThat(new ExplainOptions(false, true, false, false).describe()).isEqualTo("BUFFERS, FORMAT JSON");
        assertThat(ExplainOptions.plain().describe()).doesNotContain("ANALYZE").endsWith("FORMAT JSON");
    }

    @Test
    void serverPositionsCountCharactersNotUtf16Units() {
        // PostgreSQL counts the emoji as one character; Java as two UTF-16 units
        String sql = "SELECT '\uD83D\uDE00',\n  nope";
        ErrorPosition p = ErrorPosition.fromServerPosition(sql, 15);
        assertThat(sql.substring(p.offset())).isEqualTo("nope");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(3);
    }
}
