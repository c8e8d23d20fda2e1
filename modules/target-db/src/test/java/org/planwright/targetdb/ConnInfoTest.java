package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwright.targetdb.ConnInfo.Endpoint;

/**
 * Every example of the PostgreSQL documentation's libpq "Connection Strings" section (18), the PgJDBC URL forms,
 * and the errors, none of which may repeat a password.
 */
class ConnInfoTest {

    // ---- libpq "Connection URIs": the documented examples ----

    @Test
    void emptyUri() {
        ConnInfo c = ConnInfo.parse("postgresql://");
        assertThat(c.form()).isEqualTo(ConnInfo.Form.URI);
        assertThat(c.keywords()).isEmpty();
        assertThat(c.endpoints()).containsExactly(new Endpoint("", "", 5432));
    }

    @Test
    void uriWithHostOnly() {
        assertThat(ConnInfo.parse("postgresql://localhost").keywords()).containsExactly(Map.entry("host", "localhost"));
    }

    @Test
    void uriWithHostAndPort() {
        ConnInfo c = ConnInfo.parse("postgresql://localhost:5433");
        assertThat(c.keywords()).containsExactly(Map.entry("host", "localhost"), Map.entry("port", "5433"));
        assertThat(c.primary()).isEqualTo(new Endpoint("localhost", "", 5433));
    }

    @Test
    void uriWithDatabase() {
        assertThat(ConnInfo.parse("postgresql://localhost/mydb").keywords())
                .containsExactly(Map.entry("host", "localhost"), Map.entry("dbname", "mydb"));
    }

    @Test
    void uriWithUser() {
        assertThat(ConnInfo.parse("postgresql://user@localhost").keywords())
                .containsExactly(Map.entry("user", "user"), Map.entry("host", "localhost"));
    }

    @Test
    void uriWithUserAndPasswordKeepsThePasswordOutOfEverythingShown() {
        ConnInfo c = ConnInfo.parse("postgresql://user:secret@localhost");
        assertThat(c.hasPassword()).isTrue();
        assertThat(c.password()).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("secret"));
        assertThat(c.keywords()).containsExactly(Map.entry("user", "user"), Map.entry("host", "localhost"));
        assertThat(c.get("password")).isEmpty();
        assertThat(c.toString()).isEqualTo("postgresql://user@localhost").doesNotContain("secret");
        assertThat(c.render()).doesNotContain("secret");
        assertThat(c.jdbcUrl()).doesNotContain("secret");
        assertThat(c.withoutPassword().hasPassword()).isFalse();
        assertThat(c.toJdbc().properties().getProperty("password")).isEqualTo("secret");
        assertThat(c.toJdbc().toString()).doesNotContain("secret");
    }

    @Test
    void uriWithParameters() {
        ConnInfo c = ConnInfo.parse("postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp");
        assertThat(c.keywords()).containsExactly(Map.entry("user", "other"), Map.entry("host", "localhost"),
                Map.entry("dbname", "otherdb"), Map.entry("connect_timeout", "10"),
                Map.entry("application_name", "myapp"));
        var jdbc = c.toJdbc();
        assertThat(jdbc.url()).isEqualTo("jdbc:postgresql://localhost:5432/otherdb");
        assertThat(jdbc.properties()).containsEntry("connectTimeout", "10").containsEntry("ApplicationName", "myapp")
                .containsEntry("user", "other");
    }

    @Test
    void uriWithSeveralHosts() {
        ConnInfo c = ConnInfo.parse(
                "postgresql://host1:123,host2:456/somedb?target_session_attrs=any&application_name=myapp");
        assertThat(c.endpoints()).containsExactly(new Endpoint("host1", "", 123), new Endpoint("host2", "", 456));
        assertThat(c.dbname()).isEqualTo("somedb");
        assertThat(c.toJdbc().url()).isEqualTo("jdbc:postgresql://host1:123,host2:456/somedb");
        assertThat(c.toJdbc().properties()).containsEntry("targetServerType", "any");
    }

    @Test
    void hierarchicalPartsAsNamedParameters() {
        ConnInfo c = ConnInfo.parse("postgresql:///mydb?host=localhost&port=5433");
        assertThat(c.primary()).isEqualTo(new Endpoint("localhost", "", 5433));
        assertThat(c.dbname()).isEqualTo("mydb");
    }

    @Test
    void percentEncodedOptions() {
        ConnInfo c = ConnInfo.parse("postgresql://user@localhost:5433/mydb?options=-c%20synchronous_commit%3Doff");
        assertThat(c.get("options")).hasValue("-c synchronous_commit=off");
        assertThat(c.toJdbc().properties()).containsEntry("options", "-c synchronous_commit=off");
    }

    @Test
    void ipv6HostInBrackets() {
        ConnInfo c = ConnInfo.parse("postgresql://[2001:db8::1234]/database");
        assertThat(c.primary()).isEqualTo(new Endpoint("2001:db8::1234", "", 5432));
        assertThat(c.toJdbc().url()).isEqualTo("jdbc:postgresql://[2001:db8::1234]:5432/database");
        assertThat(ConnInfo.parse(c.render()).keywords()).isEqualTo(c.keywords());
    }

    @Test
    void socketDirectoryAsParameterOrPercentEncoded() {
        ConnInfo named = ConnInfo.parse("postgresql:///dbname?host=/var/lib/postgresql");
        ConnInfo encoded = ConnInfo.parse("postgresql://%2Fvar%2Flib%2Fpostgresql/dbname");
        assertThat(named.primary()).isEqualTo(encoded.primary());
        assertThat(encoded.primary().host()).isEqualTo("/var/lib/postgresql");
        assertThat(encoded.primary().socketDirectory()).isTrue();
        assertThat(encoded.primary().connectHost()).isEqualTo("localhost");
        assertThat(encoded.dbname()).isEqualTo("dbname");
    }

    @Test
    void severalHostComponentsEqualHostAndPortLists() {
        ConnInfo uri = ConnInfo.parse("postgresql://host1:5432,host2:5433,host3:5434/");
        ConnInfo kv = ConnInfo.parse("host=host1,host2,host3 port=5432,5433,5434");
        assertThat(uri.endpoints()).isEqualTo(kv.endpoints()).hasSize(3);
        assertThat(uri.get("host")).isEqualTo(kv.get("host"));
        assertThat(uri.get("port")).isEqualTo(kv.get("port"));
    }

    @Test
    void postgresSchemeAndJdbcCompatibleSsl() {
        ConnInfo c = ConnInfo.parse("postgres://dba@db.example.com:6432/shop?ssl=true");
        assertThat(c.form()).isEqualTo(ConnInfo.Form.URI);
        assertThat(c.sslmode()).isEqualTo("require");
        assertThat(c.primary()).isEqualTo(new Endpoint("db.example.com", "", 6432));
    }

    @Test
    void emptyHostWithPortAndPercentEncodedUserAndPassword() {
        ConnInfo c = ConnInfo.parse("postgresql://a%40b:p%3As%2Fs@:5433/my%20db");
        assertThat(c.user()).isEqualTo("a@b");
        assertThat(c.password()).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("p:s/s"));
        assertThat(c.primary()).isEqualTo(new Endpoint("", "", 5433));
        assertThat(c.dbname()).isEqualTo("my db");
        assertThat(c.toJdbc().url()).isEqualTo("jdbc:postgresql://localhost:5433/my%20db");
    }

    @Test
    void atSignInAnUnencodedPasswordEndsAtTheLastAt() {
        ConnInfo c = ConnInfo.parse("postgresql://dba:p@ss@db/shop");
        assertThat(c.user()).isEqualTo("dba");
        assertThat(new String(c.password().orElseThrow())).isEqualTo("p@ss");
        assertThat(c.primary().host()).isEqualTo("db");
    }

    // ---- libpq "Keyword/Value Connection Strings" ----

    @Test
    void keywordValueExample() {
        ConnInfo c = ConnInfo.parse("host=localhost port=5432 dbname=mydb connect_timeout=10");
        assertThat(c.form()).isEqualTo(ConnInfo.Form.KEYWORD_VALUE);
        assertThat(c.keywords()).containsExactly(Map.entry("host", "localhost"), Map.entry("port", "5432"),
                Map.entry("dbname", "mydb"), Map.entry("connect_timeout", "10"));
    }

    @Test
    void spacesAroundEqualsAreOptionalAndQuotesHoldSpaces() {
        ConnInfo c = ConnInfo.parse("  host = localhost   dbname= 'a value'  options ='-c geqo=off' user=bob ");
        assertThat(c.keywords()).containsExactly(Map.entry("host", "localhost"), Map.entry("dbname", "a value"),
                Map.entry("options", "-c geqo=off"), Map.entry("user", "bob"));
    }

    @Test
    void quotesAndBackslashesAreEscapedWithBackslash() {
        ConnInfo c = ConnInfo.parse("application_name='it\\'s \\\\ here' password='' sslmode=require "
                + "options=a\\ b");
        assertThat(c.get("application_name")).hasValue("it's \\ here");
        assertThat(new String(c.password().orElseThrow())).isEmpty();
        assertThat(c.get("options")).hasValue("a b");
        assertThat(ConnInfo.parse(c.render()).keywords()).isEqualTo(c.keywords());
    }

    @Test
    void laterKeywordWins() {
        assertThat(ConnInfo.parse("dbname=a dbname=b").dbname()).isEqualTo("b");
    }

    @Test
    void onePortForSeveralHosts() {
        ConnInfo c = ConnInfo.parse("host=h1,h2 port=5433");
        assertThat(c.endpoints()).containsExactly(new Endpoint("h1", "", 5433), new Endpoint("h2", "", 5433));
    }

    @Test
    void hostaddrIsConnectedToAndHostKeptForPasswordLookups() {
        ConnInfo c = ConnInfo.parse("host=db.example.com hostaddr=192.0.2.7 dbname=shop");
        assertThat(c.primary()).isEqualTo(new Endpoint("db.example.com", "192.0.2.7", 5432));
        assertThat(c.toJdbc().url()).isEqualTo("jdbc:postgresql://192.0.2.7:5432/shop");
    }

    @Test
    void bareWordIsADatabaseNameAsForPsql() {
        ConnInfo c = ConnInfo.parse("shop");
        assertThat(c.keywords()).containsExactly(Map.entry("dbname", "shop"));
    }

    // ---- PgJDBC URLs ----

    @Test
    void jdbcUrlWithParameters() {
        ConnInfo c = ConnInfo.parse("jdbc:postgresql://db:5433/shop?user=dba&sslmode=verify-full"
                + "&ApplicationName=report&connectTimeout=7&prepareThreshold=0&password=s3cret");
        assertThat(c.form()).isEqualTo(ConnInfo.Form.JDBC_URL);
        assertThat(c.keywords()).containsEntry("user", "dba").containsEntry("sslmode", "verify-full")
                .containsEntry("application_name", "report").containsEntry("connect_timeout", "7")
                .doesNotContainKey("password");
        assertThat(c.driverProperties()).containsExactly(Map.entry("prepareThreshold", "0"));
        assertThat(new String(c.password().orElseThrow())).isEqualTo("s3cret");
        assertThat(c.render()).doesNotContain("s3cret").startsWith("jdbc:postgresql://db:5433/shop?")
                .contains("prepareThreshold=0", "user=dba", "sslmode=verify-full");
    }

    @Test
    void jdbcUrlWithSeveralHostsAndIpv6() {
        ConnInfo c = ConnInfo.parse("jdbc:postgresql://[::1]:5740,replica:5433/accounting?targetServerType=primary"
                + "&loadBalanceHosts=true");
        assertThat(c.endpoints()).containsExactly(new Endpoint("::1", "", 5740), new Endpoint("replica", "", 5433));
        assertThat(c.get("target_session_attrs")).hasValue("primary");
        assertThat(c.toJdbc().url()).isEqualTo("jdbc:postgresql://[::1]:5740,replica:5433/accounting");
        assertThat(c.toJdbc().properties()).containsEntry("targetServerType", "primary")
                .containsEntry("loadBalanceHosts", "true");
    }

    @Test
    void jdbcUrlWithUserAndPasswordBeforeTheHost() {
        ConnInfo c = ConnInfo.parse("jdbc:postgresql://postgres:secret@host/db");
        assertThat(c.user()).isEqualTo("postgres");
        assertThat(new String(c.password().orElseThrow())).isEqualTo("secret");
        assertThat(c.primary()).isEqualTo(new Endpoint("host", "", 5432));
        assertThat(c.dbname()).isEqualTo("db");
        assertThat(c.toString()).isEqualTo("jdbc:postgresql://host:5432/db?user=postgres");
    }

    @Test
    void jdbcUrlWithoutHost() {
        assertThat(ConnInfo.parse("jdbc:postgresql:shop").dbname()).isEqualTo("shop");
        assertThat(ConnInfo.parse("jdbc:postgresql:shop").primary().connectHost()).isEqualTo("localhost");
        assertThat(ConnInfo.parse("jdbc:postgresql:/?user=bob").keywords()).containsExactly(Map.entry("user", "bob"));
        assertThat(ConnInfo.parse("jdbc:postgresql://db/shop?ssl=true").sslmode()).isEqualTo("require");
    }

    // ---- errors: clear, positioned, never the password ----

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://user:s3cr3t@host:54x2/db",
        "postgresql://user:s3cr3t/db",
        "postgres://user:s3cr3t@[::1/db",
        "postgresql://user:s3cr3t@host/db?sslmode=require&bogus=s3cr3t",
        "postgresql://user:s3cr3t@host/db?s3cr3t",
        "postgresql://user:s3cr3t@host/db?password=s3cr3t%zz",
        "postgresql://user:s3cr3t%00@host/db",
        "host=h password='s3cr3t",
        "host=h s3cr3t",
        "host=h password s3cr3t",
        "s3cr3t host=h",
        "mysql://user:s3cr3t@host/db",
        "jdbc:mysql://host/db?password=s3cr3t",
        "user:s3cr3t@host/db"})
    void badStringsGivePositionedErrorsWithoutThePassword(String text) {
        ConnInfoException e = catchThrowableOfType(ConnInfoException.class, () -> ConnInfo.parse(text));
        assertThat(e).as(text).isNotNull();
        assertThat(e.getMessage()).doesNotContain("s3cr3t");
        assertThat(e.toString()).doesNotContain("s3cr3t");
        assertThat(e.getCause()).isNull();
        assertThat(e.position()).isBetween(0, text.length());
    }

    @Test
    void errorPositionsPointAtTheProblem() {
        String text = "postgresql://h:54x2/db";
        ConnInfoException e = catchThrowableOfType(ConnInfoException.class, () -> ConnInfo.parse(text));
        assertThat(e.position()).isEqualTo(text.indexOf("54x2"));
        assertThat(e.getMessage()).contains("port", "at character " + (text.indexOf("54x2") + 1));
        ConnInfoException q = catchThrowableOfType(ConnInfoException.class,
                () -> ConnInfo.parse("  host=h dbname='x"));
        assertThat(q.position()).isEqualTo("  host=h dbname=".length());
        assertThat(q.getMessage()).contains("Unterminated", "\"dbname\"");
        assertThatThrownBy(() -> ConnInfo.parse("host=h sslmod=require")).isInstanceOf(ConnInfoException.class)
                .hasMessageContaining("Unknown connection keyword — did you mean \"sslmode\"?")
                .hasMessageNotContaining("sslmod=");
        assertThatThrownBy(() -> ConnInfo.parse("postgresql://h/db?aplication_name=x"))
                .hasMessageContaining("did you mean \"application_name\"?");
        // an unquoted password with a space and "=" splits into an unknown keyword: it is never named
        assertThatThrownBy(() -> ConnInfo.parse("password=abc def=s3cr3t host=h"))
                .hasMessageContaining("Unknown connection keyword").hasMessageNotContaining("def");
    }

    @Test
    void wellFormedStringsWithBadValuesFailWhenUsedWithoutThePassword() {
        assertThatThrownBy(() -> ConnInfo.parse("postgresql://u:s3cr3t@h/db?sslmode=always").toJdbc())
                .isInstanceOf(ConnInfoException.class).hasMessageContaining("sslmode")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> ConnInfo.parse("host=a,b,c port=1,2 password=s3cr3t").endpoints())
                .hasMessageContaining("3 hosts").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> ConnInfo.parse("host=a port=x password=s3cr3t").toJdbc())
                .hasMessageContaining("port").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void renderingRoundTripsEveryForm() {
        for (String text : List.of("postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp",
                "postgresql://host1:123,host2:456/somedb?target_session_attrs=any&application_name=myapp",
                "postgresql://%2Fvar%2Flib%2Fpostgresql/dbname", "postgresql:///mydb?host=localhost&port=5433",
                "host=h1,h2 port=5433 dbname='my db' options='-c geqo=off'",
                "jdbc:postgresql://[::1]:5740,replica:5433/accounting?user=u&prepareThreshold=0")) {
            ConnInfo c = ConnInfo.parse(text);
            ConnInfo again = ConnInfo.parse(c.render());
            assertThat(again.keywords()).as(text).isEqualTo(c.keywords());
            assertThat(again.endpoints()).as(text).isEqualTo(c.endpoints());
            assertThat(again.driverProperties()).as(text).isEqualTo(c.driverProperties());
        }
    }

    @Test
    void profilesKeepTheFieldsAndTheStringOnlyWhenNeededNeverThePassword() {
        ConnectionProfile simple = ConnectionProfile.of("x",
                ConnInfo.parse("postgresql://dba:s3cr3t@db.example.com:6432/shop?sslmode=require"));
        assertThat(simple).extracting(ConnectionProfile::host, ConnectionProfile::port, ConnectionProfile::database,
                ConnectionProfile::user, ConnectionProfile::sslMode, ConnectionProfile::jdbcUrl)
                .containsExactly("db.example.com", 6432, "shop", "dba", "require", null);
        ConnectionProfile multi = ConnectionProfile.of("y",
                ConnInfo.parse("host=h1,h2 port=5433 dbname=shop password=s3cr3t application_name=x"));
        assertThat(multi.host()).isEqualTo("h1");
        assertThat(multi.jdbcUrl()).isEqualTo("host=h1,h2 port=5433 dbname=shop application_name=x");
        assertThat(multi.toString()).doesNotContain("s3cr3t");
        assertThat(ConnInfo.of(multi).endpoints()).hasSize(2);
        assertThat(multi.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://h1:5433,h2:5433/shop?ApplicationName=x");
    }
}
