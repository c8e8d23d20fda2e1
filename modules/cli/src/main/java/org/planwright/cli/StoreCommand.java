package org.planwright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.planwright.keychain.OsKeychain;
import org.planwright.store.Keychain;
import org.planwright.store.StoreEncryption;
import org.planwright.store.StoreException;
import org.planwright.store.StoreUnlock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code planwright store encrypt|decrypt|status}: encryption at rest of the store that {@code PLANWRIGHT_HOME} /
 * {@code -Dplanwright.home} points at (issue 12, ADR 0017, ADR 0023). The store must be closed (no running
 * Planwright). The key goes to the OS keychain where there is one; otherwise the master password comes from
 * {@code PLANWRIGHT_MASTER_PASSWORD}, else the terminal (typed twice to encrypt).
 */
@Command(name = "store", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Encryption at rest of the Planwright store (off by default).",
        subcommands = {StoreCommand.Encrypt.class, StoreCommand.Decrypt.class, StoreCommand.Status.class})
final class StoreCommand implements Runnable {

    @ParentCommand
    PlanwrightCommand parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: encrypt, decrypt or status");
    }

    private static int fail(CommandLine.Model.CommandSpec spec, RuntimeException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("planwright: " + e.getMessage());
        err.flush();
        return ExitCodes.USAGE_OR_CONNECTION;
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether the store is encrypted.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        StoreCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
        WorkspaceCommand.Format format;

        @Override
        public Integer call() {
            Path dir = StoreWorkspace.location(parent.parent.environment());
            Optional<StoreEncryption.KeySource> source = StoreEncryption.keySource(dir);
            PrintWriter out = spec.commandLine().getOut();
            if (format == WorkspaceCommand.Format.JSON) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("store", dir.toString());
                m.put("encrypted", source.isPresent());
                m.put("keySource", source.map(Enum::name).orElse(null));
                out.print(CliJson.write(m));
            } else {
                out.println(dir + ": " + source.map(s -> "encrypted (key from the "
                        + (s == StoreEncryption.KeySource.KEYCHAIN ? "OS keychain" : "master password") + ")")
                        .orElse("not encrypted"));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Where {@code store encrypt} puts the key. */
    enum KeySourceChoice {
        /** the OS keychain; an error where there is none */
        KEYCHAIN,
        /** derived from a master password, asked at every start */
        MASTER_PASSWORD
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = {"Encrypt the store file (H2 AES). The key is random and kept in the OS keychain (macOS "
                    + "Keychain, Windows Credential Manager, the Secret Service on Linux desktops) where there is one; "
                    + "otherwise, or with --key-source master-password, it is derived from a master password, which "
                    + "every later start then needs (PLANWRIGHT_MASTER_PASSWORD or typed). Close Planwright first.",
                    "Backups taken before schema upgrades (backups/*.zip, unencrypted) are deleted."})
    static final class Encrypt implements Callable<Integer> {
        @ParentCommand
        StoreCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--key-source", paramLabel = "SOURCE", converter = KeySourceConverter.class,
                description = "keychain or master-password (default: the keychain where there is one).")
        KeySourceChoice keySource;

        @Override
        public Integer call() {
            CliEnvironment env = parent.parent.environment();
            Path dir = StoreWorkspace.location(env);
            try {
                Keychain keychain = keySource == KeySourceChoice.MASTER_PASSWORD ? Keychain.none() : env.keychain();
                boolean inKeychain = keychain.available();
                if (keySource == KeySourceChoice.KEYCHAIN && !inKeychain) {
                    throw new IllegalArgumentException("there is no OS keychain here"
                            + (keychain instanceof OsKeychain os ? os.unavailableReason().map(r -> " (" + r + ")")
                            .orElse("") : "") + "; use --key-source master-password. Nothing was changed.");
                }
                if (!inKeychain && keySource == null && keychain instanceof OsKeychain os) {
                    spec.commandLine().getErr().println("planwright: no OS keychain here"
                            + os.unavailableReason().map(r -> " (" + r + ")").orElse("")
                            + "; the key is derived from a master password");
                    spec.commandLine().getErr().flush();
                }
                char[] master = inKeychain ? null : masterPassword(env, true);
                StoreEncryption.enable(dir, keychain, master);
                if (master != null) {
                    Arrays.fill(master, '\0');
                }
                spec.commandLine().getOut().println(dir + (inKeychain
                        ? ": encrypted; the key is in the OS keychain of this user, no password is needed to open it"
                        : ": encrypted; keep the master password safe, without it the store cannot be opened"));
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (StoreException | IllegalArgumentException e) {
                return fail(spec, e);
            }
        }
    }

    /** Reads {@code keychain} / {@code master-password} (any case, '-' or '_'). */
    static final class KeySourceConverter implements CommandLine.ITypeConverter<KeySourceChoice> {
        @Override
        public KeySourceChoice convert(String value) {
            try {
                return KeySourceChoice.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected keychain or master-password, not '" + value
                        + "'");
            }
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Turn the encrypted store back into a plain H2 file. Close Planwright first.")
    static final class Decrypt implements Callable<Integer> {
        @ParentCommand
        StoreCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CliEnvironment env = parent.parent.environment();
            Path dir = StoreWorkspace.location(env);
            try {
                StoreEncryption.disable(dir, StoreWorkspace.unlock(env));
                spec.commandLine().getOut().println(dir + ": no longer encrypted");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (StoreException | IllegalArgumentException e) {
                return fail(spec, e);
            }
        }
    }

    static char[] masterPassword(CliEnvironment env, boolean confirm) {
        String v = env.env().get(StoreUnlock.MASTER_PASSWORD_ENV);
        if (v != null && !v.isEmpty()) {
            return v.toCharArray();
        }
        char[] typed = env.prompt().ask("New master password: ").orElseThrow(() -> new IllegalArgumentException(
                "no master password: set " + StoreUnlock.MASTER_PASSWORD_ENV + " or run on a terminal to type it"));
        if (confirm && !Arrays.equals(typed, env.prompt().ask("Master password (again): ").orElse(new char[0]))) {
            throw new IllegalArgumentException("the two master passwords differ; nothing was changed");
        }
        return typed;
    }
}
