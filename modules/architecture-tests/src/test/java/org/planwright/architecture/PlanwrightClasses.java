package org.planwright.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The production classes of every Planwright module, imported once per test JVM, with a guard against a vacuous
 * pass: every module of the build ({@code app} and {@code modules/*}, found through their {@code module-info.java})
 * must have classes in the import, so a module that is not a dependency of this one fails the rules instead of
 * escaping them.
 */
final class PlanwrightClasses {

    private static final Pattern MODULE_NAME = Pattern.compile("\\bmodule\\s+(org\\.planwright\\.[\\w.]+)\\s*\\{");

    private static JavaClasses imported;

    private PlanwrightClasses() {
    }

    /** @return the production classes under {@code org.planwright}, every module's included (checked) */
    static synchronized JavaClasses production() {
        if (imported == null) {
            JavaClasses classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.planwright");
            List<String> packages = modulePackages();
            assertThat(packages).as("module-info.java files found under the build root").hasSizeGreaterThan(8);
            for (String pkg : packages) {
                assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                        .as("classes of %s imported (is the module a dependency of architecture-tests?)", pkg)
                        .isTrue();
            }
            imported = classes;
        }
        return imported;
    }

    /**
     * The JPMS names of the build's modules, read from {@code app} and {@code modules/*} (the architecture-tests
     * module itself holds no production classes and is left out).
     */
    private static List<String> modulePackages() {
        Path root = Path.of("").toAbsolutePath().getParent().getParent(); // modules/architecture-tests -> root
        List<Path> infos = new ArrayList<>();
        infos.add(root.resolve("app/src/main/java/module-info.java"));
        try (Stream<Path> modules = Files.list(root.resolve("modules"))) {
            modules.filter(m -> !m.getFileName().toString().equals("architecture-tests"))
                    .map(m -> m.resolve("src/main/java/module-info.java"))
                    .filter(Files::isRegularFile)
                    .forEach(infos::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the modules under " + root, e);
        }
        List<String> names = new ArrayList<>();
        for (Path info : infos) {
            try {
                Matcher m = MODULE_NAME.matcher(Files.readString(info));
                assertThat(m.find()).as("module name in %s", info).isTrue();
                names.add(m.group(1));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + info, e);
            }
        }
        return names;
    }
}
