package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.planwright.cli.report.Urls;
import picocli.CommandLine;

class UrlsAndDurationsTest {

    @Test
    void passwordsAreRemovedFromUrls() {
        assertThat(Urls.withoutPassword("jdbc:postgresql://db:5432/shop?user=dba&password=s3cret&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?user=dba&sslmode=require");
        assertThat(Urls.withoutPassword("jdbc:postgresql://db/shop?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/shop");
        assertThat(Urls.withoutPassword("jdbc:postgresql://db/shop?sslmode=disable&PASSWORD=x"))
                .isEqualTo("jdbc:postgresql://db/shop?sslmode=disable");
        assertThat(Urls.withoutPassword("jdbc:postgresql://dba:s3cret@db/shop"))
                .isEqualTo("jdbc:postgresql://dba@db/shop");
        assertThat(Urls.withoutPassword("jdbc:postgresql://127.0.0.1:5432/pagila"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/pagila");
    }

    @Test
    void durationsReadLikePostgresSettings() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(c.convert("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("5min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.convert("2 h")).isEqualTo(Duration.ofHours(2));
        assertThat(c.convert("0")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> c.convert("soon")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> c.convert("-1s")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
