package org.planwright.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the per-user workbench store lives, and what decided it.
 *
 * <p>Order of precedence: system property {@value #HOME_PROPERTY}, then environment variable {@value #HOME_ENV},
 * then the operating system's convention for per-user application data:
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/planwright}, or {@code ~/.local/share/planwright} when
 *       {@code XDG_DATA_HOME} is unset, empty or relative (XDG Base Directory Specification 0.8);</li>
 *   <li>Windows: {@code %APPDATA%\Planwright} (the roaming profile), or {@code <user.home>\AppData\Roaming\Planwright}
 *       when {@code APPDATA} is unset;</li>
 *   <li>macOS: {@code ~/Library/Application Support/Planwright} (Apple File System Programming Guide).</li>
 * </ul>
 * A leading {@code ~} in an override is replaced by {@code user.home}.
 *
 * <p>{@link #resolve} is a pure function so that all three systems can be tested on one; the directory is a string
 * written with the separator of the given operating system. Immutable and thread-safe.
 *
 * @param directory the store folder, absolute unless an override gave a relative path
 * @param source    what decided it
 */
public record StoreLocation(String directory, Source source) {

    /** System property that overrides the store folder, e.g. {@code -Dplanwright.home=/data/pw}. */
    public static final String HOME_PROPERTY = "planwright.home";
    /** Environment variable that overrides the store folder. */
    public static final String HOME_ENV = "PLANWRIGHT_HOME";

    /** What decided the store folder (to tell a user where to change it). */
    public enum Source {
        /** System property {@value StoreLocation#HOME_PROPERTY}. */
        SYSTEM_PROPERTY,
        /** Environment variable {@value StoreLocation#HOME_ENV}. */
        ENVIRONMENT,
        /** The operating system's per-user data folder convention. */
        OS_DEFAULT
    }

    public StoreLocation {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @return the folder as a path of the running system (meaningful when resolved for the running system)
     */
    public Path path() {
        return Path.of(directory);
    }

    /**
     * The store location of the running JVM: {@code os.name}, {@link System#getenv()}, {@link System#getProperties()}
     * and {@code user.home}.
     *
     * @return the location; never null
     */
    public static StoreLocation forThisMachine() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> properties.put(k, System.getProperty(k)));
        return resolve(System.getProperty("os.name", ""), System.getenv(), properties,
                System.getProperty("user.home", ""));
    }

    /**
     * Resolves the store folder from explicit inputs (no access to the running system).
     *
     * @param osName           value of {@code os.name}, e.g. "Linux", "Windows 11", "Mac OS X"
     * @param environment      environment variables (names are matched exactly; Windows callers pass them as given)
     * @param systemProperties system properties
     * @param userHome         value of {@code user.home}
     * @return the location; never null
     * @throws NullPointerException when an argument is null
     */
    public static StoreLocation resolve(String osName, Map<String, String> environment,
                                        Map<String, String> systemProperties, String userHome) {
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(systemProperties, "systemProperties");
        Objects.requireNonNull(userHome, "userHome");
        Os os = Os.of(osName);
        String property = systemProperties.get(HOME_PROPERTY);
        if (isSet(property)) {
            return new StoreLocation(expandHome(property.strip(), userHome, os), Source.SYSTEM_PROPERTY);
        }
        String env = environment.get(HOME_ENV);
        if (isSet(env)) {
            return new StoreLocation(expandHome(env.strip(), userHome, os), Source.ENVIRONMENT);
        }
        return new StoreLocation(osDefault(os, environment, userHome), Source.OS_DEFAULT);
    }

    private static String osDefault(Os os, Map<String, String> environment, String userHome) {
        return switch (os) {
            case WINDOWS -> {
                String appData = environment.get("APPDATA");
                String base = isSet(appData) ? appData.strip() : join(os, userHome, "AppData", "Roaming");
                yield join(os, base, "Planwright");
            }
            case MACOS -> join(os, userHome, "Library", "Application Support", "Planwright");
            case UNIX -> {
                String xdg = environment.get("XDG_DATA_HOME");
                // the XDG spec: a relative path in XDG_DATA_HOME is invalid and must be ignored
                String base = isSet(xdg) && xdg.strip().startsWith("/") ? xdg.strip()
                        : join(os, userHome, ".local", "share");
                yield join(os, base, "planwright");
            }
        };
    }

    private static String expandHome(String path, String userHome, Os os) {
        if (path.equals("~")) {
            return userHome;
        }
        if (path.startsWith("~/") || path.startsWith("~" + os.separator)) {
            return join(os, userHome, path.substring(2));
        }
        return path;
    }

    private static String join(Os os, String first, String... more) {
        StringBuilder sb = new StringBuilder(first);
        for (String part : more) {
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != os.separator) {
                sb.append(os.separator);
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The three conventions Planwright knows. */
    private enum Os {
        WINDOWS('\\'), MACOS('/'), UNIX('/');

        private final char separator;

        Os(char separator) {
            this.separator = separator;
        }

        static Os of(String osName) {
            String n = osName.toLowerCase(Locale.ROOT);
            if (n.startsWith("windows")) {
                return WINDOWS;
            }
            if (n.startsWith("mac") || n.startsWith("darwin")) {
                return MACOS;
            }
            return UNIX;
        }
    }
}
