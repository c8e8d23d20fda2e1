package org.planwright.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.app.status.StatusViewModel;
import org.planwright.targetdb.ConnInfo;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.TargetConnector;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * The connection dialog's state without a scene: fields, pasted connection strings of every form, validation
 * messages that name the field, passwords that never reach the profile, and Test connection against the test
 * run's real PostgreSQL (background work on the calling thread).
 */
@ExtendWith(PostgresExtension.class)
class ConnectionFormViewModelTest {

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final ConnectionViewModel connection = new ConnectionViewModel(new TargetConnector(),
            new PasswordSource(Map.of("PGPASSFILE", "/nonexistent/planwright-test-pgpass")), executor,
            new StatusViewModel());

    private ConnectionFormViewModel form() {
        ConnectionFormViewModel form = new ConnectionFormViewModel(connection, executor);
        form.clear();
        return form;
    }

    @Test
    void fieldsBecomeAProfileAndALoadedProfileBecomesFields() {
        ConnectionFormViewModel form = form();
        form.nameProperty().set("orders");
        form.hostProperty().set(" db.example.com ");
        form.portProperty().set("6432");
        form.databaseProperty().set("orders");
        form.userProperty().set("dba");
        form.sslModeProperty().set("require");
        ConnectionProfile p = form.toProfile();
        assertThat(p).extracting(ConnectionProfile::name, ConnectionProfile::host, ConnectionProfile::port,
                ConnectionProfile::database, ConnectionProfile::user, ConnectionProfile::sslMode,
                ConnectionProfile::jdbcUrl).containsExactly("orders", "db.example.com", 6432, "orders", "dba",
                "require", null);

        ConnectionFormViewModel again = form();
        again.load(p);
        assertThat(again.toProfile()).isEqualTo(p); // the id is kept
    }

    @Test
    void validationNamesTheField() {
        ConnectionFormViewModel form = form();
        assertThat(form.validationError()).hasValueSatisfying(m -> assertThat(m).startsWith("Name:"));
        form.nameProperty().set("x");
        form.portProperty().set("54x2");
        assertThat(form.validationError()).hasValueSatisfying(m -> assertThat(m).startsWith("Port:"));
        form.portProperty().set("70000");
        assertThat(form.validationError()).hasValueSatisfying(m -> assertThat(m).contains("65535"));
        form.portProperty().set("5432");
        assertThat(form.validationError()).hasValueSatisfying(m -> assertThat(m).startsWith("Database:"));
        form.kindProperty().set(ConnectionProfile.Kind.H2_FILE);
        assertThat(form.validationError()).hasValueSatisfying(m -> assertThat(m).startsWith("H2 file:"));
    }

    @Test
    void pastedUriFillsTheFieldsAndItsPasswordGoesToThePasswordFieldOnly() {
        ConnectionFormViewModel form = form();
        form.connectionStringProperty().set("postgresql://dba:s3cr3t@db.example.com:6432/shop?sslmode=verify-full");

        assertThat(form.applyConnectionString()).isTrue();

        assertThat(form.hostProperty().get()).isEqualTo("db.example.com");
        assertThat(form.portProperty().get()).isEqualTo("6432");
        assertThat(form.databaseProperty().get()).isEqualTo("shop");
        assertThat(form.userProperty().get()).isEqualTo("dba");
        assertThat(form.sslModeProperty().get()).isEqualTo("verify-full");
        assertThat(form.connectionStringProperty().get()).isEmpty(); // the fields say everything
        assertThat(form.passwordProperty().get()).isEqualTo("s3cr3t");
        assertThat(form.nameProperty().get()).isEqualTo("shop@db.example.com");
        ConnectionProfile p = form.toProfile();
        assertThat(p.toString()).doesNotContain("s3cr3t");
        assertThat(new String(form.password())).isEqualTo("s3cr3t");
    }

    @Test
    void pastedKeywordValueStringThatSaysMoreThanTheFieldsIsKeptWithoutPassword() {
        ConnectionFormViewModel form = form();
        form.nameProperty().set("cluster");
        form.connectionStringProperty().set("host=primary,replica port=5433 dbname=shop user=dba password='s3 cr3t'"
                + " target_session_attrs=read-write application_name=planwright");

        assertThat(form.applyConnectionString()).isTrue();

        assertThat(form.hostProperty().get()).isEqualTo("primary");
        assertThat(form.connectionStringProperty().get()).isEqualTo("host=primary,replica port=5433 dbname=shop"
                + " user=dba target_session_attrs=read-write application_name=planwright");
        assertThat(form.passwordProperty().get()).isEqualTo("s3 cr3t");
        ConnectionProfile p = form.toProfile();
        assertThat(p.jdbcUrl()).doesNotContain("s3");
        assertThat(ConnInfo.of(p).endpoints()).hasSize(2);
        assertThat(ConnectionViewModel.describe(p)).doesNotContain("s3 cr3t").contains("replica");
    }

    @Test
    void jdbcUrlWithUserInfoIsAcceptedAsIsWhenConnectedWithoutApplying() {
        ConnectionFormViewModel form = form();
        form.nameProperty().set("jdbc");
        form.connectionStringProperty().set("jdbc:postgresql://postgres:s3cr3t@db.example.com/shop?prepareThreshold=0");

        ConnectionProfile p = form.toProfile();

        assertThat(p.jdbcUrl()).doesNotContain("s3cr3t").contains("prepareThreshold=0", "user=postgres");
        assertThat(new String(form.password())).isEqualTo("s3cr3t");
        assertThat(ConnInfo.of(p).user()).isEqualTo("postgres");
        assertThat(ConnInfo.of(p).primary().host()).isEqualTo("db.example.com");
    }

    @Test
    void badConnectionStringIsNamedWithItsPositionAndNeverRepeated() {
        ConnectionFormViewModel form = form();
        form.nameProperty().set("bad");
        form.hostProperty().set("kept.example.com");
        form.connectionStringProperty().set("postgresql://dba:s3cr3t/shop");

        assertThat(form.applyConnectionString()).isFalse();

        assertThat(form.testResultProperty().get()).startsWith("Connection string:").contains("at character")
                .doesNotContain("s3cr3t");
        assertThat(form.hostProperty().get()).isEqualTo("kept.example.com");
        assertThat(form.validationError()).hasValueSatisfying(m -> assertThat(m).startsWith("Connection string:")
                .doesNotContain("s3cr3t"));
        assertThatThrownBy(form::toProfile).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void storedProfileWithAnOldPasswordInItsUrlLoadsWithoutShowingIt() {
        ConnectionFormViewModel form = form();
        form.load(new ConnectionProfile(UUID.randomUUID(), "old", ConnectionProfile.Kind.POSTGRESQL, null, 0, null,
                null, null, "jdbc:postgresql://db/shop?user=u&password=s3cr3t"));
        assertThat(form.connectionStringProperty().get()).doesNotContain("s3cr3t").contains("db", "shop");
        assertThat(form.passwordProperty().get()).isEqualTo("s3cr3t");
        assertThat(form.toProfile().jdbcUrl()).doesNotContain("s3cr3t");
    }

    @Test
    void testConnectionWithAPastedUriReachesTheRealServer(PostgresFixture pg) {
        ConnectionFormViewModel form = form();
        form.connectionStringProperty().set("postgres://" + pg.user() + "@127.0.0.1:" + pg.sandbox().port()
                + "/postgres?application_name=form-test");

        form.test();

        assertThat(form.testResultProperty().get()).startsWith("Connected: ");

        form.connectionStringProperty().set("postgresql://" + pg.user() + "@127.0.0.1:" + pg.sandbox().port()
                + "/no_such_db");
        form.test();
        assertThat(form.testResultProperty().get()).startsWith("Failed: ").contains("no_such_db");
    }
}
