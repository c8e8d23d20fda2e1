package org.planwright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
 * {@code -Dplanwright.home} points at (issue 12, ADR 0017). The store must be closed (no running Planwright). The
 * master password comes from {@code PLANWRIGHT_MASTER_PASSWORD}, else the terminal (typed twice to encrypt).
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

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = {"Encrypt the store file (H2 AES) under a key derived from a master password, which every "
                    + "later start then needs (PLANWRIGHT_MASTER_PASSWORD or typed). Close Planwright first.",
                    "Backups taken before schema upgrades (backups/*.zip, unencrypted) are deleted."})
    static final class Encrypt implements Callable<Integer> {
        @ParentCommand
        StoreCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CliEnvironment env = parent.parent.environment();
            Path dir = StoreWorkspace.location(env);
            try {
                char[] master = masterPassword(env, true);
                StoreEncryption.enable(dir, Keychain.none(), master);
                Arrays.fill(master, '\0');
                spec.commandLine().getOut().println(dir + ": encrypted; keep the master password safe, without it"
                        + " the store cannot be opened");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (StoreException | IllegalArgumentException e) {
                return fail(spec, e);
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
                StoreEncryption.disable(dir, StoreUnlock.fromEnvironment(env.env())
                        .orElseAsk(() -> env.prompt().ask("Master password of the Planwright store: ")));
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
